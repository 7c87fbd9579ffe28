//! The counter of the engine's specification: `increment` adds one to a stored count and
//! returns it, `get` reads it. The count is a little-endian `u32` under the key `counter`, as
//! in the WAT counter (`pallets/wasm-contracts/fixtures/counter.wat`).

#![no_std]

use wasm_contracts_sdk::{entry_points, storage::Item};

const COUNT: Item<u32> = Item::new(b"counter");

/// Adds one to the count and returns the new count.
pub fn increment(_: ()) -> u32 {
	let count = COUNT.load() + 1;
	COUNT.save(&count);
	count
}

/// The count.
pub fn get(_: ()) -> u32 {
	COUNT.load()
}

entry_points! {
	/// Adds one to the count and returns the new count.
	execute increment(()) -> u32;
	/// The count.
	query get(()) -> u32;
}
