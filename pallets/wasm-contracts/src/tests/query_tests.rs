//! The runtime API: queries are read-only and capped, reads and info are exact.

use super::*;
use crate::Error;
use wasm_contracts_primitives::StorageReadError;

#[test]
fn query_refuses_state_changes() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let result = Contracts::query(counter.clone(), b"increment".to_vec(), vec![], None);
		assert_eq!(result.result, Err(Error::<Test>::StateChangeInReadOnlyCall.into()));
		assert_eq!(stored(&counter, b"counter"), None);
		let faults = deploy_fixture("faults");
		let result = Contracts::query(faults, b"revert_after_write".to_vec(), vec![], None);
		assert_eq!(result.result, Err(Error::<Test>::StateChangeInReadOnlyCall.into()));
	});
}

#[test]
fn query_reads_without_a_caller_or_fee() {
	new_test_ext().execute_with(|| {
		let token = deploy_fixture("token");
		let mut mint = AsRef::<[u8; 32]>::as_ref(&BOB).to_vec();
		mint.extend_from_slice(&77u64.to_le_bytes());
		frame_support::assert_ok!(execute(&ALICE, &token, "mint", mint));
		let before = balance(&CHARLIE);
		let result = Contracts::query(token.clone(), b"balance".to_vec(), AsRef::<[u8; 32]>::as_ref(&BOB).to_vec(), None);
		assert_eq!(result.result.unwrap().data, 77u64.to_le_bytes().to_vec());
		assert!(result.events.is_empty());
		assert_eq!(balance(&CHARLIE), before);
		let context = deploy_fixture("context");
		let whoami = Contracts::query(context.clone(), b"whoami".to_vec(), vec![], None).result.unwrap().data;
		assert_eq!(&whoami[..32], AsRef::<[u8; 32]>::as_ref(&context));
		assert_eq!(&whoami[32..], &[0u8; 32], "no caller is written at the top of a query");
	});
}

#[test]
fn query_gas_is_capped() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, wat(r#"(module (func (export "spin") (loop $l (br $l))))"#));
		let spinner = instantiate(&ALICE, code_id, vec![], None);
		let cap = Params::default().query_gas_cap;
		let result = Contracts::query(spinner, b"spin".to_vec(), vec![], Some(gas()));
		assert_eq!(result.result, Err(Error::<Test>::OutOfGas.into()));
		assert_eq!(result.gas_consumed, cap);
	});
}

#[test]
fn raw_storage_and_info_reads() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		frame_support::assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		assert_eq!(Contracts::get_storage(counter.clone(), b"counter".to_vec()), Ok(Some(1u32.to_le_bytes().to_vec())));
		assert_eq!(Contracts::get_storage(counter.clone(), b"missing".to_vec()), Ok(None));
		assert_eq!(Contracts::get_storage(BOB, b"counter".to_vec()), Err(StorageReadError::ContractNotFound));
		let long_key = vec![0u8; Params::default().max_storage_key_len as usize + 1];
		assert_eq!(Contracts::get_storage(counter.clone(), long_key), Err(StorageReadError::KeyTooLong));
		assert_eq!(Contracts::contract_info(counter.clone()).unwrap().code_id, 1);
		assert_eq!(Contracts::code_info(1).unwrap().uploader, ALICE);
		assert_eq!(Contracts::code_info(2), None);
	});
}

#[test]
fn dry_runs_change_nothing_and_report_events() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("counter"));
		let result = Contracts::dry_run_instantiate(BOB, code_id, vec![], None, 0, None, None);
		let contract = result.result.unwrap().contract;
		assert!(result.events.iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Contracts(crate::Event::Instantiated { contract: c, .. }) if *c == contract
		)));
		assert_eq!(Contracts::contract_info(contract), None);
		assert_eq!(crate::InstanceCounter::<Test>::get(), 0);
	});
}
