//! Validation of wasm modules, run once when code is uploaded (and for each deploy module).
//!
//! A module is accepted when it is valid wasm for the feature set of [`allowed_features`], has
//! no start function, imports only host functions of [`HostFn`] with their exact signatures,
//! stays within the memory, table, function, global and local limits, and compiles on the
//! pallet's wasmi engine. Each refusal names its own reason.

use super::{engine, host::HostFn};
use crate::{Config, Error};
use wasm_contracts_primitives::{abi, limits, Params};
use wasmparser::{ExternalKind, FuncType, Parser, Payload, TypeRef, ValType, Validator, WasmFeatures};

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
	/// Declares a start function.
	StartFunction,
	/// Imports something that is not a host function of module `env`.
	UnknownImport,
	/// Imports a host function with a signature other than its own.
	ImportSignature,
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
	/// A function declares more locals than allowed.
	TooManyLocals,
	/// Exports `allocate` with a type other than `(i32) -> i32`.
	AllocateSignature,
}

impl<T: Config> From<ValidationError> for Error<T> {
	fn from(error: ValidationError) -> Self {
		match error {
			ValidationError::Invalid => Error::InvalidModule,
			ValidationError::Floats => Error::FloatsNotAllowed,
			ValidationError::Simd => Error::SimdNotAllowed,
			ValidationError::Threads => Error::ThreadsNotAllowed,
			ValidationError::StartFunction => Error::StartFunctionNotAllowed,
			ValidationError::UnknownImport => Error::UnknownImport,
			ValidationError::ImportSignature => Error::ImportSignatureMismatch,
			ValidationError::Memory => Error::InvalidMemory,
			ValidationError::TooManyMemoryPages => Error::TooManyMemoryPages,
			ValidationError::Table => Error::TableTooLarge,
			ValidationError::TooManyFunctions => Error::TooManyFunctions,
			ValidationError::TooManyGlobals => Error::TooManyGlobals,
			ValidationError::TooManyLocals => Error::TooManyLocals,
			ValidationError::AllocateSignature => Error::InvalidAllocateExport,
		}
	}
}

/// The wasm proposals contracts may use: the MVP without floats, plus the integer-only
/// proposals that current compilers emit by default.
pub fn allowed_features() -> WasmFeatures {
	WasmFeatures::GC_TYPES |
		WasmFeatures::MUTABLE_GLOBAL |
		WasmFeatures::SIGN_EXTENSION |
		WasmFeatures::MULTI_VALUE |
		WasmFeatures::BULK_MEMORY |
		WasmFeatures::REFERENCE_TYPES
}

/// Validates `wasm` against every rule of the module documentation.
pub fn validate<T: Config>(wasm: &[u8], params: &Params) -> Result<(), ValidationError> {
	check_features(wasm)?;
	check_structure(wasm, params)?;
	let engine = engine::new_engine(params, crate::exec::Metering::Fuel, crate::gas::translation_fuel_per_byte::<T>());
	wasmi::Module::new(&engine, wasm).map_err(|_| ValidationError::Invalid)?;
	Ok(())
}

/// Validates with the allowed features; on failure, finds which forbidden proposal the module
/// needs by enabling them one at a time.
fn check_features(wasm: &[u8]) -> Result<(), ValidationError> {
	let valid_with = |features: WasmFeatures| Validator::new_with_features(features).validate_all(wasm).is_ok();
	let allowed = allowed_features();
	if valid_with(allowed) {
		return Ok(())
	}
	let floats = allowed | WasmFeatures::FLOATS | WasmFeatures::SATURATING_FLOAT_TO_INT;
	if valid_with(floats) {
		return Err(ValidationError::Floats)
	}
	let simd = floats | WasmFeatures::SIMD | WasmFeatures::RELAXED_SIMD;
	if valid_with(simd) {
		return Err(ValidationError::Simd)
	}
	if valid_with(simd | WasmFeatures::THREADS) {
		return Err(ValidationError::Threads)
	}
	Err(ValidationError::Invalid)
}

/// Checks imports, exports, limits and the start function of a module that is valid wasm.
fn check_structure(wasm: &[u8], params: &Params) -> Result<(), ValidationError> {
	let invalid = |_| ValidationError::Invalid;
	let mut types: alloc::vec::Vec<FuncType> = alloc::vec::Vec::new();
	let mut function_types: alloc::vec::Vec<u32> = alloc::vec::Vec::new();
	let mut memories = 0u32;
	let mut tables = 0u32;
	for payload in Parser::new(0).parse_all(wasm) {
		match payload.map_err(invalid)? {
			Payload::TypeSection(reader) =>
				for func_type in reader.into_iter_err_on_gc_types() {
					types.push(func_type.map_err(invalid)?);
				},
			Payload::ImportSection(reader) =>
				for import in reader {
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
					let func_type = types.get(type_index as usize).ok_or(ValidationError::Invalid)?;
					if func_type.params() != host_fn.params() || func_type.results() != host_fn.results() {
						return Err(ValidationError::ImportSignature)
					}
					function_types.push(type_index);
				},
			Payload::FunctionSection(reader) =>
				for type_index in reader {
					function_types.push(type_index.map_err(invalid)?);
				},
			Payload::MemorySection(reader) =>
				for memory in reader {
					let memory = memory.map_err(invalid)?;
					memories += 1;
					if memories > 1 {
						return Err(ValidationError::Memory)
					}
					if memory.initial > params.max_memory_pages as u64 {
						return Err(ValidationError::TooManyMemoryPages)
					}
				},
			Payload::TableSection(reader) =>
				for table in reader {
					let table = table.map_err(invalid)?;
					tables += 1;
					if tables > 1 || table.ty.initial > limits::MAX_TABLE_ELEMENTS as u64 {
						return Err(ValidationError::Table)
					}
				},
			Payload::GlobalSection(reader) =>
				if reader.count() > limits::MAX_GLOBALS {
					return Err(ValidationError::TooManyGlobals)
				},
			Payload::StartSection { .. } => return Err(ValidationError::StartFunction),
			Payload::ExportSection(reader) =>
				for export in reader {
					let export = export.map_err(invalid)?;
					if export.name == abi::ALLOCATE_EXPORT {
						let is_allocator = export.kind == ExternalKind::Func &&
							function_types
								.get(export.index as usize)
								.and_then(|type_index| types.get(*type_index as usize))
								.is_some_and(|ty| ty.params() == [ValType::I32] && ty.results() == [ValType::I32]);
						if !is_allocator {
							return Err(ValidationError::AllocateSignature)
						}
					}
				},
			Payload::CodeSectionEntry(body) => {
				let mut locals = 0u32;
				for entry in body.get_locals_reader().map_err(invalid)? {
					let (count, _) = entry.map_err(invalid)?;
					locals = locals.saturating_add(count);
				}
				if locals > limits::MAX_LOCALS {
					return Err(ValidationError::TooManyLocals)
				}
			},
			_ => {},
		}
		if function_types.len() > limits::MAX_FUNCTIONS as usize {
			return Err(ValidationError::TooManyFunctions)
		}
	}
	Ok(())
}
