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
pub mod v6;
pub mod v7;

use frame_support::{
	migrations::SteppedMigrationError,
	traits::StorageVersion,
	weights::{Weight, WeightMeter},
};

/// The pallet's id in the identifiers of its multi-block migrations.
const PALLET_MIGRATION_ID: [u8; 14] = *b"wasm-contracts";

pub(crate) fn hex(bytes: &[u8]) -> alloc::string::String {
	bytes.iter().map(|byte| alloc::format!("{byte:02x}")).collect()
}

/// One step of a multi-block migration that goes item by item (`SteppedMigration::step`).
/// It consumes `start`, what the step weighs whatever it does; on the migration's first step
/// (no cursor) it ends at once where the migration does not `apply`. Then it takes items while
/// the meter has room for the heaviest (`max_item`): `advance` migrates the item after the
/// cursor (the first with none) and returns the new cursor, `None` when no item is left, with
/// the weight it used. When none is left the storage version becomes `to`. A step that cannot
/// take one item asks for a block with room for `start` and one item.
pub(crate) fn step_by_item<T: crate::Config, Cursor>(
	cursor: Option<Cursor>,
	meter: &mut WeightMeter,
	start: Weight,
	max_item: Weight,
	to: u16,
	applies: impl FnOnce() -> bool,
	mut advance: impl FnMut(Option<Cursor>) -> (Option<Cursor>, Weight),
) -> Result<Option<Cursor>, SteppedMigrationError> {
	if meter.try_consume(start).is_err() {
		return Err(SteppedMigrationError::InsufficientWeight { required: start })
	}
	if cursor.is_none() && !applies() {
		return Ok(None)
	}
	let mut cursor = cursor;
	let mut progressed = false;
	loop {
		if !meter.can_consume(max_item) {
			return if progressed {
				Ok(cursor)
			} else {
				Err(SteppedMigrationError::InsufficientWeight { required: start.saturating_add(max_item) })
			}
		}
		let (next, weight) = advance(cursor);
		meter.consume(weight);
		progressed = true;
		cursor = match next {
			Some(next) => Some(next),
			None => {
				StorageVersion::new(to).put::<crate::Pallet<T>>();
				return Ok(None)
			},
		};
	}
}
