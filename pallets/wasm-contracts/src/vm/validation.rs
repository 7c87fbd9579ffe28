//! Validation of wasm modules, run once when code is uploaded (and for each deploy module
//! before it runs); stored code is loaded without validation afterwards.
//!
//! One pass over the module does everything: each section first gets the pallet's cheap
//! structural checks (imports, memory, table, counts, locals, exports), then wasmparser's full
//! validation under [`allowed_features`]. Multi-value is not enabled, so every block and function
//! yields at most one value: the cost of validating and translating a branch (a `br_table` with
//! many targets included) does not grow with block arity, and validation stays linear in the
//! module's size. A module that needs a forbidden proposal is refused with that proposal's
//! error, read off the validator's own refusal.

use super::{imports::HostFn, translation};
use crate::costs::{Cost, Declarations};
use crate::{Config, Error};
use alloc::{rc::Rc, vec::Vec};
use wasm_contracts_primitives::{abi, limits, Params, TranslationPrice};
use wasmparser::{
	BinaryReader, BinaryReaderError, Chunk, CodeSectionReader, ExternalKind, FuncType, FuncValidatorAllocations, Parser,
	Payload, TypeRef, ValType, ValidPayload, Validator, WasmFeatures,
};

/// Why a module was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ValidationError {
	/// Not valid wasm, or uses a proposal the pallet does not enable.
	Invalid,
	/// Uses `f32`/`f64` types or instructions.
	Floats,
	/// Uses SIMD types or instructions.
	Simd,
	/// Uses shared memory or atomic instructions.
	Threads,
	/// A function returns, or a block yields or takes, more than one value.
	MultiValue,
	/// Declares a start function.
	StartFunction,
	/// Imports something that is not a host function of module `env`.
	UnknownImport,
	/// Imports a host function with a signature other than its own.
	ImportSignature,
	/// Imports a host function more than once.
	DuplicateImport,
	/// Has more exports than allowed.
	TooManyExports,
	/// Declares or imports more than one memory, or imports memory at all.
	Memory,
	/// Asks for more initial memory pages than `max_memory_pages`.
	TooManyMemoryPages,
	/// Declares more than one table, or a table larger than allowed.
	Table,
	/// Has more functions than allowed.
	TooManyFunctions,
	/// Has more globals than allowed.
	TooManyGlobals,
	/// A function declares more locals than allowed: 1,024, and 32 plus one per two bytes of
	/// its body.
	TooManyLocals,
	/// Exports `allocate` with a type other than `(i32) -> i32`.
	AllocateSignature,
	/// Has more than [`limits::MAX_DECLARATION_BYTES`] of declarations.
	Declarations,
}

impl<T: Config> From<ValidationError> for Error<T> {
	fn from(error: ValidationError) -> Self {
		match error {
			ValidationError::Invalid => Error::InvalidModule,
			ValidationError::Floats => Error::FloatsNotAllowed,
			ValidationError::Simd => Error::SimdNotAllowed,
			ValidationError::Threads => Error::ThreadsNotAllowed,
			ValidationError::MultiValue => Error::MultiValueNotAllowed,
			ValidationError::StartFunction => Error::StartFunctionNotAllowed,
			ValidationError::UnknownImport => Error::UnknownImport,
			ValidationError::ImportSignature => Error::ImportSignatureMismatch,
			ValidationError::DuplicateImport => Error::DuplicateImport,
			ValidationError::TooManyExports => Error::TooManyExports,
			ValidationError::Memory => Error::InvalidMemory,
			ValidationError::TooManyMemoryPages => Error::TooManyMemoryPages,
			ValidationError::Table => Error::TableTooLarge,
			ValidationError::TooManyFunctions => Error::TooManyFunctions,
			ValidationError::TooManyGlobals => Error::TooManyGlobals,
			ValidationError::TooManyLocals => Error::TooManyLocals,
			ValidationError::AllocateSignature => Error::InvalidAllocateExport,
			ValidationError::Declarations => Error::DeclarationsTooLarge,
		}
	}
}

/// The wasm proposals contracts may use: the MVP without floats and with single-value blocks,
/// plus the integer-only proposals that current compilers emit by default. The engine
/// ([`super::engine::new_engine`]) enables exactly these.
pub fn allowed_features() -> WasmFeatures {
	WasmFeatures::GC_TYPES |
		WasmFeatures::MUTABLE_GLOBAL |
		WasmFeatures::SIGN_EXTENSION |
		WasmFeatures::BULK_MEMORY |
		WasmFeatures::REFERENCE_TYPES
}

/// Names the forbidden proposal behind a refusal of wasmparser's validator: its messages for a
/// disabled proposal name the proposal (checked for each proposal by `tests::code_tests`, which
/// upload a module of each and expect its error).
fn classify(error: &BinaryReaderError) -> ValidationError {
	let message = error.message();
	if message.contains("floating-point") || message.contains("float to int") {
		ValidationError::Floats
	} else if message.contains("SIMD") {
		ValidationError::Simd
	} else if message.contains("threads") {
		ValidationError::Threads
	} else if message.contains("multi-value") {
		ValidationError::MultiValue
	} else {
		ValidationError::Invalid
	}
}

/// Validates `wasm` against every rule of the module documentation, in one pass, and prices
/// its functions' translation from their operators ([`translation::price`]) for a reference
/// byte of `reference_fuel` fuel.
pub fn validate(wasm: &[u8], params: &Params, reference_fuel: u32) -> Result<TranslationPrice, ValidationError> {
	let mut structure = Structure::default();
	let mut validator = Validator::new_with_features(allowed_features());
	let mut allocations = FuncValidatorAllocations::default();
	let mut functions = Vec::new();
	for payload in Parser::new(0).parse_all(wasm) {
		let payload = payload.map_err(|error| classify(&error))?;
		structure.check(&payload, params)?;
		match validator.payload(&payload).map_err(|error| classify(&error))? {
			ValidPayload::Func(to_validate, body) => {
				let mut func = to_validate.into_validator(allocations);
				func.validate(&body).map_err(|error| classify(&error))?;
				allocations = func.into_allocations();
				functions.push(translation::function_cost(&body).ok_or(ValidationError::Invalid)?);
			},
			ValidPayload::End(_) => return Ok(translation::price(&functions, reference_fuel)),
			_ => {},
		}
	}
	// `parse_all` ends with `End` for every complete module; anything else is truncated.
	Err(ValidationError::Invalid)
}

/// What the structural checks remember between sections.
#[derive(Default)]
struct Structure {
	types: Vec<FuncType>,
	function_types: Vec<u32>,
	/// The host functions imported so far.
	imported: Vec<HostFn>,
	memories: u32,
	tables: u32,
	declaration_bytes: u32,
}

impl Structure {
	/// The pallet's own rules for one section (or function body) of a module.
	fn check(&mut self, payload: &Payload, params: &Params) -> Result<(), ValidationError> {
		let invalid = |error: BinaryReaderError| classify(&error);
		match payload {
			Payload::TypeSection(reader) =>
				for func_type in reader.clone().into_iter_err_on_gc_types() {
					let func_type = func_type.map_err(invalid)?;
					if func_type.results().len() > 1 {
						return Err(ValidationError::MultiValue)
					}
					if func_type.params().len() > limits::MAX_FUNC_PARAMS as usize {
						return Err(ValidationError::Invalid)
					}
					self.types.push(func_type);
				},
			Payload::ImportSection(reader) =>
				for import in reader.clone() {
					let import = import.map_err(invalid)?;
					let TypeRef::Func(type_index) = import.ty else {
						return Err(match import.ty {
							TypeRef::Memory(_) => ValidationError::Memory,
							_ => ValidationError::UnknownImport,
						})
					};
					if import.module != abi::HOST_MODULE {
						return Err(ValidationError::UnknownImport)
					}
					let host_fn = HostFn::from_name(import.name).ok_or(ValidationError::UnknownImport)?;
					let func_type = self.types.get(type_index as usize).ok_or(ValidationError::Invalid)?;
					if func_type.params() != host_fn.params() || func_type.results() != host_fn.results() {
						return Err(ValidationError::ImportSignature)
					}
					// Every instance makes each import's function anew: one per host function.
					if self.imported.contains(&host_fn) {
						return Err(ValidationError::DuplicateImport)
					}
					self.imported.push(host_fn);
					self.function_types.push(type_index);
				},
			Payload::FunctionSection(reader) =>
				for type_index in reader.clone() {
					self.function_types.push(type_index.map_err(invalid)?);
				},
			Payload::MemorySection(reader) =>
				for memory in reader.clone() {
					let memory = memory.map_err(invalid)?;
					self.memories += 1;
					if self.memories > 1 {
						return Err(ValidationError::Memory)
					}
					if memory.shared {
						return Err(ValidationError::Threads)
					}
					if memory.initial > params.max_memory_pages as u64 {
						return Err(ValidationError::TooManyMemoryPages)
					}
				},
			Payload::TableSection(reader) =>
				for table in reader.clone() {
					let table = table.map_err(invalid)?;
					self.tables += 1;
					if self.tables > 1 || table.ty.initial > limits::MAX_TABLE_ELEMENTS as u64 {
						return Err(ValidationError::Table)
					}
				},
			Payload::GlobalSection(reader) if reader.count() > limits::MAX_GLOBALS =>
				return Err(ValidationError::TooManyGlobals),
			Payload::StartSection { .. } => return Err(ValidationError::StartFunction),
			Payload::ExportSection(reader) if reader.count() > limits::MAX_EXPORTS =>
				return Err(ValidationError::TooManyExports),
			Payload::ExportSection(reader) =>
				for export in reader.clone() {
					let export = export.map_err(invalid)?;
					if export.name == abi::ALLOCATE_EXPORT && !self.is_allocator(export.kind, export.index) {
						return Err(ValidationError::AllocateSignature)
					}
				},
			Payload::CodeSectionEntry(body) => {
				let mut locals = 0u32;
				for entry in body.get_locals_reader().map_err(invalid)? {
					let (count, _) = entry.map_err(invalid)?;
					locals = locals.saturating_add(count);
				}
				let body_len = u32::try_from(body.range().len()).unwrap_or(u32::MAX);
				if locals > limits::max_locals(body_len) {
					return Err(ValidationError::TooManyLocals)
				}
			},
			_ => {},
		}
		if self.function_types.len() > limits::MAX_FUNCTIONS as usize {
			return Err(ValidationError::TooManyFunctions)
		}
		self.declaration_bytes = self.declaration_bytes.saturating_add(declaration_bytes(payload));
		if self.declaration_bytes > limits::MAX_DECLARATION_BYTES {
			return Err(ValidationError::Declarations)
		}
		Ok(())
	}

	/// Whether export `index` of `kind` is a function of type `(i32) -> i32`.
	fn is_allocator(&self, kind: ExternalKind, index: u32) -> bool {
		kind == ExternalKind::Func &&
			self.function_types
				.get(index as usize)
				.and_then(|type_index| self.types.get(*type_index as usize))
				.is_some_and(|ty| ty.params() == [ValType::I32] && ty.results() == [ValType::I32])
	}
}

/// Bytes of declarations in `payload`: the whole of a section other than code, data and custom
/// sections, and the segment headers of the data section.
fn declaration_bytes(payload: &Payload) -> u32 {
	const CUSTOM: u8 = 0;
	const CODE: u8 = 10;
	const DATA: u8 = 11;
	let bytes = match payload {
		Payload::DataSection(reader) => {
			let data: usize = reader.clone().into_iter().flatten().map(|data| data.data.len()).sum();
			reader.range().len().saturating_sub(data)
		},
		_ => match payload.as_section() {
			Some((id, range)) if !matches!(id, CUSTOM | CODE | DATA) => range.len(),
			_ => 0,
		},
	};
	u32::try_from(bytes).unwrap_or(u32::MAX)
}

/// Adds what `payload` declares to `declarations`.
fn add_declarations(declarations: &mut Declarations, payload: &Payload) {
	let count = |count: u32, total: &mut u32| *total = total.saturating_add(count);
	match payload {
		Payload::ImportSection(reader) => count(reader.count(), &mut declarations.imports),
		Payload::ExportSection(reader) => {
			count(reader.count(), &mut declarations.exports);
			for export in reader.clone().into_iter().flatten() {
				count(u32::try_from(export.name.len()).unwrap_or(u32::MAX), &mut declarations.export_name_bytes);
			}
		},
		Payload::GlobalSection(reader) => count(reader.count(), &mut declarations.globals),
		Payload::DataSection(reader) => count(reader.count(), &mut declarations.data_segments),
		Payload::ElementSection(reader) => {
			count(reader.count(), &mut declarations.element_segments);
			count(declaration_bytes(payload), &mut declarations.typed_bytes);
		},
		// A function's entry is part of the function's price (`Footprint::functions`).
		Payload::FunctionSection(_) => {},
		_ => count(declaration_bytes(payload), &mut declarations.typed_bytes),
	}
}

/// What a module costs beyond its bytes: the functions that may be translated, the
/// declarations to load, the memory each instance starts with and the data copied into it.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Footprint {
	/// Functions the module defines.
	pub functions: u32,
	/// Their bodies' sizes, which bound how many functions a run's fuel can have translated.
	pub body_sizes: Rc<BodySizes>,
	/// Bytes of its declarations (see [`limits::MAX_DECLARATION_BYTES`]), which validation prices.
	pub declaration_bytes: u32,
	/// Its declarations by kind, which loading prices.
	pub declarations: Declarations,
	/// Initial pages of its memory.
	pub memory_pages: u32,
	/// Bytes of its data segments.
	pub data_bytes: u32,
	/// What translating its functions costs, found at validation (kept in the code's record).
	pub translation: TranslationPrice,
}

/// The [`Footprint`] of a validated module, read from its section headers, its function, memory
/// and data sections and its code section's entry headers (no body is parsed), so this costs
/// little whatever the module's size.
pub fn footprint(wasm: &[u8]) -> Footprint {
	let mut footprint = Footprint::default();
	let mut parser = Parser::new(0);
	let mut offset = 0usize;
	while let Some(rest) = wasm.get(offset..) {
		let Ok(Chunk::Parsed { consumed, payload }) = parser.parse(rest, true) else { break };
		offset = offset.saturating_add(consumed);
		footprint.declaration_bytes = footprint.declaration_bytes.saturating_add(declaration_bytes(&payload));
		add_declarations(&mut footprint.declarations, &payload);
		match payload {
			Payload::CodeSectionStart { range, size, .. } => {
				if let Some(section) = wasm.get(range.clone()) {
					footprint.body_sizes = Rc::new(BodySizes::of(section, range.start));
				}
				parser.skip_section();
				offset = offset.saturating_add(size as usize);
			},
			Payload::FunctionSection(reader) => footprint.functions = reader.count(),
			Payload::MemorySection(reader) =>
				for memory in reader.into_iter().flatten() {
					footprint.memory_pages = u32::try_from(memory.initial).unwrap_or(u32::MAX);
				},
			Payload::DataSection(reader) =>
				for data in reader.into_iter().flatten() {
					let len = u32::try_from(data.data.len()).unwrap_or(u32::MAX);
					footprint.data_bytes = footprint.data_bytes.saturating_add(len);
				},
			Payload::End(_) => break,
			_ => {},
		}
	}
	footprint
}

/// Size classes of function bodies: one per size below 8 bytes, then four per power of two, each
/// holding sizes less than a quarter above its smallest.
const BODY_SIZE_CLASSES: usize = 8 + 4 * 29;

/// How many function bodies of a module fall in each size class: a lower bound on the bytes of
/// its `k` smallest bodies for every `k`, at a fixed cost per function whatever the sizes.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BodySizes {
	counts: [u32; BODY_SIZE_CLASSES],
	/// One past the largest class that holds a body.
	classes_used: usize,
}

impl Default for BodySizes {
	fn default() -> Self {
		Self { counts: [0; BODY_SIZE_CLASSES], classes_used: 0 }
	}
}

impl BodySizes {
	/// The bodies of a validated module's code section (`section`, at `offset` in the module),
	/// measured as wasmi charges their translation: the locals' declarations and code, without
	/// the length prefix. A section that does not read (never one that passed validation) counts
	/// as bodies of no bytes, which bound nothing.
	fn of(section: &[u8], offset: usize) -> Self {
		let mut sizes = Self::default();
		let Ok(bodies) = CodeSectionReader::new(BinaryReader::new(section, offset)) else { return Self::unbounded() };
		for body in bodies {
			let Ok(body) = body else { return Self::unbounded() };
			let class = size_class(u32::try_from(body.range().len()).unwrap_or(u32::MAX));
			if let Some(count) = sizes.counts.get_mut(class) {
				*count = count.saturating_add(1);
				sizes.classes_used = sizes.classes_used.max(class + 1);
			}
		}
		sizes
	}

	/// As many bodies of no bytes as a module can have: any fuel could have translated them all.
	fn unbounded() -> Self {
		let mut sizes = Self::default();
		sizes.counts[0] = u32::MAX;
		sizes.classes_used = 1;
		sizes
	}

	/// Most functions whose translation, at `fuel_per_byte`, fits in `fuel`: the count of the
	/// smallest bodies whose bytes' fuel (each body counted at its class's smallest size) adds
	/// up to no more than `fuel`.
	pub fn most_translatable(&self, fuel: u64, fuel_per_byte: u64) -> u32 {
		let mut fuel_left = fuel;
		let mut functions = 0u32;
		let used = self.counts.get(..self.classes_used).unwrap_or_default();
		for (class, &count) in used.iter().enumerate().filter(|(_, &count)| count > 0) {
			let per_body = u64::from(class_floor(class)).saturating_mul(fuel_per_byte);
			let fitting = fuel_left.checked_div(per_body).unwrap_or(u64::MAX).min(u64::from(count));
			functions = functions.saturating_add(fitting as u32);
			if fitting < u64::from(count) {
				break
			}
			fuel_left = fuel_left.saturating_sub(fitting.saturating_mul(per_body));
		}
		functions
	}
}

/// The class of a body of `size` bytes: its size below 8, else its power of two and the next two
/// bits.
fn size_class(size: u32) -> usize {
	if size < 8 {
		return size as usize
	}
	let exponent = 31 - size.leading_zeros();
	let quarter = (size >> (exponent - 2)) & 3;
	(8 + 4 * (exponent - 3) + quarter) as usize
}

/// The smallest size of `class`.
fn class_floor(class: usize) -> u32 {
	if class < 8 {
		return class as u32
	}
	let exponent = (class as u32 - 8) / 4 + 3;
	let quarter = (class as u32 - 8) % 4;
	(4 | quarter) << (exponent - 2)
}

impl From<&Footprint> for Cost {
	/// The cost of loading a module of `footprint` ([`Cost::ModuleLoad`]).
	fn from(footprint: &Footprint) -> Self {
		Cost::ModuleLoad { functions: footprint.functions, declarations: footprint.declarations }
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn declarations_are_counted_by_kind_and_functions_are_not_counted_as_declarations() {
		let wasm = wat::parse_str(
			r#"(module
				(type (func (param i64 i64)))
				(import "env" "get_caller" (func (param i32) (result i32)))
				(import "env" "get_block_number" (func (result i64)))
				(memory (export "memory") 1)
				(table 2 funcref)
				(global (mut i32) (i32.const 0))
				(func $run (export "run"))
				(func $other)
				(export "other_name" (func $other))
				(elem (i32.const 0) func $run $other)
				(elem (i32.const 1) func $run)
				(data (i32.const 0) "abc")
				(data "")
				(data ""))"#,
		)
		.unwrap();
		let footprint = footprint(&wasm);
		let declarations = footprint.declarations;
		assert_eq!(
			(declarations.imports, declarations.exports, declarations.globals),
			(2, 3, 1),
			"{declarations:?}"
		);
		assert_eq!(declarations.export_name_bytes, "memory".len() as u32 + "run".len() as u32 + "other_name".len() as u32);
		assert_eq!((declarations.data_segments, declarations.element_segments), (3, 2));
		assert_eq!(footprint.data_bytes, 3);
		// Types, the table, the memory and the element section are priced like types; the
		// other kinds by entry, and the function section with the functions.
		let typed: u32 = [1, 4, 5, 9].iter().map(|id| section_len(&wasm, *id)).sum();
		assert_eq!(declarations.typed_bytes, typed);
	}

	/// The length of the payload of section `id` of `wasm`.
	fn section_len(wasm: &[u8], id: u8) -> u32 {
		Parser::new(0)
			.parse_all(wasm)
			.filter_map(|payload| payload.ok()?.as_section())
			.find(|(section, _)| *section == id)
			.map_or(0, |(_, range)| range.len() as u32)
	}

	#[test]
	fn a_size_class_holds_sizes_less_than_a_quarter_above_its_floor() {
		let mut previous = 0;
		for size in (0..100_000u32).chain([u32::MAX / 2, u32::MAX - 1, u32::MAX]) {
			let class = size_class(size);
			assert!(class < BODY_SIZE_CLASSES && class >= previous, "{size}: class {class}");
			let floor = class_floor(class);
			// A class's sizes are less than a quarter above its floor.
			assert!(floor <= size && (size == 0 || u64::from(floor) * 5 > u64::from(size) * 4), "{size}: floor {floor}");
			assert_eq!(size_class(floor), class);
			previous = class;
		}
	}

	#[test]
	fn most_translatable_counts_the_smallest_bodies_that_fit_the_fuel() {
		let bodies = |sizes: &[usize]| {
			let functions: alloc::string::String = sizes
				.iter()
				.map(|size| alloc::format!("(func {})", "(drop (i32.const 0)) ".repeat((size - 2) / 3)))
				.collect();
			footprint(&wat::parse_str(alloc::format!("(module {functions})")).unwrap()).body_sizes
		};
		// Bodies of 2, 302 and 3,002 bytes (their locals' count and `end` besides the code).
		let sizes = bodies(&[3_002, 2, 302]);
		assert_eq!(sizes.most_translatable(0, 10), 0);
		assert_eq!(sizes.most_translatable(19, 10), 0);
		assert_eq!(sizes.most_translatable(20, 10), 1);
		// 302 bytes are in the class from 256: its fuel counts 256 bytes.
		assert_eq!(sizes.most_translatable(20 + 2_559, 10), 1);
		assert_eq!(sizes.most_translatable(20 + 2_560, 10), 2);
		assert_eq!(sizes.most_translatable(u64::MAX, 10), 3);
		assert_eq!(sizes.most_translatable(0, 0), 3);
	}

	#[test]
	fn a_code_section_that_does_not_read_bounds_nothing() {
		// Two bodies, the second cut short.
		let sizes = BodySizes::of(&[2, 2, 0, 0x0b, 5, 0], 0);
		assert_eq!(sizes.most_translatable(0, 10), u32::MAX);
		assert_eq!(BodySizes::of(&[], 0).most_translatable(0, 10), u32::MAX);
	}
}
