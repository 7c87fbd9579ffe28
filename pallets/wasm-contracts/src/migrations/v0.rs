//! From version 0, the pallet's version on a chain that adds it with a runtime upgrade, to the
//! current version: the storage its genesis would have written.

use crate::{Config, Pallet, Parameters};
#[cfg(feature = "try-runtime")]
use crate::PristineCode;
#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use wasm_contracts_primitives::Params;

/// The migration for a chain that adds the pallet, with the parameters `P` would have set at
/// genesis. It sets the current storage version, so the later migrations end at once there.
pub type Initialize<T, P> =
	VersionedMigration<0, 4, InitializeStorage<T, P>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

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

