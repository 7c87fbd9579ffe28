//! The wasmi engine configuration shared by validation and execution.

use crate::exec::Metering;
use wasm_contracts_primitives::{limits, Params};
use wasmi::{CompilationMode, Config, CustomFuelCosts, EnforcedLimits, Engine, StoreLimits, StoreLimitsBuilder};

/// Deepest wasm-to-wasm recursion inside one contract call.
pub const MAX_RECURSION_DEPTH: usize = 1_024;
/// Largest value stack of one contract call, in bytes.
pub const MAX_STACK_HEIGHT: usize = 256 * 1024;
/// Bytes of a wasm memory page.
pub const PAGE_SIZE: u64 = 64 * 1024;
/// Bytes `memory.copy`/`fill` and their table counterparts move per unit of fuel (wasmi's
/// default).
const BYTES_COPIED_PER_FUEL: u32 = 64;
/// Fuel per byte of eager validation (wasmi's default); unused, since modules are validated
/// when they are loaded and that is charged as `code_load`.
const FUEL_PER_BYTE_VALIDATED: u32 = 2;

/// An engine that meters fuel (with [`Metering::Fuel`]), charging `translation_fuel_per_byte`
/// for each byte of a function it translates, refuses floats, SIMD, start functions and the
/// proposals the pallet does not enable, and enforces wasmi's strict parsing limits.
pub fn new_engine(_params: &Params, metering: Metering, translation_fuel_per_byte: u32) -> Engine {
	let mut config = Config::default();
	config
		.consume_fuel(metering == Metering::Fuel)
		.fuel_cost(CustomFuelCosts {
			bytes_copied_per_fuel: BYTES_COPIED_PER_FUEL,
			fuel_per_bytes_translated: translation_fuel_per_byte,
			fuel_per_bytes_validated: FUEL_PER_BYTE_VALIDATED,
		})
		.floats(false)
		.allow_start_fn(false)
		.ignore_custom_sections(true)
		.wasm_tail_call(false)
		.wasm_extended_const(false)
		.wasm_multi_memory(false)
		.wasm_custom_page_sizes(false)
		.wasm_wide_arithmetic(false)
		.set_max_recursion_depth(MAX_RECURSION_DEPTH)
		.set_max_stack_height(MAX_STACK_HEIGHT)
		// Functions are validated when the module is created and translated on first call,
		// so a call pays only for what it runs.
		.compilation_mode(CompilationMode::LazyTranslation)
		.enforced_limits(EnforcedLimits::strict());
	Engine::new(&config)
}

/// Resource limits of one contract instance.
pub fn store_limits(params: &Params) -> StoreLimits {
	let memory_bytes = (params.max_memory_pages as u64).saturating_mul(PAGE_SIZE);
	StoreLimitsBuilder::new()
		.memory_size(usize::try_from(memory_bytes).unwrap_or(usize::MAX))
		.table_elements(limits::MAX_TABLE_ELEMENTS as usize)
		.instances(1)
		.tables(1)
		.memories(1)
		.trap_on_grow_failure(true)
		.build()
}
