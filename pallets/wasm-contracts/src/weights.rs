//! Weights of the dispatchables and prices of contract execution: implementations of
//! [`WeightInfo`].
//!
//! These are provisional constants, set high on purpose so that execution is never
//! undercharged until the `benchmark pallet` command replaces this file with measured weights. Storage access charges proof_size for a trie path of
//! [`TRIE_PATH_PROOF`] bytes plus the key and value, because that is what a collator must put
//! into the proof of validity.

#![allow(unused_parens)]

use core::marker::PhantomData;
use frame_support::weights::{constants::RocksDbWeight, Weight};

pub use crate::weight_info::WeightInfo;

/// Proof bytes charged for reaching one trie node path (a depth of about 8 nodes of 3 children).
pub const TRIE_PATH_PROOF: u64 = 600;

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

/// The provisional weights, for runtimes.
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn upload_code(c: u32) -> Weight {
		<() as WeightInfo>::upload_code(c)
	}
	fn instantiate(m: u32) -> Weight {
		<() as WeightInfo>::instantiate(m)
	}
	fn execute(m: u32) -> Weight {
		<() as WeightInfo>::execute(m)
	}
	fn migrate(m: u32) -> Weight {
		<() as WeightInfo>::migrate(m)
	}
	fn update_admin() -> Weight {
		<() as WeightInfo>::update_admin()
	}
	fn set_params() -> Weight {
		<() as WeightInfo>::set_params()
	}
	fn deploy(c: u32) -> Weight {
		<() as WeightInfo>::deploy(c)
	}
	fn instr(r: u32) -> Weight {
		<() as WeightInfo>::instr(r)
	}
	fn code_load(c: u32) -> Weight {
		<() as WeightInfo>::code_load(c)
	}
	fn host_call() -> Weight {
		<() as WeightInfo>::host_call()
	}
	fn host_context() -> Weight {
		<() as WeightInfo>::host_context()
	}
	fn host_balance() -> Weight {
		<() as WeightInfo>::host_balance()
	}
	fn host_copy(n: u32) -> Weight {
		<() as WeightInfo>::host_copy(n)
	}
	fn host_storage_read(n: u32) -> Weight {
		<() as WeightInfo>::host_storage_read(n)
	}
	fn host_storage_write(n: u32) -> Weight {
		<() as WeightInfo>::host_storage_write(n)
	}
	fn host_storage_delete(n: u32) -> Weight {
		<() as WeightInfo>::host_storage_delete(n)
	}
	fn host_crypto_hash(n: u32) -> Weight {
		<() as WeightInfo>::host_crypto_hash(n)
	}
	fn host_crypto_verify(n: u32) -> Weight {
		<() as WeightInfo>::host_crypto_verify(n)
	}
	fn host_log_event(n: u32) -> Weight {
		<() as WeightInfo>::host_log_event(n)
	}
	fn host_transfer() -> Weight {
		<() as WeightInfo>::host_transfer()
	}
	fn host_call_contract(n: u32) -> Weight {
		<() as WeightInfo>::host_call_contract(n)
	}
	fn host_instantiate_contract(n: u32) -> Weight {
		<() as WeightInfo>::host_instantiate_contract(n)
	}
	fn host_revert(n: u32) -> Weight {
		<() as WeightInfo>::host_revert(n)
	}
}

/// The provisional weights, with RocksDB costs for storage access.
impl WeightInfo for () {
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
		<() as WeightInfo>::upload_code(c)
			.saturating_add(<() as WeightInfo>::code_load(c))
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
		<() as WeightInfo>::host_call().saturating_add(Weight::from_parts(200_000, 0))
	}
	fn host_balance() -> Weight {
		<() as WeightInfo>::host_call().saturating_add(db().reads(1)).saturating_add(storage_proof(48))
	}
	fn host_copy(n: u32) -> Weight {
		<() as WeightInfo>::host_call().saturating_add(bytes(n))
	}
	fn host_storage_read(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(db().reads(1))
			.saturating_add(bytes(n))
			.saturating_add(storage_proof(n))
	}
	fn host_storage_write(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(db().reads_writes(1, 1))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(storage_proof(n))
	}
	fn host_storage_delete(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(db().reads_writes(1, 1))
			.saturating_add(bytes(n))
			.saturating_add(storage_proof(n))
	}
	fn host_crypto_hash(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(Weight::from_parts(2_000_000, 0))
			.saturating_add(bytes(n).saturating_mul(4))
	}
	fn host_crypto_verify(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(Weight::from_parts(120_000_000, 0))
			.saturating_add(bytes(n).saturating_mul(4))
	}
	fn host_log_event(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(Weight::from_parts(4_000_000, 0))
			.saturating_add(db().writes(1))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(Weight::from_parts(0, n as u64))
	}
	fn host_transfer() -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(Weight::from_parts(60_000_000, 0))
			.saturating_add(db().reads_writes(2, 2))
			.saturating_add(storage_proof(48).saturating_mul(2))
	}
	fn host_call_contract(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(Weight::from_parts(30_000_000, 0))
			.saturating_add(db().reads(2))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(storage_proof(0).saturating_mul(2))
	}
	fn host_instantiate_contract(n: u32) -> Weight {
		<() as WeightInfo>::host_call()
			.saturating_add(Weight::from_parts(80_000_000, 0))
			.saturating_add(db().reads_writes(6, 6))
			.saturating_add(bytes(n).saturating_mul(2))
			.saturating_add(storage_proof(0).saturating_mul(6))
	}
	fn host_revert(n: u32) -> Weight {
		<() as WeightInfo>::host_copy(n)
	}
}
