//! Migrations of the pallet's storage: the initialisation of a chain that adds the pallet by a
//! runtime upgrade, the multi-block revalidation of stored code, the move of contract storage
//! to hashed keys, and the records of code ids and contracts rewritten or priced again.

use super::*;
use crate::{
	storage::{child_info, next_key, ContractTrie, UNHASHED_TRIE_PREFIX},
	weights::WeightInfo,
	Error, PristineCode,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{BeforeAllRuntimeMigrations, Get, GetStorageVersion, OnRuntimeUpgrade, PalletInfoAccess, StorageVersion},
	weights::{RuntimeDbWeight, Weight, WeightMeter},
};
use crate::migrations::{v5::ContractInfoV4, v6::CodeInfoV5};
use wasm_contracts_primitives::{CodeHash, CodeId, CodeInfo, ContractInfo, TrieId};

/// Runs migration `M` as `pallet_migrations` does, one step per block of `block_weight`;
/// returns the number of blocks it took.
fn migrate_in_blocks<M: SteppedMigration>(block_weight: Weight) -> u32 {
	let mut cursor = None;
	for blocks in 1..=10_000 {
		let mut meter = WeightMeter::with_limit(block_weight);
		cursor = M::step(cursor, &mut meter).expect("each block makes progress");
		assert!(meter.consumed().all_lte(block_weight));
		if cursor.is_none() {
			return blocks
		}
	}
	panic!("the migration did not end within 10000 blocks");
}

type Revalidate = crate::migrations::v3::Migrate<Test>;
type HashKeys = crate::migrations::v4::Migrate<Test>;
type RecordLongestValue = crate::migrations::v5::Migrate<Test>;
type RecordTranslationPrice = crate::migrations::v6::Migrate<Test>;
type RepriceTranslation = crate::migrations::v7::Migrate<Test>;

/// Runs the revalidation in blocks of `block_weight`.
fn revalidate_in_blocks(block_weight: Weight) -> u32 {
	migrate_in_blocks::<Revalidate>(block_weight)
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
		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(2);
		let block = start + Revalidate::max_module_weight() + Revalidate::module_weight(size) * 2;
		assert_eq!(revalidate_in_blocks(block), 3);
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(PristineCode::<Test>::iter_keys().count(), 7);
	});
}

#[test]
fn removing_the_largest_module_stays_within_the_weight_a_step_reserves_for_it() {
	new_test_ext().execute_with(|| {
		// A multi-value module (refused since version 2) padded by data to the largest size.
		let padding = "a".repeat(wasm_contracts_primitives::limits::MAX_CONTRACT_SIZE as usize - 128);
		let module = wat(&format!(
			r#"(module (memory 64) (data (i32.const 0) "{padding}") (func (export "f") (result i32 i32) (i32.const 1) (i32.const 2)))"#
		));
		assert!(module.len() as u32 <= wasm_contracts_primitives::limits::MAX_CONTRACT_SIZE);
		let code_hash = store_unchecked(module);
		StorageVersion::new(1).put::<Contracts>();
		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(2);
		// `migrate_in_blocks` checks that no step consumes more than its block.
		assert_eq!(revalidate_in_blocks(start + Revalidate::max_module_weight()), 2);
		assert!(!PristineCode::<Test>::contains_key(code_hash));
	});
}

#[test]
fn revalidation_asks_for_a_block_with_room_for_the_largest_module() {
	new_test_ext().execute_with(|| {
		store_unchecked(fixture("counter"));
		StorageVersion::new(2).put::<Contracts>();
		let per_module = Revalidate::max_module_weight();
		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(2);
		let mut meter = WeightMeter::with_limit(per_module - Weight::from_parts(1, 0));
		assert_eq!(
			Revalidate::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { required: start + per_module })
		);
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(2));
	});
}

#[test]
fn dry_runs_and_queries_wait_until_stored_code_is_validated_again() {
	new_test_ext_unchecked().execute_with(|| {
		let counter = deploy_fixture("counter");
		StorageVersion::new(2).put::<Contracts>();
		let migrating: DispatchError = Error::<Test>::MigrationInProgress.into();
		let dry_run = Contracts::dry_run_execute(ALICE, counter.clone(), b"increment".to_vec(), vec![], 0, None);
		assert_eq!(dry_run.result, Err(migrating));
		assert_eq!(Contracts::query(counter.clone(), b"increment".to_vec(), vec![], None).result, Err(migrating));
		revalidate_in_blocks(Weight::MAX);
		migrate_in_blocks::<HashKeys>(Weight::MAX);
		migrate_in_blocks::<RecordLongestValue>(Weight::MAX);
		migrate_in_blocks::<RecordTranslationPrice>(Weight::MAX);
		migrate_in_blocks::<RepriceTranslation>(Weight::MAX);
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
		// The multi-block migrations are for chains that had the pallet before; they end at once.
		assert_eq!(Revalidate::step(None, &mut WeightMeter::new()), Ok(None));
		assert_eq!(HashKeys::step(None, &mut WeightMeter::new()), Ok(None));
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

/// Makes the pallet's storage what version 3 had: no user counts, contracts' records in the
/// old layout, and the version.
fn as_version_3() {
	let _ = crate::CodeUsers::<Test>::clear(u32::MAX, None);
	let _ = crate::ModuleUsers::<Test>::clear(u32::MAX, None);
	records_as_version_4();
	StorageVersion::new(3).put::<Contracts>();
}

/// Rewrites every contract's record in the layout of storage versions up to 4, without its
/// longest value.
fn records_as_version_4() {
	let records: Vec<_> = crate::ContractInfoOf::<Test>::iter().collect();
	for (contract, info) in records {
		let old = ContractInfoV4 {
			code_id: info.code_id,
			creator: info.creator,
			admin: info.admin,
			trie_id: info.trie_id,
			history_len: info.history_len,
		};
		frame_support::storage::unhashed::put(&crate::ContractInfoOf::<Test>::hashed_key_for(&contract), &old);
	}
}

/// Writes `entries` into `trie_id`'s trie as storage version 3 kept them: keys as given.
fn store_unhashed(trie_id: &TrieId, entries: &[(Vec<u8>, Vec<u8>)]) {
	let old = child_info(UNHASHED_TRIE_PREFIX, trie_id);
	for (key, value) in entries {
		frame_support::storage::child::put_raw(&old, key, value);
	}
}

fn unhashed_trie_is_empty(trie_id: &TrieId) -> bool {
	let old = child_info(UNHASHED_TRIE_PREFIX, trie_id);
	!frame_support::storage::child::exists(&old, &[]) && next_key(&old, &[]).is_none()
}

#[test]
fn hashing_keys_moves_every_entry_over_several_blocks_and_contracts_keep_their_state() {
	new_test_ext().execute_with(|| {
		// A counter at 41 and an account's variables, as version 3 stored them.
		let counter = deploy_fixture("counter");
		let counter_trie = crate::ContractInfoOf::<Test>::get(&counter).unwrap().trie_id;
		let counter_trie_new = ContractTrie::new(&counter_trie);
		counter_trie_new.remove(b"counter");
		let mut entries = vec![(b"counter".to_vec(), 41u32.to_le_bytes().to_vec())];
		entries.extend((0u8..20).map(|index| (vec![index; usize::from(index)], vec![index; 100])));
		store_unhashed(&counter_trie, &entries);
		let variables_trie: TrieId = [7; 32];
		crate::AccountTrie::<Test>::insert(&BOB, variables_trie);
		store_unhashed(&variables_trie, &[(b"balance".to_vec(), vec![1, 2, 3])]);
		as_version_3();

		// Room for the largest entry and a few small ones per block.
		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads_writes(2, 1);
		let block = start + HashKeys::max_item_weight() * 2 + HashKeys::entry_weight(20, 100) * 4;
		let blocks = migrate_in_blocks::<HashKeys>(block);
		assert!(blocks >= 4, "22 entries in blocks of about 5 took {blocks} block(s)");

		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(4));
		migrate_in_blocks::<RecordLongestValue>(Weight::MAX);
		migrate_in_blocks::<RecordTranslationPrice>(Weight::MAX);
		migrate_in_blocks::<RepriceTranslation>(Weight::MAX);
		assert!(unhashed_trie_is_empty(&counter_trie));
		assert!(unhashed_trie_is_empty(&variables_trie));
		for (key, value) in &entries {
			assert_eq!(Contracts::get_storage(counter.clone(), key.clone()), Ok(Some(value.clone())));
		}
		assert_eq!(Contracts::get_account_variable(BOB, b"balance".to_vec()).unwrap(), Some(vec![1, 2, 3]));
		// Every moved entry is recorded as its trie's unpaid storage: 16 bytes of hash, the key
		// and the value each.
		let unpaid = |trie_id: TrieId| crate::UnpaidStorageOf::<Test>::get(trie_id).map(|unpaid| (unpaid.items, unpaid.bytes));
		let counter_bytes = entries.iter().map(|(key, value)| 16 + key.len() + value.len()).sum::<usize>();
		assert_eq!(unpaid(counter_trie), Some((entries.len() as u32, counter_bytes as u64)));
		assert_eq!(unpaid(variables_trie), Some((1, 16 + 7 + 3)));
		assert_ok!(execute(&ALICE, &counter, "increment", vec![]));
		assert_eq!(stored(&counter, b"counter"), Some(42u32.to_le_bytes().to_vec()));
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn version_4_counts_the_users_of_every_code_id_and_module() {
	new_test_ext().execute_with(|| {
		let counter = upload(&ALICE, fixture("counter"));
		let same_module = upload(&BOB, fixture("counter"));
		let unused = upload(&ALICE, fixture("terminator"));
		for _ in 0..3 {
			instantiate(&ALICE, counter, vec![], None);
		}
		instantiate(&BOB, same_module, vec![], None);
		as_version_3();
		migrate_in_blocks::<HashKeys>(HashKeys::max_item_weight() * 2);
		migrate_in_blocks::<RecordLongestValue>(Weight::MAX);
		migrate_in_blocks::<RecordTranslationPrice>(Weight::MAX);
		migrate_in_blocks::<RepriceTranslation>(Weight::MAX);
		assert_eq!(crate::CodeUsers::<Test>::get(counter), 3);
		assert_eq!(crate::CodeUsers::<Test>::get(same_module), 1);
		assert!(!crate::CodeUsers::<Test>::contains_key(unused));
		let module = |code_id| crate::CodeInfoOf::<Test>::get(code_id).unwrap().code_hash;
		assert_eq!(crate::ModuleUsers::<Test>::get(module(counter)), 2);
		assert_eq!(crate::ModuleUsers::<Test>::get(module(unused)), 1);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
		assert_noop!(Contracts::remove_code(RuntimeOrigin::signed(ALICE), counter), Error::<Test>::CodeInUse);
		assert_ok!(Contracts::remove_code(RuntimeOrigin::signed(ALICE), unused));
	});
}

#[test]
fn hashing_keys_asks_for_a_block_with_room_for_the_largest_entry() {
	new_test_ext_unchecked().execute_with(|| {
		let counter = deploy_fixture("counter");
		let trie_id = crate::ContractInfoOf::<Test>::get(&counter).unwrap().trie_id;
		store_unhashed(&trie_id, &[(b"old".to_vec(), vec![1])]);
		as_version_3();
		let mut meter = WeightMeter::with_limit(HashKeys::max_item_weight() - Weight::from_parts(1, 0));
		assert!(matches!(
			HashKeys::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { .. })
		));
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(3));
	});
}

#[test]
fn a_step_goes_on_from_the_key_moved_last_and_charges_three_reads_to_find_it() {
	use crate::migrations::v4::{MovedKey, Progress, TrieOwner};
	new_test_ext_unchecked().execute_with(|| {
		let counter = deploy_fixture("counter");
		let trie_id = crate::ContractInfoOf::<Test>::get(&counter).unwrap().trie_id;
		let keys: Vec<Vec<u8>> = [b"a", b"b", b"c", b"d"].iter().map(|key| key.to_vec()).collect();
		store_unhashed(&trie_id, &keys.iter().map(|key| (key.clone(), vec![9; 4])).collect::<Vec<_>>());
		as_version_3();

		// A cursor after "b", with "a" and "b" still in the old trie: a step that looked from the
		// first key again would move "a".
		let owner = TrieOwner::Contract(counter.clone());
		let cursor = Progress::Trie(owner.clone(), Some(MovedKey::try_from(b"b".to_vec()).unwrap()));
		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads_writes(2, 1);
		// Room for one item only.
		let limit = start + HashKeys::max_item_weight() + HashKeys::entry_weight(1, 4) - Weight::from_parts(1, 1);
		let mut meter = WeightMeter::with_limit(limit);
		let next = HashKeys::step(Some(cursor), &mut meter).expect("room for one entry");

		assert_eq!(next, Some(Progress::Trie(owner, Some(MovedKey::try_from(b"c".to_vec()).unwrap()))));
		let old = child_info(UNHASHED_TRIE_PREFIX, &trie_id);
		let in_old_trie = |key: &[u8]| frame_support::storage::child::exists(&old, key);
		assert!(in_old_trie(b"a") && in_old_trie(b"b") && in_old_trie(b"d"));
		assert!(!in_old_trie(b"c"));
		assert_eq!(ContractTrie::new(&trie_id).read(b"c"), Some(vec![9; 4]));
		assert_eq!(ContractTrie::new(&trie_id).read(b"a"), None);
		// Finding the entry is three reads (the owner's trie id, the next key, the value), each
		// charged beside the host functions' own weights.
		let reads = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads(3);
		assert!(HashKeys::entry_weight(1, 4).all_gte(reads + <Test as crate::Config>::WeightInfo::host_storage_read(4)));
		assert_eq!(meter.consumed(), start + HashKeys::entry_weight(1, 4));
	});
}

/// Keys each one zero byte longer than the last, ending in 1: stored as given, every key
/// branches off the path of the next one, so the path to the longest is as deep as there are
/// keys.
fn deep_prefix_keys(count: usize) -> Vec<Vec<u8>> {
	(0..count).map(|zeros| {
		let mut key = vec![0u8; zeros];
		key.push(1);
		key
	}).collect()
}

#[test]
fn deep_prefix_keys_of_two_contracts_stay_within_the_proof_a_read_is_charged() {
	let mut ext = new_test_ext();
	let max_key_len = Params::default().max_storage_key_len as usize;
	let keys = deep_prefix_keys(max_key_len);
	let tries: [TrieId; 2] = [[1; 32], [2; 32]];
	ext.execute_with(|| {
		for trie_id in &tries {
			let trie = ContractTrie::new(trie_id);
			keys.iter().for_each(|key| {
				trie.write(key, &[0xAB; 32]);
			});
			// The same keys as given, for comparison: the layout of storage version 3.
			store_unhashed(trie_id, &keys.iter().map(|key| (key.clone(), vec![0xAB; 32])).collect::<Vec<_>>());
		}
	});
	ext.commit_all().unwrap();
	let deepest = keys.last().unwrap().clone();
	let charged = <Test as crate::Config>::WeightInfo::host_storage_read(32).proof_size() +
		crate::costs::Cost::Key { len: deepest.len() as u32 }.weight::<Test>().proof_size();
	let proof_of = |ext: &mut sp_io::TestExternalities, read: &dyn Fn() -> Option<Vec<u8>>| {
		let (value, proof) = ext.execute_and_prove(read);
		assert_eq!(value, Some(vec![0xAB; 32]));
		proof.encoded_size() as u64
	};
	for trie_id in &tries {
		let hashed = proof_of(&mut ext, &|| ContractTrie::new(trie_id).read(&deepest));
		assert!(hashed <= charged, "a read proves {hashed} bytes, charged {charged}");
		let unhashed = proof_of(&mut ext, &|| {
			frame_support::storage::child::get_raw(&child_info(UNHASHED_TRIE_PREFIX, trie_id), &deepest)
		});
		assert!(unhashed > charged, "keys as given: a read proves {unhashed} bytes, charged {charged}");
	}
}

#[test]
fn version_5_gives_every_record_an_unknown_longest_value_over_several_blocks() {
	new_test_ext().execute_with(|| {
		let counters: Vec<_> = (0..3).map(|_| deploy_fixture("counter")).collect();
		assert_ok!(execute(&BOB, &counters[0], "increment", vec![]));
		let before: Vec<_> = counters.iter().map(|counter| crate::ContractInfoOf::<Test>::get(counter).unwrap()).collect();
		records_as_version_4();
		StorageVersion::new(4).put::<Contracts>();
		// Dry runs wait on records of the old layout until the migration ends (blocks carry no
		// transactions meanwhile).
		let dry_run = Contracts::dry_run_execute(ALICE, counters[0].clone(), b"increment".to_vec(), vec![], 0, None);
		assert_eq!(dry_run.result, Err(Error::<Test>::MigrationInProgress.into()));

		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads_writes(1, 1);
		let blocks = migrate_in_blocks::<RecordLongestValue>(start + RecordLongestValue::max_item_weight());
		assert_eq!(blocks, 4, "a record a block, and a block that finds none left");
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(5));
		for (counter, before) in counters.iter().zip(before) {
			let after = crate::ContractInfoOf::<Test>::get(counter).expect("the record reads in the new layout");
			assert_eq!(after, ContractInfo { longest_value: u32::MAX, ..before });
		}
		migrate_in_blocks::<RecordTranslationPrice>(Weight::MAX);
		migrate_in_blocks::<RepriceTranslation>(Weight::MAX);
		assert_ok!(execute(&BOB, &counters[0], "increment", vec![]));
		assert_eq!(stored(&counters[0], b"counter"), Some(2u32.to_le_bytes().to_vec()));
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn version_5_asks_for_a_block_with_room_for_one_record_and_leaves_a_later_chain_alone() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let current = crate::ContractInfoOf::<Test>::get(&counter).unwrap();
		// At version 5 already: nothing to do.
		assert_eq!(RecordLongestValue::step(None, &mut WeightMeter::new()), Ok(None));
		assert_eq!(crate::ContractInfoOf::<Test>::get(&counter), Some(current));

		records_as_version_4();
		StorageVersion::new(4).put::<Contracts>();
		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads_writes(1, 1);
		let mut meter = WeightMeter::with_limit(start + RecordLongestValue::max_item_weight() - Weight::from_parts(1, 0));
		assert_eq!(
			RecordLongestValue::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { required: start + RecordLongestValue::max_item_weight() })
		);
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(4));
		migrate_in_blocks::<RecordLongestValue>(Weight::MAX);
		migrate_in_blocks::<RecordTranslationPrice>(Weight::MAX);
		migrate_in_blocks::<RepriceTranslation>(Weight::MAX);
	});
}

#[test]
fn version_6_gives_every_code_id_uploaded_before_the_reference_price_over_several_blocks() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		// Two code ids beside the counter's: the same module again, and another.
		upload(&ALICE, fixture("counter"));
		upload(&BOB, fixture("token"));
		let before: Vec<(CodeId, _)> = crate::CodeInfoOf::<Test>::iter().collect();
		assert_eq!(before.len(), 3);
		assert!(before.iter().all(|(_, info)| info.translation.per_byte < TranslationPrice::REFERENCE.per_byte), "{before:?}");
		// The records in the layout of version 5: no price.
		for (code_id, info) in &before {
			let old = CodeInfoV5 { code_hash: info.code_hash, uploader: info.uploader.clone(), code_size: info.code_size };
			frame_support::storage::unhashed::put(&crate::CodeInfoOf::<Test>::hashed_key_for(code_id), &old);
		}
		StorageVersion::new(5).put::<Contracts>();
		let dry_run = Contracts::dry_run_execute(ALICE, counter.clone(), b"increment".to_vec(), vec![], 0, None);
		assert_eq!(dry_run.result, Err(Error::<Test>::MigrationInProgress.into()));

		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads_writes(1, 1);
		let blocks = migrate_in_blocks::<RecordTranslationPrice>(start + RecordTranslationPrice::max_item_weight());
		assert_eq!(blocks, 4, "a record a block, and a block that finds none left");
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(6));
		for (code_id, before) in before {
			let after = crate::CodeInfoOf::<Test>::get(code_id).expect("the record reads in the new layout");
			assert_eq!(after, CodeInfo { translation: TranslationPrice::REFERENCE, ..before });
		}
		assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		assert_eq!(stored(&counter, b"counter"), Some(1u32.to_le_bytes().to_vec()));
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
	});
}

#[test]
fn version_7_prices_each_code_id_again_dense_code_above_the_reference_over_several_blocks() {
	new_test_ext().execute_with(|| {
		// Empty `if`s, code denser than the reference: 5 units in 5 bytes.
		let ifs = "(if (local.get 0) (then))".repeat(2_000);
		let dense = upload(&ALICE, wat(&format!(r#"(module (func (export "run") (local i32) {ifs}))"#)));
		let ordinary = upload(&BOB, fixture("counter"));
		let priced = |code_id| crate::CodeInfoOf::<Test>::get(code_id).unwrap();
		let (dense_info, ordinary_info) = (priced(dense), priced(ordinary));
		assert!(dense_info.translation.per_byte > TranslationPrice::REFERENCE.per_byte, "{dense_info:?}");
		assert!(ordinary_info.translation.per_byte < TranslationPrice::REFERENCE.per_byte, "{ordinary_info:?}");
		let contract = instantiate(&ALICE, dense, vec![], None);
		let gas_of_run = || Contracts::dry_run_execute(BOB, contract.clone(), b"run".to_vec(), vec![], 0, None).gas_consumed;
		let at_its_price = gas_of_run();

		// Both as version 6 left them: the reference price.
		for code_id in [dense, ordinary] {
			crate::CodeInfoOf::<Test>::mutate(code_id, |info| info.as_mut().unwrap().translation = TranslationPrice::REFERENCE);
		}
		let at_the_reference = gas_of_run();
		assert!(at_the_reference.ref_time() < at_its_price.ref_time(), "{at_the_reference} {at_its_price}");
		StorageVersion::new(6).put::<Contracts>();

		let start = <<Test as frame_system::Config>::DbWeight as Get<RuntimeDbWeight>>::get().reads_writes(1, 1);
		let mut meter = WeightMeter::with_limit(start + RepriceTranslation::max_item_weight() - Weight::from_parts(1, 0));
		assert_eq!(
			RepriceTranslation::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { required: start + RepriceTranslation::max_item_weight() })
		);
		let blocks = migrate_in_blocks::<RepriceTranslation>(start + RepriceTranslation::max_item_weight());
		assert_eq!(blocks, 3, "a record a block, and a block that finds none left");
		assert_eq!(Contracts::on_chain_storage_version(), StorageVersion::new(7));
		assert_eq!((priced(dense), priced(ordinary)), (dense_info, ordinary_info));
		assert_eq!(gas_of_run(), at_its_price);
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));

		// At version 7 already: nothing to do.
		crate::CodeInfoOf::<Test>::mutate(dense, |info| info.as_mut().unwrap().translation = TranslationPrice::REFERENCE);
		assert_eq!(RepriceTranslation::step(None, &mut WeightMeter::new()), Ok(None));
		assert_eq!(priced(dense).translation, TranslationPrice::REFERENCE);
	});
}
