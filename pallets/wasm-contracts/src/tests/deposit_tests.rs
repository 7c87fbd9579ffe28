//! Storage deposits: taken and released exactly for every kind of item, with balances that add
//! up after every call, failed ones included.
//!
//! Prices in the mock: 1,000 per item and 2 per byte. Accounts are 32 bytes, balances and block
//! numbers 8, so a code id's records take 76 bytes, a contract's 166 (two items), a code history
//! entry 17 and a module's deposit record 40.

use super::*;
use crate::{address, weights::WeightInfo, ContractInfoOf, Error, HoldReason};
use frame_support::traits::{
	fungible::{Inspect, InspectHold, Mutate},
	Hooks,
};
use wasm_contracts_primitives::StorageDeposit;

const CODE_ID_DEPOSIT: Balance = DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * 82;
const INSTANTIATION_DEPOSIT: Balance = 2 * DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * 170;
const HISTORY_ENTRY_DEPOSIT: Balance = DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * 17;

fn module_deposit(code: &[u8]) -> Balance {
	DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * code.len() as Balance
}

/// The deposit of one storage entry: its hashed key (16 bytes), key and value.
fn entry_deposit(key: &[u8], value: &[u8]) -> Balance {
	DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * (16 + key.len() + value.len()) as Balance
}

fn held(reason: HoldReason, who: &AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::Contracts(reason), who)
}

/// Input of the storage fixture's `set`.
fn set_input(key: &[u8], value: &[u8]) -> Vec<u8> {
	[&[key.len() as u8][..], key, value].concat()
}

/// The storage fixture, uploaded by Alice and instantiated by `creator`.
fn storage_contract(creator: &AccountId) -> AccountId {
	let code_id = upload(&ALICE, fixture("storage"));
	instantiate(creator, code_id, vec![], Some(ALICE))
}

fn execute_limited(who: &AccountId, contract: &AccountId, entry: &str, msg: Vec<u8>, limit: Option<Balance>) -> DispatchResultWithInfo {
	Contracts::execute(RuntimeOrigin::signed(who.clone()), contract.clone(), entry.as_bytes().to_vec(), msg, 0, gas(), limit)
}

type DispatchResultWithInfo = Result<PostDispatchInfo, DispatchErrorWithPostInfo>;

/// The storage deposit a dry run of `execute` reports.
fn dry_run_deposit(who: &AccountId, contract: &AccountId, entry: &str, msg: Vec<u8>) -> StorageDeposit<Balance> {
	let result = Contracts::dry_run_execute(who.clone(), contract.clone(), entry.as_bytes().to_vec(), msg, 0, None);
	assert!(result.result.is_ok(), "the dry run succeeds: {:?}", result.result);
	result.storage_deposit
}

#[test]
fn code_deposits_are_held_on_uploaders_and_released_with_the_code() {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let wasm = fixture("counter");
		let module = module_deposit(&wasm);
		let first = upload(&ALICE, wasm.clone());
		assert_eq!(held(HoldReason::CodeUpload, &ALICE), CODE_ID_DEPOSIT + module);
		assert_eq!(balance(&ALICE), INITIAL_BALANCE - CODE_ID_DEPOSIT - module);

		// The same module again: a code id of its own, stored once, and paid for again by
		// whoever keeps it stored through that code id.
		let second = upload(&BOB, wasm);
		assert_eq!(held(HoldReason::CodeUpload, &BOB), CODE_ID_DEPOSIT + module);

		// The first uploader gets everything back while the module stays for Bob's code id.
		assert_ok!(Contracts::remove_code(RuntimeOrigin::signed(ALICE), first));
		assert_eq!(held(HoldReason::CodeUpload, &ALICE), 0);
		let code_hash = crate::CodeInfoOf::<Test>::get(second).unwrap().code_hash;
		assert!(crate::PristineCode::<Test>::contains_key(code_hash));
		assert_eq!(held(HoldReason::CodeUpload, &BOB), CODE_ID_DEPOSIT + module);
		assert_ok!(Contracts::remove_code(RuntimeOrigin::signed(BOB), second));
		assert!(!crate::PristineCode::<Test>::contains_key(code_hash));
		assert_eq!(held(HoldReason::CodeUpload, &BOB), 0);
		assert_eq!((balance(&ALICE), balance(&BOB)), (INITIAL_BALANCE, INITIAL_BALANCE));
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn upload_within_its_deposit_limit_or_refused() {
	new_test_ext().execute_with(|| {
		let wasm = fixture("counter");
		let deposit = CODE_ID_DEPOSIT + module_deposit(&wasm);
		let origin = RuntimeOrigin::signed(ALICE);
		assert_refused_unchanged(
			|| Contracts::upload_code(origin.clone(), wasm.clone(), Some(deposit - 1)),
			Error::<Test>::StorageDepositLimitExhausted,
		);
		assert_ok!(Contracts::upload_code(origin, wasm, Some(deposit)));
		assert_eq!(held(HoldReason::CodeUpload, &ALICE), deposit);
	});
}

#[test]
fn an_uploader_who_cannot_pay_the_deposit_is_refused() {
	new_test_ext().execute_with(|| {
		let poor = AccountId32::new([7u8; 32]);
		Balances::set_balance(&poor, 500);
		assert_refused_unchanged(
			|| Contracts::upload_code(RuntimeOrigin::signed(poor.clone()), fixture("counter"), None),
			Error::<Test>::StorageDepositNotEnoughFunds,
		);
	});
}

#[test]
fn instantiation_deposit_is_held_on_the_origin_until_the_contract_terminates() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("terminator"));
		let dry_run = Contracts::dry_run_instantiate(BOB, code_id, vec![], None, 0, None, None);
		assert_eq!(dry_run.storage_deposit, StorageDeposit::Charge(INSTANTIATION_DEPOSIT));
		let before = balance(&BOB);
		let contract = instantiate(&BOB, code_id, vec![], None);
		assert_eq!(held(HoldReason::ContractInstantiation, &BOB), INSTANTIATION_DEPOSIT);
		assert_eq!(balance(&BOB), before - INSTANTIATION_DEPOSIT - EXISTENTIAL_DEPOSIT);

		// Charlie's call stores a value: Charlie pays for it, the contract holds it.
		let value = vec![7u8; 100];
		let stored_deposit = entry_deposit(b"key", &value);
		let charlie = balance(&CHARLIE);
		assert_ok!(execute(&CHARLIE, &contract, "store", value));
		assert_eq!(held(HoldReason::ContractStorage, &contract), stored_deposit);
		assert_eq!(balance(&CHARLIE), charlie - stored_deposit);

		// Termination: the instantiation deposit back to Bob, who paid it; the contract's balance
		// and its storage deposit to the beneficiary.
		let issuance = Balances::total_issuance();
		let beneficiary = balance(&ALICE);
		let bob = balance(&BOB);
		assert_ok!(execute(&CHARLIE, &contract, "terminate", AsRef::<[u8; 32]>::as_ref(&ALICE).to_vec()));
		assert_eq!(held(HoldReason::ContractInstantiation, &BOB), 0);
		assert_eq!(balance(&BOB), bob + INSTANTIATION_DEPOSIT);
		assert_eq!(balance(&ALICE), beneficiary + EXISTENTIAL_DEPOSIT + stored_deposit);
		assert_eq!(Balances::total_balance(&contract), 0);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn storage_deposit_follows_each_write_and_goes_to_whoever_frees_the_state() {
	new_test_ext().execute_with(|| {
		let contract = storage_contract(&ALICE);
		let issuance = Balances::total_issuance();
		let (key, long, short) = (b"k".as_slice(), [1u8; 10], [2u8; 4]);

		let charge = entry_deposit(key, &long);
		assert_eq!(dry_run_deposit(&BOB, &contract, "set", set_input(key, &long)), StorageDeposit::Charge(charge));
		let bob = balance(&BOB);
		assert_ok!(execute(&BOB, &contract, "set", set_input(key, &long)));
		assert_eq!(balance(&BOB), bob - charge);
		assert_eq!(held(HoldReason::ContractStorage, &contract), charge);

		// A shorter value gives back the bytes it no longer takes.
		let shrink = DEPOSIT_PER_BYTE * (long.len() - short.len()) as Balance;
		assert_eq!(dry_run_deposit(&BOB, &contract, "set", set_input(key, &short)), StorageDeposit::Refund(shrink));
		assert_ok!(execute(&BOB, &contract, "set", set_input(key, &short)));
		assert_eq!(balance(&BOB), bob - charge + shrink);

		// Charlie deletes the key and gets what is left of its deposit.
		let charlie = balance(&CHARLIE);
		assert_ok!(execute(&CHARLIE, &contract, "remove", key.to_vec()));
		assert_eq!(balance(&CHARLIE), charlie + charge - shrink);
		assert_eq!(held(HoldReason::ContractStorage, &contract), 0);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn failed_calls_leave_no_hold_behind() {
	new_test_ext().execute_with(|| {
		let contract = storage_contract(&ALICE);
		assert_refused_unchanged(
			|| execute(&BOB, &contract, "set_and_fail", set_input(b"k", &[1; 10])),
			Error::<Test>::ContractTrapped,
		);
		assert_eq!(held(HoldReason::ContractStorage, &contract), 0);
		assert_eq!(balance(&BOB), INITIAL_BALANCE);
	});
}

#[test]
fn a_call_beyond_its_deposit_limit_is_refused_and_changes_nothing() {
	new_test_ext().execute_with(|| {
		let contract = storage_contract(&ALICE);
		let input = set_input(b"k", &[1; 50]);
		let charge = entry_deposit(b"k", &[1; 50]);
		assert_refused_unchanged(
			|| execute_limited(&BOB, &contract, "set", input.clone(), Some(charge - 1)),
			Error::<Test>::StorageDepositLimitExhausted,
		);
		assert_ok!(execute_limited(&BOB, &contract, "set", input, Some(charge)));
		assert_eq!(held(HoldReason::ContractStorage, &contract), charge);

		// Instantiation counts its deposit against the limit too.
		let code_id = upload(&ALICE, fixture("counter"));
		let instantiate_limited = |limit| {
			Contracts::instantiate(RuntimeOrigin::signed(BOB), code_id, vec![], None, 0, gas(), None, Some(limit))
		};
		assert_refused_unchanged(|| instantiate_limited(INSTANTIATION_DEPOSIT - 1), Error::<Test>::StorageDepositLimitExhausted);
		assert_ok!(instantiate_limited(INSTANTIATION_DEPOSIT));
	});
}

#[test]
fn an_origin_that_cannot_pay_the_storage_deposit_is_refused() {
	new_test_ext().execute_with(|| {
		let contract = storage_contract(&ALICE);
		let poor = AccountId32::new([7u8; 32]);
		Balances::set_balance(&poor, 1_500);
		assert_refused_unchanged(
			|| execute(&poor, &contract, "set", set_input(b"k", &[1; 300])),
			Error::<Test>::StorageDepositNotEnoughFunds,
		);
	});
}

#[test]
fn a_migration_history_entry_is_paid_by_the_admin_and_held_on_the_contract() {
	new_test_ext().execute_with(|| {
		let contract = storage_contract(&BOB);
		let code_id = ContractInfoOf::<Test>::get(&contract).unwrap().code_id;
		let alice = balance(&ALICE);
		assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), contract.clone(), code_id, vec![], gas(), None));
		assert_eq!(balance(&ALICE), alice - HISTORY_ENTRY_DEPOSIT);
		assert_eq!(held(HoldReason::ContractStorage, &contract), HISTORY_ENTRY_DEPOSIT);
	});
}

#[test]
fn nested_instantiation_is_paid_by_the_origin() {
	new_test_ext().execute_with(|| {
		let counter = upload(&BOB, fixture("counter"));
		assert_eq!(counter, 1);
		assert_ok!(Contracts::deploy(
			RuntimeOrigin::signed(ALICE),
			fixture("deploy_pay"),
			fixture("deploy_session_counter"),
			500_000,
			gas(),
			None
		));
		// The session's counter is held for by Alice, the deploy's account.
		let created = address::deploy_address::<Test>(&ALICE, 0, 0);
		assert!(ContractInfoOf::<Test>::contains_key(&created));
		assert_eq!(held(HoldReason::ContractInstantiation, &ALICE), INSTANTIATION_DEPOSIT);
		assert_eq!(held(HoldReason::ContractStorage, &created), entry_deposit(b"counter", &[0; 4]));
		// The account's variables: the trie's record (64 bytes), then "payment", "counter" and
		// "count".
		let variables = DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * 64 +
			entry_deposit(b"payment", b"payment") +
			entry_deposit(b"counter", &[0; 32]) +
			entry_deposit(b"count", &[0; 4]);
		assert_eq!(held(HoldReason::AccountVariables, &ALICE), variables);
	});
}

/// Stores `key` in `contract`'s trie as storage version 3 did, and records it as unpaid as
/// the version 4 migration does.
fn store_unpaid(contract: &AccountId, key: &[u8], value: &[u8]) {
	let trie_id = ContractInfoOf::<Test>::get(contract).unwrap().trie_id;
	store_directly(contract, key, value);
	crate::UnpaidStorageOf::<Test>::mutate(trie_id, |unpaid| {
		unpaid.get_or_insert_with(Default::default).add_entry(key.len() as u32, value.len() as u32)
	});
}

#[test]
fn state_kept_from_before_deposits_is_freed_without_a_refund() {
	new_test_ext().execute_with(|| {
		let contract = storage_contract(&ALICE);
		store_unpaid(&contract, b"old", b"value");
		// Alice pays for a key of her own: her deposit is held on the contract.
		assert_ok!(execute(&ALICE, &contract, "set", set_input(b"mine", b"paid for")));
		let alices = entry_deposit(b"mine", b"paid for");
		assert_eq!(held(HoldReason::ContractStorage, &contract), alices);

		// Bob frees the unpaid key: nothing of Alice's deposit goes to him.
		let bob = balance(&BOB);
		assert_eq!(dry_run_deposit(&BOB, &contract, "remove", b"old".to_vec()), StorageDeposit::Charge(0));
		assert_ok!(execute(&BOB, &contract, "remove", b"old".to_vec()));
		assert_eq!(balance(&BOB), bob);
		assert_eq!(stored(&contract, b"old"), None);
		assert_eq!(held(HoldReason::ContractStorage, &contract), alices);
		let trie_id = ContractInfoOf::<Test>::get(&contract).unwrap().trie_id;
		assert_eq!(crate::UnpaidStorageOf::<Test>::get(trie_id), None, "paid off");

		// Once nothing is unpaid, deleting Alice's key refunds its deposit.
		assert_ok!(execute(&BOB, &contract, "remove", b"mine".to_vec()));
		assert_eq!(balance(&BOB), bob + alices);
		assert_eq!(held(HoldReason::ContractStorage, &contract), 0);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn new_state_is_paid_for_in_full_in_a_call_that_frees_unpaid_state() {
	new_test_ext().execute_with(|| {
		let contract = storage_contract(&ALICE);
		store_unpaid(&contract, b"old", &[7; 200]);
		// Replacing the unpaid value with a short one releases bytes and adds none.
		let bob = balance(&BOB);
		assert_ok!(execute(&BOB, &contract, "set", set_input(b"old", b"x")));
		assert_eq!(balance(&BOB), bob, "shrinking unpaid state refunds nothing");
		assert_eq!(held(HoldReason::ContractStorage, &contract), 0);
		let trie_id = ContractInfoOf::<Test>::get(&contract).unwrap().trie_id;
		let unpaid = crate::UnpaidStorageOf::<Test>::get(trie_id).map(|unpaid| (unpaid.items, unpaid.bytes));
		assert_eq!(unpaid, Some((1, 16 + 3 + 1)), "199 bytes paid off, the key and one byte left");

		// A new key written in the same call that frees the unpaid one is charged in full.
		let new_key = entry_deposit(b"new", b"12345");
		let msg = set_input(b"new", b"12345");
		assert_eq!(dry_run_deposit(&BOB, &contract, "set_and_remove_old", msg.clone()), StorageDeposit::Charge(new_key));
		assert_ok!(execute(&BOB, &contract, "set_and_remove_old", msg));
		assert_eq!(balance(&BOB), bob - new_key);
		assert_eq!(stored(&contract, b"old"), None);
		assert_eq!(held(HoldReason::ContractStorage, &contract), new_key);
		assert_eq!(crate::UnpaidStorageOf::<Test>::get(trie_id), None);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn deletion_of_a_terminated_trie_refunds_nothing_more() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("terminator"));
		let contract = instantiate(&ALICE, code_id, vec![], None);
		assert_ok!(execute(&BOB, &contract, "store", vec![1; 20]));
		assert_ok!(execute(&BOB, &contract, "terminate", AsRef::<[u8; 32]>::as_ref(&CHARLIE).to_vec()));
		let issuance = Balances::total_issuance();
		let balances = (balance(&ALICE), balance(&BOB), balance(&CHARLIE));
		Contracts::on_idle(2, Weight::MAX);
		assert_eq!((balance(&ALICE), balance(&BOB), balance(&CHARLIE)), balances);
		assert_eq!(Balances::total_issuance(), issuance);
	});
}

#[test]
fn an_account_gets_its_variables_deposit_back_when_its_deploy_deletes_them() {
	new_test_ext().execute_with(|| {
		let noop = wat(r#"(module (func (export "call")))"#);
		// A session that deletes the variable the payment module writes.
		let forget = wat(
			r#"(module
				(import "env" "storage_delete" (func $storage_delete (param i32 i32) (result i32)))
				(memory (export "memory") 1)
				(data (i32.const 0) "payment")
				(func (export "call") (drop (call $storage_delete (i32.const 0) (i32.const 7)))))"#,
		);
		let deploy = |payment: Vec<u8>, session: Vec<u8>| {
			Contracts::deploy(RuntimeOrigin::signed(ALICE), payment, session, 500_000, gas(), None)
		};
		assert_ok!(deploy(fixture("deploy_pay"), noop));
		let record = DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * 64;
		let variable = entry_deposit(b"payment", b"payment");
		assert_eq!(held(HoldReason::AccountVariables, &ALICE), record + variable);

		let dry_run = Contracts::dry_run_deploy(ALICE, vec![], forget.clone(), 500_000, Some(gas()));
		assert_eq!(dry_run.storage_deposit, StorageDeposit::Refund(variable));
		let free = balance(&ALICE);
		assert_ok!(deploy(vec![], forget));
		let used = contract_events()
			.into_iter()
			.rev()
			.find_map(|event| match event {
				crate::Event::Deployed { used, .. } => Some(used),
				_ => None,
			})
			.expect("a Deployed event");
		assert_eq!(held(HoldReason::AccountVariables, &ALICE), record);
		assert_eq!(balance(&ALICE), free - used + variable);
		assert_eq!(Contracts::get_account_variable(ALICE, b"payment".to_vec()).unwrap(), None);
	});
}

#[test]
fn a_failed_deploy_session_leaves_no_variables_record_nor_hold() {
	new_test_ext().execute_with(|| {
		// Writes the variable "v", then traps when `fail` is set.
		let session = |fail: bool| {
			let end = if fail { "(unreachable)" } else { "" };
			wat(&format!(
				r#"(module
					(import "env" "storage_write" (func $write (param i32 i32 i32 i32) (result i32)))
					(memory (export "memory") 1)
					(data (i32.const 0) "v1")
					(func (export "call") (drop (call $write (i32.const 0) (i32.const 1) (i32.const 1) (i32.const 1))) {end}))"#
			))
		};
		let deploy = |session: Vec<u8>, limit: Option<Balance>| {
			Contracts::deploy(RuntimeOrigin::signed(BOB), vec![], session, 500_000, gas(), limit)
		};
		let session_failed = || {
			contract_events().into_iter().rev().find_map(|event| match event {
				crate::Event::Deployed { session_result, .. } => Some(session_result.is_err()),
				_ => None,
			})
		};
		// A trap after the write, and a storage deposit limit the write passes.
		assert_ok!(deploy(session(true), None));
		assert_eq!(session_failed(), Some(true));
		assert_ok!(deploy(session(false), Some(1)));
		assert_eq!(session_failed(), Some(true));
		for _ in 0..2 {
			assert!(!crate::AccountTrie::<Test>::contains_key(&BOB));
			assert_eq!(held(HoldReason::AccountVariables, &BOB), 0);
			assert_eq!(Contracts::get_account_variable(BOB, b"v".to_vec()).unwrap(), None);
		}
		// A session that succeeds holds the record and the variable.
		assert_ok!(deploy(session(false), None));
		assert_eq!(session_failed(), Some(false));
		assert!(crate::AccountTrie::<Test>::contains_key(&BOB));
		let record = DEPOSIT_PER_ITEM + DEPOSIT_PER_BYTE * 64;
		assert_eq!(held(HoldReason::AccountVariables, &BOB), record + entry_deposit(b"v", b"1"));
		assert_eq!(Contracts::get_account_variable(BOB, b"v".to_vec()).unwrap(), Some(b"1".to_vec()));
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn a_call_whose_storage_changes_move_no_deposit_reserves_no_settlement() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let settlement = <Test as crate::Config>::WeightInfo::settle_deposit().ref_time();
		let dry_run = || {
			let dry_run = Contracts::dry_run_execute(BOB, counter.clone(), b"increment".to_vec(), vec![], 0, None);
			assert!(dry_run.result.is_ok());
			dry_run
		};
		// The first increment stores the count: its deposit moves, and the settlement is paid.
		let first = dry_run();
		assert!(first.gas_required.ref_time() - first.gas_consumed.ref_time() < settlement);
		assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		// Later ones overwrite four bytes with four: nothing to settle, so none is reserved, and
		// the gas limit they need is less than the first's by at least the settlement.
		let later = dry_run();
		assert!(later.gas_required.ref_time() + settlement <= first.gas_required.ref_time());
		assert!(later.gas_required.ref_time() - later.gas_consumed.ref_time() < settlement);
		let bob = balance(&BOB);
		// In a new block, as a dry run prices it.
		System::set_block_number(2);
		let post = execute(&BOB, &counter, "increment", vec![]).unwrap();
		assert_eq!(balance(&BOB), bob, "no deposit moved");
		let dry_run = dry_run();
		let base = crate::costs::without_event_counter::<Test>(<Test as crate::Config>::WeightInfo::execute(0));
		assert_eq!(post.actual_weight, Some(base + dry_run.gas_consumed));
	});
}
