//! Version 4: contract storage keys are stored hashed (`blake2_128(key) ++ key`, see
//! [`crate::storage`]), in child tries of a new prefix. Every entry of every contract's trie and
//! of every account's persistent variables moves from the trie of the old layout to the trie of
//! the new one.

use super::PALLET_MIGRATION_ID;
use crate::{
	storage::{child_info, next_key, ContractTrie, UNHASHED_TRIE_PREFIX},
	weights::WeightInfo,
	AccountTrie, Config, ContractInfoOf, Pallet,
};
use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	storage::child::{self, ChildInfo},
	traits::{Get, GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};
use wasm_contracts_primitives::{limits, TrieId};

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

/// Moves every trie's entries to the hashed layout, a bounded number per block. A trie is
/// drained from its first key, so the cursor only names the trie being drained.
pub struct HashStorageKeys<T>(core::marker::PhantomData<T>);

impl<T: Config> HashStorageKeys<T> {
	/// The most moving one entry can weigh: reading the largest value, writing it under the
	/// hashed longest key and removing the old key.
	pub fn max_entry_weight() -> Weight {
		Self::entry_weight(limits::MAX_STORAGE_KEY_LEN, limits::MAX_STORAGE_VALUE_LEN)
	}

	/// Moving an entry: reading it, writing it under its hashed key, removing the old key.
	pub(crate) fn entry_weight(key_len: u32, value_len: u32) -> Weight {
		let entry = key_len.saturating_add(value_len);
		T::WeightInfo::host_storage_read(entry)
			.saturating_add(T::WeightInfo::host_storage_write(entry.saturating_add(16)))
			.saturating_add(T::WeightInfo::host_storage_delete(key_len))
	}

	/// Finding the trie after a drained one: one map read.
	fn next_trie_weight() -> Weight {
		T::DbWeight::get().reads(1)
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

	/// Records the new version; the migration is over.
	fn finish(meter: &mut WeightMeter) -> Option<TrieOwner<T::AccountId>> {
		StorageVersion::new(4).put::<Pallet<T>>();
		meter.consume(T::DbWeight::get().writes(1));
		None
	}
}

impl<T: Config> SteppedMigration for HashStorageKeys<T> {
	type Cursor = TrieOwner<T::AccountId>;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		MigrationId { pallet_id: PALLET_MIGRATION_ID, version_from: 3, version_to: 4 }
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		// The version read, finding the first trie, and the version write when there is none.
		let start = T::DbWeight::get().reads_writes(1, 1).saturating_add(Self::next_trie_weight());
		if meter.try_consume(start).is_err() {
			return Err(SteppedMigrationError::InsufficientWeight { required: start })
		}
		let mut owner = match cursor {
			Some(owner) => owner,
			None if !Self::applies() => return Ok(None),
			None => match Self::next_owner(None) {
				Some(owner) => owner,
				None => return Ok(Self::finish(meter)),
			},
		};
		let mut progressed = false;
		loop {
			let needed = Self::max_entry_weight().saturating_add(Self::next_trie_weight());
			if !meter.can_consume(needed) {
				return if progressed {
					Ok(Some(owner))
				} else {
					Err(SteppedMigrationError::InsufficientWeight { required: needed.saturating_add(start) })
				}
			}
			progressed = true;
			let moved = Self::trie_of(&owner).and_then(|trie_id| {
				let old = child_info(UNHASHED_TRIE_PREFIX, &trie_id);
				let key = Self::first_key(&old)?;
				let value = child::get_raw(&old, &key).unwrap_or_default();
				ContractTrie::new(&trie_id).write(&key, &value);
				child::kill(&old, &key);
				Some(Self::entry_weight(len_of(&key), len_of(&value)))
			});
			match moved {
				Some(weight) => meter.consume(weight),
				None => {
					meter.consume(Self::next_trie_weight());
					match Self::next_owner(Some(&owner)) {
						Some(next) => owner = next,
						None => return Ok(Self::finish(meter)),
					}
				},
			}
		}
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
			for (key, value) in entries {
				frame_support::ensure!(trie.read(&key) == Some(value), "an entry did not move");
			}
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
