//! Version 3: a module's declarations may take at most 64 KiB
//! (`limits::MAX_DECLARATION_BYTES`); version 2 refused multi-value. One revalidation brings
//! versions 1 and 2 to 3.

use super::{hex, PALLET_MIGRATION_ID};
use crate::{vm, Config, Parameters, PristineCode};
use alloc::vec::Vec;
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	traits::{Get, GetStorageVersion, StorageVersion},
	weights::{Weight, WeightMeter},
};
use wasm_contracts_primitives::{limits, CodeHash};

/// The multi-block migration from versions 1 and 2, for the runtime's `pallet_migrations`.
pub type Migrate<T> = RevalidateCode<T, 3>;

/// Validates every stored module again under the current rules and removes those that fail, so
/// that no code the engine would now refuse is ever loaded unchecked; calls of contracts built
/// on removed code fail with `CodeNotFound`. A multi-block migration from any version from 1 to
/// `TO`: the number of stored modules is bounded only by what their uploaders paid, so a step
/// takes as many modules as its weight allows and the next block goes on after the last one.
pub struct RevalidateCode<T, const TO: u16>(core::marker::PhantomData<T>);

impl<T: Config, const TO: u16> RevalidateCode<T, TO> {
	/// The most revalidating one module can weigh: reading, validating and removing the largest
	/// module the pallet stores. A step goes on only while this much weight is left.
	pub fn max_module_weight() -> Weight {
		Self::module_weight(limits::MAX_CONTRACT_SIZE).saturating_add(Self::removal_weight())
	}

	/// Removing a module that fails validation: the module, its deposit record, and the
	/// depositor's hold and account.
	fn removal_weight() -> Weight {
		T::DbWeight::get().reads_writes(3, 4)
	}

	/// Reading and validating a stored module of `size` bytes.
	pub(crate) fn module_weight(size: u32) -> Weight {
		crate::Pallet::<T>::upload_weight(size, size.min(limits::MAX_DECLARATION_BYTES))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(Weight::from_parts(0, u64::from(size)))
	}

	/// Whether the chain's storage is at a version this migration brings to `TO`.
	fn applies() -> bool {
		let on_chain = crate::Pallet::<T>::on_chain_storage_version();
		StorageVersion::new(1) <= on_chain && on_chain < StorageVersion::new(TO)
	}

	/// The stored module after `cursor` (the first with no cursor).
	fn next_module(cursor: Option<CodeHash>) -> Option<(CodeHash, Vec<u8>)> {
		let mut modules = match cursor {
			Some(last) => PristineCode::<T>::iter_from(PristineCode::<T>::hashed_key_for(last)),
			None => PristineCode::<T>::iter(),
		};
		modules.next().map(|(code_hash, code)| (code_hash, code.into_inner()))
	}
}

impl<T: Config, const TO: u16> SteppedMigration for RevalidateCode<T, TO> {
	type Cursor = CodeHash;
	type Identifier = MigrationId<14>;

	fn id() -> Self::Identifier {
		MigrationId { pallet_id: PALLET_MIGRATION_ID, version_from: 1, version_to: u8::try_from(TO).unwrap_or(u8::MAX) }
	}

	fn step(cursor: Option<CodeHash>, meter: &mut WeightMeter) -> Result<Option<CodeHash>, SteppedMigrationError> {
		// The version and the parameters read.
		let start = T::DbWeight::get().reads(2);
		let mut params = None;
		super::step_by_item::<T, _>(cursor, meter, start, Self::max_module_weight(), TO, Self::applies, |cursor| {
			let Some((code_hash, code)) = Self::next_module(cursor) else {
				// Finding no module left, and the version's write.
				return (None, T::DbWeight::get().reads_writes(1, 1))
			};
			let params = params.get_or_insert_with(Parameters::<T>::get);
			let size = u32::try_from(code.len()).unwrap_or(u32::MAX);
			let mut weight = Self::module_weight(size);
			if vm::validate::<T>(&code, params).is_err() {
				log::warn!(target: "runtime::wasm-contracts", "removing code 0x{} that fails validation", hex(&code_hash));
				PristineCode::<T>::remove(code_hash);
				crate::Pallet::<T>::release_module_deposit(code_hash);
				weight.saturating_accrue(Self::removal_weight());
			}
			(Some(code_hash), weight)
		})
	}

	/// The number of stored modules before the migration.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		Ok((Self::applies(), PristineCode::<T>::iter_keys().count() as u64).encode())
	}

	/// The version is `TO` where it applied, every module left validates, none was added, and
	/// the storage invariants hold.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let (applied, before) = <(bool, u64)>::decode(&mut &state[..]).map_err(|_| "the pre-upgrade state decodes")?;
		if applied {
			frame_support::ensure!(
				crate::Pallet::<T>::on_chain_storage_version() == StorageVersion::new(TO),
				"the storage version was not raised"
			);
		}
		let params = Parameters::<T>::get();
		let mut after = 0u64;
		for (_, code) in PristineCode::<T>::iter() {
			frame_support::ensure!(vm::validate::<T>(&code, &params).is_ok(), "stored code fails validation");
			after += 1;
		}
		frame_support::ensure!(after <= before, "the migration added stored code");
		crate::invariants::check::<T>().map_err(Into::into)
	}
}

