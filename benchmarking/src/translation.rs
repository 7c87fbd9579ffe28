//! `perf translation`: how long wasmi takes to translate a function body of each shape, per
//! byte, and a tiny function of each shape, per function, with the chain's engine (fuel metering
//! on, lazy translation), natively. The `translate` benchmark prices every translated byte at the
//! costliest shape's rate: the first table shows how far each shape is from the benchmark's
//! natively (the runtime runs wasmi compiled to wasm, where shapes rank differently:
//! `e2e/bench/translation-time.mjs` times them in the node's blocks). The second shows what the first call of a tiny function costs beside
//! `translate_functions`' shape; its times hold what a function's bytes and the call's fuel pay
//! apart (benchmarking/README.md, "Translation shapes").

use crate::{timing::median_time_prepared, workloads::called_once_module};
use pallet_wasm_contracts::harness::{new_engine, Metering};
use std::time::Duration;
use wasmi::{Engine, Linker, Module, Store};

/// Bytes of body each shape is repeated to.
const BODY_BYTES: usize = 100_000;

/// Shapes of function bodies: a name and one repetition of the body, in WAT. The first is the
/// `translate` benchmark's (`module::translated` of the pallet's benchmarks), the costliest per
/// byte in the runtime.
pub const SHAPES: [(&str, &str); 29] = [
	("i32.eqz, chained (the benchmark's)", "(drop (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (i32.eqz (local.get 0))))))))))"),
	("if/else, empty", "(if (local.get 0) (then) (else))"),
	("if, empty", "(if (local.get 0) (then))"),
	("if/else with a result", "(drop (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))"),
	("loop, empty", "(loop)"),
	("block, br_if", "(block (br_if 0 (local.get 0)))"),
	("block, empty", "(block)"),
	("call, no parameters", "(call $none)"),
	("call, 5 parameters", "(call $five (local.get 0) (local.get 0) (local.get 0) (local.get 0) (local.get 0))"),
	("call_indirect", "(call_indirect (type $unit) (i32.const 0))"),
	("local.set of an addition", "(local.set 0 (i32.add (local.get 0) (i32.const 1)))"),
	("local.set of a local", "(local.set 1 (local.get 2))"),
	("local.tee", "(drop (local.tee 0 (local.get 0)))"),
	("i64.store", "(i64.store offset=8 (local.get 0) (i64.const 0))"),
	("i64.load", "(drop (i64.load offset=8 (local.get 0)))"),
	("select", "(drop (select (local.get 0) (local.get 0) (local.get 0)))"),
	("global.set of a global", "(global.set 0 (global.get 0))"),
	("nop", "(nop)"),
	("drop of a constant", "(drop (i32.const 0))"),
	("block with a result", "(drop (block (result i32) (i32.const 0)))"),
	("blocks nested 5 deep", "(block (block (block (block (block)))))"),
	("loop, br_if", "(loop (br_if 0 (local.get 0)))"),
	("br_table, 8 targets", "(block (block (br_table 0 1 0 1 0 1 0 1 (local.get 0))))"),
	("block, br", "(block (br 0))"),
	("block, unreachable", "(block (unreachable))"),
	("block, return", "(block (return))"),
	("memory.size", "(drop (memory.size))"),
	("memory.fill", "(memory.fill (local.get 0) (local.get 0) (local.get 0))"),
	("i64.const of 10 bytes", "(drop (i64.const 0x7fffffffffffffff))"),
];

/// A module whose export runs `body` `repeat` times after returning at once on its first
/// instruction's branch, so that a call translates the export and runs almost none of it.
fn module(body: &str, repeat: usize) -> String {
	format!(
		r#"(module (type $unit (func)) (memory 1) (global (mut i32) (i32.const 0)) (table 1 funcref) (elem (i32.const 0) $none)
		(func $none) (func $five (param i32 i32 i32 i32 i32))
		(func (export "run") (local i32 i32 i32) (if (i32.eqz (local.get 0)) (then (return))) {}))"#,
		body.repeat(repeat)
	)
}

/// One row: a shape and the median time of translating a byte (or a function) of it.
pub struct Row {
	/// The shape's name.
	pub name: &'static str,
	/// Nanoseconds per byte of body, or per function.
	pub nanos: f64,
}

/// The median time of the first call of `run` in a fresh module of `wasm`, which translates
/// what it calls; parsing the module and instantiating it are not timed.
fn first_call_time(engine: &Engine, linker: &Linker<()>, wasm: &[u8], runs: usize) -> Duration {
	median_time_prepared(
		runs,
		|| {
			let module = Module::new(engine, wasm).expect("shape validates");
			let mut store = Store::new(engine, ());
			let _ = store.set_fuel(u64::MAX / 2);
			let instance = linker.instantiate_and_start(&mut store, &module).expect("shape instantiates");
			let run = instance.get_typed_func::<(), ()>(&store, "run").expect("shape exports run");
			(store, run)
		},
		|(mut store, run)| run.call(&mut store, ()).expect("shape runs"),
	)
}

/// The median time per byte of translating each shape, `runs` times each.
pub fn measure(runs: usize) -> Vec<Row> {
	let engine = new_engine(Metering::Fuel, 1);
	let linker = Linker::<()>::new(&engine);
	SHAPES
		.iter()
		.map(|(name, body)| {
			let repeat = BODY_BYTES / wat::parse_str(module(body, 1)).map_or(1, |one| one.len().saturating_sub(empty_len()).max(1));
			let wasm = wat::parse_str(module(body, repeat)).expect("shape parses");
			let bytes = wasm.len().saturating_sub(empty_len()).max(1) as f64;
			let time = first_call_time(&engine, &linker, &wasm, runs);
			Row { name, nanos: time.as_secs_f64() * 1e9 / bytes }
		})
		.collect()
}

/// Tiny functions the per-function table calls, each once.
const FUNCTIONS: usize = 2_000;

/// Shapes of tiny functions: a name, the function (its type, locals and body, in WAT) and what a
/// call of it passes. The first is the `translate_functions` benchmark's
/// (`module::tiny_functions`): a body of 4 bytes with the most locals that size allows.
pub const FUNCTION_SHAPES: [(&str, &str, &str); 6] = [
	("34 i64 locals (the benchmark's)", "(local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)", ""),
	("empty", "", ""),
	("32 i32 parameters", "(param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)", "(i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)"),
	("an i64 result", "(result i64) (i64.const 0)", ""),
	("an empty if/else", "(local i32) (if (local.get 0) (then) (else))", ""),
	("an empty loop", "(loop)", ""),
];

/// The median time per function of translating and calling each tiny function shape once,
/// `runs` times each.
pub fn measure_functions(runs: usize) -> Vec<Row> {
	let engine = new_engine(Metering::Fuel, 1);
	let linker = Linker::<()>::new(&engine);
	FUNCTION_SHAPES
		.iter()
		.map(|(name, function, args)| {
			let wasm = wat::parse_str(called_once_module(FUNCTIONS, function, args)).expect("shape parses");
			let time = first_call_time(&engine, &linker, &wasm, runs);
			Row { name, nanos: time.as_secs_f64() * 1e9 / FUNCTIONS as f64 }
		})
		.collect()
}

/// Bytes of the module with an empty body.
fn empty_len() -> usize {
	wat::parse_str(module("", 0)).map_or(0, |wasm| wasm.len())
}

/// Prints `rows`, each against the first, the benchmark's shape, in `unit`.
fn print_rows(rows: Vec<Row>, unit: &str) {
	println!("{:<36} {:>10} {:>22}", "shape", unit, "of the benchmark's");
	let benchmark = rows.first().map_or(1.0, |row| row.nanos.max(1e-9));
	for row in rows {
		println!("{:<36} {:>10.1} {:>22.2}", row.name, row.nanos, row.nanos / benchmark);
	}
}

/// Prints both tables.
pub fn print(runs: usize) {
	println!("Translation of a function body per byte, natively, fuel metering on; CPU: {}", crate::timing::cpu());
	print_rows(measure(runs), "ns/byte");
	println!();
	println!("First call of a tiny function (translation and call), per function, of {FUNCTIONS} in a module");
	print_rows(measure_functions(runs), "ns/func");
}
