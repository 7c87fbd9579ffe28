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

		assert_ok!(Contracts::execute(RuntimeOrigin::signed(BOB), context.clone(), b"funds".to_vec(), vec![], 500, gas(), None));
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
	use crate::vm::imports::HostFn;
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

#[test]
fn every_mutating_host_function_traps_in_a_read_only_call_before_it_runs() {
	use crate::{vm::imports::HostFn, Error};
	let wasm_type = |ty: &wasmparser::ValType| if *ty == wasmparser::ValType::I64 { "i64" } else { "i32" };
	let mutating: Vec<HostFn> = HostFn::ALL.iter().copied().filter(|host_fn| host_fn.mutating()).collect();
	assert!(mutating.len() >= 7, "storage writes and deletes, events, transfers, instantiation, payment, termination");
	// One export per mutating function, calling it with zeros: in a query it must trap before
	// it looks at its arguments.
	let (imports, exports): (String, String) = mutating
		.iter()
		.map(|host_fn| {
			let params: Vec<_> = host_fn.params().iter().map(wasm_type).collect();
			let results: Vec<_> = host_fn.results().iter().map(wasm_type).collect();
			let import = format!(
				r#"(import "env" "{0}" (func ${0} (param {1}) (result {2})))"#,
				host_fn.name(),
				params.join(" "),
				results.join(" ")
			);
			let zeros: String = params.iter().map(|ty| format!("({ty}.const 0) ")).collect();
			let drop = if results.is_empty() { "" } else { "drop" };
			let export = format!(r#"(func (export "{0}") (call ${0} {zeros}) {drop})"#, host_fn.name());
			(import, export)
		})
		.unzip();
	new_test_ext().execute_with(|| {
		let module = wat(&format!(r#"(module {imports} (memory (export "memory") 1) {exports})"#));
		let contract = instantiate(&ALICE, upload(&ALICE, module), vec![], None);
		for host_fn in mutating {
			let result = Contracts::query(contract.clone(), host_fn.name().as_bytes().to_vec(), vec![], None);
			assert_eq!(result.result.map(|_| ()), Err(Error::<Test>::StateChangeInReadOnlyCall.into()), "{}", host_fn.name());
		}
	});
}

/// Signatures of the host function table in `docs/abi.md`: name, parameter types, result types.
fn documented_host_functions() -> Vec<(String, Vec<String>, Vec<String>)> {
	let abi = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/abi.md")).unwrap();
	let section = abi.split("## Host functions").nth(1).unwrap();
	section
		.lines()
		.filter_map(|line| line.strip_prefix("| `"))
		.filter_map(|row| row.split('`').next())
		.filter(|signature| signature.contains('('))
		.map(|signature| {
			let (name, rest) = signature.split_once('(').unwrap();
			let (params, result) = rest.split_once(')').unwrap();
			// `a, b: i32` gives both `a` and `b` the type that follows the last of them.
			let mut types: Vec<String> = Vec::new();
			let mut untyped = 0;
			for param in params.split(',').map(str::trim).filter(|param| !param.is_empty()) {
				match param.split_once(':') {
					Some((_, ty)) => {
						types.extend(std::iter::repeat_n(ty.trim().to_string(), untyped + 1));
						untyped = 0;
					},
					None => untyped += 1,
				}
			}
			let result = result.trim().strip_prefix("->").map(|ty| vec![ty.trim().to_string()]).unwrap_or_default();
			(name.to_string(), types, result)
		})
		.collect()
}

#[test]
fn the_abi_document_lists_every_host_function_with_its_exact_signature() {
	use crate::vm::imports::HostFn;
	let wasm_type = |ty: &wasmparser::ValType| if *ty == wasmparser::ValType::I64 { "i64" } else { "i32" }.to_string();
	let declared: Vec<(String, Vec<String>, Vec<String>)> = HostFn::ALL
		.iter()
		.map(|host_fn| {
			let params = host_fn.params().iter().map(wasm_type).collect();
			let results = host_fn.results().iter().map(wasm_type).collect();
			(host_fn.name().to_string(), params, results)
		})
		.collect();
	assert_eq!(documented_host_functions(), declared);
}
