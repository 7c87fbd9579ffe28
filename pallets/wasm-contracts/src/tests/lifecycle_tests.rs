//! Instantiation, addresses, migration and admin rules.

use super::*;
use crate::{address, CodeInfoOf, ContractInfoOf, Error, Event};
use frame_support::{assert_noop, assert_ok};
use wasm_contracts_primitives::{CodeChange, CodeHistoryEntry};

#[test]
fn unsalted_addresses_follow_the_instance_counter() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("counter"));
		let first = instantiate(&ALICE, code_id, vec![], None);
		let second = instantiate(&BOB, code_id, vec![], None);
		assert_eq!(first, address::instance_address::<Test>(code_id, 0));
		assert_eq!(second, address::instance_address::<Test>(code_id, 1));
		assert_ne!(first, second);
		// The same sequence on a fresh chain gives the same addresses.
		new_test_ext().execute_with(|| {
			let code_id = upload(&CHARLIE, fixture("counter"));
			assert_eq!(instantiate(&CHARLIE, code_id, vec![], None), first);
		});
	});
}

#[test]
fn salted_address_is_predictable_and_unique() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("counter"));
		let code_hash = CodeInfoOf::<Test>::get(code_id).unwrap().code_hash;
		let predicted = address::salted_address::<Test>(&code_hash, &BOB, b"salt");
		let salt = Some(b"salt".to_vec());
		assert_ok!(Contracts::instantiate(RuntimeOrigin::signed(BOB), code_id, vec![], None, 0, gas(), salt.clone(), None));
		assert!(ContractInfoOf::<Test>::contains_key(&predicted));
		assert_refused_unchanged(|| Contracts::instantiate(RuntimeOrigin::signed(BOB), code_id, vec![], None, 0, gas(), salt.clone(), None), Error::<Test>::ContractExists);
		// Another creator with the same salt gets another address.
		assert_ok!(Contracts::instantiate(RuntimeOrigin::signed(CHARLIE), code_id, vec![], None, 0, gas(), salt, None));
		assert!(ContractInfoOf::<Test>::contains_key(address::salted_address::<Test>(&code_hash, &CHARLIE, b"salt")));
	});
}

#[test]
fn instantiate_funds_the_contract_and_runs_its_instantiate_export() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("token"));
		let before = balance(&BOB);
		let contract = address::instance_address::<Test>(code_id, 0);
		let dry_run = Contracts::dry_run_instantiate(BOB, code_id, vec![], Some(ALICE), 1_000, None, None);
		let wasm_contracts_primitives::StorageDeposit::Charge(deposit) = dry_run.storage_deposit else {
			panic!("instantiation adds state")
		};
		assert_ok!(Contracts::instantiate(RuntimeOrigin::signed(BOB), code_id, vec![], Some(ALICE), 1_000, gas(), None, None));
		assert_eq!(balance(&contract), 1_000 + EXISTENTIAL_DEPOSIT);
		// Bob also holds the contract's deposit, and paid for the key its `instantiate` wrote.
		assert_eq!(balance(&BOB), before - 1_000 - EXISTENTIAL_DEPOSIT - deposit);
		assert_eq!(stored(&contract, b"minter"), Some(AsRef::<[u8; 32]>::as_ref(&BOB).to_vec()));
		let info = ContractInfoOf::<Test>::get(&contract).unwrap();
		assert_eq!((info.code_id, info.creator, info.admin), (code_id, BOB, Some(ALICE)));
		let instantiated = Event::Instantiated { creator: BOB, contract, code_id, admin: Some(ALICE), output: Some(vec![]) };
		assert!(contract_events().contains(&instantiated));
	});
}

#[test]
fn instantiate_refuses_unknown_code_and_unaffordable_value() {
	new_test_ext().execute_with(|| {
		assert_refused_unchanged(|| Contracts::instantiate(RuntimeOrigin::signed(BOB), 42, vec![], None, 0, gas(), None, None), Error::<Test>::CodeNotFound);
		let code_id = upload(&ALICE, fixture("counter"));
		assert_refused_unchanged(|| Contracts::instantiate(RuntimeOrigin::signed(BOB), code_id, vec![], None, INITIAL_BALANCE, gas(), None, None), Error::<Test>::TransferFailed);
		assert_refused_unchanged(|| Contracts::instantiate(RuntimeOrigin::signed(BOB), code_id, vec![], None, 0, gas(), Some(vec![]), None), Error::<Test>::SaltTooLong);
	});
}

#[test]
fn admin_migrates_and_history_is_kept() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		for _ in 0..3 {
			assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		}
		let v2 = upload(&ALICE, fixture("counter_v2"));
		assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), counter.clone(), v2, b"to v2".to_vec(), gas(), None));
		assert_eq!(stored(&counter, b"migrated"), Some(b"to v2".to_vec()));
		assert_eq!(dry_execute(&BOB, &counter, "increment", vec![]), Ok(13u32.to_le_bytes().to_vec()));
		let history = Contracts::contract_history(counter.clone(), 0, wasm_contracts_primitives::limits::MAX_HISTORY_PAGE);
		assert_eq!(
			history,
			vec![
				CodeHistoryEntry { change: CodeChange::Instantiate, code_id: 1, block: 1 },
				CodeHistoryEntry { change: CodeChange::Migrate, code_id: v2, block: 1 },
			]
		);
		assert!(contract_events().contains(&Event::Migrated { contract: counter, from_code_id: 1, to_code_id: v2 }));
	});
}

#[test]
fn only_the_admin_migrates() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let v2 = upload(&ALICE, fixture("counter_v2"));
		assert_eq!(
			error_of(Contracts::migrate(RuntimeOrigin::signed(BOB), counter.clone(), v2, vec![], gas(), None)),
			Error::<Test>::NotAdmin.into()
		);
		assert_eq!(
			error_of(Contracts::migrate(RuntimeOrigin::signed(ALICE), counter.clone(), 99, vec![], gas(), None)),
			Error::<Test>::CodeNotFound.into()
		);
		assert_eq!(ContractInfoOf::<Test>::get(&counter).unwrap().code_id, 1);
	});
}

#[test]
fn only_the_admin_changes_the_admin() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		assert_noop!(Contracts::update_admin(RuntimeOrigin::signed(BOB), counter.clone(), BOB), Error::<Test>::NotAdmin);
		assert_noop!(Contracts::clear_admin(RuntimeOrigin::signed(BOB), counter.clone()), Error::<Test>::NotAdmin);
		assert_ok!(Contracts::update_admin(RuntimeOrigin::signed(ALICE), counter.clone(), BOB));
		assert_eq!(ContractInfoOf::<Test>::get(&counter).unwrap().admin, Some(BOB));
		assert!(contract_events().contains(&Event::AdminChanged { contract: counter.clone(), admin: Some(BOB) }));
		// The old admin lost the right; the new one has it.
		let v2 = upload(&ALICE, fixture("counter_v2"));
		assert_eq!(
			error_of(Contracts::migrate(RuntimeOrigin::signed(ALICE), counter.clone(), v2, vec![], gas(), None)),
			Error::<Test>::NotAdmin.into()
		);
		assert_ok!(Contracts::migrate(RuntimeOrigin::signed(BOB), counter, v2, vec![], gas(), None));
	});
}

#[test]
fn cleared_admin_means_no_migration() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let v2 = upload(&ALICE, fixture("counter_v2"));
		assert_ok!(Contracts::clear_admin(RuntimeOrigin::signed(ALICE), counter.clone()));
		assert_eq!(ContractInfoOf::<Test>::get(&counter).unwrap().admin, None);
		assert_eq!(
			error_of(Contracts::migrate(RuntimeOrigin::signed(ALICE), counter.clone(), v2, vec![], gas(), None)),
			Error::<Test>::NoAdmin.into()
		);
		assert_noop!(Contracts::update_admin(RuntimeOrigin::signed(ALICE), counter, ALICE), Error::<Test>::NoAdmin);
	});
}

#[test]
fn params_change_only_through_their_origin_and_within_limits() {
	new_test_ext().execute_with(|| {
		let mut params = Params::default();
		params.max_call_depth = 4;
		assert_noop!(
			Contracts::set_params(RuntimeOrigin::signed(ALICE), params.clone()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Contracts::set_params(RuntimeOrigin::root(), params.clone()));
		assert_eq!(crate::Parameters::<Test>::get(), params);
		params.max_memory_pages = 0;
		assert_noop!(Contracts::set_params(RuntimeOrigin::root(), params), Error::<Test>::InvalidParams);
	});
}
