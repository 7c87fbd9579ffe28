//! Upload shapes: modules built to cost the most validation per byte, each timed through the
//! upload path (`vm::validate`) and compared with what `upload_code` charges for its size.

use crate::runtime::{params, Runtime};
use pallet_wasm_contracts::{costs, harness};

/// One module to upload.
pub struct Upload {
	/// Name in the table.
	pub name: &'static str,
	/// The module.
	pub wasm: Vec<u8>,
}

/// Bytes each shape is built to (about).
const SHAPE_BYTES: usize = 400_000;

fn module(functions: &str, extra: &str) -> Vec<u8> {
	parse(&format!(r#"(module (memory (export "memory") 1) {extra} (func (export "run")) {functions})"#))
}

fn parse(wat: &str) -> Vec<u8> {
	wat::parse_str(wat).expect("upload shapes parse")
}

/// Every upload shape.
pub fn all() -> Vec<Upload> {
	let small_functions = format!("(func {})\n", "(drop (i32.const 0)) ".repeat(13)).repeat(9_999);
	let br_table = {
		let labels = "0 ".repeat(SHAPE_BYTES / 5 / 2);
		format!("(func (block $b (result i32) (i32.const 0) (i32.const 0) (br_table {labels} $b)) (drop))\n").repeat(5)
	};
	let wide_calls = {
		let params = "i64 ".repeat(32);
		let call = format!("(call $wide {})", "(local.get 0) ".repeat(32));
		let body = call.repeat(SHAPE_BYTES / 70 / 100);
		format!("(func $wide (param {params}))\n") + &format!("(func (local i64) {body})\n").repeat(100)
	};
	let many_locals = format!("(func (local {}) {})\n", "i64 ".repeat(52), "(drop (i32.const 0)) ".repeat(12)).repeat(9_000);
	let deep_blocks = {
		let depth = 1_000;
		let body = format!("{}{}", "(block ".repeat(depth), ")".repeat(depth));
		format!("(func {body})\n").repeat(SHAPE_BYTES / (3 * depth))
	};
	let combined =
		format!("(func (local {}) (block $b (br_table {} $b (i32.const 0))))\n", "i64 ".repeat(52), "$b ".repeat(28))
			.repeat(9_999);
	vec![
		Upload { name: "upload: 10k 40 B functions", wasm: module(&small_functions, "") },
		Upload { name: "upload: locals + br_table", wasm: module(&combined, "") },
		Upload { name: "upload: br_table 40k targets", wasm: module(&br_table, "") },
		Upload { name: "upload: calls of 32 params", wasm: module(&wide_calls, "") },
		Upload { name: "upload: most locals per byte", wasm: module(&many_locals, "") },
		Upload { name: "upload: blocks 1000 deep", wasm: module(&deep_blocks, "") },
		Upload { name: "upload: 64 KiB of types", wasm: parse(&crate::workloads::declared_types_module()) },
		Upload { name: "upload: 62 KiB of exports", wasm: parse(&crate::workloads::declared_exports_module()) },
		Upload { name: "upload: 254 exports, 2 B names", wasm: parse(&crate::workloads::short_exports_module()) },
		Upload { name: "upload: every host function", wasm: parse(&crate::workloads::all_imports_module()) },
		Upload { name: "upload: 256 globals", wasm: parse(&crate::workloads::globals_module()) },
		Upload { name: "upload: 1000 data segments", wasm: parse(&crate::workloads::data_segments_module()) },
		Upload { name: "upload: 1000 element segments", wasm: parse(&crate::workloads::element_segments_module()) },
	]
}

/// Validates `upload` as an upload does; panics when it is refused.
pub fn validate(upload: &Upload) {
	if let Err(error) = harness::validate::<Runtime>(&upload.wasm, &params()) {
		panic!("{}: {error:?}", upload.name);
	}
}

/// What `upload_code` charges for the upload's module, in picoseconds of ref_time.
pub fn charged_ps(upload: &Upload) -> u64 {
	let declarations = harness::footprint(&upload.wasm).declaration_bytes;
	costs::upload::<Runtime>(upload.wasm.len() as u32, declarations).ref_time()
}
