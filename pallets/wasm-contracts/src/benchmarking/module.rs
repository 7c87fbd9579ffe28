//! Wasm modules generated for benchmarks, built with `wasm-instrument`'s `parity-wasm`.

use crate::vm::host::HostFn;
use alloc::{string::ToString, vec, vec::Vec};
use wasm_contracts_primitives::abi;
use wasm_instrument::parity_wasm::elements::{
	self, BlockType, CodeSection, DataSegment, DataSection, ExportEntry, ExportSection, External, Func, FuncBody,
	FunctionSection, FunctionType, GlobalEntry, GlobalSection, GlobalType, ImportEntry, ImportSection, InitExpr,
	Instruction, Instructions, Internal, Local, MemorySection, MemoryType, Module, Section, Type, TypeSection,
	ValueType,
};

/// Name of the export benchmarks call (also exported as `call`, for deploy modules).
pub const BENCH_EXPORT: &str = "bench";

/// `i32.const 0; drop` pairs in a filler function: the smallest body (41 bytes with its local
/// count and `end`) that keeps the average of 40 bytes per function wasmi requires of modules
/// with many functions. Validation has a cost per function, so code made of the most functions
/// that are allowed is the most expensive to load per byte.
const FILLER_PAIRS: u32 = 13;
/// Bytes each filler function adds to a module: its type index, body size, local count,
/// instructions and `end`.
pub const FILLER_FUNCTION_BYTES: u32 = 1 + 1 + 1 + FILLER_PAIRS * 3 + 1;

/// What a generated module holds.
#[derive(Default)]
pub struct ModuleSpec {
	/// Host functions it imports, in this order (function indices 0, 1, ...).
	pub imports: Vec<HostFn>,
	/// Pages of its exported memory.
	pub memory_pages: u32,
	/// Data segments: offset and bytes.
	pub data: Vec<(u32, Vec<u8>)>,
	/// Locals of the exported function.
	pub locals: Vec<Local>,
	/// Body of the exported function `() -> ()`, without the final `end`.
	pub body: Vec<Instruction>,
	/// Bytes of extra functions that are never called, to reach a code size.
	pub filler_bytes: u32,
	/// Whether the first call of the export only returns (and clears a flag for the next), so
	/// that a warm-up call translates the export without running its body.
	pub skip_first_call: bool,
}

fn value_type(ty: &wasmparser::ValType) -> ValueType {
	match ty {
		wasmparser::ValType::I64 => ValueType::I64,
		_ => ValueType::I32,
	}
}

impl ModuleSpec {
	/// A module whose exported function calls `host_fn` once with `args`, dropping its result.
	pub fn calling(host_fn: HostFn, args: Vec<Instruction>) -> Self {
		let mut body = args;
		body.push(Instruction::Call(0));
		if !host_fn.results().is_empty() {
			body.push(Instruction::Drop);
		}
		Self { imports: vec![host_fn], memory_pages: 1, body, ..Default::default() }
	}

	/// The function index of the first defined function.
	fn first_defined(&self) -> u32 {
		self.imports.len() as u32
	}

	/// The wasm bytes.
	pub fn build(self) -> Vec<u8> {
		let mut types = Vec::new();
		let mut imports = Vec::new();
		for host_fn in &self.imports {
			let params = host_fn.params().iter().map(value_type).collect();
			let results = host_fn.results().iter().map(value_type).collect();
			imports.push(ImportEntry::new(
				abi::HOST_MODULE.to_string(),
				host_fn.name().to_string(),
				External::Function(types.len() as u32),
			));
			types.push(Type::Function(FunctionType::new(params, results)));
		}
		let unit_type = types.len() as u32;
		types.push(Type::Function(FunctionType::new(vec![], vec![])));

		let mut body = Vec::new();
		let mut globals = Vec::new();
		if self.skip_first_call {
			use Instruction::*;
			let skip = InitExpr::new(vec![I32Const(1), End]);
			globals.push(GlobalEntry::new(GlobalType::new(ValueType::I32, true), skip));
			body.extend([GetGlobal(0), If(BlockType::NoResult), I32Const(0), SetGlobal(0), Return, End]);
		}
		body.extend(self.body.iter().cloned());
		body.push(Instruction::End);
		let mut functions = vec![Func::new(unit_type)];
		let mut bodies = vec![FuncBody::new(self.locals.clone(), Instructions::new(body))];
		for _ in 0..self.filler_bytes / FILLER_FUNCTION_BYTES {
			functions.push(Func::new(unit_type));
			bodies.push(filler_body());
		}

		let bench = self.first_defined();
		let exports = vec![
			ExportEntry::new(BENCH_EXPORT.to_string(), Internal::Function(bench)),
			ExportEntry::new(abi::DEPLOY_EXPORT.to_string(), Internal::Function(bench)),
			ExportEntry::new(abi::MEMORY_EXPORT.to_string(), Internal::Memory(0)),
		];
		let data = self
			.data
			.into_iter()
			.map(|(offset, bytes)| {
				let offset = InitExpr::new(vec![Instruction::I32Const(offset as i32), Instruction::End]);
				DataSegment::new(0, Some(offset), bytes)
			})
			.collect();
		let module = Module::new(vec![
			Section::Type(TypeSection::with_types(types)),
			Section::Import(ImportSection::with_entries(imports)),
			Section::Function(FunctionSection::with_entries(functions)),
			Section::Memory(MemorySection::with_entries(vec![MemoryType::new(self.memory_pages, None)])),
			Section::Global(GlobalSection::with_entries(globals)),
			Section::Export(ExportSection::with_entries(exports)),
			Section::Code(CodeSection::with_bodies(bodies)),
			Section::Data(DataSection::with_entries(data)),
		]);
		elements::serialize(module).unwrap_or_default()
	}
}

/// A function body of [`FILLER_PAIRS`] times `i32.const 0; drop`.
fn filler_body() -> FuncBody {
	let mut body = Vec::new();
	for _ in 0..FILLER_PAIRS {
		body.push(Instruction::I32Const(0));
		body.push(Instruction::Drop);
	}
	body.push(Instruction::End);
	FuncBody::new(vec![], Instructions::new(body))
}

/// A module of about `bytes` bytes whose exported function does nothing.
pub fn sized(bytes: u32) -> Vec<u8> {
	ModuleSpec { memory_pages: 1, filler_bytes: bytes, ..Default::default() }.build()
}

/// Bytes of one `local.set 0 (i32.add (local.get 0) (i32.const 1))` in a function body.
const ADD_TO_LOCAL_BYTES: u32 = 7;

/// A module whose export is about `bytes` long, adding to a local over and over, but returns at
/// its start on the first call: that call translates the whole body and runs almost none of it.
pub fn translated(bytes: u32) -> Vec<u8> {
	use Instruction::*;
	let mut body = Vec::new();
	for _ in 0..bytes / ADD_TO_LOCAL_BYTES {
		body.extend([GetLocal(0), I32Const(1), I32Add, SetLocal(0)]);
	}
	let locals = vec![Local::new(1, ValueType::I32)];
	ModuleSpec { memory_pages: 1, locals, body, skip_first_call: true, ..Default::default() }.build()
}

/// A module whose exported function runs an empty loop `iterations` times.
pub fn counting_loop(iterations: u32) -> Vec<u8> {
	use Instruction::*;
	let body = vec![
		I32Const(iterations as i32),
		SetLocal(0),
		Block(BlockType::NoResult),
		Loop(BlockType::NoResult),
		GetLocal(0),
		I32Eqz,
		BrIf(1),
		GetLocal(0),
		I32Const(1),
		I32Sub,
		SetLocal(0),
		Br(0),
		End,
		End,
	];
	ModuleSpec { memory_pages: 1, locals: vec![Local::new(1, ValueType::I32)], body, ..Default::default() }.build()
}
