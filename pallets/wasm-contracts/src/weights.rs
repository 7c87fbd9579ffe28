//! Weights of `pallet_wasm_contracts` measured by `wasm-contracts-node benchmark pallet`: each
//! figure is the largest measured on any of these CPUs (with the latest run on each: its date,
//! sampling and CLI version):
//! - `AMD EPYC`, 2026-11-22: 50 steps, 20 repeats (64.0.0)
//!
//! Regenerate with `benchmarking/generate-weights.sh`, which merges a new run into this file
//! (`benchmarking/merge_weights.py`); the template is `benchmarking/weight-template.hbs`.

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
		// Measured proof: 192 bytes.
		Weight::from_parts(269_149_279, 3657)
			.saturating_add(Weight::from_parts(26_076, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(8))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 670 + c * 1 bytes.
		Weight::from_parts(47_169_190, 4135)
			.saturating_add(Weight::from_parts(809, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_functions(f: u32, ) -> Weight {
		// Measured proof: 756 + f * 44 bytes.
		Weight::from_parts(62_296_856, 4221)
			.saturating_add(Weight::from_parts(124_914, 0).saturating_mul(f.into()))
			.saturating_add(Weight::from_parts(0, 44).saturating_mul(f.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_declarations(d: u32, ) -> Weight {
		// Measured proof: 646 + d * 1 bytes.
		Weight::from_parts(29_333_813, 4111)
			.saturating_add(Weight::from_parts(69_571, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(d.into()))
			.saturating_add(D::get().reads(3))
	}
	fn validate_declarations(d: u32, ) -> Weight {
		// Measured proof: 192 bytes.
		Weight::from_parts(109_463_000, 3657)
			.saturating_add(Weight::from_parts(191_220, 0).saturating_mul(d.into()))
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(8))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 654 bytes.
		Weight::from_parts(218_664_400, 6594)
			.saturating_add(Weight::from_parts(272, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(11))
			.saturating_add(D::get().writes(9))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 748 bytes.
		Weight::from_parts(73_206_231, 4213)
			.saturating_add(Weight::from_parts(236, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(5))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 2103 bytes.
		Weight::from_parts(171_221_595, 8043)
			.saturating_add(Weight::from_parts(239, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(10))
			.saturating_add(D::get().writes(7))
	}
	fn update_admin() -> Weight {
		// Measured proof: 466 bytes.
		Weight::from_parts(17_507_000, 3931)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(7_391_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 337 bytes.
		Weight::from_parts(282_691_263, 6277)
			.saturating_add(Weight::from_parts(32_988, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(5))
	}
	fn translate(c: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(27_427_914, 0)
			.saturating_add(Weight::from_parts(23_646, 0).saturating_mul(c.into()))
	}
	fn translate_functions(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(611_000, 0)
			.saturating_add(Weight::from_parts(960_689, 0).saturating_mul(n.into()))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(9_151_562, 0)
			.saturating_add(Weight::from_parts(32_199, 0).saturating_mul(r.into()))
	}
	fn instr_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_703_433, 0)
			.saturating_add(Weight::from_parts(183_933, 0).saturating_mul(r.into()))
	}
	fn instr_call_indirect(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(12_050_737, 0)
			.saturating_add(Weight::from_parts(462_298, 0).saturating_mul(r.into()))
	}
	fn instr_div(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(13_370_608, 0)
			.saturating_add(Weight::from_parts(247_684, 0).saturating_mul(r.into()))
	}
	fn instr_memory(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(12_549_398, 0)
			.saturating_add(Weight::from_parts(72_514, 0).saturating_mul(r.into()))
	}
	fn host_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_197_269, 0)
			.saturating_add(Weight::from_parts(83_390, 0).saturating_mul(r.into()))
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_152_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(7_250_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_380_871, 0)
			.saturating_add(Weight::from_parts(70, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1678 + n * 1 bytes.
		Weight::from_parts(76_375_260, 5143)
			.saturating_add(Weight::from_parts(242, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 1678 + n * 1 bytes.
		Weight::from_parts(59_464_985, 5143)
			.saturating_add(Weight::from_parts(310, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete() -> Weight {
		// Measured proof: 1647 bytes.
		Weight::from_parts(58_077_000, 5112)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_241_543, 0)
			.saturating_add(Weight::from_parts(1_439, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(38_783_173, 0)
			.saturating_add(Weight::from_parts(1_300, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 280 bytes.
		Weight::from_parts(12_065_231, 1765)
			.saturating_add(Weight::from_parts(310, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(64_236_000, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 772 bytes.
		Weight::from_parts(51_581_619, 4237)
			.saturating_add(Weight::from_parts(93, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 906 bytes.
		Weight::from_parts(133_933_500, 6846)
			.saturating_add(Weight::from_parts(50, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(8))
			.saturating_add(D::get().writes(7))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_230_171, 0)
			.saturating_add(Weight::from_parts(68, 0).saturating_mul(n.into()))
	}
	fn remove_code() -> Weight {
		// Measured proof: 598 bytes.
		Weight::from_parts(178_136_000, 4063)
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(8))
	}
	fn host_terminate() -> Weight {
		// Measured proof: 955 bytes.
		Weight::from_parts(167_580_000, 9370)
			.saturating_add(D::get().reads(9))
			.saturating_add(D::get().writes(9))
	}
	fn settle_deposit() -> Weight {
		// Measured proof: 279 bytes.
		Weight::from_parts(125_628_000, 6219)
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(5))
	}
	fn lazy_deletion(k: u32, ) -> Weight {
		// Measured proof: 338 + k * 1086 bytes.
		Weight::from_parts(16_024_000, 338)
			.saturating_add(Weight::from_parts(2_359_306, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 1086).saturating_mul(k.into()))
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(D::get().writes(2))
			.saturating_add(D::get().writes((1_u64).saturating_mul(k.into())))
	}
}
