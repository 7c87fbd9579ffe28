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

/// The shapes of function bodies and the module around them, shared with
/// `e2e/bench/translation-time.mjs`.
const SHAPES_FILE: &str = include_str!("../translation-shapes.json");

/// Shapes of function bodies, each a name and one repetition of the body in WAT, and the module
/// whose export runs a body: it returns at once on its first instruction's branch, so that a call
/// translates the export and runs almost none of it. The first shape is the `translate`
/// benchmark's (`module::translated` of the pallet's benchmarks), the costliest per byte in the
/// runtime.
#[derive(serde::Deserialize)]
pub struct Shapes {
	module: String,
	/// The shapes, the benchmark's first.
	pub shapes: Vec<Shape>,
}

/// A shape of function body.
#[derive(serde::Deserialize)]
pub struct Shape {
	/// What the tables call it.
	pub name: String,
	/// One repetition of the body, in WAT.
	pub body: String,
}

impl Shapes {
	/// The shapes of `translation-shapes.json`.
	pub fn load() -> Self {
		serde_json::from_str(SHAPES_FILE).expect("translation-shapes.json holds shapes and their module")
	}

	/// The module whose export runs `body` `repeat` times.
	fn module(&self, body: &str, repeat: usize) -> String {
		self.module.replace("{body}", &body.repeat(repeat))
	}

	/// Bytes of the module with an empty body.
	fn empty_len(&self) -> usize {
		wat::parse_str(self.module("", 0)).map_or(0, |wasm| wasm.len())
	}
}

/// One row: a shape and the median time of translating a byte (or a function) of it.
pub struct Row {
	/// The shape's name.
	pub name: String,
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
	let shapes = Shapes::load();
	let empty_len = shapes.empty_len();
	let body_len = |wasm: &[u8]| wasm.len().saturating_sub(empty_len).max(1);
	shapes
		.shapes
		.iter()
		.map(|Shape { name, body }| {
			let repeat = BODY_BYTES / wat::parse_str(shapes.module(body, 1)).map_or(1, |one| body_len(&one));
			let wasm = wat::parse_str(shapes.module(body, repeat)).expect("shape parses");
			let time = first_call_time(&engine, &linker, &wasm, runs);
			Row { name: name.clone(), nanos: time.as_secs_f64() * 1e9 / body_len(&wasm) as f64 }
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
			Row { name: name.to_string(), nanos: time.as_secs_f64() * 1e9 / FUNCTIONS as f64 }
		})
		.collect()
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
