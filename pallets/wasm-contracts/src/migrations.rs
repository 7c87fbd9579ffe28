//! Storage migrations of the pallet, one module per storage version.
//!
//! Stored code is loaded without validation, so every change of the validation rules comes
//! with a storage version whose migration validates every stored module again
//! ([`RevalidateCode`]). A chain that adds the pallet with a runtime upgrade starts at version 0
//! with no state, since the pallet's genesis never ran: [`v0::Initialize`] sets it up.

use crate::{vm, Config, Parameters, PristineCode};
use alloc::vec::Vec;
use frame_support::{
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use wasm_contracts_primitives::{limits, CodeHash, Params};

/// From version 0, the pallet's version on a chain that added it with a runtime upgrade, to the
/// current version: the storage its genesis would have written.
pub mod v0 {
	use super::InitializeStorage;
	use crate::Pallet;
	use frame_support::migrations::VersionedMigration;

	/// The migration for a chain that adds the pallet, with the parameters `P` would have set at
	/// genesis.
	pub type Initialize<T, P> =
		VersionedMigration<0, 3, InitializeStorage<T, P>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 2: multi-value is no longer allowed.
pub mod v2 {
	use super::RevalidateCode;
	use crate::Pallet;
	use frame_support::migrations::VersionedMigration;

	/// The migration from version 1, for the runtime's migrations tuple.
	pub type Migrate<T> = VersionedMigration<1, 2, RevalidateCode<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 3: a module's declarations may take at most 64 KiB
/// (`limits::MAX_DECLARATION_BYTES`).
pub mod v3 {
	use super::RevalidateCode;
	use crate::Pallet;
	use frame_support::migrations::VersionedMigration;

	/// The migration from version 2, for the runtime's migrations tuple.
	pub type Migrate<T> = VersionedMigration<2, 3, RevalidateCode<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Writes what the pallet's genesis writes: the parameters `P` gives (the defaults when `P`'s
/// are out of range). Counters start at their defaults, as at genesis.
pub struct InitializeStorage<T, P>(core::marker::PhantomData<(T, P)>);

impl<T: Config, P: Get<Params>> UncheckedOnRuntimeUpgrade for InitializeStorage<T, P> {
	fn on_runtime_upgrade() -> Weight {
		let mut params = P::get();
		if let Err(field) = params.check() {
			log::error!(target: "runtime::wasm-contracts", "parameter {field} out of range; using the defaults");
			params = Params::default();
		}
		Parameters::<T>::put(params);
		T::DbWeight::get().writes(1)
	}

	/// The pallet has no state yet.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		frame_support::ensure!(!Parameters::<T>::exists(), "the pallet already has parameters");
		frame_support::ensure!(PristineCode::<T>::iter_keys().next().is_none(), "the pallet already has code");
		Ok(Vec::new())
	}

	/// The parameters are in range and the storage invariants hold.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		frame_support::ensure!(Parameters::<T>::exists(), "the parameters were not written");
		crate::invariants::check::<T>().map_err(Into::into)
	}
}

/// Validates every stored module again under the current rules and removes those that fail, so
/// that no code the engine would now refuse is ever loaded unchecked; calls of contracts built
/// on removed code fail with `CodeNotFound`.
pub struct RevalidateCode<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for RevalidateCode<T> {
	fn on_runtime_upgrade() -> Weight {
		let params = Parameters::<T>::get();
		let mut weight = T::DbWeight::get().reads(1);
		let mut invalid: Vec<CodeHash> = Vec::new();
		for (code_hash, code) in PristineCode::<T>::iter() {
			let size = u32::try_from(code.len()).unwrap_or(u32::MAX);
			let declarations = size.min(limits::MAX_DECLARATION_BYTES);
			weight = weight.saturating_add(crate::Pallet::<T>::upload_weight(size, declarations));
			if vm::validate::<T>(&code, &params).is_err() {
				invalid.push(code_hash);
			}
		}
		for code_hash in &invalid {
			log::warn!(target: "runtime::wasm-contracts", "removing code 0x{} that fails validation", hex(code_hash));
			PristineCode::<T>::remove(code_hash);
		}
		weight.saturating_add(T::DbWeight::get().writes(invalid.len() as u64))
	}

	/// The number of stored modules before the migration.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		Ok((PristineCode::<T>::iter_keys().count() as u64).encode())
	}

	/// Every module left validates, none was added, and the storage invariants hold.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let before = u64::decode(&mut &state[..]).map_err(|_| "the pre-upgrade state decodes")?;
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
