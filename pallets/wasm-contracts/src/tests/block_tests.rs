//! What a call finds of the block it runs in: the block's event counter, written by
//! `on_initialize`, and the contracts earlier calls of the block ran, whose records and code
//! the call does not pay to read again.

use super::*;
use crate::{
	costs::read_in_block,
	BlockEventBytes, ContractsRunInBlock,
};
use frame_support::traits::Hooks;

/// A contract whose `noop` does nothing and whose `event` emits one event.
const NOOP_AND_EVENT: &str = r#"(module
	(import "env" "log_event" (func $log (param i32 i32 i32 i32)))
	(memory (export "memory") 1)
	(func (export "noop"))
	(func (export "event") (call $log (i32.const 0) (i32.const 8) (i32.const 0) (i32.const 0))))"#;

/// The same with a `migrate` export, for a contract to move to.
const NOOP_AND_MIGRATE: &str = r#"(module
	(memory (export "memory") 1)
	(func (export "noop"))
	(func (export "migrate")))"#;

/// What a call gives back when an earlier call of its block ran its contract.
fn contract_discount() -> u64 {
	(read_in_block::<Test>(true, true) - read_in_block::<Test>(true, false)).ref_time()
}

/// Ends the current block and starts the next, as the runtime's executive does.
fn next_block() {
	let number = System::block_number();
	Contracts::on_finalize(number);
	System::set_block_number(number + 1);
	Contracts::on_initialize(number + 1);
}

/// The weight `who` is charged for `entry` of `contract`.
fn charged(who: &AccountId, contract: &AccountId, entry: &str) -> Weight {
	let post = execute(who, contract, entry, vec![]).expect("the call succeeds");
	post.actual_weight.expect("execute reports its weight")
}

#[test]
fn a_blocks_first_event_finds_the_counter_written_and_the_block_end_removes_it() {
	new_test_ext().execute_with(|| {
		let contract = instantiate(&ALICE, upload(&ALICE, wat(NOOP_AND_EVENT)), vec![], None);
		// Without `on_initialize` (as the dry runs find the state), the first event reads and
		// writes the counter in the database, and the call reads the parameters.
		BlockEventBytes::<Test>::kill();
		let unwritten = charged(&BOB, &contract, "event");
		next_block();
		let first_in_block = charged(&BOB, &contract, "event");
		let in_block = crate::costs::Cost::EventCounter.weight::<Test>().saturating_add(read_in_block::<Test>(true, false));
		assert_eq!(unwritten.ref_time() - first_in_block.ref_time(), in_block.ref_time());
		assert!(BlockEventBytes::<Test>::get().is_some_and(|(block, used)| block == System::block_number() && used > 0));
		Contracts::on_finalize(System::block_number());
		assert_eq!(BlockEventBytes::<Test>::get(), None);
		assert_eq!(ContractsRunInBlock::<Test>::get(), None);
	});
}

#[test]
fn a_contract_run_again_in_the_block_pays_no_second_read_of_its_records_and_code() {
	new_test_ext().execute_with(|| {
		let module = wat(NOOP_AND_EVENT);
		let code_size = module.len() as u64;
		let contract = instantiate(&ALICE, upload(&ALICE, module), vec![], None);
		next_block();
		let first = charged(&BOB, &contract, "noop");
		let again = charged(&CHARLIE, &contract, "noop");
		assert_eq!(first.ref_time() - again.ref_time(), contract_discount());
		// The code and its trie path are in the block's proof once.
		assert_eq!(first.proof_size() - again.proof_size(), crate::costs::Cost::CodeLoad { code_size: code_size as u32, proof_recorded: false }.weight::<Test>().proof_size());
		assert!(first.proof_size() - again.proof_size() > code_size);
		// The next block reads them again.
		next_block();
		assert_eq!(charged(&BOB, &contract, "noop"), first);
	});
}

#[test]
fn a_contract_migrated_in_the_block_pays_to_read_its_new_code() {
	new_test_ext().execute_with(|| {
		let contract = instantiate(&ALICE, upload(&ALICE, wat(NOOP_AND_EVENT)), vec![], Some(ALICE));
		let new_code = upload(&ALICE, wat(NOOP_AND_MIGRATE));
		next_block();
		charged(&BOB, &contract, "noop");
		assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), contract.clone(), new_code, vec![], gas(), None));
		let after_migration = charged(&BOB, &contract, "noop");
		next_block();
		assert_eq!(after_migration, charged(&BOB, &contract, "noop"), "priced as the block's first call of the new code");
	});
}

#[test]
fn the_block_remembers_a_bounded_number_of_contracts() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, wat(NOOP_AND_EVENT));
		let count = wasm_contracts_primitives::limits::MAX_CONTRACTS_RUN_IN_BLOCK as usize + 1;
		let contracts: Vec<_> = (0..count).map(|_| instantiate(&ALICE, code_id, vec![], None)).collect();
		next_block();
		let first: Vec<_> = contracts.iter().map(|contract| charged(&BOB, contract, "noop")).collect();
		let again: Vec<_> = contracts.iter().map(|contract| charged(&BOB, contract, "noop")).collect();
		let discount = contract_discount();
		for (index, (first, again)) in first.iter().zip(&again).enumerate().take(count - 1) {
			assert_eq!(first.ref_time() - again.ref_time(), discount, "contract {index}");
		}
		assert_eq!(first[count - 1], again[count - 1], "past the bound, every call is priced as the first");
		assert_eq!(ContractsRunInBlock::<Test>::get().map(|run| run.len()), Some(count - 1));
	});
}

#[test]
fn a_failed_call_leaves_the_contract_unrecorded() {
	new_test_ext().execute_with(|| {
		let contract = instantiate(&ALICE, upload(&ALICE, wat(NOOP_AND_EVENT)), vec![], None);
		next_block();
		assert!(execute(&BOB, &contract, "missing", vec![]).is_err());
		assert_eq!(ContractsRunInBlock::<Test>::get().map(|run| run.len()), Some(0));
		let first = charged(&BOB, &contract, "noop");
		assert!(charged(&BOB, &contract, "noop").ref_time() < first.ref_time());
	});
}

#[test]
fn gas_required_suffices_for_the_first_call_of_a_block() {
	new_test_ext().execute_with(|| {
		let contract = instantiate(&ALICE, upload(&ALICE, wat(NOOP_AND_EVENT)), vec![], None);
		next_block();
		charged(&BOB, &contract, "event");
		// Dry-run where the block has run the contract and written the event counter already.
		let required = Contracts::dry_run_execute(BOB, contract.clone(), b"event".to_vec(), vec![], 0, None).gas_required;
		next_block();
		let first = Contracts::execute(RuntimeOrigin::signed(BOB), contract.clone(), b"event".to_vec(), vec![], 0, required, None);
		assert_ok!(first);
	});
}

#[test]
fn only_a_contract_that_asks_for_the_timestamp_pays_the_clocks_read_and_once() {
	new_test_ext().execute_with(|| {
		let module = wat(
			r#"(module
			(import "env" "get_block_timestamp" (func $now (result i64)))
			(memory (export "memory") 1)
			(func (export "noop") (drop (i64.const 0)))
			(func (export "once") (drop (call $now)))
			(func (export "twice") (drop (call $now)) (drop (call $now))))"#,
		);
		let contract = instantiate(&ALICE, upload(&ALICE, module), vec![], None);
		Timestamp::set_timestamp(42_000);
		let [noop, once, twice] = ["noop", "once", "twice"].map(|entry| charged(&BOB, &contract, entry).ref_time());
		let clock = crate::costs::Cost::TimestampRead.weight::<Test>().ref_time();
		assert!(once - noop >= clock, "the first use reads the clock: {noop} then {once}");
		assert!(twice - once < clock, "the second use does not: {once} then {twice}");
	});
}
