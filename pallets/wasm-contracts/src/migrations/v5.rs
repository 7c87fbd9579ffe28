//! Version 5: a contract's record keeps the length of the longest value its storage has held
//! (`ContractInfo::longest_value`), which bounds what a storage host function reserves for the
//! value it touches. The migration rewrites every contract's record with the new field; the
//! lengths of the values stored before are not measured, so those contracts get `u32::MAX`
//! (unknown) and reserve for the largest value the parameters allow, as before.

use super::PALLET_MIGRATION_ID;
use crate::{Config, Pallet};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	traits::{Get, GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
	Blake2_128Concat,
};
use wasm_contracts_primitives::{CodeId, ContractInfo, TrieId};

/// The multi-block migration from version 4, for the runtime's `pallet_migrations`.
pub type Migrate<T> = RecordLongestValue<T>;

/// A contract's record up to version 4. Its fields are a prefix of every later layout's, so
/// it also reads records written since.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug)]
pub struct ContractInfoV4<AccountId> {
	/// Code the contract runs.
	pub code_id: CodeId,
	/// Account that instantiated the contract.
	pub creator: AccountId,
	/// Account allowed to migrate the contract.
	pub admin: Option<AccountId>,
	/// Child trie holding the contract's storage.
	pub trie_id: TrieId,
	/// Number of entries in the contract's code history.
	pub history_len: u32,
}

impl<AccountId> ContractInfoV4<AccountId> {
	fn with_unknown_longest_value(self) -> ContractInfo<AccountId> {
		let ContractInfoV4 { code_id, creator, admin, trie_id, history_len } = self;
		ContractInfo { code_id, creator, admin, trie_id, history_len, longest_value: u32::MAX }
	}
}

/// `ContractInfoOf` read with the layout of version 4, which earlier migrations use.
#[frame_support::storage_alias]
pub(crate) type ContractInfoOf<T: Config> = StorageMap<
	Pallet<T>,
	Blake2_128Concat,
	<T as frame_system::Config>::AccountId,
	ContractInfoV4<<T as frame_system::Config>::AccountId>,
>;

/// Rewrites every contract's record in the layout of version 5, a bounded number per block.
pub struct RecordLongestValue<T>(core::marker::PhantomData<T>);

impl<T: Config> RecordLongestValue<T> {
	/// Rewriting one record: reading it and writing it back, with the proof of the larger layout.
	pub fn max_item_weight() -> Weight {
		let record = ContractInfo::<T::AccountId>::max_encoded_len().saturating_add(T::AccountId::max_encoded_len());
		T::DbWeight::get().reads_writes(1, 1).saturating_add(Weight::from_parts(0, record as u64))
	}

	/// Whether the chain's storage is at the version this migration starts from.
	fn applies() -> bool {
		Pallet::<T>::on_chain_storage_version() == StorageVersion::new(4)
	}

	/// Rewrites the record after `last` (the first when `None`); returns the contract whose
	/// record it rewrote, `None` when there was none left.
	fn rewrite_next(last: Option<&T::AccountId>) -> Option<T::AccountId> {
		let mut contracts = match last {
			Some(last) => ContractInfoOf::<T>::iter_from(ContractInfoOf::<T>::hashed_key_for(last)),
			None => ContractInfoOf::<T>::iter(),
		};
		let (contract, old) = contracts.next()?;
		crate::ContractInfoOf::<T>::insert(&contract, old.with_unknown_longest_value());
		Some(contract)
	}
}

impl<T: Config> SteppedMigration for RecordLongestValue<T> {
	type Cursor = T::AccountId;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		MigrationId { pallet_id: PALLET_MIGRATION_ID, version_from: 4, version_to: 5 }
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		// The version read, and its write at the end.
		let start = T::DbWeight::get().reads_writes(1, 1);
		super::step_by_item::<T, _>(cursor, meter, start, Self::max_item_weight(), 5, Self::applies, |last| {
			(Self::rewrite_next(last.as_ref()), Self::max_item_weight())
		})
	}

	/// Every record, in the old layout.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		let records: alloc::vec::Vec<_> =
			if Self::applies() { ContractInfoOf::<T>::iter().collect() } else { alloc::vec::Vec::new() };
		Ok(records.encode())
	}

	/// Every record reads in the new layout with its old fields and an unknown longest value.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let records = alloc::vec::Vec::<(T::AccountId, ContractInfoV4<T::AccountId>)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state decodes")?;
		for (contract, old) in records {
			let new = crate::ContractInfoOf::<T>::get(&contract).ok_or("a record does not read in the new layout")?;
			frame_support::ensure!(new == old.with_unknown_longest_value(), "a record changed");
		}
		frame_support::ensure!(
			Pallet::<T>::on_chain_storage_version() >= StorageVersion::new(5),
			"the storage version was not raised"
		);
		crate::invariants::check::<T>().map_err(Into::into)
	}
}
