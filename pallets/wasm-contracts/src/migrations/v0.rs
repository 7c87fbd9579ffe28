//! A chain that adds the pallet with a runtime upgrade: the storage its genesis would have
//! written.

use crate::{Config, Parameters};
#[cfg(feature = "try-runtime")]
use crate::PristineCode;
#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
#[cfg(feature = "try-runtime")]
use frame_support::traits::GetStorageVersion;
use frame_support::{
	traits::{Get, OnRuntimeUpgrade},
	weights::Weight,
};
use wasm_contracts_primitives::Params;

/// The migration for a chain that adds the pallet, with the parameters `P` would have set at
/// genesis.
pub type Initialize<T, P> = InitializeStorage<T, P>;

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

