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
		Weight::from_parts(261_269_923, 3554)
			.saturating_add(Weight::from_parts(26_292, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 592 + c * 1 bytes.
		Weight::from_parts(38_257_604, 4057)
			.saturating_add(Weight::from_parts(895, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_functions(f: u32, ) -> Weight {
		// Measured proof: 678 + f * 44 bytes.
		Weight::from_parts(42_693_500, 4143)
			.saturating_add(Weight::from_parts(138_547, 0).saturating_mul(f.into()))
			.saturating_add(Weight::from_parts(0, 44).saturating_mul(f.into()))
			.saturating_add(D::get().reads(3))
	}
	fn load_declarations(d: u32, ) -> Weight {
		// Measured proof: 568 + d * 1 bytes.
		Weight::from_parts(36_930_047, 4033)
			.saturating_add(Weight::from_parts(75_039, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(d.into()))
			.saturating_add(D::get().reads(3))
	}
	fn validate_declarations(d: u32, ) -> Weight {
		// Measured proof: 89 bytes.
		Weight::from_parts(60_731_430, 3554)
			.saturating_add(Weight::from_parts(195_344, 0).saturating_mul(d.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 499 bytes.
		Weight::from_parts(138_799_333, 6439)
			.saturating_add(Weight::from_parts(255, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(9))
			.saturating_add(D::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 670 bytes.
		Weight::from_parts(67_831_323, 4135)
			.saturating_add(Weight::from_parts(247, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(5))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1713 bytes.
		Weight::from_parts(86_664_866, 5178)
			.saturating_add(Weight::from_parts(299, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(17_967_000, 3853)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(7_571_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 337 bytes.
		Weight::from_parts(161_718_589, 6277)
			.saturating_add(Weight::from_parts(34_475, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(4))
	}
	fn translate(c: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(13_401_514, 0)
			.saturating_add(Weight::from_parts(23_867, 0).saturating_mul(c.into()))
	}
	fn translate_functions(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(661_000, 0)
			.saturating_add(Weight::from_parts(991_792, 0).saturating_mul(n.into()))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(9_578_152, 0)
			.saturating_add(Weight::from_parts(33_166, 0).saturating_mul(r.into()))
	}
	fn instr_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(13_791_021, 0)
			.saturating_add(Weight::from_parts(189_762, 0).saturating_mul(r.into()))
	}
	fn instr_call_indirect(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(14_759_495, 0)
			.saturating_add(Weight::from_parts(475_472, 0).saturating_mul(r.into()))
	}
	fn instr_div(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(13_165_493, 0)
			.saturating_add(Weight::from_parts(252_850, 0).saturating_mul(r.into()))
	}
	fn instr_memory(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(13_091_163, 0)
			.saturating_add(Weight::from_parts(73_984, 0).saturating_mul(r.into()))
	}
	fn host_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_407_662, 0)
			.saturating_add(Weight::from_parts(85_432, 0).saturating_mul(r.into()))
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_132_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(7_221_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_273_393, 0)
			.saturating_add(Weight::from_parts(70, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(71_292_523, 5101)
			.saturating_add(Weight::from_parts(174, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(26_344_755, 0)
			.saturating_add(Weight::from_parts(509, 0).saturating_mul(n.into()))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete() -> Weight {
		// Measured proof: 1628 bytes (the former measurement at a 128-byte key).
		Weight::from_parts(60_440_902, 5093)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_110_427, 0)
			.saturating_add(Weight::from_parts(1_435, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(38_609_890, 0)
			.saturating_add(Weight::from_parts(1_602, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 202 bytes.
		Weight::from_parts(13_411_563, 1687)
			.saturating_add(Weight::from_parts(499, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(64_546_000, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 694 bytes.
		Weight::from_parts(51_567_233, 4159)
			.saturating_add(Weight::from_parts(152, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 756 bytes.
		Weight::from_parts(127_151_377, 6696)
			.saturating_add(Weight::from_parts(129, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_330_706, 0)
			.saturating_add(Weight::from_parts(73, 0).saturating_mul(n.into()))
	}
	fn host_terminate() -> Weight {
		Weight::from_parts(150_000_000, 12_000)
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(6))
	}
	fn settle_deposit() -> Weight {
		Weight::from_parts(60_000_000, 8_000)
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(5))
	}
	fn lazy_deletion(k: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(Weight::from_parts(30_000_000, 2_200).saturating_mul(k.into()))
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
			.saturating_add(D::get().writes(1).saturating_mul(k.into()))
	}
	fn remove_code() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(4))
	}
}
