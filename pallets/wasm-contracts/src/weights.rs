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
		Weight::from_parts(946_189_882, 3554)
			.saturating_add(Weight::from_parts(36_816, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
			.saturating_add(D::get().writes(3))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 573 + c * 1 bytes.
		Weight::from_parts(112_618_000, 4038)
			.saturating_add(Weight::from_parts(21_501, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(3))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 451 bytes.
		Weight::from_parts(196_436_096, 6391)
			.saturating_add(Weight::from_parts(360, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(8))
			.saturating_add(D::get().writes(6))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 622 bytes.
		Weight::from_parts(108_551_490, 4087)
			.saturating_add(Weight::from_parts(352, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 1688 bytes.
		Weight::from_parts(140_760_329, 5153)
			.saturating_add(Weight::from_parts(349, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(2))
	}
	fn update_admin() -> Weight {
		// Measured proof: 388 bytes.
		Weight::from_parts(25_979_000, 3853)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_477_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 295 bytes.
		Weight::from_parts(903_621_843, 6235)
			.saturating_add(Weight::from_parts(62_080, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(4))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(16_693_509, 0)
			.saturating_add(Weight::from_parts(34_732, 0).saturating_mul(r.into()))
	}
	fn host_call() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_833_000, 0)
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_193_000, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(11_407_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_627_498, 0)
			.saturating_add(Weight::from_parts(99, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 1636 + n * 1 bytes.
		Weight::from_parts(80_155_577, 5101)
			.saturating_add(Weight::from_parts(1_055, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(32_364_361, 0)
			.saturating_add(Weight::from_parts(533, 0).saturating_mul(n.into()))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete(n: u32, ) -> Weight {
		// Measured proof: 1500 + n * 1 bytes.
		Weight::from_parts(72_594_717, 4965)
			.saturating_add(Weight::from_parts(12_608, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(4_210_092, 0)
			.saturating_add(Weight::from_parts(1_055, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(53_548_646, 0)
			.saturating_add(Weight::from_parts(2_109, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(13_300_339, 0)
			.saturating_add(Weight::from_parts(1_098, 0).saturating_mul(n.into()))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(87_069_000, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 688 bytes.
		Weight::from_parts(131_896_802, 4153)
			.saturating_add(Weight::from_parts(856, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(3))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 714 bytes.
		Weight::from_parts(221_821_381, 6654)
			.saturating_add(Weight::from_parts(2_491, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(6))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(3_920_027, 0)
			.saturating_add(Weight::from_parts(114, 0).saturating_mul(n.into()))
	}
}
