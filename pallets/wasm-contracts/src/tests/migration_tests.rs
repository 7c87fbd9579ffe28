//! Migrations of the pallet's storage: the initialisation of a chain that adds the pallet by a
//! runtime upgrade, and the multi-block revalidation of stored code.

use super::*;
use crate::{Error, PristineCode};
use frame_support::{
	assert_ok,
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{BeforeAllRuntimeMigrations, Get, GetStorageVersion, OnRuntimeUpgrade, PalletInfoAccess, StorageVersion},
	weights::{RuntimeDbWeight, Weight, WeightMeter},
};
use wasm_contracts_primitives::CodeHash;

/// Runs the code revalidation as `pallet_migrations` does, one step per block of `block_weight`;
/// returns the number of blocks it took.
fn revalidate_in_blocks(block_weight: Weight) -> u32 {
	let mut cursor = None;
	for blocks in 1..=1_000 {
		let mut meter = WeightMeter::with_limit(block_weight);
		cursor = crate::migrations::v3::Migrate::<Test>::step(cursor, &mut meter).expect("each block makes progress");
		assert!(meter.consumed().all_lte(block_weight));
		if cursor.is_none() {
			return blocks
		}
	}
	panic!("the revalidation did not end within 1000 blocks");
}

/// Stores `wasm` as a module stored before the current validation rules, without validating it.
fn store_unchecked(wasm: Vec<u8>) -> CodeHash {
	let hash = sp_io::hashing::blake2_256(&wasm);
	PristineCode::<Test>::insert(hash, frame_support::BoundedVec::try_from(wasm).unwrap());
	hash
}

#[test]
fn revalidation_removes_stored_code_that_fails_the_current_rules() {
	new_test_ext().execute_with(|| {
		let valid = upload(&ALICE, fixture("counter"));
		let multi_value = store_unchecked(wat(r#"(module (func (export "f") (result i32 i32) (i32.const 1) (i32.const 2)))"#));
		let exports: String = (0..1_100).map(|index| format!("(export \"{index:060}\" (func 0))")).collect();
		let declared = store_unchecked(wat(&format!(r#"(module (func (export "run")) {exports})"#)));
		StorageVersion::new(1).put::<Contracts>();
		revalidate_in_blocks(Weight::MAX);
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(3));
		assert!(!PristineCode::<Test>::contains_key(multi_value));
		assert!(!PristineCode::<Test>::contains_key(declared));
		let code_hash = crate::CodeInfoOf::<Test>::get(valid).unwrap().code_hash;
		assert!(PristineCode::<Test>::contains_key(code_hash));
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn revalidation_spreads_over_blocks_within_their_weight() {
	new_test_ext().execute_with(|| {
		// Seven modules of one size.
		let modules: Vec<_> =
			(0..7).map(|index| wat(&format!(r#"(module (func (export "run") (drop (i32.const {index}))))"#))).collect();
		let size = modules[0].len() as u32;
		assert!(modules.iter().all(|module| module.len() as u32 == size));
		for module in modules {
			store_unchecked(module);
		}
		StorageVersion::new(2).put::<Contracts>();
		// A step goes on while the largest module would still fit: a block with room for it and
		// two modules of this size more takes three, so seven take three blocks.
		type Revalidate = crate::migrations::v3::Migrate<Test>;
		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(2);
		let block = start + Revalidate::max_module_weight() + Revalidate::module_weight(size) * 2;
		assert_eq!(revalidate_in_blocks(block), 3);
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(PristineCode::<Test>::iter_keys().count(), 7);
	});
}

#[test]
fn revalidation_asks_for_a_block_with_room_for_the_largest_module() {
	new_test_ext().execute_with(|| {
		store_unchecked(fixture("counter"));
		StorageVersion::new(2).put::<Contracts>();
		let per_module = crate::migrations::v3::Migrate::<Test>::max_module_weight();
		let mut meter = WeightMeter::with_limit(per_module - Weight::from_parts(1, 0));
		assert_eq!(
			crate::migrations::v3::Migrate::<Test>::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { required: per_module })
		);
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(2));
	});
}

#[test]
fn dry_runs_and_queries_wait_until_stored_code_is_validated_again() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		StorageVersion::new(2).put::<Contracts>();
		let migrating: DispatchError = Error::<Test>::MigrationInProgress.into();
		let dry_run = Contracts::dry_run_execute(ALICE, counter.clone(), b"increment".to_vec(), vec![], 0, None);
		assert_eq!(dry_run.result, Err(migrating));
		assert_eq!(Contracts::query(counter.clone(), b"increment".to_vec(), vec![], None).result, Err(migrating));
		revalidate_in_blocks(Weight::MAX);
		let dry_run = Contracts::dry_run_execute(ALICE, counter, b"increment".to_vec(), vec![], 0, None);
		assert!(dry_run.result.is_ok(), "{:?}", dry_run.result);
	});
}

frame_support::parameter_types! {
	pub ChainParams: Params = Params { max_call_depth: 4, ..Params::default() };
}

#[test]
fn a_chain_that_adds_the_pallet_by_upgrade_gets_its_genesis_state_and_runs_contracts() {
	new_test_ext().execute_with(|| {
		// What a chain without the pallet has: nothing under the pallet's prefix.
		let prefix = sp_io::hashing::twox_128(<Contracts as PalletInfoAccess>::name().as_bytes());
		let _ = frame_support::storage::unhashed::clear_prefix(&prefix, None, None);
		assert!(!crate::Parameters::<Test>::exists());
		// As `Executive` does: FRAME gives a new pallet its current storage version, then the
		// migrations run.
		<Contracts as BeforeAllRuntimeMigrations>::before_all_runtime_migrations();
		assert_eq!(Contracts::on_chain_storage_version(), crate::pallet::STORAGE_VERSION);
		crate::migrations::v0::Initialize::<Test, ChainParams>::on_runtime_upgrade();
		// The revalidation is for chains that had the pallet before; it ends at once here.
		let mut meter = WeightMeter::new();
		assert_eq!(crate::migrations::v3::Migrate::<Test>::step(None, &mut meter), Ok(None));
		assert_eq!(Contracts::on_chain_storage_version(), crate::pallet::STORAGE_VERSION);
		assert_eq!(crate::Parameters::<Test>::get(), ChainParams::get());
		let counter = deploy_fixture("counter");
		assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		assert_eq!(stored(&counter, b"counter"), Some(1u32.to_le_bytes().to_vec()));
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn initialising_a_chain_that_has_the_pallet_changes_nothing() {
	new_test_ext().execute_with(|| {
		let before = crate::Parameters::<Test>::get();
		assert_ne!(before, ChainParams::get());
		crate::migrations::v0::Initialize::<Test, ChainParams>::on_runtime_upgrade();
		assert_eq!(crate::Parameters::<Test>::get(), before);
	});
}
