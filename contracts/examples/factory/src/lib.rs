//! A factory of counters: it is instantiated with the code id of a counter, creates counters
//! funded with the value sent to it, calls them, and sends funds on.

#![no_std]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use wasm_contracts_sdk::{
	calls, entry_points, env,
	storage::{Item, Map},
	Address, Balance, Error,
};

const COUNTER_CODE: Item<u64> = Item::new(b"code");
const OWNER: Item<Address> = Item::new(b"owner");
const CREATED: Item<u32> = Item::new(b"count");
const COUNTERS: Map<u32, Address> = Map::new(b"c");

/// Why a call of the factory fails.
#[derive(Encode, Decode, TypeInfo, Debug, PartialEq, Eq)]
pub enum FactoryError {
	/// A call of another contract, or a transfer, failed.
	Host(Error),
	/// No counter has this index.
	UnknownCounter,
	/// Only the owner sends the factory's funds.
	NotOwner,
}

impl From<calls::CallError> for FactoryError {
	fn from(failed: calls::CallError) -> Self {
		Self::Host(failed.error)
	}
}

/// Remembers the counter code to create, and the caller as owner.
pub fn instantiate(counter_code: u64) {
	COUNTER_CODE.save(&counter_code);
	OWNER.save(&env::require_caller("no caller"));
}

/// Creates a counter funded with the value sent with this call; the factory pays its
/// existential deposit. Returns its address.
pub fn create(_: ()) -> Result<Address, FactoryError> {
	let code_id = COUNTER_CODE.get().ok_or(FactoryError::UnknownCounter)?;
	let index = CREATED.load();
	// The index as salt: each counter gets an address of its own, known in advance.
	let counter = calls::instantiate(code_id, &(), env::value(), &index.to_le_bytes())?;
	COUNTERS.save(&index, &counter);
	CREATED.save(&(index + 1));
	Ok(counter)
}

/// Increments the counter of `index` and returns its new count.
pub fn increment(index: u32) -> Result<u32, FactoryError> {
	let counter = COUNTERS.get(&index).ok_or(FactoryError::UnknownCounter)?;
	Ok(calls::call(&counter, "increment", &(), 0, 0)?)
}

/// Sends `amount` of the factory's funds to `to`; only the owner may.
pub fn send((to, amount): (Address, Balance)) -> Result<(), FactoryError> {
	if env::caller() != OWNER.get() {
		return Err(FactoryError::NotOwner)
	}
	env::transfer(&to, amount).map_err(FactoryError::Host)
}

/// The counters created so far, oldest first.
pub fn counters(_: ()) -> Vec<Address> {
	(0..CREATED.load()).filter_map(|index| COUNTERS.get(&index)).collect()
}

entry_points! {
	/// Remembers the code id of the counter to create, and the caller as owner.
	instantiate(u64);
	/// Creates a counter funded with the value sent; returns its address.
	execute create(()) -> Result<Address, FactoryError>;
	/// Increments the counter of an index and returns its new count.
	execute increment(u32) -> Result<u32, FactoryError>;
	/// Sends an amount of the factory's funds to an account; only the owner may.
	execute send((Address, Balance)) -> Result<(), FactoryError>;
	/// The counters created so far, oldest first.
	query counters(()) -> Vec<Address>;
}
