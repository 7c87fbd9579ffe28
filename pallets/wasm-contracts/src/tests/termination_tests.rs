//! Contracts that terminate: the balance to the beneficiary, the address freed at once, the
//! storage and code history removed by `on_idle` over as many blocks as it takes.

use super::*;
use crate::{
	storage::{child_info, next_key, ContractTrie, TRIE_PREFIX},
	weights::WeightInfo,
	CodeHistory, ContractInfoOf, DeletionQueue, Error, Event,
};
use frame_support::{assert_noop, assert_ok, traits::Hooks, weights::Weight};

fn beneficiary_input(beneficiary: &AccountId) -> Vec<u8> {
	AsRef::<[u8; 32]>::as_ref(beneficiary).to_vec()
}

fn terminator_with(value: Balance) -> AccountId {
	let code_id = upload(&ALICE, fixture("terminator"));
	assert_ok!(Contracts::instantiate(RuntimeOrigin::signed(ALICE), code_id, vec![], Some(ALICE), value, gas(), None, None));
	crate::ContractInfoOf::<Test>::iter_keys().find(|contract| *contract != ALICE).expect("the contract exists")
}

fn trie_is_empty(trie_id: &wasm_contracts_primitives::TrieId) -> bool {
	let trie = child_info(TRIE_PREFIX, trie_id);
	!frame_support::storage::child::exists(&trie, &[]) && next_key(&trie, &[]).is_none()
}

#[test]
fn terminate_sends_the_balance_to_the_beneficiary_and_frees_the_address_at_once() {
	new_test_ext().execute_with(|| {
		let contract = terminator_with(1_000);
		let held = balance(&contract);
		assert_eq!(held, 1_000 + EXISTENTIAL_DEPOSIT);
		let before = balance(&CHARLIE);
		assert_ok!(execute(&BOB, &contract, "terminate", beneficiary_input(&CHARLIE)));
		assert_eq!(balance(&CHARLIE), before + held);
		assert_eq!(balance(&contract), 0, "the contract account is gone");
		assert!(!ContractInfoOf::<Test>::contains_key(&contract));
		assert!(contract_events().contains(&Event::Terminated { contract: contract.clone(), beneficiary: CHARLIE }));
		assert_noop!(
			Contracts::execute(RuntimeOrigin::signed(BOB), contract.clone(), b"store".to_vec(), vec![1], 0, gas(), None)
				.map_err(|error| error.error),
			Error::<Test>::ContractNotFound
		);
		assert_eq!(DeletionQueue::<Test>::iter().count(), 1);
	});
}

#[test]
fn a_trie_larger_than_a_block_can_delete_is_removed_over_several_blocks() {
	let mut ext = new_test_ext();
	let (contract, trie_id) = ext.execute_with(|| {
		let contract = terminator_with(0);
		assert_ok!(execute(&ALICE, &contract, "store", vec![7; 100]));
		let code_id = ContractInfoOf::<Test>::get(&contract).unwrap().code_id;
		for _ in 0..3 {
			assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), contract.clone(), code_id, vec![], gas(), None));
		}
		let info = ContractInfoOf::<Test>::get(&contract).unwrap();
		assert_eq!(info.history_len, 4);
		let trie = ContractTrie::new(&info.trie_id);
		for index in 0u32..1_000 {
			trie.write(&index.to_le_bytes(), &[1; 40]);
		}
		assert_ok!(execute(&ALICE, &contract, "terminate", beneficiary_input(&BOB)));
		(contract, info.trie_id)
	});
	// The keys were written in earlier blocks: they are in the database, not the overlay.
	ext.commit_all().unwrap();

	// Blocks with room for 300 keys and the history.
	let block = <Test as crate::Config>::WeightInfo::lazy_deletion(300) + Weight::from_parts(1_000_000_000, 0);
	let mut blocks = 0;
	while ext.execute_with(|| DeletionQueue::<Test>::iter().next().is_some()) {
		let used = ext.execute_with(|| Contracts::on_idle(1, block));
		ext.commit_all().unwrap();
		assert!(used.all_lte(block), "used {used} of {block}");
		blocks += 1;
		assert!(blocks < 10, "the queue empties");
	}
	assert_eq!(blocks, 4, "1,001 keys at about 300 a block");
	ext.execute_with(|| {
		assert!(trie_is_empty(&trie_id));
		assert_eq!(CodeHistory::<Test>::iter_prefix(&contract).count(), 0);
		// With nothing queued, a block's idle step costs only the queue's bookkeeping.
		assert!(Contracts::on_idle(1, block).all_lte(<Test as crate::Config>::WeightInfo::lazy_deletion(0)));
	});
}

#[test]
fn a_block_without_room_for_one_step_deletes_nothing() {
	new_test_ext().execute_with(|| {
		let contract = terminator_with(0);
		assert_ok!(execute(&ALICE, &contract, "store", vec![7; 10]));
		assert_ok!(execute(&ALICE, &contract, "terminate", beneficiary_input(&BOB)));
		let tight = <Test as crate::Config>::WeightInfo::lazy_deletion(0) - Weight::from_parts(1, 0);
		assert_eq!(Contracts::on_idle(1, tight), Weight::zero());
		assert_eq!(DeletionQueue::<Test>::iter().count(), 1);
	});
}

#[test]
fn a_contract_on_the_call_stack_twice_cannot_terminate() {
	new_test_ext().execute_with(|| {
		let contract = terminator_with(100);
		assert_ok!(execute(&ALICE, &contract, "reenter", beneficiary_input(&BOB)));
		let executed = contract_events().into_iter().rev().find_map(|event| match event {
			Event::Executed { entry_point, output, .. } if entry_point == b"reenter" => output,
			_ => None,
		});
		let callee_trapped = u32::from(wasm_contracts_primitives::abi::ReturnCode::CalleeTrapped).to_le_bytes();
		assert_eq!(executed, Some(callee_trapped.to_vec()));
		assert!(ContractInfoOf::<Test>::contains_key(&contract));
		let dry_run = Contracts::dry_run_execute(ALICE, contract.clone(), b"terminate".to_vec(), beneficiary_input(&contract), 0, None);
		assert_eq!(dry_run.result.map(|_| ()), Err(Error::<Test>::InvalidBeneficiary.into()));
		let query = Contracts::query(contract.clone(), b"terminate".to_vec(), beneficiary_input(&BOB), None);
		assert_eq!(query.result.map(|_| ()), Err(Error::<Test>::StateChangeInReadOnlyCall.into()));
		assert!(ContractInfoOf::<Test>::contains_key(&contract));
	});
}

#[test]
fn code_in_use_cannot_be_removed_and_goes_once_its_contract_terminated() {
	new_test_ext().execute_with(|| {
		let contract = terminator_with(0);
		let info = ContractInfoOf::<Test>::get(&contract).unwrap();
		let code_hash = crate::CodeInfoOf::<Test>::get(info.code_id).unwrap().code_hash;
		assert_noop!(Contracts::remove_code(RuntimeOrigin::signed(ALICE), info.code_id), Error::<Test>::CodeInUse);
		assert_ok!(execute(&ALICE, &contract, "terminate", beneficiary_input(&BOB)));
		assert_noop!(Contracts::remove_code(RuntimeOrigin::signed(BOB), info.code_id), Error::<Test>::NotUploader);
		assert_ok!(Contracts::remove_code(RuntimeOrigin::signed(ALICE), info.code_id));
		assert!(contract_events().contains(&Event::CodeRemoved { code_id: info.code_id, code_hash, module_removed: true }));
		assert!(!crate::PristineCode::<Test>::contains_key(code_hash));
		assert_noop!(
			Contracts::instantiate(RuntimeOrigin::signed(ALICE), info.code_id, vec![], None, 0, gas(), None, None)
				.map_err(|error| error.error),
			Error::<Test>::CodeNotFound
		);
		assert_noop!(Contracts::remove_code(RuntimeOrigin::signed(ALICE), info.code_id), Error::<Test>::CodeNotFound);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn a_module_stays_until_the_last_code_id_that_refers_to_it_is_removed() {
	new_test_ext_unchecked().execute_with(|| {
		let first = upload(&ALICE, fixture("counter"));
		let second = upload(&BOB, fixture("counter"));
		let code_hash = crate::CodeInfoOf::<Test>::get(first).unwrap().code_hash;
		assert_ok!(Contracts::remove_code(RuntimeOrigin::signed(ALICE), first));
		assert!(contract_events().contains(&Event::CodeRemoved { code_id: first, code_hash, module_removed: false }));
		assert!(crate::PristineCode::<Test>::contains_key(code_hash));
		let counter = instantiate(&BOB, second, vec![], None);
		assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		// The parameters origin may remove any code id that no contract runs.
		assert_noop!(Contracts::remove_code(RuntimeOrigin::root(), second), Error::<Test>::CodeInUse);
		crate::CodeUsers::<Test>::remove(second);
		crate::ContractInfoOf::<Test>::remove(&counter);
		assert_ok!(Contracts::remove_code(RuntimeOrigin::root(), second));
		assert!(!crate::PristineCode::<Test>::contains_key(code_hash));
	});
}

fn instantiate_salted(code_id: wasm_contracts_primitives::CodeId) -> Result<PostDispatchInfo, DispatchErrorWithPostInfo> {
	Contracts::instantiate(RuntimeOrigin::signed(ALICE), code_id, vec![], Some(ALICE), 0, gas(), Some(b"salt".to_vec()), None)
}

#[test]
fn a_terminated_address_is_refused_until_its_history_is_removed_then_starts_afresh() {
	let mut ext = new_test_ext();
	let (code_id, contract) = ext.execute_with(|| {
		let code_id = upload(&ALICE, fixture("terminator"));
		assert_ok!(instantiate_salted(code_id));
		let code_hash = crate::CodeInfoOf::<Test>::get(code_id).unwrap().code_hash;
		let contract = crate::address::salted_address::<Test>(&code_hash, &ALICE, b"salt");
		assert_ok!(execute(&ALICE, &contract, "store", vec![7; 10]));
		assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), contract.clone(), code_id, vec![], gas(), None));
		assert_ok!(execute(&BOB, &contract, "terminate", beneficiary_input(&CHARLIE)));
		// The same block: the old history (two entries) is still queued.
		assert_refused_unchanged(|| instantiate_salted(code_id), Error::<Test>::AddressPendingDeletion);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
		(code_id, contract)
	});
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		System::set_block_number(2);
		Contracts::on_idle(2, Weight::from_parts(u64::MAX / 2, u64::MAX / 2));
		assert_eq!(DeletionQueue::<Test>::iter().count(), 0);
		assert_ok!(instantiate_salted(code_id));
		let info = ContractInfoOf::<Test>::get(&contract).expect("a new contract at the address");
		assert_eq!(info.history_len, 1);
		assert_eq!(Contracts::contract_history(contract.clone(), 0, 10).len(), 1);
		assert_eq!(stored(&contract, b"key"), None, "the new contract starts with empty storage");
		// Later idle blocks leave the new contract's history alone.
		Contracts::on_idle(2, Weight::from_parts(u64::MAX / 2, u64::MAX / 2));
		assert_eq!(CodeHistory::<Test>::iter_prefix(&contract).count(), 1);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn a_call_that_terminates_a_contract_cannot_recreate_it_at_the_same_address() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("terminator"));
		// A session that creates the terminator with salt "s", terminates it, creates it again
		// with the same salt and keeps the return code of that second instantiation.
		let session = wat(&format!(
			r#"(module
			  (import "env" "instantiate_contract" (func $instantiate (param i64 i32 i32 i32 i32 i32 i32) (result i32)))
			  (import "env" "call_contract" (func $call (param i32 i32 i32 i32 i32 i32 i64) (result i32)))
			  (import "env" "get_contract_address" (func $address (param i32) (result i32)))
			  (import "env" "storage_write" (func $write (param i32 i32 i32 i32) (result i32)))
			  (memory (export "memory") 1)
			  (data (i32.const 16) "terminate")
			  (data (i32.const 32) "s")
			  (data (i32.const 136) "again")
			  (func (export "call")
			    (if (call $instantiate (i64.const {code_id}) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 32) (i32.const 1) (i32.const 48))
			      (then unreachable))
			    (drop (call $address (i32.const 80)))
			    (if (call $call (i32.const 48) (i32.const 16) (i32.const 9) (i32.const 80) (i32.const 32) (i32.const 0) (i64.const 0))
			      (then unreachable))
			    (i32.store (i32.const 128)
			      (call $instantiate (i64.const {code_id}) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 32) (i32.const 1) (i32.const 48)))
			    (drop (call $write (i32.const 136) (i32.const 5) (i32.const 128) (i32.const 4)))))"#
		));
		assert_ok!(Contracts::deploy(RuntimeOrigin::signed(ALICE), vec![], session, 500_000, gas(), None));
		let again = Contracts::get_account_variable(ALICE, b"again".to_vec()).unwrap();
		let exists = u32::from(wasm_contracts_primitives::abi::ReturnCode::ContractExists);
		assert_eq!(again, Some(exists.to_le_bytes().to_vec()));
		let code_hash = crate::CodeInfoOf::<Test>::get(code_id).unwrap().code_hash;
		let contract = crate::address::salted_address::<Test>(&code_hash, &ALICE, b"s");
		assert!(!ContractInfoOf::<Test>::contains_key(&contract));
		assert_eq!(DeletionQueue::<Test>::iter().count(), 1);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}
