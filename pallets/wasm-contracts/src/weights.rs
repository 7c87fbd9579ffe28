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
		Weight::from_parts(220_038_203, 3554)
			.saturating_add(Weight::from_parts(26_323, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(4))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 631 + c * 1 bytes.
		Weight::from_parts(40_718_129, 4096)
			.saturating_add(Weight::from_parts(780, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_functions(f: u32, ) -> Weight {
		// Measured proof: 717 + f * 44 bytes.
		Weight::from_parts(60_256_780, 4182)
			.saturating_add(Weight::from_parts(133_434, 0).saturating_mul(f.into()))
			.saturating_add(Weight::from_parts(0, 44).saturating_mul(f.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_declarations(d: u32, ) -> Weight {
		// Measured proof: 607 + d * 1 bytes.
		Weight::from_parts(121_712_527, 4072)
			.saturating_add(Weight::from_parts(70_724, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(d.into()))
			.saturating_add(D::get().reads(3))
	}
	fn validate_declarations(d: u32, ) -> Weight {
		// Measured proof: 89 bytes.
		Weight::from_parts(42_373_000, 3554)
			.saturating_add(Weight::from_parts(194_242, 0).saturating_mul(d.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(4))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 533 bytes.
		Weight::from_parts(145_186_596, 6473)
			.saturating_add(Weight::from_parts(267, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(10))
			.saturating_add(D::get().writes(7))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 709 bytes.
		Weight::from_parts(71_699_255, 4174)
			.saturating_add(Weight::from_parts(237, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(5))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1793 bytes.
		Weight::from_parts(97_126_719, 7733)
			.saturating_add(Weight::from_parts(258, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(4))
	}
	fn update_admin() -> Weight {
		// Measured proof: 427 bytes.
		Weight::from_parts(17_336_000, 3892)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(7_451_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 337 bytes.
		Weight::from_parts(275_298_667, 6277)
			.saturating_add(Weight::from_parts(33_223, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(4))
	}
	fn translate(c: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(9_159_639, 0)
			.saturating_add(Weight::from_parts(23_478, 0).saturating_mul(c.into()))
	}
	fn translate_functions(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_502_000, 0)
			.saturating_add(Weight::from_parts(965_421, 0).saturating_mul(n.into()))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(8_609_797, 0)
			.saturating_add(Weight::from_parts(31_505, 0).saturating_mul(r.into()))
	}
	fn instr_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(14_727_793, 0)
			.saturating_add(Weight::from_parts(194_277, 0).saturating_mul(r.into()))
	}
	fn instr_call_indirect(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_026_419, 0)
			.saturating_add(Weight::from_parts(452_486, 0).saturating_mul(r.into()))
	}
	fn instr_div(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(12_493_964, 0)
			.saturating_add(Weight::from_parts(240_579, 0).saturating_mul(r.into()))
	}
	fn instr_memory(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_407_034, 0)
			.saturating_add(Weight::from_parts(70_013, 0).saturating_mul(r.into()))
	}
	fn host_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_111_704, 0)
			.saturating_add(Weight::from_parts(81_557, 0).saturating_mul(r.into()))
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(942_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(6_910_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_197_764, 0)
			.saturating_add(Weight::from_parts(67, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1678 + n * 1 bytes.
		Weight::from_parts(71_681_563, 5143)
			.saturating_add(Weight::from_parts(941, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(33_337_163, 0)
			.saturating_add(Weight::from_parts(68, 0).saturating_mul(n.into()))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete() -> Weight {
		// Measured proof: 1647 bytes.
		Weight::from_parts(61_361_000, 5112)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_157_770, 0)
			.saturating_add(Weight::from_parts(1_431, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(37_244_306, 0)
			.saturating_add(Weight::from_parts(1_284, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 241 bytes.
		Weight::from_parts(12_042_465, 1726)
			.saturating_add(Weight::from_parts(293, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(64_226_000, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 733 bytes.
		Weight::from_parts(47_958_788, 4198)
			.saturating_add(Weight::from_parts(150, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 836 bytes.
		Weight::from_parts(129_201_885, 6776)
			.saturating_add(Weight::from_parts(99, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(8))
			.saturating_add(D::get().writes(7))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_182_295, 0)
			.saturating_add(Weight::from_parts(67, 0).saturating_mul(n.into()))
	}
	fn remove_code() -> Weight {
		// Measured proof: 247 bytes.
		Weight::from_parts(57_806_000, 3712)
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(4))
	}
	fn host_terminate() -> Weight {
		// Measured proof: 621 bytes.
		Weight::from_parts(103_715_000, 6561)
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(6))
	}
	fn settle_deposit() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(5))
	}
	fn lazy_deletion(k: u32, ) -> Weight {
		// Measured proof: 338 + k * 1086 bytes.
		Weight::from_parts(15_072_000, 338)
			.saturating_add(Weight::from_parts(2_097_709, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 1086).saturating_mul(k.into()))
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(D::get().writes(2))
			.saturating_add(D::get().writes((1_u64).saturating_mul(k.into())))
	}
}
