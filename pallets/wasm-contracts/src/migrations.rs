//! Storage migrations of the pallet, one module per storage version.

/// Version 2: stored code is loaded without validation, under rules that no longer allow
/// multi-value. Every stored module is validated again under the current rules; a module that
/// fails is removed, so that no code the engine would now refuse is ever loaded unchecked, and
/// calls of contracts built on it fail with `CodeNotFound`.
pub mod v2 {
	use crate::{vm, weights::WeightInfo, Config, Pallet, Parameters, PristineCode};
	use alloc::vec::Vec;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use wasm_contracts_primitives::CodeHash;

	/// The migration from version 1, for the runtime's migrations tuple.
	pub type Migrate<T> = VersionedMigration<1, 2, RevalidateCode<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;

	/// Validates every stored module again and removes those that fail.
	pub struct RevalidateCode<T>(core::marker::PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RevalidateCode<T> {
		fn on_runtime_upgrade() -> Weight {
			let params = Parameters::<T>::get();
			let mut weight = T::DbWeight::get().reads(1);
			let mut invalid: Vec<CodeHash> = Vec::new();
			for (code_hash, code) in PristineCode::<T>::iter() {
				let size = u32::try_from(code.len()).unwrap_or(u32::MAX);
				weight = weight.saturating_add(T::WeightInfo::upload_code(size));
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

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			let params = Parameters::<T>::get();
			for (_, code) in PristineCode::<T>::iter() {
				frame_support::ensure!(vm::validate::<T>(&code, &params).is_ok(), "stored code fails validation");
			}
			Ok(())
		}
	}

	fn hex(bytes: &[u8]) -> alloc::string::String {
		bytes.iter().map(|byte| alloc::format!("{byte:02x}")).collect()
	}
}
