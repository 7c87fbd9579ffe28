//! Host functions seen from a contract: context, funds, crypto.

use super::*;
use frame_support::assert_ok;
use sp_core::{ed25519, Pair};
use wasm_contracts_primitives::abi::ReturnCode;

fn code_of(data: Vec<u8>) -> u32 {
	u32::from_le_bytes(data.try_into().unwrap())
}

#[test]
fn context_functions_report_addresses_block_and_time() {
	new_test_ext().execute_with(|| {
		let context = deploy_fixture("context");
		let whoami = dry_execute(&BOB, &context, "whoami", vec![]).unwrap();
		assert_eq!(&whoami[..32], AsRef::<[u8; 32]>::as_ref(&context));
		assert_eq!(&whoami[32..], AsRef::<[u8; 32]>::as_ref(&BOB));
		System::set_block_number(42);
		let clock = dry_execute(&BOB, &context, "clock", vec![]).unwrap();
		assert_eq!(u64::from_le_bytes(clock[..8].try_into().unwrap()), 42);
		assert_eq!(u64::from_le_bytes(clock[8..].try_into().unwrap()), 1_700_000_000_000);
	});
}

#[test]
fn value_balance_and_transfer() {
	new_test_ext().execute_with(|| {
		let context = deploy_fixture("context");
		let funds = Contracts::dry_run_execute(BOB, context.clone(), b"funds".to_vec(), vec![], 250, None);
		let data = funds.result.unwrap().data;
		assert_eq!(u128::from_le_bytes(data[..16].try_into().unwrap()), 250);
		assert_eq!(u128::from_le_bytes(data[16..].try_into().unwrap()), (EXISTENTIAL_DEPOSIT + 250) as u128);

		assert_ok!(Contracts::execute(RuntimeOrigin::signed(BOB), context.clone(), b"funds".to_vec(), vec![], 500, gas()));
		let charlie_before = balance(&CHARLIE);
		let pay = |amount: u128| {
			let mut msg = AsRef::<[u8; 32]>::as_ref(&CHARLIE).to_vec();
			msg.extend_from_slice(&amount.to_le_bytes());
			msg
		};
		assert_eq!(code_of(dry_execute(&BOB, &context, "pay_out", pay(200)).unwrap()), ReturnCode::Success as u32);
		assert_ok!(execute(&BOB, &context, "pay_out", pay(200)));
		assert_eq!(balance(&CHARLIE), charlie_before + 200);
		assert_eq!(balance(&context), EXISTENTIAL_DEPOSIT + 300);
		// The contract keeps its existential deposit: paying out everything fails.
		let all = pay((EXISTENTIAL_DEPOSIT + 300) as u128);
		assert_eq!(code_of(dry_execute(&BOB, &context, "pay_out", all).unwrap()), ReturnCode::TransferFailed as u32);
		assert_eq!(code_of(dry_execute(&BOB, &context, "pay_out", pay(u128::MAX)).unwrap()), ReturnCode::TransferFailed as u32);
	});
}

#[test]
fn crypto_hash_and_verify() {
	new_test_ext().execute_with(|| {
		let context = deploy_fixture("context");
		let hash = dry_execute(&BOB, &context, "hash", b"abc".to_vec()).unwrap();
		assert_eq!(hash, sp_io::hashing::blake2_256(b"abc").to_vec());

		let pair = ed25519::Pair::from_seed(&[7u8; 32]);
		let message = b"pay 10 to bob".to_vec();
		let signed = |signature: &[u8]| {
			let mut input = pair.public().0.to_vec();
			input.extend_from_slice(signature);
			input.extend_from_slice(&message);
			input
		};
		let signature = pair.sign(&message);
		let valid = dry_execute(&BOB, &context, "verify", signed(&signature.0)).unwrap();
		assert_eq!(code_of(valid), ReturnCode::Success as u32);
		let mut forged = signature.0;
		forged[0] ^= 1;
		let invalid = dry_execute(&BOB, &context, "verify", signed(&forged)).unwrap();
		assert_eq!(code_of(invalid), ReturnCode::InvalidSignature as u32);
	});
}

#[test]
fn gas_left_shrinks_with_the_limit() {
	new_test_ext().execute_with(|| {
		let context = deploy_fixture("context");
		let left = |limit: Weight| {
			let result = Contracts::dry_run_execute(BOB, context.clone(), b"gas".to_vec(), vec![], 0, Some(limit));
			u64::from_le_bytes(result.result.unwrap().data.try_into().unwrap())
		};
		// Dry runs get at most `query_gas_cap`.
		let cap = Params::default().query_gas_cap;
		let full = left(cap);
		let half = left(Weight::from_parts(cap.ref_time() / 2, cap.proof_size()));
		assert!(full > half && half > 0);
		assert_eq!(full - half, cap.ref_time() - cap.ref_time() / 2);
		assert_eq!(left(gas()), full, "a limit above the cap gets the cap");
	});
}

#[test]
fn a_module_importing_every_host_function_uploads_and_links() {
	use crate::vm::host::HostFn;
	let wasm_type = |ty: &wasmparser::ValType| match ty {
		wasmparser::ValType::I32 => "i32",
		_ => "i64",
	};
	let imports: String = HostFn::ALL
		.iter()
		.map(|host_fn| {
			let params: Vec<_> = host_fn.params().iter().map(wasm_type).collect();
			let results: Vec<_> = host_fn.results().iter().map(wasm_type).collect();
			format!(
				r#"(import "env" "{}" (func (param {}) (result {})))"#,
				host_fn.name(),
				params.join(" "),
				results.join(" ")
			)
		})
		.collect();
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, wat(&format!(r#"(module {imports} (memory (export "memory") 1) (func (export "noop")))"#)));
		let contract = instantiate(&ALICE, code_id, vec![], None);
		assert_eq!(dry_execute(&BOB, &contract, "noop", vec![]), Ok(vec![]));
	});
}
