//! Weights of `pallet_wasm_contracts` measured by `wasm-contracts-node benchmark pallet`: each
//! figure is the largest measured on any of these CPUs (with the latest run on each: its date,
//! sampling and CLI version):
//! - `AMD EPYC`, 2026-11-22: 50 steps, 20 repeats (64.0.0); again on 2026-12-04, the same sampling: `execute`, `instantiate`, `migrate`, `deploy` (their database accesses recounted) and the storage functions; again on 2026-12-05: `translate` (its shape then, empty `if`/`else`, 42.6 to 43.0 ns a byte; `i32.eqz` chains 52.7 ns a byte, the same day); again on 2026-12-06: the declarations of each kind (`load_imports`, `load_exports`, `load_export_names`, `load_globals`, `load_data_segments`, `load_element_segments`), with `load_declarations` at 57.5 ns a byte in the same run; again the same day: `execute` on its contract of one empty function and no memory (46.0 µs; 53.9 µs on the contract of one memory page and three exports it ran before, in the same session) and `instance_memory` (3.72 µs a page); again the same day: `host_storage_read` and `host_storage_read_repeated`, with the contract's `allocate` translated before the measured call (12.4 µs and 10.7 µs against 14.1 µs and 11.3 µs the same session); again the same day: `host_get_input` (new); again the same day: `host_storage_read` and `host_storage_read_repeated` reading with `storage_read_into`, into a buffer of the contract (11.2 µs and 276 ps a byte; 9.1 µs and 2.09 µs a hot read), where the placing `storage_read` measured 12.1 µs and 283 ps, 9.5 µs and 2.25 µs in the same session (two sessions, ratios averaged: the base 0.937, a byte 0.98, the repeated base 0.963, a hot read 0.929); again the same day: `host_storage_read_repeated` and `host_storage_write_repeated` with a hot key's hash kept by the call tree (a hot read 1.50 µs and a hot write 1.67 µs, where hashing the key again measured 2.22 and 2.37 µs in the same session, two runs each: 0.676 and 0.704; the bases did not move)
//! - `Intel(R) Xeon(R) Processor`, 2026-12-03: 50 steps, 20 repeats (64.0.0); `translate` not yet in its shape: its slope is this CPU's of `local.set` of an addition times the EPYC's ratios of empty `if`/`else` to that (2.06) and of `i32.eqz` chains to empty `if`/`else` (1.237, measured in one session); the declarations of each kind not yet measured: their slopes are the EPYC's of 2026-12-06 times the ratio of the largest `load_declarations` slope (this CPU's, 70.5 ns a byte) to the EPYC's in that run (1.226); `execute` on its new contract not yet measured: this CPU's figures times the EPYC's ratio of the new contract to the old (0.853 the base, 1.026 the slope); `instance_memory` not yet measured: the memory price of fuel for a page (65,536 bytes at 40 bytes a unit of fuel, 4.09 ns a unit), which the copies of 4 and 64 KiB that set it bound on this CPU, above the EPYC's slope times this CPU's ratio of `execute` (1.571, 5.85 µs) as this CPU ran 8 loads and stores 3.0 times slower than the EPYC; `host_get_input` not yet measured on either Xeon: the EPYC's base times the ratio of the Xeons' `host_storage_read_repeated` slope (a read that places its value through `allocate`) to the EPYC's (1.76), and its slope times the ratio of their `host_copy` slope to the EPYC's (2.28); `instr_global_set`, `instr_memory_size` and `instr_table_get` (new) not yet measured: the slopes of the AMD EPYC of family 25, model 17 times the ratio of this CPU's slope to that CPU's of the closest class measured on both, `instr` for the first two (1.297) and `instr_table_set` for `table.get` (2.594); `memory_grow_copy` (new) not yet measured on either Xeon: the slope of the AMD EPYC of family 25, model 17 (13.73 µs a page) times the ratio of the merged `instance_memory` slope (this CPU's estimate) to that CPU's, measured in the same session (6.708 / 4.704 µs, 1.426): 19.58 µs a page
//! - `Intel(R) Xeon(R) Processor @ 2.80GHz`, 2026-12-04: 50 steps, 20 repeats (64.0.0), the storage functions only; `host_storage_read` and `host_storage_read_repeated` not yet measured with the contract's `allocate` translated before the measured call, nor with `storage_read_into`: their bases are this CPU's times the EPYC's ratios of the benchmark with `allocate` translated to the old in one session (0.875 and 0.946) and of `storage_read_into` to `storage_read` (0.937 and 0.963), their slopes this CPU's times the latter ratios of the slopes (0.98 a byte, 0.929 a hot read); the slopes of `host_storage_read_repeated` and `host_storage_write_repeated` (a hot read and write) also times the EPYC's ratios of a hot access with the key's hash kept to one that hashes it again (0.676 and 0.704)
//! - `AMD EPYC (family 25, model 17)`, 2026-12-07: 50 steps, 20 repeats (64.0.0); a CPU of the Zen 4 generation whose `model name` is `AMD EPYC`, as the first's (`CPU_LABEL` of `generate-weights.sh` names it); every benchmark, in two runs of the same node (the second with `global.set` at 6 fuel and `table.get` at 4, which change no measured time): among the figures it raised, `translate` 94.6 ns a byte (60.3 before), `execute` 83.0 µs (72.3), `load_functions` 155.7 ns a function (134.5), `host_call` 125.2 ns a call (109.7); `instr_global_set`, `instr_memory_size` and `instr_table_get` measured 201.6, 164.0 and 189.6 ns an iteration; the host functions' bases were merged again net of each file's entry into a contract (`merge_weights.py` since 2026-12-07), this CPU's run (its entry 1.91 µs: `host_context` 2.03 µs less a host call, as its `host_call` base is 2.15 µs) into the file before it (1.05 µs: its `host_context` 1.16 µs less a call), and `host_call`'s base is the smaller entry; again on 2026-12-07, a later session: `memory_grow_copy` (new; 13.73 µs a page, and 10.78 µs in a run of `instance_memory` (4.70 µs a page) and `memory_grow_copy` alone, 15 steps, the run before)
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
		Weight::from_parts(456_746_159, 3657)
			.saturating_add(Weight::from_parts(42_010, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(8))
	}
	fn code_load(c: u32, ) -> Weight {
		// Measured proof: 670 + c * 1 bytes.
		Weight::from_parts(101_730_213, 4135)
			.saturating_add(Weight::from_parts(1_043, 0).saturating_mul(c.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(c.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_functions(f: u32, ) -> Weight {
		// Measured proof: 756 + f * 44 bytes.
		Weight::from_parts(74_977_308, 4221)
			.saturating_add(Weight::from_parts(155_704, 0).saturating_mul(f.into()))
			.saturating_add(Weight::from_parts(0, 44).saturating_mul(f.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_declarations(d: u32, ) -> Weight {
		// Measured proof: 646 + d * 1 bytes.
		Weight::from_parts(55_713_476, 4111)
			.saturating_add(Weight::from_parts(86_207, 0).saturating_mul(d.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(d.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_imports(i: u32, ) -> Weight {
		// Measured proof: 590 + i * 20 bytes.
		Weight::from_parts(97_295_329, 4055)
			.saturating_add(Weight::from_parts(1_103_157, 0).saturating_mul(i.into()))
			.saturating_add(Weight::from_parts(0, 20).saturating_mul(i.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_exports(e: u32, ) -> Weight {
		// Measured proof: 558 + e * 5 bytes.
		Weight::from_parts(96_585_942, 4023)
			.saturating_add(Weight::from_parts(755_277, 0).saturating_mul(e.into()))
			.saturating_add(Weight::from_parts(0, 5).saturating_mul(e.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_export_names(b: u32, ) -> Weight {
		// Measured proof: 1612 + b * 1 bytes.
		Weight::from_parts(261_746_307, 5077)
			.saturating_add(Weight::from_parts(28_340, 0).saturating_mul(b.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(b.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_globals(g: u32, ) -> Weight {
		// Measured proof: 562 + g * 5 bytes.
		Weight::from_parts(99_179_222, 4027)
			.saturating_add(Weight::from_parts(148_521, 0).saturating_mul(g.into()))
			.saturating_add(Weight::from_parts(0, 5).saturating_mul(g.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_data_segments(s: u32, ) -> Weight {
		// Measured proof: 561 + s * 2 bytes.
		Weight::from_parts(98_841_435, 4026)
			.saturating_add(Weight::from_parts(217_170, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 2).saturating_mul(s.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn load_element_segments(s: u32, ) -> Weight {
		// Measured proof: 506 + s * 7 bytes.
		Weight::from_parts(103_310_458, 3971)
			.saturating_add(Weight::from_parts(979_347, 0).saturating_mul(s.into()))
			.saturating_add(Weight::from_parts(0, 7).saturating_mul(s.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn instance_memory(p: u32, ) -> Weight {
		// Measured proof: 389 bytes.
		Weight::from_parts(64_800_783, 3854)
			.saturating_add(Weight::from_parts(6_708_427, 0).saturating_mul(p.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn memory_grow_copy(p: u32, ) -> Weight {
		// Measured proof: 400 bytes.
		Weight::from_parts(77_820_288, 3865)
			.saturating_add(Weight::from_parts(19_578_660, 0).saturating_mul(p.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn validate_declarations(d: u32, ) -> Weight {
		// Measured proof: 192 bytes.
		Weight::from_parts(349_739_304, 3657)
			.saturating_add(Weight::from_parts(229_801, 0).saturating_mul(d.into()))
			.saturating_add(D::get().reads(6))
			.saturating_add(D::get().writes(8))
	}
	fn instantiate(m: u32, ) -> Weight {
		// Measured proof: 654 bytes.
		Weight::from_parts(269_185_319, 6594)
			.saturating_add(Weight::from_parts(377, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(12))
			.saturating_add(D::get().writes(10))
	}
	fn execute(m: u32, ) -> Weight {
		// Measured proof: 398 bytes.
		Weight::from_parts(82_998_243, 3863)
			.saturating_add(Weight::from_parts(444, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(1))
	}
	fn migrate(m: u32, ) -> Weight {
		// Measured proof: 2103 bytes.
		Weight::from_parts(202_401_551, 8043)
			.saturating_add(Weight::from_parts(366, 0).saturating_mul(m.into()))
			.saturating_add(D::get().reads(9))
			.saturating_add(D::get().writes(7))
	}
	fn update_admin() -> Weight {
		// Measured proof: 466 bytes.
		Weight::from_parts(21_252_000, 3931)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn set_params() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(11_467_000, 0)
			.saturating_add(D::get().writes(1))
	}
	fn deploy(c: u32, ) -> Weight {
		// Measured proof: 337 bytes.
		Weight::from_parts(459_448_258, 6277)
			.saturating_add(Weight::from_parts(50_037, 0).saturating_mul(c.into()))
			.saturating_add(D::get().reads(5))
			.saturating_add(D::get().writes(2))
	}
	fn translate(c: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(59_234_440, 0)
			.saturating_add(Weight::from_parts(94_649, 0).saturating_mul(c.into()))
	}
	fn translate_functions(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(4_258_989, 0)
			.saturating_add(Weight::from_parts(1_165_863, 0).saturating_mul(n.into()))
	}
	fn instr(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(18_291_072, 0)
			.saturating_add(Weight::from_parts(48_227, 0).saturating_mul(r.into()))
	}
	fn instr_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(20_115_948, 0)
			.saturating_add(Weight::from_parts(356_303, 0).saturating_mul(r.into()))
	}
	fn instr_call_indirect(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(26_061_945, 0)
			.saturating_add(Weight::from_parts(658_843, 0).saturating_mul(r.into()))
	}
	fn instr_div(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(26_670_627, 0)
			.saturating_add(Weight::from_parts(388_618, 0).saturating_mul(r.into()))
	}
	fn instr_memory(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(20_496_843, 0)
			.saturating_add(Weight::from_parts(238_153, 0).saturating_mul(r.into()))
	}
	fn instr_br_if(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(22_018_778, 0)
			.saturating_add(Weight::from_parts(155_794, 0).saturating_mul(r.into()))
	}
	fn instr_if_else(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(24_949_008, 0)
			.saturating_add(Weight::from_parts(336_462, 0).saturating_mul(r.into()))
	}
	fn instr_memory_fill(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(20_646_111, 0)
			.saturating_add(Weight::from_parts(437_384, 0).saturating_mul(r.into()))
	}
	fn instr_memory_copy(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(21_213_800, 0)
			.saturating_add(Weight::from_parts(520_275, 0).saturating_mul(r.into()))
	}
	fn instr_table_copy(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(22_025_924, 0)
			.saturating_add(Weight::from_parts(473_345, 0).saturating_mul(r.into()))
	}
	fn instr_memory_init(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(21_343_702, 0)
			.saturating_add(Weight::from_parts(418_346, 0).saturating_mul(r.into()))
	}
	fn instr_table_fill(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(22_699_145, 0)
			.saturating_add(Weight::from_parts(412_752, 0).saturating_mul(r.into()))
	}
	fn instr_table_set(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(20_643_839, 0)
			.saturating_add(Weight::from_parts(249_495, 0).saturating_mul(r.into()))
	}
	fn instr_memory_grow(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(20_491_862, 0)
			.saturating_add(Weight::from_parts(437_924, 0).saturating_mul(r.into()))
	}
	fn instr_global_set(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(20_266_947, 0)
			.saturating_add(Weight::from_parts(261_480, 0).saturating_mul(r.into()))
	}
	fn instr_memory_size(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(18_983_966, 0)
			.saturating_add(Weight::from_parts(212_713, 0).saturating_mul(r.into()))
	}
	fn instr_table_get(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(19_726_603, 0)
			.saturating_add(Weight::from_parts(491_817, 0).saturating_mul(r.into()))
	}
	fn host_call(r: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_048_342, 0)
			.saturating_add(Weight::from_parts(125_159, 0).saturating_mul(r.into()))
	}
	fn host_context() -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_173_501, 0)
	}
	fn host_balance() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(8_391_000, 3566)
			.saturating_add(D::get().reads(1))
	}
	fn host_copy(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(1_426_582, 0)
			.saturating_add(Weight::from_parts(130, 0).saturating_mul(n.into()))
	}
	fn host_get_input(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_982_304, 0)
			.saturating_add(Weight::from_parts(283, 0).saturating_mul(n.into()))
	}
	fn host_storage_read(n: u32, ) -> Weight {
		// Measured proof: 271 + n * 1 bytes.
		Weight::from_parts(23_507_017, 3736)
			.saturating_add(Weight::from_parts(549, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write(n: u32, ) -> Weight {
		// Measured proof: 271 + n * 1 bytes.
		Weight::from_parts(26_698_160, 3736)
			.saturating_add(Weight::from_parts(338, 0).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 1).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_read_repeated(r: u32, ) -> Weight {
		// Measured proof: 300 bytes.
		Weight::from_parts(22_487_575, 3765)
			.saturating_add(Weight::from_parts(2_656_592, 0).saturating_mul(r.into()))
			.saturating_add(D::get().reads(1))
	}
	fn host_storage_write_repeated(r: u32, ) -> Weight {
		// Measured proof: 300 bytes.
		Weight::from_parts(23_158_843, 3765)
			.saturating_add(Weight::from_parts(3_159_305, 0).saturating_mul(r.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_storage_delete() -> Weight {
		// Measured proof: 273 bytes.
		Weight::from_parts(24_697_000, 3738)
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_crypto_hash(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(2_949_468, 0)
			.saturating_add(Weight::from_parts(1_439, 0).saturating_mul(n.into()))
	}
	fn host_crypto_verify(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(43_740_167, 0)
			.saturating_add(Weight::from_parts(1_791, 0).saturating_mul(n.into()))
	}
	fn host_log_event(n: u32, ) -> Weight {
		// Measured proof: 280 bytes.
		Weight::from_parts(13_713_297, 1765)
			.saturating_add(Weight::from_parts(414, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(1))
			.saturating_add(D::get().writes(1))
	}
	fn host_transfer() -> Weight {
		// Measured proof: 101 bytes.
		Weight::from_parts(81_002_501, 6041)
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().writes(2))
	}
	fn host_call_contract(n: u32, ) -> Weight {
		// Measured proof: 772 bytes.
		Weight::from_parts(75_703_669, 4237)
			.saturating_add(Weight::from_parts(332, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(1))
	}
	fn host_instantiate_contract(n: u32, ) -> Weight {
		// Measured proof: 999 bytes.
		Weight::from_parts(187_743_733, 6939)
			.saturating_add(Weight::from_parts(161, 0).saturating_mul(n.into()))
			.saturating_add(D::get().reads(10))
			.saturating_add(D::get().writes(8))
	}
	fn host_revert(n: u32, ) -> Weight {
		// Measured proof: 0 bytes.
		Weight::from_parts(3_033_777, 0)
			.saturating_add(Weight::from_parts(127, 0).saturating_mul(n.into()))
	}
	fn remove_code() -> Weight {
		// Measured proof: 598 bytes.
		Weight::from_parts(178_136_000, 4063)
			.saturating_add(D::get().reads(7))
			.saturating_add(D::get().writes(8))
	}
	fn host_terminate() -> Weight {
		// Measured proof: 955 bytes.
		Weight::from_parts(218_696_501, 9370)
			.saturating_add(D::get().reads(9))
			.saturating_add(D::get().writes(10))
	}
	fn settle_deposit() -> Weight {
		// Measured proof: 279 bytes.
		Weight::from_parts(158_326_000, 6219)
			.saturating_add(D::get().reads(4))
			.saturating_add(D::get().writes(5))
	}
	fn lazy_deletion(k: u32, ) -> Weight {
		// Measured proof: 338 + k * 1086 bytes.
		Weight::from_parts(17_726_000, 338)
			.saturating_add(Weight::from_parts(2_374_742, 0).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(0, 1086).saturating_mul(k.into()))
			.saturating_add(D::get().reads(2))
			.saturating_add(D::get().reads((1_u64).saturating_mul(k.into())))
			.saturating_add(D::get().writes(2))
			.saturating_add(D::get().writes((1_u64).saturating_mul(k.into())))
	}
}
