//! Weights of `pallet_wasm_contracts` measured by `wasm-contracts-node benchmark pallet`
//! (64.0.0) on `AMD EPYC`, 2026-11-21: 50 steps, 20 repeats.
//! Regenerate with `benchmarking/generate-weights.sh`; the template is
//! `benchmarking/weight-template.hbs`. Command:
//! `/root/.cache/wasm-contracts-target-benchmarks/testnet/wasm-contracts-node benchmark pallet --runtime /root/.cache/wasm-contracts-target-benchmarks/testnet/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm --genesis-builder-preset development --pallet pallet_wasm_contracts --extrinsic * --steps 50 --repeat 20 --output-analysis max --output-pov-analysis max --template benchmarking/weight-template.hbs --output pallets/wasm-contracts/src/weights.rs `

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, Weight}};

pub use crate::weight_info::WeightInfo;

/// Measured weights, with the runtime's database costs.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn upload_code(c: u32, ) -> Weight {
		// Measured proof: 89 bytes.
		Weight::from_parts(552_123_682, 3554)
			.saturating_add(Weight::from_parts(37_545, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 573 + c * 1 bytes.
		Weight::from_parts(110_734_019, 4038)
			.saturating_add(Weight::from_parts(21_676, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 451 bytes.
		Weight::from_parts(196_602_535, 6391)
			.saturating_add(Weight::from_parts(577, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 622 bytes.
		Weight::from_parts(108_471_685, 4087)
			.saturating_add(Weight::from_parts(390, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1688 bytes.
		Weight::from_parts(143_008_520, 5153)
			.saturating_add(Weight::from_parts(375, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(25_919_000, 3853)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_457_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 295 bytes.
		Weight::from_parts(1_755_153_415, 6235)
			.saturating_add(Weight::from_parts(59_542, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(15_187_108, 0)
			.saturating_add(Weight::from_parts(35_164, 0).saturating_mul(r.into()))
	}
	fn host_call() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_913_000, 0)
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_053_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(10_726_000, 3566)
			.saturating_add(T::DbWeight::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_446_675, 0)
			.saturating_add(Weight::from_parts(93, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(69_997_678, 5101)
			.saturating_add(Weight::from_parts(1_748, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(29_059_085, 0)
			.saturating_add(Weight::from_parts(438, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		// Measured proof: 1500 + n * 1 bytes.
		Weight::from_parts(62_213_968, 4965)
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(3_908_554, 0)
			.saturating_add(Weight::from_parts(1_021, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(44_321_374, 0)
			.saturating_add(Weight::from_parts(1_839, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(9_831_994, 0)
			.saturating_add(Weight::from_parts(419, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(86_710_000, 6041)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 688 bytes.
		Weight::from_parts(130_543_191, 4153)
			.saturating_add(Weight::from_parts(116, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 714 bytes.
		Weight::from_parts(207_030_731, 6654)
			.saturating_add(Weight::from_parts(934, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(3_963_686, 0)
			.saturating_add(Weight::from_parts(98, 0).saturating_mul(n.into()))
	}
}

/// Measured weights, with RocksDB costs for storage access (tests and chains without their own).
impl WeightInfo for () {
	fn upload_code(c: u32, ) -> Weight {
		Weight::from_parts(552_123_682, 3554)
			.saturating_add(Weight::from_parts(37_545, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		Weight::from_parts(110_734_019, 4038)
			.saturating_add(Weight::from_parts(21_676, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		Weight::from_parts(196_602_535, 6391)
			.saturating_add(Weight::from_parts(577, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		Weight::from_parts(108_471_685, 4087)
			.saturating_add(Weight::from_parts(390, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		Weight::from_parts(143_008_520, 5153)
			.saturating_add(Weight::from_parts(375, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn update_admin() -> Weight {
		Weight::from_parts(25_919_000, 3853)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_params() -> Weight {
		Weight::from_parts(11_457_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		Weight::from_parts(1_755_153_415, 6235)
			.saturating_add(Weight::from_parts(59_542, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn instr(r: u32, ) -> Weight {
		Weight::from_parts(15_187_108, 0)
			.saturating_add(Weight::from_parts(35_164, 0).saturating_mul(r.into()))
	}
	fn host_call() -> Weight {
		Weight::from_parts(1_913_000, 0)
	}
	fn host_context() -> Weight {
		Weight::from_parts(2_053_000, 0)
	}
	fn host_balance() -> Weight {
		Weight::from_parts(10_726_000, 3566)
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		Weight::from_parts(2_446_675, 0)
			.saturating_add(Weight::from_parts(93, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		Weight::from_parts(69_997_678, 5101)
			.saturating_add(Weight::from_parts(1_748, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		Weight::from_parts(29_059_085, 0)
			.saturating_add(Weight::from_parts(438, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		Weight::from_parts(62_213_968, 4965)
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		Weight::from_parts(3_908_554, 0)
			.saturating_add(Weight::from_parts(1_021, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		Weight::from_parts(44_321_374, 0)
			.saturating_add(Weight::from_parts(1_839, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		Weight::from_parts(9_831_994, 0)
			.saturating_add(Weight::from_parts(419, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		Weight::from_parts(86_710_000, 6041)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		Weight::from_parts(130_543_191, 4153)
			.saturating_add(Weight::from_parts(116, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		Weight::from_parts(207_030_731, 6654)
			.saturating_add(Weight::from_parts(934, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		Weight::from_parts(3_963_686, 0)
			.saturating_add(Weight::from_parts(98, 0).saturating_mul(n.into()))
	}
}
