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
		Weight::from_parts(193_560_110, 3554)
			.saturating_add(Weight::from_parts(38_217, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
			.saturating_add(T::DbWeight::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 573 bytes.
		Weight::from_parts(40_613_401, 4031)
			.saturating_add(Weight::from_parts(24_409, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 451 bytes.
		Weight::from_parts(192_848_295, 6391)
			.saturating_add(Weight::from_parts(394, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(8))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 622 bytes.
		Weight::from_parts(110_121_977, 4087)
			.saturating_add(Weight::from_parts(509, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1688 bytes.
		Weight::from_parts(144_257_701, 5153)
			.saturating_add(Weight::from_parts(413, 0).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(4))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(26_519_000, 3853)
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_658_000, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 295 bytes.
		Weight::from_parts(273_858_000, 6235)
			.saturating_add(Weight::from_parts(68_016, 0).saturating_mul(c.into()))
			.saturating_add(T::DbWeight::get().reads(5))
			.saturating_add(T::DbWeight::get().writes(4))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(15_340_957, 0)
			.saturating_add(Weight::from_parts(35_043, 0).saturating_mul(r.into()))
	}
	fn host_call() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_783_000, 0)
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_213_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(11_157_000, 3566)
			.saturating_add(T::DbWeight::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_909_016, 0)
			.saturating_add(Weight::from_parts(107, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(90_469_379, 5101)
			.saturating_add(Weight::from_parts(309, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(34_892_177, 0)
			.saturating_add(Weight::from_parts(11, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		// Measured proof: 1500 + n * 1 bytes.
		Weight::from_parts(53_737_975, 4964)
			.saturating_add(Weight::from_parts(131_708, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1))
			.saturating_add(T::DbWeight::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(4_048_612, 0)
			.saturating_add(Weight::from_parts(1_045, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(47_188_627, 0)
			.saturating_add(Weight::from_parts(1_818, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(12_105_349, 0)
			.saturating_add(Weight::from_parts(783, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(120_249_000, 6041)
			.saturating_add(T::DbWeight::get().reads(2))
			.saturating_add(T::DbWeight::get().writes(2))
	}
	fn host_call_contract(_n: u32, ) -> Weight {
		// Measured proof: 688 bytes.
		Weight::from_parts(153_168_137, 4153)
			.saturating_add(T::DbWeight::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 710 bytes.
		Weight::from_parts(206_037_269, 6654)
			.saturating_add(Weight::from_parts(687, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7))
			.saturating_add(T::DbWeight::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(3_877_744, 0)
			.saturating_add(Weight::from_parts(98, 0).saturating_mul(n.into()))
	}
}

/// Measured weights, with RocksDB costs for storage access (tests and chains without their own).
impl WeightInfo for () {
	fn upload_code(c: u32, ) -> Weight {
		Weight::from_parts(193_560_110, 3554)
			.saturating_add(Weight::from_parts(38_217, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
			.saturating_add(RocksDbWeight::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		Weight::from_parts(40_613_401, 4031)
			.saturating_add(Weight::from_parts(24_409, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		Weight::from_parts(192_848_295, 6391)
			.saturating_add(Weight::from_parts(394, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(8))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		Weight::from_parts(110_121_977, 4087)
			.saturating_add(Weight::from_parts(509, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		Weight::from_parts(144_257_701, 5153)
			.saturating_add(Weight::from_parts(413, 0).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(4))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn update_admin() -> Weight {
		Weight::from_parts(26_519_000, 3853)
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn set_params() -> Weight {
		Weight::from_parts(11_658_000, 0)
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		Weight::from_parts(273_858_000, 6235)
			.saturating_add(Weight::from_parts(68_016, 0).saturating_mul(c.into()))
			.saturating_add(RocksDbWeight::get().reads(5))
			.saturating_add(RocksDbWeight::get().writes(4))
	}
	fn instr(r: u32, ) -> Weight {
		Weight::from_parts(15_340_957, 0)
			.saturating_add(Weight::from_parts(35_043, 0).saturating_mul(r.into()))
	}
	fn host_call() -> Weight {
		Weight::from_parts(1_783_000, 0)
	}
	fn host_context() -> Weight {
		Weight::from_parts(2_213_000, 0)
	}
	fn host_balance() -> Weight {
		Weight::from_parts(11_157_000, 3566)
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		Weight::from_parts(2_909_016, 0)
			.saturating_add(Weight::from_parts(107, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		Weight::from_parts(90_469_379, 5101)
			.saturating_add(Weight::from_parts(309, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		Weight::from_parts(34_892_177, 0)
			.saturating_add(Weight::from_parts(11, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		Weight::from_parts(53_737_975, 4964)
			.saturating_add(Weight::from_parts(131_708, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(1))
			.saturating_add(RocksDbWeight::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		Weight::from_parts(4_048_612, 0)
			.saturating_add(Weight::from_parts(1_045, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		Weight::from_parts(47_188_627, 0)
			.saturating_add(Weight::from_parts(1_818, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		Weight::from_parts(12_105_349, 0)
			.saturating_add(Weight::from_parts(783, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		Weight::from_parts(120_249_000, 6041)
			.saturating_add(RocksDbWeight::get().reads(2))
			.saturating_add(RocksDbWeight::get().writes(2))
	}
	fn host_call_contract(_n: u32, ) -> Weight {
		Weight::from_parts(153_168_137, 4153)
			.saturating_add(RocksDbWeight::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		Weight::from_parts(206_037_269, 6654)
			.saturating_add(Weight::from_parts(687, 0).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(7))
			.saturating_add(RocksDbWeight::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		Weight::from_parts(3_877_744, 0)
			.saturating_add(Weight::from_parts(98, 0).saturating_mul(n.into()))
	}
}
