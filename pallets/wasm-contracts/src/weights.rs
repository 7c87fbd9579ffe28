//! Weights of `pallet_wasm_contracts` measured by `wasm-contracts-node benchmark pallet`
//! (64.0.0) on `AMD EPYC`, 2026-11-21: 50 steps, 20 repeats.
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
		Weight::from_parts(284_012_979, 3554)
			.saturating_add(Weight::from_parts(37_292, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 573 + c * 1 bytes.
		Weight::from_parts(101_112_842, 4038)
			.saturating_add(Weight::from_parts(20_817, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 451 bytes.
		Weight::from_parts(197_869_907, 6391)
			.saturating_add(Weight::from_parts(444, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(8))
			.saturating_add(D::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 622 bytes.
		Weight::from_parts(108_769_088, 4087)
			.saturating_add(Weight::from_parts(369, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1688 bytes.
		Weight::from_parts(144_637_073, 5153)
			.saturating_add(Weight::from_parts(373, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(26_630_000, 3853)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_998_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 295 bytes.
		Weight::from_parts(2_022_728_567, 6235)
			.saturating_add(Weight::from_parts(66_751, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(4))
	}
	fn translate(c: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(38_857_536, 0)
			.saturating_add(Weight::from_parts(36_579, 0).saturating_mul(c.into()))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(15_598_880, 0)
			.saturating_add(Weight::from_parts(35_249, 0).saturating_mul(r.into()))
	}
	fn instr_call(r: u32, ) -> Weight {
		Weight::from_parts(15_598_880, 0)
			.saturating_add(Weight::from_parts(35_249 * 8, 0).saturating_mul(r.into()))
	}
	fn instr_call_indirect(r: u32, ) -> Weight {
		Weight::from_parts(15_598_880, 0)
			.saturating_add(Weight::from_parts(35_249 * 16, 0).saturating_mul(r.into()))
	}
	fn instr_div(r: u32, ) -> Weight {
		Weight::from_parts(15_598_880, 0)
			.saturating_add(Weight::from_parts(35_249 * 8, 0).saturating_mul(r.into()))
	}
	fn instr_memory(r: u32, ) -> Weight {
		Weight::from_parts(15_598_880, 0)
			.saturating_add(Weight::from_parts(35_249 * 12, 0).saturating_mul(r.into()))
	}
	fn translate_functions(n: u32, ) -> Weight {
		Weight::from_parts(15_598_880, 0)
			.saturating_add(Weight::from_parts(1_500_000, 0).saturating_mul(n.into()))
	}
	fn host_call(r: u32, ) -> Weight {
		Weight::from_parts(1_723_000, 0)
			.saturating_add(Weight::from_parts(1_723_000, 0).saturating_mul(r.into()))
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_903_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(10_856_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_557_103, 0)
			.saturating_add(Weight::from_parts(94, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(78_374_422, 5101)
			.saturating_add(Weight::from_parts(901, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(31_111_120, 0)
			.saturating_add(Weight::from_parts(501, 0).saturating_mul(n.into()))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		// Measured proof: 1500 + n * 1 bytes.
		Weight::from_parts(55_709_529, 4965)
			.saturating_add(Weight::from_parts(144_116, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(4_026_725, 0)
			.saturating_add(Weight::from_parts(1_037, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(44_284_060, 0)
			.saturating_add(Weight::from_parts(2_172, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(9_958_472, 0)
			.saturating_add(Weight::from_parts(405, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(82_924_000, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 688 bytes.
		Weight::from_parts(112_500_129, 4153)
			.saturating_add(Weight::from_parts(183, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 714 bytes.
		Weight::from_parts(202_875_970, 6654)
			.saturating_add(Weight::from_parts(102, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(3_818_633, 0)
			.saturating_add(Weight::from_parts(120, 0).saturating_mul(n.into()))
	}
}
