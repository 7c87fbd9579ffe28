//! Wasm modules generated for benchmarks, built with `wasm-instrument`'s `parity-wasm`.

use crate::vm::imports::HostFn;
use alloc::{boxed::Box, string::ToString, vec, vec::Vec};
use wasm_contracts_primitives::{abi, limits};
use wasm_instrument::parity_wasm::elements::{
	self, BlockType, BrTableData, CodeSection, ElementSection, ElementSegment, DataSegment, DataSection, ExportEntry, ExportSection, External, Func, FuncBody,
	FunctionSection, FunctionType, GlobalEntry, GlobalSection, GlobalType, ImportEntry, ImportSection, InitExpr,
	Instruction, Instructions, Internal, Local, MemorySection, TableSection, TableType, MemoryType, Module, Section, Type, TypeSection,
	ValueType,
};

/// Name of the export benchmarks call (also exported as `call`, for deploy modules).
pub const BENCH_EXPORT: &str = "bench";

/// Targets of the `br_table` in each filler function.
const FILLER_TARGETS: u32 = 28;
/// Bytes of a filler function's body: the declaration of its locals, `block`, `i32.const 0`, a
/// `br_table` of [`FILLER_TARGETS`] targets and two `end`s.
const FILLER_BODY_BYTES: u32 = 3 + 2 + 2 + (3 + FILLER_TARGETS) + 2;
/// Bytes each filler function adds to a module: its type index, body size and body.
/// Validation and translation cost per function, per local and per branch target, so code made
/// of the most functions allowed, each with the most locals its size allows and a `br_table` in
/// the rest of the 40 bytes wasmi requires per function, costs the most per byte (the harness
/// compares it with each of those shapes alone: `upload:` rows of `perf`).
pub const FILLER_FUNCTION_BYTES: u32 = 1 + 1 + FILLER_BODY_BYTES;

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
	/// Whether the module has an empty function `() -> ()` (index [`ModuleSpec::helper`]) in
	/// a table of one element, for calls and indirect calls.
	pub with_helper: bool,
	/// Bodies of more functions `() -> ()`, after the helper and before the filler.
	pub extra: Vec<FuncBody>,
	/// Whether the module exports `allocate`, returning the same buffer (at [`ALLOCATED_AT`])
	/// for every value the host places, so that repeated reads do not grow the memory.
	pub with_allocate: bool,
}

/// Where the `allocate` of [`ModuleSpec::with_allocate`] places every value.
pub const ALLOCATED_AT: i32 = 32 * 1024;

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

	/// The function index of the empty helper function.
	pub fn helper(&self) -> u32 {
		self.first_defined() + 1
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
		let mut tables = Vec::new();
		let mut elements = Vec::new();
		if self.with_helper {
			functions.push(Func::new(unit_type));
			bodies.push(FuncBody::new(vec![], Instructions::new(vec![Instruction::End])));
			tables.push(TableType::new(1, Some(1)));
			let offset = InitExpr::new(vec![Instruction::I32Const(0), Instruction::End]);
			elements.push(ElementSegment::new(0, Some(offset), vec![self.helper()]));
		}
		for extra in &self.extra {
			functions.push(Func::new(unit_type));
			bodies.push(extra.clone());
		}
		for _ in 0..self.filler_bytes / FILLER_FUNCTION_BYTES {
			functions.push(Func::new(unit_type));
			bodies.push(filler_body());
		}
		let allocate = self.with_allocate.then(|| {
			types.push(Type::Function(FunctionType::new(vec![ValueType::I32], vec![ValueType::I32])));
			functions.push(Func::new(types.len() as u32 - 1));
			bodies.push(FuncBody::new(vec![], Instructions::new(vec![Instruction::I32Const(ALLOCATED_AT), Instruction::End])));
			self.first_defined() + functions.len() as u32 - 1
		});

		let bench = self.first_defined();
		let mut exports = vec![
			ExportEntry::new(BENCH_EXPORT.to_string(), Internal::Function(bench)),
			ExportEntry::new(abi::DEPLOY_EXPORT.to_string(), Internal::Function(bench)),
			ExportEntry::new(abi::MEMORY_EXPORT.to_string(), Internal::Memory(0)),
		];
		if let Some(allocate) = allocate {
			exports.push(ExportEntry::new(abi::ALLOCATE_EXPORT.to_string(), Internal::Function(allocate)));
		}
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
			Section::Table(TableSection::with_entries(tables)),
			Section::Memory(MemorySection::with_entries(vec![MemoryType::new(self.memory_pages, None)])),
			Section::Global(GlobalSection::with_entries(globals)),
			Section::Export(ExportSection::with_entries(exports)),
			Section::Element(ElementSection::with_entries(elements)),
			Section::Code(CodeSection::with_bodies(bodies)),
			Section::Data(DataSection::with_entries(data)),
		]);
		elements::serialize(module).unwrap_or_default()
	}
}

/// A function body with the most locals and a `br_table` of [`FILLER_TARGETS`] targets.
fn filler_body() -> FuncBody {
	use Instruction::*;
	let table = BrTableData { table: vec![0; FILLER_TARGETS as usize].into_boxed_slice(), default: 0 };
	let body = vec![Block(BlockType::NoResult), I32Const(0), BrTable(Box::new(table)), End, End];
	let locals = vec![Local::new(limits::max_locals(FILLER_BODY_BYTES), ValueType::I64)];
	FuncBody::new(locals, Instructions::new(body))
}

/// A module of about `bytes` bytes whose exported function does nothing.
pub fn sized(bytes: u32) -> Vec<u8> {
	ModuleSpec { memory_pages: 1, filler_bytes: bytes, ..Default::default() }.build()
}

/// The least module a call can run: one empty function, exported as [`BENCH_EXPORT`], and no
/// memory.
pub fn minimal() -> Vec<u8> {
	use wasm_encoder::{CodeSection, ExportKind, ExportSection, Function, FunctionSection, Module, TypeSection};
	let mut types = TypeSection::new();
	types.ty().function([], []);
	let mut functions = FunctionSection::new();
	functions.function(0);
	let mut exports = ExportSection::new();
	exports.export(BENCH_EXPORT, ExportKind::Func, 0);
	let mut code = CodeSection::new();
	let mut body = Function::new([]);
	body.instructions().end();
	code.function(&body);
	let mut module = Module::new();
	module.section(&types).section(&functions).section(&exports).section(&code);
	module.finish()
}

/// `i32.eqz` in a chain of [`translated`].
const EQZ_CHAIN: usize = 8;
/// Bytes of one chain of [`translated`]: `local.get 0`, the `i32.eqz`s and `drop`.
const EQZ_CHAIN_BYTES: u32 = 2 + EQZ_CHAIN as u32 + 1;

/// A module whose export is about `bytes` long, of `i32.eqz` chained [`EQZ_CHAIN`] times on a
/// local over and over, but returns at its start on the first call: that call translates the
/// whole body and runs almost none of it. Of the shapes tried, these cost the most per byte to
/// translate in the runtime (this benchmark measured 1.24 times empty `if`/`else`, and they led
/// in the node's blocks too: `e2e/bench/translation-time.mjs`, `benchmarking/README.md`): wasmi
/// folds each `i32.eqz` into the comparison before it, one operator a byte.
pub fn translated(bytes: u32) -> Vec<u8> {
	use Instruction::*;
	let mut body = Vec::new();
	for _ in 0..bytes / EQZ_CHAIN_BYTES {
		body.push(GetLocal(0));
		body.extend(core::iter::repeat_n(I32Eqz, EQZ_CHAIN));
		body.push(Drop);
	}
	let locals = vec![Local::new(1, ValueType::I32)];
	ModuleSpec { memory_pages: 1, locals, body, skip_first_call: true, ..Default::default() }.build()
}

/// Classes of instructions that take the longest per unit of fuel, each measured by a loop of
/// its own so that the fuel price covers the slowest.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InstrClass {
	/// Branches: the counting loop alone.
	Branch,
	/// Calls of an empty function.
	Call,
	/// Indirect calls of an empty function through the table.
	CallIndirect,
	/// 64-bit unsigned division and remainder of a large dividend.
	DivRem,
	/// Loads from and stores to memory.
	Memory,
	/// A `br_if` on a local, taken, out of a block of its own.
	BrIf,
	/// `if`/`else` with empty branches, the `then` branch taken.
	IfElse,
	/// `memory.fill` of one byte: the operator's fixed cost.
	MemoryFill,
	/// `memory.copy` of one byte.
	MemoryCopy,
	/// `memory.init` of one byte from a passive segment.
	MemoryInit,
	/// `table.copy` of one element.
	TableCopy,
	/// `table.fill` of one element.
	TableFill,
	/// `table.set` of a function reference.
	TableSet,
	/// `memory.grow` past the store's limit: refused, it moves nothing.
	MemoryGrow,
	/// A global copied straight into another (`global.get`, then `global.set`).
	GlobalSet,
	/// `memory.size` into a local.
	MemorySize,
	/// `table.get` into a local.
	TableGet,
}

impl InstrClass {
	/// Every class, in the order of `costs::FUEL_PER_ITERATION`.
	pub const ALL: [InstrClass; 17] = [
		InstrClass::Branch,
		InstrClass::Call,
		InstrClass::CallIndirect,
		InstrClass::DivRem,
		InstrClass::Memory,
		InstrClass::BrIf,
		InstrClass::IfElse,
		InstrClass::MemoryFill,
		InstrClass::MemoryCopy,
		InstrClass::MemoryInit,
		InstrClass::TableCopy,
		InstrClass::TableFill,
		InstrClass::TableSet,
		InstrClass::MemoryGrow,
		InstrClass::GlobalSet,
		InstrClass::MemorySize,
		InstrClass::TableGet,
	];
}

/// Instructions of the class in each iteration of its loop.
const CLASS_OPS: usize = 8;

/// Pages `InstrClass::MemoryGrow` asks for: more than any store allows, fewer than a 32-bit
/// memory may have, so that the store's limiter refuses each grow.
const REFUSED_GROW_PAGES: i32 = 65_535;

/// A module whose exported function runs `iterations` iterations of a loop that does
/// [`CLASS_OPS`] instructions of `class` (none for [`InstrClass::Branch`]): a counting loop with
/// the counter in local 0, locals 1 to 3 of type `i64` (local 1 starting at `u64::MAX`, local 2
/// at 3), local 4 an `i32` and local 5 a `funcref`. Function 1 is empty and the table's only
/// element; data segment 0 is passive; globals 0 and 1 are mutable `i32`s.
/// Built with `wasm-encoder`, which has the bulk memory and reference type operators.
pub fn class_loop(class: InstrClass, iterations: u32) -> Vec<u8> {
	use wasm_encoder::{
		BlockType, CodeSection, ConstExpr, DataCountSection, DataSection, ElementSection, Elements, ExportKind,
		ExportSection, Function, FunctionSection, GlobalSection, GlobalType, HeapType, InstructionSink, MemArg,
		MemorySection, MemoryType, Module, RefType, TableSection, TableType, TypeSection, ValType,
	};
	const HELPER: u32 = 1;
	let class_op = |sink: &mut InstructionSink| {
		let word = MemArg { offset: 0, align: 2, target: Default::default(), ordering: None };
		match class {
			InstrClass::Branch => sink,
			InstrClass::Call => sink.call(HELPER),
			InstrClass::CallIndirect => sink.i32_const(0).call_indirect(0, 0),
			InstrClass::DivRem => sink
				.local_get(1)
				.local_get(2)
				.i64_div_u()
				.local_set(3)
				.local_get(1)
				.local_get(2)
				.i64_rem_u()
				.local_set(3),
			InstrClass::Memory => sink.i32_const(0).i32_const(0).i32_load(word).i32_store(word),
			// The counter is not zero inside the loop.
			InstrClass::BrIf => sink.block(BlockType::Empty).local_get(0).br_if(0).end(),
			InstrClass::IfElse => sink.local_get(0).if_(BlockType::Empty).nop().else_().nop().end(),
			InstrClass::MemoryFill => sink.i32_const(0).i32_const(0).i32_const(1).memory_fill(0),
			InstrClass::MemoryCopy => sink.i32_const(32).i32_const(0).i32_const(1).memory_copy(0, 0),
			InstrClass::MemoryInit => sink.i32_const(0).i32_const(0).i32_const(1).memory_init(0, 0),
			InstrClass::TableCopy => sink.i32_const(0).i32_const(0).i32_const(1).table_copy(0, 0),
			InstrClass::TableFill => sink.i32_const(0).ref_null(HeapType::FUNC).i32_const(1).table_fill(0),
			InstrClass::TableSet => sink.i32_const(0).ref_func(HELPER).table_set(0),
			InstrClass::MemoryGrow => sink.i32_const(REFUSED_GROW_PAGES).memory_grow(0).drop(),
			InstrClass::GlobalSet => sink.global_get(0).global_set(1),
			InstrClass::MemorySize => sink.memory_size(0).local_set(4),
			InstrClass::TableGet => sink.i32_const(0).table_get(0).local_set(5),
		};
	};
	let mut bench = Function::new([(1, ValType::I32), (3, ValType::I64), (1, ValType::I32), (1, ValType::Ref(RefType::FUNCREF))]);
	let mut sink = bench.instructions();
	sink.i64_const(-1).local_set(1).i64_const(3).local_set(2).i32_const(iterations as i32).local_set(0);
	sink.block(BlockType::Empty).loop_(BlockType::Empty).local_get(0).i32_eqz().br_if(1);
	for _ in 0..CLASS_OPS {
		class_op(&mut sink);
	}
	sink.local_get(0).i32_const(1).i32_sub().local_set(0).br(0).end().end().end();
	let mut helper = Function::new([]);
	helper.instructions().end();

	let mut types = TypeSection::new();
	types.ty().function([], []);
	let mut functions = FunctionSection::new();
	functions.function(0).function(0);
	let mut tables = TableSection::new();
	tables.table(TableType { element_type: RefType::FUNCREF, minimum: 1, maximum: Some(1), table64: false, shared: false });
	let mut memories = MemorySection::new();
	memories.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
	let mut globals = GlobalSection::new();
	for _ in 0..2 {
		globals.global(GlobalType { val_type: ValType::I32, mutable: true, shared: false }, &ConstExpr::i32_const(0));
	}
	let mut exports = ExportSection::new();
	exports
		.export(BENCH_EXPORT, ExportKind::Func, 0)
		.export(abi::DEPLOY_EXPORT, ExportKind::Func, 0)
		.export(abi::MEMORY_EXPORT, ExportKind::Memory, 0);
	let mut elements = ElementSection::new();
	elements.active(None, &ConstExpr::i32_const(0), Elements::Functions(vec![HELPER].into()));
	let mut code = CodeSection::new();
	code.function(&bench).function(&helper);
	let mut data = DataSection::new();
	data.passive([0u8; 1]);
	let mut module = Module::new();
	module.section(&types).section(&functions).section(&tables).section(&memories).section(&globals).section(&exports);
	module.section(&elements).section(&DataCountSection { count: 1 }).section(&code).section(&data);
	module.finish()
}

/// `spec` with an export that runs `ops` `iterations` times in a counting loop (counter in
/// local 0; locals 1 to 3 are `i64`, local 1 starting at `u64::MAX` and local 2 at 3).
fn counted(spec: ModuleSpec, ops: &[Instruction], iterations: u32) -> Vec<u8> {
	use Instruction::*;
	let mut body = vec![I64Const(-1), SetLocal(1), I64Const(3), SetLocal(2), I32Const(iterations as i32), SetLocal(0)];
	body.extend([Block(BlockType::NoResult), Loop(BlockType::NoResult), GetLocal(0), I32Eqz, BrIf(1)]);
	body.extend(ops.iter().cloned());
	body.extend([GetLocal(0), I32Const(1), I32Sub, SetLocal(0), Br(0), End, End]);
	let locals = vec![Local::new(1, ValueType::I32), Local::new(3, ValueType::I64)];
	ModuleSpec { locals, body, ..spec }.build()
}

/// A module whose export calls `functions` functions once each, each the shortest body (4 bytes)
/// with the most locals that size allows, and which keeps wasmi's average of 40 bytes per
/// function with one long function that is never called: the first call of the export
/// translates them all.
pub fn tiny_functions(functions: u32) -> Vec<u8> {
	use Instruction::*;
	const TINY_BODY_BYTES: u32 = 4;
	let spec = ModuleSpec { memory_pages: 1, ..Default::default() };
	let first = spec.first_defined() + 1;
	let mut body: Vec<Instruction> = (first..first + functions).map(Call).collect();
	body.push(Nop);
	let tiny = FuncBody::new(
		vec![Local::new(limits::max_locals(TINY_BODY_BYTES), ValueType::I64)],
		Instructions::new(vec![End]),
	);
	let mut extra = vec![tiny; functions as usize];
	extra.push(padding(40 * (functions + 2) / 3 + 1));
	ModuleSpec { body, extra, skip_first_call: true, ..spec }.build()
}

/// A module whose export calls the host function `gas_left` `calls` times in a loop, after a
/// first call that only translates it.
pub fn host_calls(calls: u32) -> Vec<u8> {
	repeated(ModuleSpec::calling(HostFn::GasLeft, vec![]), calls)
}

/// The module of `spec`, a [`ModuleSpec::calling`] one host function, with an export that makes
/// that call `calls` times in a loop, after a first call that only translates it.
pub fn repeated(spec: ModuleSpec, calls: u32) -> Vec<u8> {
	let call = spec.body.clone();
	counted(ModuleSpec { skip_first_call: true, ..spec }, &call, calls)
}

/// Bytes of a padding function body of `pairs` pairs of `i32.const 0` and `drop`: its locals
/// declaration, the pairs and `end`.
fn padding(pairs: u32) -> FuncBody {
	let mut body: Vec<Instruction> = (0..pairs).flat_map(|_| [Instruction::I32Const(0), Instruction::Drop]).collect();
	body.push(Instruction::End);
	FuncBody::new(vec![], Instructions::new(body))
}

/// A module whose export does nothing, with one more function of about `bytes` bytes that is
/// never called: the least work per byte of code that loading can do.
pub fn one_function(bytes: u32) -> Vec<u8> {
	const PAIR_BYTES: u32 = 3;
	ModuleSpec { memory_pages: 1, extra: vec![padding(bytes / PAIR_BYTES)], ..Default::default() }.build()
}

/// A module whose export does nothing, with `functions` more functions of two bytes that are
/// never called, and one padding function that makes the module's average function as small
/// as wasmi accepts (40 bytes).
pub fn uncalled_functions(functions: u32) -> Vec<u8> {
	let empty = FuncBody::new(vec![], Instructions::new(vec![Instruction::End]));
	let mut extra = vec![empty; functions as usize];
	extra.push(padding(40 * (functions + 2) / 3 + 1));
	ModuleSpec { memory_pages: 1, extra, ..Default::default() }.build()
}

/// Bytes of one of the function types [`declarations`] adds: its form, the count and types of
/// 32 parameters, and the count of results.
const DECLARED_TYPE_BYTES: u32 = 3 + limits::MAX_FUNC_PARAMS;

/// A module whose export does nothing, with about `bytes` bytes of the costliest declarations
/// to validate and load: distinct function types of 32 parameters, each `funcref` or
/// `externref`.
pub fn declarations(bytes: u32) -> Vec<u8> {
	const FORM_FUNC: u8 = 0x60;
	const FUNCREF: u8 = 0x70;
	const EXTERNREF: u8 = 0x6f;
	let wasm = ModuleSpec { memory_pages: 1, ..Default::default() }.build();
	let extra: Vec<Vec<u8>> = (0..bytes / DECLARED_TYPE_BYTES)
		.map(|index| {
			let mut ty = vec![FORM_FUNC, limits::MAX_FUNC_PARAMS as u8];
			ty.extend((0..limits::MAX_FUNC_PARAMS).map(|bit| if index >> bit & 1 == 1 { FUNCREF } else { EXTERNREF }));
			ty.push(0);
			ty
		})
		.collect();
	with_more_types(&wasm, &extra)
}

/// Declarations of one kind that the `load_*` benchmarks add, each the costliest of its kind to
/// load.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Declared {
	/// Imports of host functions, the longest names first.
	Imports,
	/// Exports of the benchmarked function under two-byte names.
	Exports,
	/// The most exports a module may add, whose names share a prefix and total the count's bytes
	/// more than two bytes a name.
	ExportNames,
	/// Mutable `funcref` globals, each holding a reference to the benchmarked function.
	Globals,
	/// Passive data segments of no bytes.
	DataSegments,
	/// Active element segments placing the benchmarked function, one table slot each.
	ElementSegments,
}

/// Exports every module of [`declared`] has: the benchmarked function twice and the memory.
const OWN_EXPORTS: u32 = 3;
/// Most data and element segments wasmi accepts in a module (`EnforcedLimits::strict`).
pub const MAX_SEGMENTS: u32 = 1_000;
/// Exports [`Declared::ExportNames`] adds.
pub const NAMED_EXPORTS: u32 = limits::MAX_EXPORTS - OWN_EXPORTS;

/// A module whose export does nothing, with `count` declarations of `kind` (for
/// [`Declared::ExportNames`], the names' bytes beyond two a name). Everything else in it is the
/// same whatever `count`: the type section holds the type of every host function and the table
/// has a slot for every element segment (globals' modules have a declarative segment, which lets
/// them refer to the function).
pub fn declared(kind: Declared, count: u32) -> Vec<u8> {
	use wasm_encoder::{
		CodeSection, ConstExpr, DataCountSection, DataSection, ElementSection, Elements, EntityType, ExportKind,
		ExportSection, Function, FunctionSection, GlobalSection, GlobalType, ImportSection, MemorySection, MemoryType,
		Module, RefType, TableSection, TableType, TypeSection, ValType,
	};
	let value_type = |ty: &wasmparser::ValType| if *ty == wasmparser::ValType::I64 { ValType::I64 } else { ValType::I32 };
	let mut host_fns = HostFn::ALL.to_vec();
	host_fns.sort_by_key(|host_fn| core::cmp::Reverse(host_fn.name().len()));
	let mut types = TypeSection::new();
	types.ty().function([], []);
	for host_fn in &host_fns {
		types.ty().function(host_fn.params().iter().map(value_type), host_fn.results().iter().map(value_type));
	}
	let mut imports = ImportSection::new();
	if kind == Declared::Imports {
		for (index, host_fn) in host_fns.iter().enumerate().take(count as usize) {
			imports.import(abi::HOST_MODULE, host_fn.name(), EntityType::Function(index as u32 + 1));
		}
	}
	let bench = imports.len();
	let mut functions = FunctionSection::new();
	functions.function(0);
	let mut tables = TableSection::new();
	tables.table(TableType {
		element_type: RefType::FUNCREF,
		minimum: MAX_SEGMENTS.into(),
		maximum: None,
		table64: false,
		shared: false,
	});
	let mut memories = MemorySection::new();
	memories.memory(MemoryType { minimum: 1, maximum: None, memory64: false, shared: false, page_size_log2: None });
	let mut globals = GlobalSection::new();
	if kind == Declared::Globals {
		let global = GlobalType { val_type: ValType::Ref(RefType::FUNCREF), mutable: true, shared: false };
		for _ in 0..count {
			globals.global(global, &ConstExpr::ref_func(bench));
		}
	}
	let mut exports = ExportSection::new();
	exports
		.export(BENCH_EXPORT, ExportKind::Func, bench)
		.export(abi::DEPLOY_EXPORT, ExportKind::Func, bench)
		.export(abi::MEMORY_EXPORT, ExportKind::Memory, 0);
	let two_byte_name = |index: u32| alloc::format!("{index:02x}");
	match kind {
		Declared::Exports =>
			for index in 0..count {
				exports.export(&two_byte_name(index), ExportKind::Func, bench);
			},
		Declared::ExportNames => {
			let prefix = "a".repeat((count / NAMED_EXPORTS) as usize);
			for index in 0..NAMED_EXPORTS {
				exports.export(&alloc::format!("{prefix}{}", two_byte_name(index)), ExportKind::Func, bench);
			}
		},
		_ => {},
	}
	let mut elements = ElementSection::new();
	if kind == Declared::Globals {
		elements.declared(Elements::Functions(vec![bench].into()));
	}
	if kind == Declared::ElementSegments {
		for slot in 0..count {
			elements.active(None, &ConstExpr::i32_const(slot as i32), Elements::Functions(vec![bench].into()));
		}
	}
	let mut code = CodeSection::new();
	let mut body = Function::new([]);
	body.instructions().end();
	code.function(&body);
	let mut data = DataSection::new();
	if kind == Declared::DataSegments {
		for _ in 0..count {
			data.passive([0u8; 0]);
		}
	}
	let mut module = Module::new();
	module.section(&types).section(&imports).section(&functions).section(&tables).section(&memories);
	module.section(&globals).section(&exports).section(&elements).section(&DataCountSection { count: data.len() });
	module.section(&code).section(&data);
	module.finish()
}

/// `wasm`, whose first section is its type section, with `types` (encoded) appended to it.
fn with_more_types(wasm: &[u8], types: &[Vec<u8>]) -> Vec<u8> {
	const HEADER: usize = 8;
	const TYPE_SECTION: u8 = 1;
	assert_eq!(wasm[HEADER], TYPE_SECTION, "generated modules start with their types");
	let (section_len, len_bytes) = read_leb(&wasm[HEADER + 1..]);
	let body_start = HEADER + 1 + len_bytes;
	let body_end = body_start + section_len as usize;
	let (count, count_bytes) = read_leb(&wasm[body_start..]);
	let mut body = Vec::new();
	write_leb(&mut body, count + types.len() as u32);
	body.extend_from_slice(&wasm[body_start + count_bytes..body_end]);
	types.iter().for_each(|ty| body.extend_from_slice(ty));
	let mut out = wasm[..HEADER].to_vec();
	out.push(TYPE_SECTION);
	write_leb(&mut out, body.len() as u32);
	out.extend(body);
	out.extend_from_slice(&wasm[body_end..]);
	out
}

fn read_leb(bytes: &[u8]) -> (u32, usize) {
	let mut value = 0u32;
	for (index, byte) in bytes.iter().enumerate().take(5) {
		value |= u32::from(byte & 0x7f) << (7 * index);
		if byte & 0x80 == 0 {
			return (value, index + 1)
		}
	}
	(value, 5)
}

fn write_leb(out: &mut Vec<u8>, mut value: u32) {
	loop {
		let byte = (value & 0x7f) as u8;
		value >>= 7;
		if value == 0 {
			out.push(byte);
			return
		}
		out.push(byte | 0x80);
	}
}
