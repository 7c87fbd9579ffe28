//! Runtime faults stop the call with a clear error and leave no state change behind.

use super::*;
use crate::Error;
use frame_support::assert_ok;

/// Runs `entry` of the faults fixture through the extrinsic and checks the error, that the
/// write made before the fault is gone, and that the signer still paid for the gas.
fn assert_fault(entry: &str, expected: Error<Test>) {
	new_test_ext().execute_with(|| {
		let faults = deploy_fixture("faults");
		let events_before = System::events().len();
		let result = execute(&BOB, &faults, entry, vec![]);
		let failure = result.expect_err(entry);
		assert_eq!(failure.error, expected.into(), "{entry}");
		assert!(failure.post_info.actual_weight.is_some_and(|weight| weight.ref_time() > 0), "{entry}");
		assert_eq!(stored(&faults, b"written"), None, "{entry}");
		assert_eq!(System::events().len(), events_before, "{entry}");
	});
}

#[test]
fn infinite_loop_runs_out_of_gas() {
	assert_fault("loop_forever", Error::OutOfGas);
}

#[test]
fn unbounded_recursion_overflows_the_stack() {
	assert_fault("recurse_after_write", Error::StackOverflow);
}

#[test]
fn memory_grow_past_the_limit_returns_minus_one_and_the_call_goes_on() {
	new_test_ext().execute_with(|| {
		let faults = deploy_fixture("faults");
		assert_eq!(dry_execute(&BOB, &faults, "grow_memory", vec![]), Ok((-1i32).to_le_bytes().to_vec()));
		assert_ok!(execute(&BOB, &faults, "grow_memory", vec![]));
		assert_eq!(stored(&faults, b"written"), Some(b"written".to_vec()));
	});
}

#[test]
fn out_of_bounds_pointer_to_host_function_stops() {
	assert_fault("bad_pointer", Error::MemoryAccessOutOfBounds);
}

#[test]
fn trap_after_writes_undoes_them() {
	assert_fault("trap_after_write", Error::ContractTrapped);
}

#[test]
fn revert_undoes_writes_and_carries_its_message() {
	assert_fault("revert_after_write", Error::ContractReverted);
	new_test_ext().execute_with(|| {
		let faults = deploy_fixture("faults");
		let reverted = dry_execute(&BOB, &faults, "revert_after_write", vec![]).unwrap_err();
		assert_eq!(reverted.revert_message, Some(b"nope".to_vec()));
	});
}

#[test]
fn allocate_that_calls_the_host_stops() {
	new_test_ext().execute_with(|| {
		let contract = deploy_fixture("allocate_calls_host");
		let result = execute(&BOB, &contract, "read_input", b"some input".to_vec());
		assert_eq!(error_of(result), Error::<Test>::HostCallInAllocate.into());
	});
}

#[test]
fn failed_execution_keeps_funds_where_they_were() {
	new_test_ext().execute_with(|| {
		let faults = deploy_fixture("faults");
		let before = (balance(&BOB), balance(&faults));
		let result = Contracts::execute(RuntimeOrigin::signed(BOB), faults.clone(), b"trap_after_write".to_vec(), vec![], 500, gas(), None);
		assert_eq!(error_of(result), Error::<Test>::ContractTrapped.into());
		assert_eq!((balance(&BOB), balance(&faults)), before);
	});
}
