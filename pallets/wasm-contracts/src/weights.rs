//! Weights of `pallet_wasm_contracts` measured by `wasm-contracts-node benchmark pallet`
//! (64.0.0) on `AMD EPYC`, 2026-11-22: 50 steps, 20 repeats.
//! Regenerate with `benchmarking/generate-weights.sh`; the template is
//! `benchmarking/weight-template.hbs`.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::{constants::RocksDbWeight, RuntimeDbWeight, Weight}};

pub use crate::weight_info::WeightInfo;

/// Measured weights, with the database costs `D`.
pub struct Weights<D>(PhantomData<D>);

/// The measured weights with the runtime's database costs.
pub type SubstrateWeight<T> = Weights<<T as frame_system::Config>::DbWeight>;

/// The measured weights with RocksDB's database costs, for tests and chains without their own.
pub type RocksDbWeights = Weights<RocksDbWeight>;

impl<D: Get<RuntimeDbWeight>> WeightInfo for Weights<D> {
	fn upload_code(c: u32, ) -> Weight {
		// Measured proof: 89 bytes.
		Weight::from_parts(169_682_542, 3554)
			.saturating_add(Weight::from_parts(27_701, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 579 + c * 1 bytes.
		Weight::from_parts(76_612_520, 4044)
			.saturating_add(Weight::from_parts(5_647, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 457 bytes.
		Weight::from_parts(142_524_713, 6397)
			.saturating_add(Weight::from_parts(259, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(8))
			.saturating_add(D::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 628 bytes.
		Weight::from_parts(67_370_875, 4093)
			.saturating_add(Weight::from_parts(276, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1671 bytes.
		Weight::from_parts(85_390_353, 5136)
			.saturating_add(Weight::from_parts(245, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(19_119_000, 3853)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(7_842_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 295 bytes.
		Weight::from_parts(592_273_552, 6235)
			.saturating_add(Weight::from_parts(33_594, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(4))
	}
	fn translate(c: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(6_219_000, 0)
			.saturating_add(Weight::from_parts(26_039, 0).saturating_mul(c.into()))
	}
	fn translate_functions(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(631_000, 0)
			.saturating_add(Weight::from_parts(982_691, 0).saturating_mul(n.into()))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(10_275_587, 0)
			.saturating_add(Weight::from_parts(33_980, 0).saturating_mul(r.into()))
	}
	fn instr_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(12_866_509, 0)
			.saturating_add(Weight::from_parts(203_774, 0).saturating_mul(r.into()))
	}
	fn instr_call_indirect(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_237_424, 0)
			.saturating_add(Weight::from_parts(479_291, 0).saturating_mul(r.into()))
	}
	fn instr_div(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(12_628_600, 0)
			.saturating_add(Weight::from_parts(265_146, 0).saturating_mul(r.into()))
	}
	fn instr_memory(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_789_698, 0)
			.saturating_add(Weight::from_parts(75_339, 0).saturating_mul(r.into()))
	}
	fn host_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_276_200, 0)
			.saturating_add(Weight::from_parts(87_912, 0).saturating_mul(r.into()))
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_032_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(7_391_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_243_283, 0)
			.saturating_add(Weight::from_parts(71, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(65_797_389, 5101)
			.saturating_add(Weight::from_parts(615, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(26_612_197, 0)
			.saturating_add(Weight::from_parts(128, 0).saturating_mul(n.into()))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		// Measured proof: 1500 + n * 1 bytes.
		Weight::from_parts(60_454_897, 4965)
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_245_492, 0)
			.saturating_add(Weight::from_parts(1_498, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(38_773_606, 0)
			.saturating_add(Weight::from_parts(1_678, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 202 bytes.
		Weight::from_parts(12_908_230, 1687)
			.saturating_add(Weight::from_parts(278, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(66_729_000, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 694 bytes.
		Weight::from_parts(50_235_447, 4159)
			.saturating_add(Weight::from_parts(177, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 756 bytes.
		Weight::from_parts(130_360_122, 6696)
			.saturating_add(Weight::from_parts(87, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_311_837, 0)
			.saturating_add(Weight::from_parts(71, 0).saturating_mul(n.into()))
	}
}
