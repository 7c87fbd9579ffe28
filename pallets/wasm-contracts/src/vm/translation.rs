//! What translating a module's functions costs, priced at upload from their operators.
//!
//! wasmi translates a function on its first call and charges fuel per byte of its body at one
//! rate per engine. The `translate` benchmark sets the price of a reference byte from code of
//! [`REFERENCE_UNITS`] units in [`REFERENCE_BYTES`] bytes (`i32.eqz` chains); code of fewer units
//! a byte translates faster per byte, code of more (empty `if`s, bare calls) pays more. Validation
//! counts each function's translation units (its operators, weighted by what they cost to
//! translate) and picks the module's [`TranslationPrice`]: a rate per byte for wasmi's fuel and
//! a fixed price per function that the pallet reserves with the function's fixed translation
//! cost, which together cover every function's units at the reference price of a unit.

use alloc::vec::Vec;
use wasm_contracts_primitives::TranslationPrice;
use wasmparser::{FunctionBody, Operator};

/// Units in [`REFERENCE_BYTES`] bytes of the `translate` benchmark's code: `local.get`, eight
/// `i32.eqz` and `drop`, one unit each, in 11 bytes (checked against the benchmark's module by
/// the benchmarks' tests).
pub const REFERENCE_UNITS: u64 = 10;
/// Bytes of the `translate` benchmark's code that hold [`REFERENCE_UNITS`] units.
pub const REFERENCE_BYTES: u64 = 11;

/// Thousandths of a reference byte that one unit costs.
const MILLIBYTES_PER_UNIT: u64 = 1000 * REFERENCE_BYTES / REFERENCE_UNITS;

/// Most units a byte of any function body holds: no operator weighs more than two units a byte
/// of its encoding (`else`, 2 in 1 byte; `if` and `call` 3 in 2), and a group of locals weighs 1
/// in at least 2 bytes.
const MAX_UNITS_PER_BYTE: u64 = 2;

/// The highest rate per byte a module may get, in thousandths of a reference byte: the units of
/// the densest code, which covers every function without a fixed price.
const MAX_RATE: u16 = (MAX_UNITS_PER_BYTE * MILLIBYTES_PER_UNIT) as u16;

/// [`MAX_RATE`] with no fixed price: what any module pays at most, and what a module pays whose
/// functions could not be counted.
const HIGHEST_PRICE: TranslationPrice = TranslationPrice { per_byte: MAX_RATE, per_function: 0 };

/// Rates per byte a module may get, in thousandths of a reference byte, when a reference byte
/// costs more fuel than [`MAX_EXACT_RATES`]: steps of 1/40 of it.
const RATE_STEP: u16 = 25;

/// Most fuel a reference byte may cost for each whole fuel rate up to [`MAX_RATE`] to be a rate
/// a module may get.
const MAX_EXACT_RATES: u32 = 40;

/// The rates per byte that a module may get, highest first, from [`MAX_RATE`] down: wasmi
/// charges whole units of fuel a byte, so with a reference byte of `reference_fuel` fuel, the
/// largest share of it that each whole rate covers exactly (rounded up to fuel, the share is
/// that rate again; the reference rate is its own share); a finer grid of fixed steps when the
/// reference byte costs more.
fn rates(reference_fuel: u32) -> impl Iterator<Item = u16> {
	let reference = u32::from(TranslationPrice::REFERENCE.per_byte);
	let fuel = reference_fuel.max(1);
	// Bounded so that a reference byte of much fuel, which takes the steps, iterates little.
	let top_fuel = u32::from(MAX_RATE).saturating_mul(fuel.min(MAX_EXACT_RATES)).div_ceil(reference);
	let exact = (1..=top_fuel).rev().map(move |rate| {
		u16::try_from(rate.saturating_mul(reference) / fuel).unwrap_or(u16::MAX)
	});
	let stepped = (RATE_STEP..=MAX_RATE).step_by(RATE_STEP as usize).rev();
	let exact_fits = reference_fuel <= MAX_EXACT_RATES;
	exact.filter(move |_| exact_fits).chain(stepped.filter(move |_| !exact_fits))
}

/// Translation units of `operator`. The weights are the smallest whole numbers for which every
/// shape of code timed in the node's blocks (`benchmarking/translation-shapes.json`,
/// `e2e/bench/translation-time.mjs`) translates in no more time per unit than the `translate`
/// benchmark's code: `if` 3, `else` and `loop` 2, calls 3, a `br_table` 2 and one per target
/// (its default included), memory loads and stores 2, every other operator 1
/// (`benchmarking/README.md`, "Translation priced by operator").
pub fn units(operator: &Operator) -> u64 {
	use Operator::*;
	match operator {
		If { .. } | Call { .. } | CallIndirect { .. } => 3,
		Else | Loop { .. } => 2,
		BrTable { targets } => 3u64.saturating_add(u64::from(targets.len())),
		I32Load { .. } | I64Load { .. } | I32Load8S { .. } | I32Load8U { .. } | I32Load16S { .. } |
		I32Load16U { .. } | I64Load8S { .. } | I64Load8U { .. } | I64Load16S { .. } | I64Load16U { .. } |
		I64Load32S { .. } | I64Load32U { .. } | I32Store { .. } | I64Store { .. } | I32Store8 { .. } |
		I32Store16 { .. } | I64Store8 { .. } | I64Store16 { .. } | I64Store32 { .. } => 2,
		_ => 1,
	}
}

/// A validated function body's size as wasmi charges it (locals and code, without the length
/// prefix) and its translation units: its operators' and one per group of locals it declares.
/// `None` when the body does not read, which validation has already refused.
pub fn function_cost(body: &FunctionBody) -> Option<FunctionCost> {
	let bytes = u32::try_from(body.range().len()).ok()?;
	let mut units = 0u64;
	let locals = body.get_locals_reader().ok()?;
	units = units.saturating_add(u64::from(locals.get_count()));
	let mut operators = body.get_operators_reader().ok()?;
	while !operators.eof() {
		units = units.saturating_add(self::units(&operators.read().ok()?));
	}
	Some(FunctionCost { bytes, units })
}

/// One function's size and translation units ([`function_cost`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct FunctionCost {
	/// Bytes of its body, as wasmi charges them.
	pub bytes: u32,
	/// Its translation units.
	pub units: u64,
}

/// The price that covers every function of `functions` at the reference price of a unit and
/// charges the least for translating all of them, when a reference byte costs `reference_fuel`
/// fuel: for each rate per byte ([`rates`]), the fixed price per function is what the function
/// its rate covers least still lacks. Code denser than the reference pays more than the
/// reference rate; [`MAX_RATE`] covers any code by its bytes alone.
pub fn price(functions: &[FunctionCost], reference_fuel: u32) -> TranslationPrice {
	let mut best: Option<(TranslationPrice, u64)> = None;
	// From the highest rate down, a lower one only when it is cheaper: of equal totals, the
	// highest rate keeps the fixed price, which runs pay whether or not they translate the
	// function, the smallest.
	for per_byte in rates(reference_fuel) {
		let by_bytes_alone = TranslationPrice { per_byte, per_function: 0 };
		let lacking = functions
			.iter()
			.map(|function| needed(function).saturating_sub(charged(by_bytes_alone, function)))
			.max()
			.unwrap_or(0);
		let Ok(per_function) = u32::try_from(lacking) else { continue };
		let candidate = TranslationPrice { per_byte, per_function };
		let candidate_total = total(functions, candidate);
		if best.is_none_or(|(_, best_total)| candidate_total < best_total) {
			best = Some((candidate, candidate_total));
		}
	}
	best.map_or(HIGHEST_PRICE, |(price, _)| price)
}

/// Thousandths of a reference byte that translating `function` costs at the reference price of
/// a unit.
fn needed(function: &FunctionCost) -> u64 {
	function.units.saturating_mul(MILLIBYTES_PER_UNIT)
}

/// Thousandths of a reference byte that `price` charges for translating `function`.
fn charged(price: TranslationPrice, function: &FunctionCost) -> u64 {
	u64::from(price.per_byte).saturating_mul(function.bytes.into()).saturating_add(price.per_function.into())
}

/// Thousandths of a reference byte that translating every function of `functions` costs at
/// `price`.
fn total(functions: &[FunctionCost], price: TranslationPrice) -> u64 {
	functions.iter().fold(0u64, |sum, function| sum.saturating_add(charged(price, function)))
}

/// Whether `price` covers `function`: its bytes and fixed price reach its units' price.
#[cfg(test)]
fn covers(price: TranslationPrice, function: &FunctionCost) -> bool {
	charged(price, function) >= needed(function)
}

/// The size and translation units of each function of the module `wasm`; `None` when a body
/// does not read.
pub(crate) fn function_costs(wasm: &[u8]) -> Option<Vec<FunctionCost>> {
	let mut costs = Vec::new();
	for payload in wasmparser::Parser::new(0).parse_all(wasm) {
		if let wasmparser::Payload::CodeSectionEntry(body) = payload.ok()? {
			costs.push(function_cost(&body)?);
		}
	}
	Some(costs)
}

/// The price of the stored module `wasm`'s translation, found from its operators as at upload
/// ([`price`]); the highest rate, which covers any code, should a body not read.
pub fn price_of_module(wasm: &[u8], reference_fuel: u32) -> TranslationPrice {
	function_costs(wasm).map_or(HIGHEST_PRICE, |functions| price(&functions, reference_fuel))
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Fuel of a reference byte in these tests.
	const REFERENCE_FUEL: u32 = 15;

	fn costs(wat: &str) -> Vec<FunctionCost> {
		function_costs(&wat::parse_str(wat).unwrap()).unwrap()
	}

	#[test]
	fn the_reference_code_is_ten_units_in_eleven_bytes() {
		let chain = "(drop (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (local.get 0))))))))))";
		let body = chain.repeat(100);
		let [function] = costs(&format!("(module (func (local i32) {body}))"))[..] else { panic!("one function") };
		// One group of locals (3 bytes), the chains and the final `end`: 4 bytes and 2 units
		// beside the chains.
		assert_eq!(function.bytes, 100 * REFERENCE_BYTES as u32 + 4);
		assert_eq!(function.units, 100 * REFERENCE_UNITS + 2);
		// Its price is its units' and no more than the reference rate would charge.
		let chosen = price(&[function], REFERENCE_FUEL);
		assert!(covers(chosen, &function));
		assert_eq!(total(&[function], chosen), function.units * MILLIBYTES_PER_UNIT);
		assert!(total(&[function], chosen) <= total(&[function], TranslationPrice::REFERENCE));
		assert!(chosen.per_byte >= 900, "{chosen:?}");
	}

	#[test]
	fn code_of_few_units_a_byte_pays_less_per_byte_and_every_function_is_covered() {
		// Large constants: 6 bytes for 2 units.
		let sparse = "(drop (i32.const 2000000000))".repeat(200);
		let tiny = "(func (result i32) (i32.const 1))";
		let functions = costs(&format!("(module (func {sparse}) {tiny} {tiny} {tiny})"));
		let chosen = price(&functions, REFERENCE_FUEL);
		assert!(chosen.per_byte < 500, "{chosen:?}");
		assert!(functions.iter().all(|function| covers(chosen, function)), "{chosen:?} {functions:?}");
		assert!(total(&functions, chosen) < total(&functions, TranslationPrice::REFERENCE));
	}

	#[test]
	fn code_denser_than_the_reference_pays_its_units_above_the_reference_rate() {
		// Empty `if`s: 5 units in 5 bytes, 1.1 reference bytes a byte.
		let ifs = "(if (local.get 0) (then))".repeat(100);
		let functions = costs(&format!("(module (func (local i32) {ifs}))"));
		let chosen = price(&functions, REFERENCE_FUEL);
		assert!(functions.iter().all(|function| covers(chosen, function)), "{chosen:?} {functions:?}");
		assert!(chosen.per_byte > TranslationPrice::REFERENCE.per_byte, "{chosen:?}");
		assert!(total(&functions, chosen) > total(&functions, TranslationPrice::REFERENCE));
	}

	#[test]
	fn the_highest_rate_covers_the_densest_code_by_its_bytes() {
		// `if`, `else` and `end` on a constant: 7 units in 6 bytes; calls: 3 units in 2 bytes.
		let dense = "(if (i32.const 0) (then) (else))".repeat(100);
		let calls = "(call 0)".repeat(100);
		let functions = costs(&format!("(module (func {dense}) (func {calls}))"));
		assert!(functions.iter().all(|function| function.units <= MAX_UNITS_PER_BYTE * u64::from(function.bytes)));
		for reference_fuel in [1, 15, 29, 40, 41, 400] {
			let chosen = price(&functions, reference_fuel);
			assert!(functions.iter().all(|function| covers(chosen, function)), "{reference_fuel}: {chosen:?}");
			let top = TranslationPrice { per_byte: rates(reference_fuel).next().unwrap(), per_function: 0 };
			assert!(top.per_byte >= MAX_RATE && functions.iter().all(|function| covers(top, function)));
		}
	}

	#[test]
	fn branch_tables_and_calls_weigh_more_than_their_bytes() {
		let [table] = costs("(module (func (block (br_table 0 0 0 0 (i32.const 0)))))")[..] else { panic!() };
		// No locals, `block`, `i32.const`, `br_table` of 4 targets and default, two `end`s.
		assert_eq!(table.units, 1 + 1 + (2 + 4) + 2);
		let [_, call] = costs("(module (func) (func (call 0)))")[..] else { panic!() };
		assert_eq!(call.units, 3 + 1);
	}

	#[test]
	fn each_rate_is_a_whole_fuel_rate_when_a_reference_byte_costs_little_fuel() {
		let shares: Vec<u16> = rates(REFERENCE_FUEL).collect();
		// 2.2 reference bytes of 15 fuel: 33 fuel, down to 1.
		assert_eq!(shares.len(), 33);
		for (share, fuel) in shares.iter().zip((1..=33).rev()) {
			assert_eq!((u32::from(*share) * REFERENCE_FUEL).div_ceil(1000), fuel, "{share}");
		}
		assert!(shares.contains(&TranslationPrice::REFERENCE.per_byte));
		let fine: Vec<u16> = rates(400).collect();
		assert_eq!(fine.first(), Some(&MAX_RATE));
		assert_eq!(fine.last(), Some(&RATE_STEP));
		assert!(fine.contains(&TranslationPrice::REFERENCE.per_byte));
	}
}
