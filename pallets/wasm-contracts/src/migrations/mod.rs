//! Storage migrations of the pallet, one module per storage version it migrates to.
//!
//! Stored code is loaded without validation, so every change of the validation rules comes
//! with a storage version whose migration validates every stored module again
//! ([`v3::RevalidateCode`]). Data without a bound (stored code, contract storage) is migrated by
//! multi-block migrations for the runtime's `pallet_migrations`; while one is under way no
//! contract runs: FRAME puts only inherents in blocks during multi-block migrations, and dry
//! runs and queries fail with `MigrationInProgress`. A chain that adds the pallet with a runtime
//! upgrade has none of the state the pallet's genesis writes: [`v0::Initialize`] sets it up.

pub mod v0;
pub mod v3;
pub mod v4;
pub mod v5;

/// The pallet's id in the identifiers of its multi-block migrations.
const PALLET_MIGRATION_ID: [u8; 14] = *b"wasm-contracts";

pub(crate) fn hex(bytes: &[u8]) -> alloc::string::String {
	bytes.iter().map(|byte| alloc::format!("{byte:02x}")).collect()
}
