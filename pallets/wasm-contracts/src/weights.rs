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
		Weight::from_parts(897_355_274, 3554)
			.saturating_add(Weight::from_parts(37_889, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 592 + c * 1 bytes.
		Weight::from_parts(43_849_850, 4057)
			.saturating_add(Weight::from_parts(687, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_functions(f: u32, ) -> Weight {
		// Measured proof: 678 + f * 44 bytes.
		Weight::from_parts(39_171_485, 4143)
			.saturating_add(Weight::from_parts(129_414, 0).saturating_mul(f.into()))
			.saturating_add(Weight::from_parts(0, 44).saturating_mul(f.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_declarations(d: u32, ) -> Weight {
		// Measured proof: 568 + d * 1 bytes.
		Weight::from_parts(48_983_000, 4033)
			.saturating_add(Weight::from_parts(71_645, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(d.into()))
			.saturating_add(D::get().reads(3))
	}
	fn validate_declarations(d: u32, ) -> Weight {
		// Measured proof: 89 bytes.
		Weight::from_parts(204_615_916, 3554)
			.saturating_add(Weight::from_parts(198_240, 0).saturating_mul(d.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 457 bytes.
		Weight::from_parts(133_444_980, 6397)
			.saturating_add(Weight::from_parts(294, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(8))
			.saturating_add(D::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 628 bytes.
		Weight::from_parts(64_163_570, 4093)
			.saturating_add(Weight::from_parts(235, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1671 bytes.
		Weight::from_parts(78_471_226, 5136)
			.saturating_add(Weight::from_parts(230, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(17_276_000, 3853)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(7_240_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 295 bytes.
		Weight::from_parts(467_470_523, 6235)
			.saturating_add(Weight::from_parts(32_296, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(4))
	}
	fn translate(c: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(5_758_000, 0)
			.saturating_add(Weight::from_parts(23_215, 0).saturating_mul(c.into()))
	}
	fn translate_functions(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(3_858_040, 0)
			.saturating_add(Weight::from_parts(912_450, 0).saturating_mul(n.into()))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(8_342_551, 0)
			.saturating_add(Weight::from_parts(32_277, 0).saturating_mul(r.into()))
	}
	fn instr_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_135_748, 0)
			.saturating_add(Weight::from_parts(190_421, 0).saturating_mul(r.into()))
	}
	fn instr_call_indirect(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(10_761_289, 0)
			.saturating_add(Weight::from_parts(453_797, 0).saturating_mul(r.into()))
	}
	fn instr_div(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(36_146_273, 0)
			.saturating_add(Weight::from_parts(99_563, 0).saturating_mul(r.into()))
	}
	fn instr_memory(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_226_559, 0)
			.saturating_add(Weight::from_parts(71_901, 0).saturating_mul(r.into()))
	}
	fn host_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_151_693, 0)
			.saturating_add(Weight::from_parts(83_730, 0).saturating_mul(r.into()))
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(991_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(7_011_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_184_961, 0)
			.saturating_add(Weight::from_parts(67, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(74_371_721, 5101)
			.saturating_add(Weight::from_parts(91, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(24_624_477, 0)
			.saturating_add(Weight::from_parts(456, 0).saturating_mul(n.into()))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		// Measured proof: 1500 + n * 1 bytes.
		Weight::from_parts(60_242_468, 4965)
			.saturating_add(Weight::from_parts(9_583, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_211_354, 0)
			.saturating_add(Weight::from_parts(1_468, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(38_726_996, 0)
			.saturating_add(Weight::from_parts(1_615, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 202 bytes.
		Weight::from_parts(12_450_258, 1687)
			.saturating_add(Weight::from_parts(288, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(63_665_000, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 694 bytes.
		Weight::from_parts(47_610_356, 4159)
			.saturating_add(Weight::from_parts(172, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 756 bytes.
		Weight::from_parts(120_995_670, 6696)
			.saturating_add(Weight::from_parts(95, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_085_434, 0)
			.saturating_add(Weight::from_parts(67, 0).saturating_mul(n.into()))
	}
}
