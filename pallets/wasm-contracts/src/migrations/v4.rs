//! Version 4: contract storage keys are stored hashed (`blake2_128(key) ++ key`, see the
//! pallet's `storage` module), in child tries of a new prefix, and code counts its users so that it can
//! be removed. The migration moves every entry of every contract's trie and of every account's
//! persistent variables from the trie of the old layout to the trie of the new one, then counts
//! the contracts running each code id (`CodeUsers`) and the code ids of each module
//! (`ModuleUsers`).
//!
//! Storage deposits start with this version. What is already stored is grandfathered: the
//! migration holds no deposit for it and records each trie's entries as its unpaid storage
//! ([`crate::UnpaidStorageOf`]). Releasing that state later pays off the unpaid storage first, so
//! it gives nothing back (and takes nothing from deposits others hold on the contract), and
//! nobody is charged for it after the fact.

// Contracts' and code ids' records in the layouts of this version, which later versions extend.
use super::{v5::ContractInfoOf, v6::CodeInfoOf};
use super::PALLET_MIGRATION_ID;
use crate::{
	storage::{child_info, next_key, ContractTrie, UNHASHED_TRIE_PREFIX},
	weights::WeightInfo,
	AccountTrie, CodeUsers, Config, ModuleUsers, Pallet, UnpaidStorageOf,
};
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	storage::child::{self, ChildInfo},
	traits::{ConstU32, Get, GetStorageVersion, StorageVersion},
	BoundedVec,
	weights::{Weight, WeightMeter},
};
use wasm_contracts_primitives::{limits, CodeId, TrieId};

/// The multi-block migration from version 3, for the runtime's `pallet_migrations`.
pub type Migrate<T> = HashStorageKeys<T>;

/// The trie a step works on: contracts' tries first, then accounts' persistent variables.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug)]
pub enum TrieOwner<AccountId> {
	/// The storage of a contract (`ContractInfoOf`).
	Contract(AccountId),
	/// The persistent variables of an account (`AccountTrie`).
	Account(AccountId),
}

/// Where the migration is.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug)]
pub enum Progress<AccountId> {
	/// Moving the entries of this owner's trie, after the key moved last (`None`: from the
	/// first). Each step goes on from that key, so it never looks past the keys already moved.
	Trie(TrieOwner<AccountId>, Option<MovedKey>),
	/// Counting the code id of every contract after this one (`None`: from the first).
	CodeUsers(Option<AccountId>),
	/// Counting the module of every code id after this one (`None`: from the first).
	ModuleUsers(Option<CodeId>),
}

/// The key a step moved last.
pub type MovedKey = BoundedVec<u8, ConstU32<{ limits::MAX_STORAGE_KEY_LEN }>>;

/// Proof of reading one contract's or code id's info and its user count, and writing the count.
const COUNT_PROOF: u64 = 2 * 1024;

/// Moves every trie's entries to the hashed layout and counts code users, a bounded number of
/// items per block.
pub struct HashStorageKeys<T>(core::marker::PhantomData<T>);

impl<T: Config> HashStorageKeys<T> {
	/// The most moving one entry can weigh: reading the largest value, writing it under the
	/// hashed longest key and removing the old key.
	pub fn max_entry_weight() -> Weight {
		Self::entry_weight(limits::MAX_STORAGE_KEY_LEN, limits::MAX_STORAGE_VALUE_LEN)
	}

	/// Moving an entry: reading it, writing it under its hashed key, removing the old key, and
	/// adding it to its trie's unpaid storage; beyond the host functions' own, the three reads of
	/// finding it (the owner's trie id, the next key, the value).
	pub(crate) fn entry_weight(key_len: u32, value_len: u32) -> Weight {
		T::WeightInfo::host_storage_read(value_len)
			.saturating_add(T::WeightInfo::host_storage_write(value_len))
			.saturating_add(T::WeightInfo::host_storage_delete())
			.saturating_add(crate::costs::Cost::Key { len: key_len }.weight::<T>().saturating_mul(3))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(crate::costs::Cost::UnpaidStorage.weight::<T>())
	}

	/// Finding the trie after a drained one: one map read.
	fn next_trie_weight() -> Weight {
		T::DbWeight::get().reads(1)
	}

	/// Counting one user: reading the item and the count, writing the count.
	fn count_weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 1).saturating_add(Weight::from_parts(0, COUNT_PROOF))
	}

	/// The most one item of any phase can weigh.
	pub fn max_item_weight() -> Weight {
		Self::max_entry_weight().saturating_add(Self::next_trie_weight()).max(Self::count_weight())
	}

	/// Does one item of the migration after `progress`: moves an entry, counts a user, or moves
	/// on to the next trie or phase. Returns where the migration is then (`None`: done) and the
	/// weight of what it did.
	fn advance(progress: Progress<T::AccountId>) -> (Option<Progress<T::AccountId>>, Weight) {
		match progress {
			Progress::Trie(owner, after) => {
				let moved = Self::trie_of(&owner).and_then(|trie_id| {
					let old = child_info(UNHASHED_TRIE_PREFIX, &trie_id);
					let key = match &after {
						Some(after) => next_key(&old, after),
						None => Self::first_key(&old),
					}?;
					let value = child::get_raw(&old, &key).unwrap_or_default();
					ContractTrie::new(&trie_id).write(&key, &value);
					child::kill(&old, &key);
					UnpaidStorageOf::<T>::mutate(trie_id, |unpaid| {
						unpaid.get_or_insert_with(Default::default).add_entry(len_of(&key), len_of(&value))
					});
					let weight = Self::entry_weight(len_of(&key), len_of(&value));
					// A key past the bound (none is) would start the next step from the first key.
					Some((MovedKey::try_from(key).ok(), weight))
				});
				match moved {
					Some((moved, weight)) => (Some(Progress::Trie(owner, moved)), weight),
					None => {
						let next = Self::next_owner(Some(&owner))
							.map_or(Progress::CodeUsers(None), |owner| Progress::Trie(owner, None));
						(Some(next), Self::next_trie_weight())
					},
				}
			},
			Progress::CodeUsers(last) => {
				let mut contracts = match last {
					Some(last) => ContractInfoOf::<T>::iter_from(ContractInfoOf::<T>::hashed_key_for(last)),
					None => ContractInfoOf::<T>::iter(),
				};
				let next = match contracts.next() {
					Some((contract, info)) => {
						CodeUsers::<T>::mutate(info.code_id, |users| *users = users.saturating_add(1));
						Progress::CodeUsers(Some(contract))
					},
					None => Progress::ModuleUsers(None),
				};
				(Some(next), Self::count_weight())
			},
			Progress::ModuleUsers(last) => {
				let mut code_ids = match last {
					Some(last) => CodeInfoOf::<T>::iter_from(CodeInfoOf::<T>::hashed_key_for(last)),
					None => CodeInfoOf::<T>::iter(),
				};
				match code_ids.next() {
					Some((code_id, info)) => {
						ModuleUsers::<T>::mutate(info.code_hash, |users| *users = users.saturating_add(1));
						(Some(Progress::ModuleUsers(Some(code_id))), Self::count_weight())
					},
					None => (None, Self::count_weight()),
				}
			},
		}
	}

	/// The trie id of `owner`, if it still has one.
	fn trie_of(owner: &TrieOwner<T::AccountId>) -> Option<TrieId> {
		match owner {
			TrieOwner::Contract(contract) => ContractInfoOf::<T>::get(contract).map(|info| info.trie_id),
			TrieOwner::Account(account) => AccountTrie::<T>::get(account),
		}
	}

	/// The owner of the trie after `owner`'s (the first with none).
	fn next_owner(owner: Option<&TrieOwner<T::AccountId>>) -> Option<TrieOwner<T::AccountId>> {
		let first_account = || AccountTrie::<T>::iter_keys().next().map(TrieOwner::Account);
		match owner {
			None => ContractInfoOf::<T>::iter_keys().next().map(TrieOwner::Contract).or_else(first_account),
			Some(TrieOwner::Contract(contract)) => ContractInfoOf::<T>::iter_keys_from(
				ContractInfoOf::<T>::hashed_key_for(contract),
			)
			.next()
			.map(TrieOwner::Contract)
			.or_else(first_account),
			Some(TrieOwner::Account(account)) =>
				AccountTrie::<T>::iter_keys_from(AccountTrie::<T>::hashed_key_for(account)).next().map(TrieOwner::Account),
		}
	}

	/// The first key left in the old trie.
	fn first_key(old: &ChildInfo) -> Option<Vec<u8>> {
		if child::exists(old, &[]) {
			return Some(Vec::new())
		}
		next_key(old, &[])
	}

	/// Whether the chain's storage is at the version this migration starts from.
	fn applies() -> bool {
		Pallet::<T>::on_chain_storage_version() == StorageVersion::new(3)
	}

	/// Where the migration starts: the first trie, or counting users where there is none.
	fn first_progress() -> Progress<T::AccountId> {
		Self::next_owner(None).map_or(Progress::CodeUsers(None), |owner| Progress::Trie(owner, None))
	}
}

impl<T: Config> SteppedMigration for HashStorageKeys<T> {
	type Cursor = Progress<T::AccountId>;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		MigrationId { pallet_id: PALLET_MIGRATION_ID, version_from: 3, version_to: 4 }
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		// The version read, finding the first trie, and the version write at the end.
		let start = T::DbWeight::get().reads_writes(1, 1).saturating_add(Self::next_trie_weight());
		super::step_by_item::<T, _>(cursor, meter, start, Self::max_item_weight(), 4, Self::applies, |progress| {
			Self::advance(progress.unwrap_or_else(Self::first_progress))
		})
	}

	/// Every old entry, by trie.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		if !Self::applies() {
			return Ok(Vec::<(TrieId, Vec<(Vec<u8>, Vec<u8>)>)>::new().encode())
		}
		let tries = ContractInfoOf::<T>::iter_values()
			.map(|info| info.trie_id)
			.chain(AccountTrie::<T>::iter_values())
			.map(|trie_id| {
				let old = child_info(UNHASHED_TRIE_PREFIX, &trie_id);
				let mut entries = Vec::new();
				let mut key = Self::first_key(&old);
				while let Some(current) = key {
					entries.push((current.clone(), child::get_raw(&old, &current).unwrap_or_default()));
					key = next_key(&old, &current);
				}
				(trie_id, entries)
			})
			.collect::<Vec<_>>();
		Ok(tries.encode())
	}

	/// Every old entry reads the same under its key in the new layout, and the old tries are
	/// empty.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let tries = Vec::<(TrieId, Vec<(Vec<u8>, Vec<u8>)>)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state decodes")?;
		for (trie_id, entries) in tries {
			let old = child_info(UNHASHED_TRIE_PREFIX, &trie_id);
			frame_support::ensure!(Self::first_key(&old).is_none(), "an old trie still has entries");
			let trie = ContractTrie::new(&trie_id);
			let mut unpaid = crate::deposit::UnpaidStorage::default();
			for (key, value) in entries {
				unpaid.add_entry(len_of(&key), len_of(&value));
				frame_support::ensure!(trie.read(&key) == Some(value), "an entry did not move");
			}
			let recorded = UnpaidStorageOf::<T>::get(trie_id).unwrap_or_default();
			frame_support::ensure!(recorded == unpaid, "a trie's unpaid storage differs from its old entries");
		}
		frame_support::ensure!(
			Pallet::<T>::on_chain_storage_version() >= StorageVersion::new(4),
			"the storage version was not raised"
		);
		crate::invariants::check::<T>().map_err(Into::into)
	}
}

fn len_of(bytes: &[u8]) -> u32 {
	u32::try_from(bytes.len()).unwrap_or(u32::MAX)
}
