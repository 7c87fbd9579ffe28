//! The call stack's rules (`exec`), with contracts whose code is Rust (`exec::mock_code`) and
//! works through the frame's `Ext`, so that no wasm runs: read-only nesting, re-entrancy, the
//! depth limit, and what a failing nested call takes with it.

use super::*;
use crate::{
	deposit::{deposit_for, StorageChange},
	exec::{mock_code, Frame},
	gas::GasMeter,
	vm::Ext,
	ContractInfoOf, Error,
};
use core::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_contracts_primitives::StorageDeposit;

/// Runs `test` in a fresh mock runtime with no mock code registered before or after.
fn with_mock_code(test: impl FnOnce()) {
	mock_code::clear();
	new_test_ext().execute_with(test);
	mock_code::clear();
}

/// A contract of its own code (a module that exports nothing it runs), instantiated by Alice;
/// its calls run the body `mock_code::register` gives its code id.
fn mock_contract(name: &str) -> (CodeId, AccountId) {
	let code_id = upload(&ALICE, wat(&format!(r#"(module (memory (export "memory") 1) (func (export "{name}")))"#)));
	(code_id, instantiate(&ALICE, code_id, vec![], None))
}

fn is(result: &Result<Vec<u8>, ExecError>, error: Error<Test>) -> bool {
	matches!(result, Err(failure) if failure.error == error.into())
}

/// Writes `value` under `key` in the frame's storage and charges what recording the change
/// for its deposit adds, as `storage_write` does.
fn write(frame: &mut Frame<Test>, gas: &mut GasMeter, key: &[u8], value: &[u8]) -> Result<(), ExecError> {
	let previous = frame.storage().write(key, value);
	if frame.exceeds_longest_value(value.len() as u32) {
		frame.raise_longest_value(value.len() as u32);
	}
	let change = StorageChange::write(key.len() as u32, previous, value.len() as u32);
	gas.charge(frame.record_storage_change(change)).map_err(|_| Error::<Test>::OutOfGas)?;
	Ok(())
}

#[test]
fn a_query_makes_every_frame_below_it_read_only_until_it_returns() {
	with_mock_code(|| {
		let (a_code, a) = mock_contract("a");
		let (b_code, b) = mock_contract("b");
		let (c_code, c) = mock_contract("c");
		let seen = Rc::new(RefCell::new(Vec::new()));
		let (log, queried) = (seen.clone(), b.clone());
		mock_code::register::<Test>(a_code, move |frame, gas, _| {
			log.borrow_mut().push(("a, before its query", frame.read_only()));
			frame.query(gas, &queried, "b", vec![])?;
			log.borrow_mut().push(("a, after its query", frame.read_only()));
			Ok(vec![])
		});
		let (log, called) = (seen.clone(), c.clone());
		mock_code::register::<Test>(b_code, move |frame, gas, _| {
			log.borrow_mut().push(("b, queried", frame.read_only()));
			frame.call(gas, &called, "c", vec![], 0)?;
			// Nothing below a query may change state: no instantiation, no value.
			let created = frame.instantiate(gas, c_code, vec![], 0, vec![]);
			assert!(matches!(created, Err(ref error) if error.error == Error::<Test>::StateChangeInReadOnlyCall.into()));
			assert!(is(&frame.call(gas, &called, "c", vec![], 1), Error::StateChangeInReadOnlyCall));
			Ok(vec![])
		});
		let log = seen.clone();
		mock_code::register::<Test>(c_code, move |frame, _, _| {
			log.borrow_mut().push(("c, called by the queried b", frame.read_only()));
			Ok(vec![])
		});

		assert_ok!(execute(&BOB, &a, "a", vec![]));
		assert_eq!(
			*seen.borrow(),
			vec![
				("a, before its query", false),
				("b, queried", true),
				("c, called by the queried b", true),
				("a, after its query", false),
			]
		);
	});
}

#[test]
fn a_failing_nested_call_takes_its_storage_its_deposit_and_its_value_with_it() {
	with_mock_code(|| {
		let (a_code, a) = mock_contract("a");
		let (b_code, b) = mock_contract("b");
		let callee = b.clone();
		mock_code::register::<Test>(a_code, move |frame, gas, _| {
			write(frame, gas, b"a-key", b"a-value")?;
			let nested = frame.call(gas, &callee, "b", vec![], 100);
			assert_eq!(nested.map_err(|error| error.revert_message), Err(Some(b"refused".to_vec())));
			Ok(vec![])
		});
		mock_code::register::<Test>(b_code, |frame, gas, _| {
			write(frame, gas, b"b-key", b"b-value")?;
			Err(ExecError::reverted::<Test>(b"refused".to_vec()))
		});
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(ALICE), a.clone(), 1_000));
		let (a_balance, b_balance) = (balance(&a), balance(&b));

		// Only a's write is left to pay for.
		let dry_run = Contracts::dry_run_execute(BOB, a.clone(), b"a".to_vec(), vec![], 0, None);
		assert_eq!(dry_run.result.map(|output| output.data), Ok(vec![]));
		let a_write = deposit_for::<Test>(StorageChange::write(5, None, 7));
		assert_eq!(dry_run.storage_deposit, StorageDeposit::Charge(a_write));

		assert_ok!(execute(&BOB, &a, "a", vec![]));
		assert_eq!(stored(&a, b"a-key"), Some(b"a-value".to_vec()));
		assert_eq!(stored(&b, b"b-key"), None);
		assert_eq!((balance(&a), balance(&b)), (a_balance, b_balance), "the 100 sent with the failed call went back");
	});
}

#[test]
fn a_failing_nested_call_takes_the_longest_value_it_recorded_with_it() {
	with_mock_code(|| {
		let (a_code, a) = mock_contract("a");
		let (b_code, b) = mock_contract("b");
		let callee = b.clone();
		// a calls b twice: b stores 100 bytes and fails, then stores them and succeeds.
		mock_code::register::<Test>(a_code, move |frame, gas, _| {
			assert!(frame.call(gas, &callee, "fail", vec![], 0).is_err());
			frame.call(gas, &callee, "keep", vec![], 0)
		});
		mock_code::register::<Test>(b_code, |frame, gas, entry| {
			write(frame, gas, b"long", &[7; 100])?;
			match entry {
				"fail" => Err(ExecError::reverted::<Test>(b"refused".to_vec())),
				_ => Ok(vec![]),
			}
		});
		let longest = |contract: &AccountId| ContractInfoOf::<Test>::get(contract).map(|info| info.longest_value);
		assert_eq!(longest(&b), Some(0));
		assert_ok!(execute(&BOB, &a, "a", vec![]));
		// The kept write recorded its length again after the failed one took its record back.
		assert_eq!(stored(&b, b"long"), Some(vec![7; 100]));
		assert_eq!(longest(&b), Some(100));
	});
}

#[test]
fn a_contract_on_the_stack_twice_cannot_terminate_until_it_is_on_it_once() {
	with_mock_code(|| {
		let (a_code, a) = mock_contract("a");
		let (b_code, b) = mock_contract("b");
		let reentrant_termination = Rc::new(RefCell::new(None));
		let (outcome, callee) = (reentrant_termination.clone(), b.clone());
		mock_code::register::<Test>(a_code, move |frame, gas, entry| match entry {
			"a" => frame.call(gas, &callee, "b", vec![], 0),
			"reenter" => {
				*outcome.borrow_mut() = Some(frame.terminate(&CHARLIE).map_err(|error| error.error));
				Ok(vec![])
			},
			_ => frame.terminate(&CHARLIE).map(|_| vec![]),
		});
		let reentered = a.clone();
		mock_code::register::<Test>(b_code, move |frame, gas, _| frame.call(gas, &reentered, "reenter", vec![], 0));

		assert_ok!(execute(&BOB, &a, "a", vec![]));
		assert_eq!(*reentrant_termination.borrow(), Some(Err(Error::<Test>::TerminatedWhileReentrant.into())));
		assert!(ContractInfoOf::<Test>::contains_key(&a));

		assert_ok!(execute(&BOB, &a, "quit", vec![]));
		assert!(!ContractInfoOf::<Test>::contains_key(&a));
	});
}

#[test]
fn calls_nest_up_to_max_call_depth_and_the_next_one_fails() {
	with_mock_code(|| {
		let (a_code, a) = mock_contract("a");
		let deepest = Rc::new(Cell::new(0u32));
		let (reached, itself) = (deepest.clone(), a.clone());
		let depth = Rc::new(Cell::new(0u32));
		mock_code::register::<Test>(a_code, move |frame, gas, _| {
			depth.set(depth.get() + 1);
			reached.set(reached.get().max(depth.get()));
			let nested = frame.call(gas, &itself, "a", vec![], 0);
			depth.set(depth.get() - 1);
			nested
		});

		let max_depth = Params::default().max_call_depth;
		let failure = error_of(execute(&BOB, &a, "a", vec![]));
		assert_eq!(failure, Error::<Test>::MaxCallDepthReached.into());
		assert_eq!(deepest.get(), max_depth);
	});
}
