//! The wasmi engine: one configuration for validation and execution, and the store limits.

use super::validation;
use crate::costs::BYTES_PER_FUEL;
use wasm_contracts_primitives::{limits, Params};
use wasmi::{
	errors::{MemoryError, TableError},
	CompilationMode, Config, CustomFuelCosts, EnforcedLimits, Engine, OperatorCost, ResourceLimiter, StoreLimits,
	StoreLimitsBuilder,
};
use wasmi_core::{LimiterError, RawRef};

/// Fuel per byte of lazy validation: never charged, because modules are validated at upload
/// and loaded unchecked afterwards.
const FUEL_PER_BYTE_VALIDATED: u32 = 0;

/// How wasm instructions are metered. The chain always uses [`Metering::Fuel`]; the other
/// strategies exist so that `benchmarking/` can compare them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Metering {
	/// wasmi fuel, converted to gas at every host call.
	#[default]
	Fuel,
	/// No metering of instructions: host functions still charge.
	#[cfg(feature = "execution-strategies")]
	Unmetered,
	/// A counter injected by `wasm-instrument`: the module calls `env.gas(units)` at the start
	/// of each block, each unit priced like a unit of fuel.
	#[cfg(feature = "execution-strategies")]
	InjectedCounter,
}

/// Fuel of a `call`, the cheapest operator that enters a function (`call_indirect` costs
/// twice as much; tail calls are not enabled).
pub const MIN_CALL_FUEL: u64 = 8;

/// Fuel of each wasm operator: wasmi's default of one per operator that does work, raised for
/// the operators that take several times as long as an arithmetic operator (calls, memory
/// access, global writes, branches, bulk and table operators, `memory.grow`). One unit of fuel is
/// then priced at the slowest class per unit of fuel (`costs::fuel_unit`), which leaves honest code
/// of any mix within a small factor of its cost. The `instr*` benchmarks measure one loop per
/// class; `e2e/bench/block-time.mjs` checks every class on the node.
///
/// The raised costs make each class about as slow per unit of fuel as the calls that set the
/// price, by the time a loop of it took against `(loop (br 0))` on an idle Intel Xeon (2.6 GHz):
/// a taken `br_if` 1.4 times (per unit of fuel at wasmi's costs), `if`/`else` 2.5 times, 1-byte
/// `memory.fill`/`memory.init`/`table.fill` 2.4 to 2.5 times, 1-byte `memory.copy` 2.9 to 3.0
/// times, `table.copy` of one element 2.8 times, `table.set` 1.8 times, and a `memory.grow` past
/// the limit, refused, 4.3 times; the `instr*` benchmarks then put every class within 2.3 to 4.1
/// ns per unit of fuel on that CPU; `br` and `br_if` at 5 keep the tightest loops, `(loop (br 0))`
/// and `(loop (br_if 0 (local.get 0)))`, 10 to 15% under the price. On an AMD EPYC of the Zen 4
/// generation, a global copied straight into another (`global.get` then `global.set`) takes about
/// 5 times a `global.set` of a constant, `memory.size` into a local 13 ns and `table.get` into a
/// local about as much: natively, `perf --check` charged their loops 1.0, 0.9 and 1.2 times their
/// time at 2, 1 and 1 fuel. In the runtime, their benchmarks (`instr_global_set`,
/// `instr_memory_size`, `instr_table_get`) measured 3.10, 2.88 and 3.87 ns per unit of fuel at 5,
/// 4 and 2 fuel on that CPU. The Xeon has not run them: it runs the plain loop (`instr`) 1.30
/// times slower than that CPU and `table.set` 2.59 times, so `global.set` is 6 and `table.get`
/// 11, which keeps all three within the price of a unit of fuel (the indirect calls' 4.09 ns) on
/// both by those ratios. On that EPYC a refused `memory.grow` at 12 fuel and a one-element
/// `table.fill` at 10 built their blocks in 1.22 to 1.24 and 0.90 to 1.02 times their weight: they
/// are 18 and 12. The bulk operators' fixed cost is what a small operation pays;
/// larger ones pay their bytes ([`BYTES_PER_FUEL`]).
pub fn operator_costs() -> OperatorCost {
	let mut cost = OperatorCost {
		br: 5,
		br_if: 5,
		br_table: 5,
		if_: 6,
		else_: 1,
		call: MIN_CALL_FUEL as u8,
		call_indirect: 2 * MIN_CALL_FUEL as u8,
		global_set: 6,
		memory_size: 4,
		table_get: 11,
		i32_div_s: 3,
		i32_div_u: 3,
		i32_rem_s: 3,
		i32_rem_u: 3,
		i64_div_s: 4,
		i64_div_u: 4,
		i64_rem_s: 4,
		i64_rem_u: 4,
		memory_fill: 10,
		memory_init: 10,
		memory_copy: 13,
		memory_grow: 18,
		table_fill: 12,
		table_init: 12,
		table_copy: 12,
		table_set: 5,
		table_grow: 12,
		..OperatorCost::default()
	};
	for access in [
		&mut cost.i32_load,
		&mut cost.i64_load,
		&mut cost.i32_load8_s,
		&mut cost.i32_load8_u,
		&mut cost.i32_load16_s,
		&mut cost.i32_load16_u,
		&mut cost.i64_load8_s,
		&mut cost.i64_load8_u,
		&mut cost.i64_load16_s,
		&mut cost.i64_load16_u,
		&mut cost.i64_load32_s,
		&mut cost.i64_load32_u,
		&mut cost.i32_store,
		&mut cost.i64_store,
		&mut cost.i32_store8,
		&mut cost.i32_store16,
		&mut cost.i64_store8,
		&mut cost.i64_store16,
		&mut cost.i64_store32,
	] {
		*access = 4;
	}
	cost
}

/// An engine that meters fuel (with [`Metering::Fuel`]), charging `translation_fuel_per_byte`
/// for each byte of a function it translates, and accepts exactly the proposals of
/// [`validation::allowed_features`] under wasmi's strict parsing limits.
///
/// Modules are translated lazily, function by function on first call, so a call pays only for
/// the code it runs.
pub fn new_engine(metering: Metering, translation_fuel_per_byte: u32) -> Engine {
	let features = validation::allowed_features();
	let mut config = Config::default();
	config
		.consume_fuel(metering == Metering::Fuel)
		.operator_cost(operator_costs())
		.fuel_cost(CustomFuelCosts {
			bytes_copied_per_fuel: BYTES_PER_FUEL,
			fuel_per_bytes_translated: translation_fuel_per_byte,
			fuel_per_bytes_validated: FUEL_PER_BYTE_VALIDATED,
		})
		.floats(features.floats())
		.wasm_mutable_global(features.mutable_global())
		.wasm_sign_extension(features.sign_extension())
		.wasm_saturating_float_to_int(features.saturating_float_to_int())
		.wasm_multi_value(features.multi_value())
		.wasm_multi_memory(features.multi_memory())
		.wasm_bulk_memory(features.bulk_memory())
		.wasm_reference_types(features.reference_types())
		.wasm_tail_call(features.tail_call())
		.wasm_extended_const(features.extended_const())
		.wasm_custom_page_sizes(features.custom_page_sizes())
		.wasm_wide_arithmetic(features.wide_arithmetic())
		.allow_start_fn(false)
		.ignore_custom_sections(true)
		.set_max_recursion_depth(limits::MAX_RECURSION_DEPTH as usize)
		.set_max_stack_height(limits::MAX_STACK_HEIGHT as usize)
		.compilation_mode(CompilationMode::LazyTranslation)
		.enforced_limits(EnforcedLimits::strict());
	Engine::new(&config)
}

/// Resource limits of one contract instance. A `memory.grow` past `max_memory_pages` returns
/// -1, as wasm specifies for a failed grow, and the contract goes on.
pub fn store_limits(params: &Params) -> InstanceLimits {
	let memory_bytes = (params.max_memory_pages as u64).saturating_mul(limits::PAGE_SIZE);
	let limits = StoreLimitsBuilder::new()
		.memory_size(usize::try_from(memory_bytes).unwrap_or(usize::MAX))
		.table_elements(limits::MAX_TABLE_ELEMENTS as usize)
		.instances(1)
		.tables(1)
		.memories(1)
		.trap_on_grow_failure(false)
		.build();
	InstanceLimits { limits, memory: GrowingVec::default(), table: GrowingVec::default() }
}

/// The limits of one contract instance, and what growing its memory and table copies.
///
/// wasmi keeps a memory in a `Vec` exactly as long as its initial size, and a table likewise. A
/// grow past the vector's capacity moves it to a new allocation of at least twice that
/// capacity, copying all of the old one, and wasmi's fuel for the grow pays only for what it
/// adds: an instance of 15 pages growing by one copies 15 pages for the price of one. The
/// limiter sees every grow before it happens (the contract's and the host's), follows both
/// vectors' capacities and counts the bytes copied, which the run pays for when it ends
/// ([`crate::costs::Cost::MemoryCopy`]).
pub struct InstanceLimits {
	limits: StoreLimits,
	/// The memory's vector, in bytes.
	memory: GrowingVec,
	/// The table's vector, in elements.
	table: GrowingVec,
}

impl InstanceLimits {
	/// Bytes the instance's memory and table copied as they grew.
	pub fn copied_bytes(&self) -> u64 {
		let table_bytes = self.table.copied.saturating_mul(core::mem::size_of::<RawRef>() as u64);
		self.memory.copied.saturating_add(table_bytes)
	}
}

/// A vector that grows as Rust's `Vec` does: to the larger of twice its capacity and the length
/// asked for, copying all it held.
#[derive(Default)]
struct GrowingVec {
	/// Items it holds room for.
	capacity: usize,
	/// Items copied by its grows so far.
	copied: u64,
	/// `capacity` and `copied` before the last grow the limits allowed, restored if wasmi then
	/// fails it (out of fuel, past the type's maximum).
	before_last_grow: Option<(usize, u64)>,
}

impl GrowingVec {
	/// Records a grow to `desired` items (creating the vector is a grow from nothing, which
	/// copies nothing) that the limits allowed.
	fn growing(&mut self, desired: usize, allowed: bool) {
		self.before_last_grow = None;
		if allowed && desired > self.capacity {
			self.before_last_grow = Some((self.capacity, self.copied));
			self.copied = self.copied.saturating_add(self.capacity as u64);
			self.capacity = desired.max(self.capacity.saturating_mul(2));
		}
	}

	/// Undoes the last grow, which did not happen.
	fn grow_failed(&mut self) {
		if let Some((capacity, copied)) = self.before_last_grow.take() {
			(self.capacity, self.copied) = (capacity, copied);
		}
	}
}

impl ResourceLimiter for InstanceLimits {
	fn memory_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool, LimiterError> {
		let allowed = self.limits.memory_growing(current, desired, maximum)?;
		self.memory.growing(desired, allowed);
		Ok(allowed)
	}

	fn memory_grow_failed(&mut self, error: &MemoryError) -> Result<(), LimiterError> {
		self.memory.grow_failed();
		self.limits.memory_grow_failed(error)
	}

	fn table_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool, LimiterError> {
		let allowed = self.limits.table_growing(current, desired, maximum)?;
		self.table.growing(desired, allowed);
		Ok(allowed)
	}

	fn table_grow_failed(&mut self, error: &TableError) -> Result<(), LimiterError> {
		self.table.grow_failed();
		self.limits.table_grow_failed(error)
	}

	fn instances(&self) -> usize {
		self.limits.instances()
	}

	fn tables(&self) -> usize {
		self.limits.tables()
	}

	fn memories(&self) -> usize {
		self.limits.memories()
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use wasmi::{Memory, MemoryType, Store};

	const PAGE: u64 = limits::PAGE_SIZE;

	/// A store limited as a contract's, holding a memory of `pages` pages.
	fn store_with_memory(pages: u32) -> (Store<InstanceLimits>, Memory) {
		let mut store = Store::new(&Engine::default(), store_limits(&Params::default()));
		store.limiter(|limits| limits);
		let memory = Memory::new(&mut store, MemoryType::new(pages, None)).unwrap();
		(store, memory)
	}

	#[test]
	fn the_limits_count_a_copy_of_the_whole_allocation_each_time_a_grow_outgrows_it() {
		let (mut store, memory) = store_with_memory(1);
		assert_eq!(store.data().copied_bytes(), 0, "making the memory copies nothing");
		// The allocation doubles from the initial page: 1, 2, 4, 8, 16 pages.
		let mut copied_after_each_grow = Vec::new();
		for _ in 0..15 {
			memory.grow(&mut store, 1).unwrap();
			copied_after_each_grow.push(store.data().copied_bytes() / PAGE);
		}
		assert_eq!(copied_after_each_grow, [1, 3, 3, 7, 7, 7, 7, 15, 15, 15, 15, 15, 15, 15, 15]);
		// Past `max_memory_pages` the grow is refused and copies nothing.
		assert!(memory.grow(&mut store, 1).is_err());
		assert_eq!(store.data().copied_bytes(), 15 * PAGE);
	}

	#[test]
	fn a_grow_larger_than_twice_the_allocation_makes_it_exactly_that_large() {
		let (mut store, memory) = store_with_memory(3);
		memory.grow(&mut store, 8).unwrap();
		assert_eq!(store.data().copied_bytes(), 3 * PAGE);
		// Room for 11 pages: the 12th copies all 11 into room for 22, the 13th nothing.
		memory.grow(&mut store, 1).unwrap();
		assert_eq!(store.data().copied_bytes(), (3 + 11) * PAGE);
		memory.grow(&mut store, 1).unwrap();
		assert_eq!(store.data().copied_bytes(), (3 + 11) * PAGE);
	}

	#[test]
	fn a_table_counts_its_copies_in_bytes_of_its_elements() {
		let mut limits = store_limits(&Params::default());
		let element = core::mem::size_of::<RawRef>();
		assert!(matches!(limits.table_growing(0, 100, None), Ok(true)));
		assert!(matches!(limits.table_growing(100, 101, None), Ok(true)));
		assert!(matches!(limits.table_growing(101, 200, None), Ok(true)));
		assert_eq!(limits.copied_bytes(), 100 * element as u64);
		// Past `MAX_TABLE_ELEMENTS` the grow is refused and copies nothing.
		assert!(matches!(limits.table_growing(200, limits::MAX_TABLE_ELEMENTS as usize + 1, None), Ok(false)));
		assert_eq!(limits.copied_bytes(), 100 * element as u64);
	}

	#[test]
	fn a_grow_that_fails_after_the_limits_allowed_it_copies_nothing() {
		let mut limits = store_limits(&Params::default());
		let page = PAGE as usize;
		assert!(matches!(limits.memory_growing(0, 4 * page, None), Ok(true)));
		assert!(matches!(limits.memory_growing(4 * page, 5 * page, None), Ok(true)));
		assert_eq!(limits.copied_bytes(), 4 * PAGE);
		// wasmi found the fuel short: the grow did not happen.
		assert!(limits.memory_grow_failed(&MemoryError::OutOfBoundsGrowth).is_ok());
		assert_eq!(limits.copied_bytes(), 0);
		assert!(matches!(limits.memory_growing(4 * page, 5 * page, None), Ok(true)));
		assert_eq!(limits.copied_bytes(), 4 * PAGE);
	}
}
