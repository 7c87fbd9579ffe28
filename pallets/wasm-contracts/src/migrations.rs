//! Storage migrations of the pallet, one module per storage version.
//!
//! Stored code is loaded without validation, so every change of the validation rules comes
//! with a storage version whose migration validates every stored module again
//! ([`RevalidateCode`], a multi-block migration for the runtime's `pallet_migrations`). While it
//! is under way no contract runs: FRAME puts only inherents in blocks during multi-block
//! migrations, and dry runs and queries fail with `MigrationInProgress`. A chain that adds the
//! pallet with a runtime upgrade has none of the state the pallet's genesis writes:
//! [`v0::Initialize`] sets it up.

use crate::{vm, Config, Parameters, PristineCode};
use alloc::vec::Vec;
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	traits::{Get, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::{Weight, WeightMeter},
};
use wasm_contracts_primitives::{limits, CodeHash, Params};

/// A chain that adds the pallet with a runtime upgrade: the storage its genesis would have
/// written.
pub mod v0 {
	/// The migration for a chain that adds the pallet, with the parameters `P` would have set at
	/// genesis.
	pub type Initialize<T, P> = super::InitializeStorage<T, P>;
}

/// Version 3: a module's declarations may take at most 64 KiB (`limits::MAX_DECLARATION_BYTES`);
/// version 2 refused multi-value. One revalidation brings versions 1 and 2 to 3.
pub mod v3 {
	/// The multi-block migration from versions 1 and 2, for the runtime's `pallet_migrations`.
	pub type Migrate<T> = super::RevalidateCode<T, 3>;
}

/// Writes what the pallet's genesis writes, on a chain that has not got it: the parameters `P`
/// gives (the defaults when `P`'s are out of range). Counters start at their defaults, as at
/// genesis. It is not versioned: FRAME gives a pallet that an upgrade adds its current storage
/// version before any migration runs, so the parameters, which genesis always writes, are what
/// tell whether the pallet was set up.
pub struct InitializeStorage<T, P>(core::marker::PhantomData<(T, P)>);

impl<T: Config, P: Get<Params>> OnRuntimeUpgrade for InitializeStorage<T, P> {
	fn on_runtime_upgrade() -> Weight {
		if Parameters::<T>::exists() {
			return T::DbWeight::get().reads(1)
		}
		let mut params = P::get();
		if let Err(field) = params.check() {
			log::error!(target: "runtime::wasm-contracts", "parameter {field} out of range; using the defaults");
			params = Params::default();
		}
		Parameters::<T>::put(params);
		crate::pallet::STORAGE_VERSION.put::<crate::Pallet<T>>();
		T::DbWeight::get().reads_writes(1, 2)
	}

	/// Whether the pallet is new on this chain: then it has no state at all.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		let new = !Parameters::<T>::exists();
		if new {
			frame_support::ensure!(PristineCode::<T>::iter_keys().next().is_none(), "the pallet has code but no parameters");
		}
		Ok(new.encode())
	}

	/// The parameters are written, the storage version is the current one, and the storage
	/// invariants hold.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let new = bool::decode(&mut &state[..]).map_err(|_| "the pre-upgrade state decodes")?;
		frame_support::ensure!(Parameters::<T>::exists(), "the parameters were not written");
		if new {
			frame_support::ensure!(
				crate::Pallet::<T>::on_chain_storage_version() == crate::pallet::STORAGE_VERSION,
				"the new pallet is not at the current storage version"
			);
		}
		crate::invariants::check::<T>().map_err(Into::into)
	}
}

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
		Self::module_weight(limits::MAX_CONTRACT_SIZE).saturating_add(T::DbWeight::get().writes(1))
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
		MigrationId { pallet_id: *b"wasm-contracts", version_from: 1, version_to: u8::try_from(TO).unwrap_or(u8::MAX) }
	}

	fn step(mut cursor: Option<CodeHash>, meter: &mut WeightMeter) -> Result<Option<CodeHash>, SteppedMigrationError> {
		let start = T::DbWeight::get().reads(2);
		if meter.try_consume(start).is_err() {
			return Err(SteppedMigrationError::InsufficientWeight { required: start })
		}
		if cursor.is_none() && !Self::applies() {
			return Ok(None)
		}
		let params = Parameters::<T>::get();
		let mut progressed = false;
		loop {
			if !meter.can_consume(Self::max_module_weight()) {
				return if progressed {
					Ok(cursor)
				} else {
					Err(SteppedMigrationError::InsufficientWeight { required: Self::max_module_weight() })
				}
			}
			let Some((code_hash, code)) = Self::next_module(cursor) else {
				StorageVersion::new(TO).put::<crate::Pallet<T>>();
				meter.consume(T::DbWeight::get().reads_writes(1, 1));
				return Ok(None)
			};
			let size = u32::try_from(code.len()).unwrap_or(u32::MAX);
			let mut weight = Self::module_weight(size);
			if vm::validate::<T>(&code, &params).is_err() {
				log::warn!(target: "runtime::wasm-contracts", "removing code 0x{} that fails validation", hex(&code_hash));
				PristineCode::<T>::remove(code_hash);
				weight.saturating_accrue(T::DbWeight::get().writes(1));
			}
			meter.consume(weight);
			cursor = Some(code_hash);
			progressed = true;
		}
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

fn hex(bytes: &[u8]) -> alloc::string::String {
	bytes.iter().map(|byte| alloc::format!("{byte:02x}")).collect()
}
