//! Weights of `pallet_wasm_contracts` measured by `wasm-contracts-node benchmark pallet`
//! (64.0.0) on `AMD EPYC`, 2026-11-21: 50 steps, 20 repeats.
//! Regenerate with `benchmarking/generate-weights.sh`; the template is
//! `benchmarking/weight-template.hbs`. Command:
//! `/root/.cache/wasm-contracts-target-benchmarks/testnet/wasm-contracts-node benchmark pallet --runtime /root/.cache/wasm-contracts-target-benchmarks/testnet/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm --genesis-builder-preset development --pallet pallet_wasm_contracts --extrinsic * --steps 50 --repeat 20 --template benchmarking/weight-template.hbs --output pallets/wasm-contracts/src/weights.rs `

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
		Weight::from_parts(119_576_439, 3554)
			.saturating_add(Weight::from_parts(19_380, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 77 + c * 1 bytes.
		Weight::from_parts(90_306_803, 3543)
			.saturating_add(Weight::from_parts(9_343, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 446 bytes.
		Weight::from_parts(195_878_270, 6386)
			.saturating_add(Weight::from_parts(410, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 617 bytes.
		Weight::from_parts(108_682_843, 4082)
			.saturating_add(Weight::from_parts(397, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1700 bytes.
		Weight::from_parts(127_640_621, 5165)
			.saturating_add(Weight::from_parts(394, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(25_708_000, 3853)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_427_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 295 bytes.
		Weight::from_parts(345_989_572, 6235)
			.saturating_add(Weight::from_parts(26_878, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(14_951_425, 0)
			.saturating_add(Weight::from_parts(34_895, 0).saturating_mul(r.into()))
	}
	fn host_call() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(9_114_000, 0)
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(10_395_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(18_998_000, 3566)
			.saturating_add(T::DbWeight::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(10_680_513, 0)
			.saturating_add(Weight::from_parts(144, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(95_978_419, 5101)
			.saturating_add(Weight::from_parts(969, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(52_349_382, 0)
			.saturating_add(Weight::from_parts(406, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		// Measured proof: 1500 + n * 1 bytes.
		Weight::from_parts(81_722_305, 4964)
			.saturating_add(Weight::from_parts(11_831, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(12_867_070, 0)
			.saturating_add(Weight::from_parts(1_060, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(53_493_543, 0)
			.saturating_add(Weight::from_parts(1_948, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(18_785_642, 0)
			.saturating_add(Weight::from_parts(437, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(91_826_000, 6041)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 683 bytes.
		Weight::from_parts(129_029_681, 4148)
			.saturating_add(Weight::from_parts(194, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 705 bytes.
		Weight::from_parts(210_015_950, 6649)
			.saturating_add(Weight::from_parts(149, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_960_232, 0)
			.saturating_add(Weight::from_parts(142, 0).saturating_mul(n.into()))
	}
}

/// Measured weights, with RocksDB costs for storage access (tests and chains without their own).
impl WeightInfo for () {
	fn upload_code(c: u32, ) -> Weight {
		Weight::from_parts(119_576_439, 3554)
			.saturating_add(Weight::from_parts(19_380, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		Weight::from_parts(90_306_803, 3543)
			.saturating_add(Weight::from_parts(9_343, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		Weight::from_parts(195_878_270, 6386)
			.saturating_add(Weight::from_parts(410, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		Weight::from_parts(108_682_843, 4082)
			.saturating_add(Weight::from_parts(397, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		Weight::from_parts(127_640_621, 5165)
			.saturating_add(Weight::from_parts(394, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn update_admin() -> Weight {
		Weight::from_parts(25_708_000, 3853)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_params() -> Weight {
		Weight::from_parts(11_427_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		Weight::from_parts(345_989_572, 6235)
			.saturating_add(Weight::from_parts(26_878, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn instr(r: u32, ) -> Weight {
		Weight::from_parts(14_951_425, 0)
			.saturating_add(Weight::from_parts(34_895, 0).saturating_mul(r.into()))
	}
	fn host_call() -> Weight {
		Weight::from_parts(9_114_000, 0)
	}
	fn host_context() -> Weight {
		Weight::from_parts(10_395_000, 0)
	}
	fn host_balance() -> Weight {
		Weight::from_parts(18_998_000, 3566)
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		Weight::from_parts(10_680_513, 0)
			.saturating_add(Weight::from_parts(144, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		Weight::from_parts(95_978_419, 5101)
			.saturating_add(Weight::from_parts(969, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		Weight::from_parts(52_349_382, 0)
			.saturating_add(Weight::from_parts(406, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		Weight::from_parts(81_722_305, 4964)
			.saturating_add(Weight::from_parts(11_831, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		Weight::from_parts(12_867_070, 0)
			.saturating_add(Weight::from_parts(1_060, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		Weight::from_parts(53_493_543, 0)
			.saturating_add(Weight::from_parts(1_948, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		Weight::from_parts(18_785_642, 0)
			.saturating_add(Weight::from_parts(437, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		Weight::from_parts(91_826_000, 6041)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		Weight::from_parts(129_029_681, 4148)
			.saturating_add(Weight::from_parts(194, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		Weight::from_parts(210_015_950, 6649)
			.saturating_add(Weight::from_parts(149, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		Weight::from_parts(11_960_232, 0)
			.saturating_add(Weight::from_parts(142, 0).saturating_mul(n.into()))
	}
}
