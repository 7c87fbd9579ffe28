//! Version 6: a code id's record keeps the price of its module's translation
//! (`CodeInfo::translation`), which uploads find from the module's operators. The migration
//! rewrites every code id's record with the new field; the operators of code uploaded before are
//! not counted, so that code keeps the reference price ([`TranslationPrice::REFERENCE`]) it
//! paid before. Deposits already held for those records stay as they were.

use super::PALLET_MIGRATION_ID;
use crate::{Config, Pallet};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	traits::{Get, GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
	Twox64Concat,
};
use wasm_contracts_primitives::{CodeHash, CodeId, CodeInfo, TranslationPrice};

/// The multi-block migration from version 5, for the runtime's `pallet_migrations`.
pub type Migrate<T> = RecordTranslationPrice<T>;

/// A code id's record up to version 5. Its fields are a prefix of every later layout's, so it
/// also reads records written since.
#[derive(Encode, Decode, MaxEncodedLen, Clone, PartialEq, Eq, Debug)]
pub struct CodeInfoV5<AccountId> {
	/// Blake2-256 of the decompressed module.
	pub code_hash: CodeHash,
	/// Account that uploaded the code id.
	pub uploader: AccountId,
	/// Size of the decompressed module in bytes.
	pub code_size: u32,
}

impl<AccountId> CodeInfoV5<AccountId> {
	fn with_reference_price(self) -> CodeInfo<AccountId> {
		let CodeInfoV5 { code_hash, uploader, code_size } = self;
		CodeInfo { code_hash, uploader, code_size, translation: TranslationPrice::REFERENCE }
	}
}

/// `CodeInfoOf` read with the layout of version 5, which earlier migrations use.
#[frame_support::storage_alias]
pub(crate) type CodeInfoOf<T: Config> =
	StorageMap<Pallet<T>, Twox64Concat, CodeId, CodeInfoV5<<T as frame_system::Config>::AccountId>>;

/// Rewrites every code id's record in the layout of version 6, a bounded number per block.
pub struct RecordTranslationPrice<T>(core::marker::PhantomData<T>);

impl<T: Config> RecordTranslationPrice<T> {
	/// Rewriting one record: reading it and writing it back, with the proof of the larger layout.
	pub fn max_item_weight() -> Weight {
		let record = CodeInfo::<T::AccountId>::max_encoded_len().saturating_add(CodeId::max_encoded_len());
		T::DbWeight::get().reads_writes(1, 1).saturating_add(Weight::from_parts(0, record as u64))
	}

	/// Whether the chain's storage is at the version this migration starts from.
	fn applies() -> bool {
		Pallet::<T>::on_chain_storage_version() == StorageVersion::new(5)
	}

	/// Rewrites the record after `last` (the first when `None`); returns the code id whose record
	/// it rewrote, `None` when there was none left.
	fn rewrite_next(last: Option<CodeId>) -> Option<CodeId> {
		let mut records = match last {
			Some(last) => CodeInfoOf::<T>::iter_from(CodeInfoOf::<T>::hashed_key_for(last)),
			None => CodeInfoOf::<T>::iter(),
		};
		let (code_id, old) = records.next()?;
		crate::CodeInfoOf::<T>::insert(code_id, old.with_reference_price());
		Some(code_id)
	}
}

impl<T: Config> SteppedMigration for RecordTranslationPrice<T> {
	type Cursor = CodeId;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		MigrationId { pallet_id: PALLET_MIGRATION_ID, version_from: 5, version_to: 6 }
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		// The version read, and its write at the end.
		let start = T::DbWeight::get().reads_writes(1, 1);
		super::step_by_item::<T, _>(cursor, meter, start, Self::max_item_weight(), 6, Self::applies, |last| {
			(Self::rewrite_next(last), Self::max_item_weight())
		})
	}

	/// Every record, in the old layout.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		let records: alloc::vec::Vec<_> =
			if Self::applies() { CodeInfoOf::<T>::iter().collect() } else { alloc::vec::Vec::new() };
		Ok(records.encode())
	}

	/// Every record reads in the new layout with its old fields and the reference price.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		let records = alloc::vec::Vec::<(CodeId, CodeInfoV5<T::AccountId>)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state decodes")?;
		for (code_id, old) in records {
			let new = crate::CodeInfoOf::<T>::get(code_id).ok_or("a record does not read in the new layout")?;
			frame_support::ensure!(new == old.with_reference_price(), "a record changed");
		}
		frame_support::ensure!(
			Pallet::<T>::on_chain_storage_version() >= StorageVersion::new(6),
			"the storage version was not raised"
		);
		crate::invariants::check::<T>().map_err(Into::into)
	}
}
