//! Weights of the dispatchables and prices of contract execution.
//!
//! [`WeightInfo`] prices two things: the fixed part of each dispatchable (storage items read and
//! written around the contract call) and every metered step inside a call (one unit of wasmi
//! fuel, loading code, each host function). Host function prices take `n`, the number of bytes
//! the function moves, so that base and per-byte costs come from one function.
//!
//! [`SubstrateWeight`] holds provisional constants: each is a deliberate over-estimate for
//! reference hardware (≈ 2x the cost measured for similar operations in FRAME pallets), so that
//! execution is never undercharged. Storage access charges proof_size for a trie path of
//! [`TRIE_PATH_PROOF`] bytes plus the key and value, because that is what a collator must put
//! into the proof of validity.

#![allow(unused_parens)]

use core::marker::PhantomData;
use frame_support::weights::{constants::RocksDbWeight, Weight};

/// Proof bytes charged for reaching one trie node path (a depth of about 8 nodes of 3 children).
pub const TRIE_PATH_PROOF: u64 = 600;

/// Weight functions the pallet needs.
pub trait WeightInfo {
	/// `upload_code` of a module of `c` bytes (after decompression).
	fn upload_code(c: u32) -> Weight;
	/// `instantiate` with an init message of `m` bytes, not counting the contract's gas.
	fn instantiate(m: u32) -> Weight;
	/// `execute` with a message of `m` bytes, not counting the contract's gas.
	fn execute(m: u32) -> Weight;
	/// `migrate` with a message of `m` bytes, not counting the contract's gas.
	fn migrate(m: u32) -> Weight;
	/// `update_admin` or `clear_admin`.
	fn update_admin() -> Weight;
	/// `deploy` with modules of `c` bytes in all (after decompression), not counting their gas.
	fn deploy(c: u32) -> Weight;
	/// `set_params`.
	fn set_params() -> Weight;
	/// `r` iterations of the benchmark loop, each burning `gas::FUEL_PER_LOOP_ITERATION` units
	/// of fuel: the slope prices fuel (`gas::fuel_unit`).
	fn instr(r: u32) -> Weight;
	/// Reading and compiling `c` bytes of stored code before a call.
	fn code_load(c: u32) -> Weight;
	/// Fixed cost of every host call (the wasm-to-host transition), included in each below.
	fn host_call() -> Weight;
	/// A host function that returns a value from the call context (`get_caller`,
	/// `get_block_number`, `get_block_timestamp`, `get_contract_address`, `get_value`,
	/// `gas_left`).
	fn host_context() -> Weight;
	/// `get_balance`: one balance read.
	fn host_balance() -> Weight;
	/// `get_input`, `get_return_data` and `set_return_data` moving `n` bytes.
	fn host_copy(n: u32) -> Weight;
	/// `storage_read` with `n` bytes of key and value.
	fn host_storage_read(n: u32) -> Weight;
	/// `storage_write` with `n` bytes of key and value.
	fn host_storage_write(n: u32) -> Weight;
	/// `storage_delete` with a key of `n` bytes.
	fn host_storage_delete(n: u32) -> Weight;
	/// `crypto_hash` of `n` bytes.
	fn host_crypto_hash(n: u32) -> Weight;
	/// `crypto_verify` of a message of `n` bytes.
	fn host_crypto_verify(n: u32) -> Weight;
	/// `log_event` with `n` bytes of topic and data.
	fn host_log_event(n: u32) -> Weight;
	/// `transfer` (a balance transfer between two accounts).
	fn host_transfer() -> Weight;
	/// `call_contract` with `n` bytes of entry point and input, before the callee runs.
	fn host_call_contract(n: u32) -> Weight;
	/// `instantiate_contract` with `n` bytes of message and salt, before the new contract runs.
	fn host_instantiate_contract(n: u32) -> Weight;
	/// `revert` with a message of `n` bytes.
	fn host_revert(n: u32) -> Weight;
}

/// Provisional weights; see the module documentation.
pub struct SubstrateWeight<T>(PhantomData<T>);

/// Picoseconds per byte for copying memory and hashing.
const REF_TIME_PER_BYTE: u64 = 1_000;

fn db() -> frame_support::weights::RuntimeDbWeight {
	RocksDbWeight::get()
}

fn bytes(n: u32) -> Weight {
	Weight::from_parts(REF_TIME_PER_BYTE.saturating_mul(n as u64), 0)
}

fn storage_proof(n: u32) -> Weight {
	Weight::from_parts(0, TRIE_PATH_PROOF.saturating_add(n as u64))
}

impl<T> WeightInfo for SubstrateWeight<T> {
	fn upload_code(c: u32) -> Weight {
		// Decompression, validation and compilation: about 30 ns per byte on wasmi.
		Weight::from_parts(40_000_000, 0)
			.saturating_add(Weight::from_parts(60_000u64.saturating_mul(c as u64), 0))
			.saturating_add(Weight::from_parts(0, (c as u64).saturating_mul(2)))
			.saturating_add(storage_proof(0).saturating_mul(3))
			.saturating_add(db().reads_writes(3, 4))
	}
	fn instantiate(m: u32) -> Weight {
		Weight::from_parts(120_000_000, 0)
			.saturating_add(bytes(m))
			.saturating_add(storage_proof(0).saturating_mul(8))
			.saturating_add(db().reads_writes(8, 8))
	}
	fn execute(m: u32) -> Weight {
		Weight::from_parts(60_000_000, 0)
			.saturating_add(bytes(m))
			.saturating_add(storage_proof(0).saturating_mul(4))
			.saturating_add(db().reads_writes(4, 2))
	}
	fn migrate(m: u32) -> Weight {
		Weight::from_parts(80_000_000, 0)
			.saturating_add(bytes(m))
			.saturating_add(storage_proof(0).saturating_mul(5))
			.saturating_add(db().reads_writes(5, 3))
	}
	fn update_admin() -> Weight {
		Weight::from_parts(30_000_000, 0)
			.saturating_add(storage_proof(0))
			.saturating_add(db().reads_writes(1, 2))
	}
	fn set_params() -> Weight {
		Weight::from_parts(20_000_000, 0).saturating_add(db().reads_writes(0, 2))
	}
	fn deploy(c: u32) -> Weight {
		// Validating and compiling both modules, payment transfers and the refund.
		Self::upload_code(c)
			.saturating_add(Self::code_load(c))
			.saturating_add(Weight::from_parts(150_000_000, 0))
			.saturating_add(storage_proof(48).saturating_mul(4))
			.saturating_add(db().reads_writes(6, 6))
	}
	fn instr(r: u32) -> Weight {
		// 6 ns per unit of fuel.
		let per_iteration = 6_000 * crate::gas::FUEL_PER_LOOP_ITERATION;
		Weight::from_parts(1_000_000u64.saturating_add(per_iteration.saturating_mul(r as u64)), 0)
	}
	fn code_load(c: u32) -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(Weight::from_parts(40_000u64.saturating_mul(c as u64), 0))
			.saturating_add(storage_proof(c).saturating_mul(2))
			.saturating_add(db().reads(2))
	}
	fn host_call() -> Weight {
		Weight::from_parts(200_000, 0)
	}
	fn host_context() -> Weight {
		Self::host_call().saturating_add(Weight::from_parts(200_000, 0))
	}
	fn host_balance() -> Weight {
		Self::host_call().saturating_add(db().reads(1)).saturating_add(storage_proof(48))
	}
	fn host_copy(n: u32) -> Weight {
		Self::host_call().saturating_add(bytes(n))
	}
	fn host_storage_read(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(db().reads(1))
			.saturating_add(bytes(n))
			.saturating_add(storage_proof(n))
	}
	fn host_storage_write(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(db().reads_writes(1, 1))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(storage_proof(n))
	}
	fn host_storage_delete(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(db().reads_writes(1, 1))
			.saturating_add(bytes(n))
			.saturating_add(storage_proof(n))
	}
	fn host_crypto_hash(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(Weight::from_parts(2_000_000, 0))
			.saturating_add(bytes(n).saturating_mul(4))
	}
	fn host_crypto_verify(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(Weight::from_parts(120_000_000, 0))
			.saturating_add(bytes(n).saturating_mul(4))
	}
	fn host_log_event(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(Weight::from_parts(4_000_000, 0))
			.saturating_add(db().writes(1))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(Weight::from_parts(0, n as u64))
	}
	fn host_transfer() -> Weight {
		Self::host_call()
			.saturating_add(Weight::from_parts(60_000_000, 0))
			.saturating_add(db().reads_writes(2, 2))
			.saturating_add(storage_proof(48).saturating_mul(2))
	}
	fn host_call_contract(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(Weight::from_parts(30_000_000, 0))
			.saturating_add(db().reads(2))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(storage_proof(0).saturating_mul(2))
	}
	fn host_instantiate_contract(n: u32) -> Weight {
		Self::host_call()
			.saturating_add(Weight::from_parts(80_000_000, 0))
			.saturating_add(db().reads_writes(6, 6))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(storage_proof(0).saturating_mul(6))
	}
	fn host_revert(n: u32) -> Weight {
		Self::host_copy(n)
	}
}

/// Tests and chains without their own benchmarks use the provisional weights.
impl WeightInfo for () {
	fn upload_code(c: u32) -> Weight {
		SubstrateWeight::<()>::upload_code(c)
	}
	fn instantiate(m: u32) -> Weight {
		SubstrateWeight::<()>::instantiate(m)
	}
	fn execute(m: u32) -> Weight {
		SubstrateWeight::<()>::execute(m)
	}
	fn migrate(m: u32) -> Weight {
		SubstrateWeight::<()>::migrate(m)
	}
	fn update_admin() -> Weight {
		SubstrateWeight::<()>::update_admin()
	}
	fn set_params() -> Weight {
		SubstrateWeight::<()>::set_params()
	}
	fn deploy(c: u32) -> Weight {
		SubstrateWeight::<()>::deploy(c)
	}
	fn instr(r: u32) -> Weight {
		SubstrateWeight::<()>::instr(r)
	}
	fn code_load(c: u32) -> Weight {
		SubstrateWeight::<()>::code_load(c)
	}
	fn host_call() -> Weight {
		SubstrateWeight::<()>::host_call()
	}
	fn host_context() -> Weight {
		SubstrateWeight::<()>::host_context()
	}
	fn host_balance() -> Weight {
		SubstrateWeight::<()>::host_balance()
	}
	fn host_copy(n: u32) -> Weight {
		SubstrateWeight::<()>::host_copy(n)
	}
	fn host_storage_read(n: u32) -> Weight {
		SubstrateWeight::<()>::host_storage_read(n)
	}
	fn host_storage_write(n: u32) -> Weight {
		SubstrateWeight::<()>::host_storage_write(n)
	}
	fn host_storage_delete(n: u32) -> Weight {
		SubstrateWeight::<()>::host_storage_delete(n)
	}
	fn host_crypto_hash(n: u32) -> Weight {
		SubstrateWeight::<()>::host_crypto_hash(n)
	}
	fn host_crypto_verify(n: u32) -> Weight {
		SubstrateWeight::<()>::host_crypto_verify(n)
	}
	fn host_log_event(n: u32) -> Weight {
		SubstrateWeight::<()>::host_log_event(n)
	}
	fn host_transfer() -> Weight {
		SubstrateWeight::<()>::host_transfer()
	}
	fn host_call_contract(n: u32) -> Weight {
		SubstrateWeight::<()>::host_call_contract(n)
	}
	fn host_instantiate_contract(n: u32) -> Weight {
		SubstrateWeight::<()>::host_instantiate_contract(n)
	}
	fn host_revert(n: u32) -> Weight {
		SubstrateWeight::<()>::host_revert(n)
	}
}
