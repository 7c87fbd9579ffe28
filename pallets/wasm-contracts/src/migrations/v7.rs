//! Version 7: translation prices follow the units of code denser than the reference byte,
//! above the reference rate, where they were capped at it. The migration prices every code
//! id's module again from its operators, so that no code uploaded before keeps a price below
//! what its translation costs; code that version 6 left at the reference price gets its own,
//! usually lower, price.

use super::PALLET_MIGRATION_ID;
use crate::{vm::translation, Config, Pallet, PristineCode};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	traits::{Get, GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};
use wasm_contracts_primitives::{limits, CodeId, CodeInfo};

/// The multi-block migration from version 6, for the runtime's `pallet_migrations`.
pub type Migrate<T> = RepriceTranslation<T>;

/// Prices each code id's translation again, a bounded number per block: the number of code
/// ids is bounded only by what their uploaders paid.
pub struct RepriceTranslation<T>(core::marker::PhantomData<T>);

impl<T: Config> RepriceTranslation<T> {
	/// Pricing one code id: its record read and written, and its module read and parsed, at
	/// most what validating it costs.
	fn item_weight(code_size: u32) -> Weight {
		use codec::MaxEncodedLen;
		let record = CodeInfo::<T::AccountId>::max_encoded_len().saturating_add(CodeId::max_encoded_len());
		super::v3::RevalidateCode::<T, 7>::module_weight(code_size)
			.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			.saturating_add(Weight::from_parts(0, record as u64))
	}

	/// The most pricing one code id can weigh: that of the largest module the pallet stores. A
	/// step goes on only while this much weight is left.
	pub fn max_item_weight() -> Weight {
		Self::item_weight(limits::MAX_CONTRACT_SIZE)
	}

	/// Whether the chain's storage is at the version this migration starts from.
	fn applies() -> bool {
		Pallet::<T>::on_chain_storage_version() == StorageVersion::new(6)
	}

	/// Prices the code id after `last` (the first when `None`) again, for a reference byte of
	/// `reference_fuel` fuel; returns it, `None` when none was left, and the weight used.
	fn reprice_next(last: Option<CodeId>, reference_fuel: u32) -> (Option<CodeId>, Weight) {
		let mut records = match last {
			Some(last) => crate::CodeInfoOf::<T>::iter_from(crate::CodeInfoOf::<T>::hashed_key_for(last)),
			None => crate::CodeInfoOf::<T>::iter(),
		};
		let Some((code_id, mut info)) = records.next() else {
			// Finding no record left, and the version's write.
			return (None, T::DbWeight::get().reads_writes(1, 1))
		};
		// A record without its module (which no path leaves) is left as it is.
		if let Some(code) = PristineCode::<T>::get(info.code_hash) {
			info.translation = translation::price_of_module(&code, reference_fuel);
			crate::CodeInfoOf::<T>::insert(code_id, info.clone());
		}
		(Some(code_id), Self::item_weight(info.code_size))
	}
}

impl<T: Config> SteppedMigration for RepriceTranslation<T> {
	type Cursor = CodeId;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		MigrationId { pallet_id: PALLET_MIGRATION_ID, version_from: 6, version_to: 7 }
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		// The version read, and its write at the end.
		let start = T::DbWeight::get().reads_writes(1, 1);
		let reference_fuel = crate::costs::translation_fuel_per_byte::<T>();
		super::step_by_item::<T, _>(cursor, meter, start, Self::max_item_weight(), 7, Self::applies, |last| {
			Self::reprice_next(last, reference_fuel)
		})
	}

	/// Every code id, where the migration applies.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		let records: alloc::vec::Vec<_> =
			if Self::applies() { crate::CodeInfoOf::<T>::iter().collect() } else { alloc::vec::Vec::new() };
		Ok(records.encode())
	}

	/// Every record kept its other fields, and its price is its module's under the current
	/// rules.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let records = alloc::vec::Vec::<(CodeId, CodeInfo<T::AccountId>)>::decode(&mut &state[..])
			.map_err(|_| "the pre-upgrade state decodes")?;
		let reference_fuel = crate::costs::translation_fuel_per_byte::<T>();
		for (code_id, old) in records {
			let new = crate::CodeInfoOf::<T>::get(code_id).ok_or("a record disappeared")?;
			let code = PristineCode::<T>::get(old.code_hash).ok_or("a record's module disappeared")?;
			let price = translation::price_of_module(&code, reference_fuel);
			frame_support::ensure!(new == CodeInfo { translation: price, ..old }, "a record was not priced again");
		}
		frame_support::ensure!(
			Pallet::<T>::on_chain_storage_version() >= StorageVersion::new(7),
			"the storage version was not raised"
		);
		crate::invariants::check::<T>().map_err(Into::into)
	}
}
