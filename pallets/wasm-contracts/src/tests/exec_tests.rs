//! Executing contracts: the seed's counter, a token, and calls between contracts.

use super::*;
use crate::{Error, Event};
use frame_support::assert_ok;
use wasm_contracts_primitives::abi::ReturnCode;

fn amount_msg(to: &AccountId, amount: u64) -> Vec<u8> {
	let mut msg = AsRef::<[u8; 32]>::as_ref(to).to_vec();
	msg.extend_from_slice(&amount.to_le_bytes());
	msg
}

fn token_balance(token: &AccountId, who: &AccountId) -> u64 {
	let data = dry_execute(&ALICE, token, "balance", AsRef::<[u8; 32]>::as_ref(who).to_vec()).unwrap();
	u64::from_le_bytes(data.try_into().unwrap())
}

#[test]
fn counter_increments_one_two_three() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		for expected in 1u32..=3 {
			assert_eq!(dry_execute(&BOB, &counter, "increment", vec![]), Ok(expected.to_le_bytes().to_vec()));
			assert_ok!(execute(&BOB, &counter, "increment", vec![]));
			assert_eq!(stored(&counter, b"counter"), Some(expected.to_le_bytes().to_vec()));
		}
		// Each execute's event carries what `increment` returned: the new value.
		assert!(contract_events().contains(&Event::Executed {
			caller: BOB,
			contract: counter.clone(),
			entry_point: b"increment".to_vec(),
			output: Some(3u32.to_le_bytes().to_vec()),
		}));
	});
}

#[test]
fn token_mints_transfers_and_reports_balances() {
	new_test_ext().execute_with(|| {
		let token = deploy_fixture("token");
		assert_ok!(execute(&ALICE, &token, "mint", amount_msg(&BOB, 1_000)));
		assert_ok!(execute(&BOB, &token, "transfer", amount_msg(&CHARLIE, 300)));
		assert_eq!(token_balance(&token, &BOB), 700);
		assert_eq!(token_balance(&token, &CHARLIE), 300);
		assert!(contract_events().contains(&Event::ContractEmitted {
			contract: token.clone(),
			topic: b"transfer".to_vec(),
			data: amount_msg(&CHARLIE, 300),
		}));
	});
}

#[test]
fn token_refuses_overdraft_and_foreign_minting_without_changes() {
	new_test_ext().execute_with(|| {
		let token = deploy_fixture("token");
		assert_ok!(execute(&ALICE, &token, "mint", amount_msg(&BOB, 100)));

		let overdraft = dry_execute(&BOB, &token, "transfer", amount_msg(&CHARLIE, 101)).unwrap_err();
		assert_eq!(overdraft.error, Error::<Test>::ContractReverted.into());
		assert_eq!(overdraft.revert_message, Some(b"insufficient balance".to_vec()));
		assert_eq!(error_of(execute(&BOB, &token, "transfer", amount_msg(&CHARLIE, 101))), Error::<Test>::ContractReverted.into());

		let foreign = dry_execute(&BOB, &token, "mint", amount_msg(&BOB, 5)).unwrap_err();
		assert_eq!(foreign.revert_message, Some(b"not the minter".to_vec()));

		assert_eq!(token_balance(&token, &BOB), 100);
		assert_eq!(token_balance(&token, &CHARLIE), 0);
	});
}

#[test]
fn execute_refuses_unknown_reserved_and_malformed_entry_points() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		assert_eq!(error_of(execute(&BOB, &counter, "decrement", vec![])), Error::<Test>::EntryPointNotFound.into());
		assert_eq!(error_of(execute(&BOB, &counter, "migrate", vec![])), Error::<Test>::ReservedEntryPoint.into());
		let invalid_utf8 = Contracts::execute(RuntimeOrigin::signed(BOB), counter.clone(), vec![0xff], vec![], 0, gas(), None);
		assert_eq!(error_of(invalid_utf8), Error::<Test>::InvalidEntryPoint.into());
		assert_eq!(error_of(execute(&BOB, &BOB, "increment", vec![])), Error::<Test>::ContractNotFound.into());
		let too_long = vec![0u8; Params::default().max_contract_msg_size as usize + 1];
		assert_eq!(error_of(execute(&BOB, &counter, "increment", too_long)), Error::<Test>::MsgTooLarge.into());
	});
}

#[test]
fn allocate_export_decides_where_output_goes() {
	new_test_ext().execute_with(|| {
		let echo = deploy_fixture("allocator");
		assert_eq!(dry_execute(&BOB, &echo, "echo", b"hello".to_vec()), Ok(b"hello".to_vec()));
	});
}

fn forward_msg(target: &AccountId, entry: &str) -> Vec<u8> {
	forward_with_gas(target, 0, entry)
}

fn forward_with_gas(target: &AccountId, gas_limit: u64, entry: &str) -> Vec<u8> {
	let mut msg = AsRef::<[u8; 32]>::as_ref(target).to_vec();
	msg.extend_from_slice(&gas_limit.to_le_bytes());
	msg.extend_from_slice(entry.as_bytes());
	msg
}

#[test]
fn contracts_call_contracts() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let proxy = deploy_fixture("proxy");
		assert_ok!(execute(&BOB, &proxy, "forward", forward_msg(&counter, "increment")));
		assert_eq!(stored(&counter, b"counter"), Some(1u32.to_le_bytes().to_vec()));
		assert_eq!(dry_execute(&BOB, &proxy, "forward", forward_msg(&counter, "increment")), Ok(2u32.to_le_bytes().to_vec()));
		assert!(contract_events().contains(&Event::Executed {
			caller: proxy.clone(),
			contract: counter.clone(),
			entry_point: b"increment".to_vec(),
			output: Some(1u32.to_le_bytes().to_vec()),
		}));
	});
}

fn code_then(code: ReturnCode, data: &[u8]) -> Vec<u8> {
	let mut expected = (code as u32).to_le_bytes().to_vec();
	expected.extend_from_slice(data);
	expected
}

#[test]
fn failed_callee_is_undone_and_caller_sees_its_code() {
	new_test_ext().execute_with(|| {
		let faults = deploy_fixture("faults");
		let proxy = deploy_fixture("proxy");
		// The looping callee gets a tenth of the gas, so the proxy can go on when it runs out.
		let tenth = gas().ref_time() / 10;
		let cases = [
			("trap_after_write", 0, code_then(ReturnCode::CalleeTrapped, b"")),
			("revert_after_write", 0, code_then(ReturnCode::CalleeReverted, b"nope")),
			("loop_forever", tenth, code_then(ReturnCode::CalleeTrapped, b"")),
			("no_such_entry", 0, code_then(ReturnCode::EntryPointNotFound, b"")),
		];
		for (entry, callee_gas, expected) in cases {
			let msg = forward_with_gas(&faults, callee_gas, entry);
			assert_eq!(dry_execute(&BOB, &proxy, "forward", msg.clone()), Ok(expected), "{entry}");
			assert_ok!(execute(&BOB, &proxy, "forward", msg));
			assert_eq!(stored(&faults, b"written"), None, "{entry}");
			assert_eq!(stored(&proxy, b"called"), Some(b"called".to_vec()), "{entry}");
		}
		let not_a_contract = dry_execute(&BOB, &proxy, "forward", forward_msg(&BOB, "write"));
		assert_eq!(not_a_contract, Ok(code_then(ReturnCode::NotAContract, b"")));
	});
}

#[test]
fn call_depth_is_limited() {
	new_test_ext().execute_with(|| {
		let proxy = deploy_fixture("proxy");
		for max_call_depth in [2, Params::default().max_call_depth] {
			set_params(|params| params.max_call_depth = max_call_depth);
			// The proxy forwards to itself until the depth limit stops the innermost call.
			let msg = forward_msg(&proxy, "forward");
			let result = Contracts::dry_run_execute(BOB, proxy.clone(), b"forward".to_vec(), msg, 0, None);
			let returned = result.result.unwrap().data;
			assert_eq!(returned, code_then(ReturnCode::CallDepthExceeded, b""));
			let frames = result
				.events
				.iter()
				.filter(|record| matches!(record.event, RuntimeEvent::Contracts(Event::Executed { .. })))
				.count();
			assert_eq!(frames, max_call_depth as usize);
		}
	});
}

#[test]
fn an_output_longer_than_the_event_bound_is_left_out_of_the_event() {
	new_test_ext().execute_with(|| {
		// `run` returns `len` bytes of its memory, `len` being its 4-byte input (placed by the
		// host at the old end of memory, page 1).
		let module = wat(
			r#"(module (import "env" "set_return_data" (func $set (param i32 i32)))
			(import "env" "get_input" (func $input (result i64)))
			(memory (export "memory") 1)
			(func (export "run")
				(call $set (i32.const 0) (i32.load (i32.wrap_i64 (i64.shr_u (call $input) (i64.const 32)))))))"#,
		);
		let contract = instantiate(&ALICE, upload(&ALICE, module), vec![], None);
		let bound = crate::Parameters::<Test>::get().max_event_data_len;
		let output_of = |len: u32| {
			frame_system::Pallet::<Test>::reset_events();
			assert_ok!(execute(&BOB, &contract, "run", len.to_le_bytes().to_vec()));
			contract_events().into_iter().find_map(|event| match event {
				Event::Executed { output, .. } => Some(output),
				_ => None,
			})
		};
		let within = output_of(bound).unwrap().unwrap();
		assert_eq!(within, vec![0u8; bound as usize]);
		assert_eq!(output_of(bound + 1), Some(None));
	});
}

/// The reader fixture's input for `contract`, followed by `rest`.
fn read_msg(contract: &AccountId, rest: &[u8]) -> Vec<u8> {
	let mut msg = AsRef::<[u8; 32]>::as_ref(contract).to_vec();
	msg.extend_from_slice(rest);
	msg
}

#[test]
fn a_contract_reads_another_with_a_read_only_call() {
	new_test_ext().execute_with(|| {
		let token = deploy_fixture("token");
		let reader = deploy_fixture("reader");
		assert_ok!(execute(&ALICE, &token, "mint", amount_msg(&BOB, 500)));
		let msg = read_msg(&token, AsRef::<[u8; 32]>::as_ref(&BOB));
		let read = dry_execute(&CHARLIE, &reader, "balance", msg.clone()).unwrap();
		assert_eq!(read, [0u32.to_le_bytes().as_slice(), &500u64.to_le_bytes()].concat());
		frame_system::Pallet::<Test>::reset_events();
		assert_ok!(execute(&CHARLIE, &reader, "balance", msg));
		// The query's callee emits no `Executed`; the reader, which may write around it, does.
		let executed: Vec<_> = contract_events()
			.into_iter()
			.filter_map(|event| match event {
				Event::Executed { contract, .. } => Some(contract),
				_ => None,
			})
			.collect();
		assert_eq!(executed, vec![reader.clone()]);
		assert_eq!(stored(&reader, b"after"), Some(b"after".to_vec()));
	});
}

#[test]
fn a_read_only_call_that_changes_state_fails_and_leaves_the_caller_alone() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let reader = deploy_fixture("reader");
		assert_ok!(execute(&BOB, &reader, "increment", read_msg(&counter, &[])));
		assert_eq!(stored(&counter, b"counter"), None, "the callee's write was refused");
		assert_eq!(stored(&reader, b"before"), Some(b"before".to_vec()));
		assert_eq!(stored(&reader, b"after"), Some(b"after".to_vec()), "the caller writes again after the query");
		let output = dry_execute(&BOB, &reader, "increment", read_msg(&counter, &[])).unwrap();
		assert_eq!(output, (wasm_contracts_primitives::abi::ReturnCode::CalleeTrapped as u32).to_le_bytes().to_vec());
	});
}
