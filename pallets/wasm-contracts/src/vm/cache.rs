//! The modules one call tree has compiled, by code hash.
//!
//! An outermost call (extrinsic, query, dry run or deploy) compiles each code at most once and
//! every frame that runs that code, re-entrant ones included, instantiates the same compiled
//! module. Functions are translated lazily into the engine's code map, which lives as long as
//! the call tree, so the cache bounds what one tree may hold: [`limits::MAX_MODULES_PER_CALL`] modules and
//! [`limits::MAX_CODE_BYTES_PER_CALL`] bytes of code. wasmi requires modules to average at least 40 bytes per
//! function, so the byte bound also bounds the code map's function entries.

use super::validation::Footprint;
use alloc::{collections::BTreeMap, rc::Rc};
use core::cell::Cell;
use wasm_contracts_primitives::{limits, CodeHash};
use wasmi::{Engine, Module};


/// A compiled module and what instantiating it costs beyond its code.
#[derive(Clone)]
pub struct CachedModule {
	/// The module, compiled on the call tree's engine.
	pub module: Module,
	/// Functions, their sizes, initial memory and data bytes of each instance.
	pub footprint: Footprint,
	/// What the call tree's runs have done with the module so far.
	pub runs: Rc<RunState>,
}

/// What the runs of one call tree did with a module, which its next run is charged by.
pub struct RunState {
	/// Functions whose fixed translation cost no run has paid for yet.
	pub untranslated: Cell<u32>,
	/// Whether a run instantiated the module already: the load paid for the first instance,
	/// every later one pays for its own (`vm::run`).
	pub instantiated: Cell<bool>,
}

/// Why a module could not be added to the cache.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CacheError {
	/// The call tree already compiled [`limits::MAX_MODULES_PER_CALL`] modules.
	TooManyModules,
	/// The module would take the call tree past [`limits::MAX_CODE_BYTES_PER_CALL`].
	TooMuchCode,
	/// wasmi refused the module.
	Compile,
}

/// The modules of one call tree.
#[derive(Default)]
pub struct ModuleCache {
	modules: BTreeMap<CodeHash, CachedModule>,
	code_bytes: usize,
}

impl ModuleCache {
	/// The module compiled from the code with `code_hash`, if this call tree compiled it.
	pub fn get(&self, code_hash: &CodeHash) -> Option<CachedModule> {
		self.modules.get(code_hash).cloned()
	}

	/// Compiles `wasm`, whose [`Footprint`] is `footprint` (lazily: functions are translated on
	/// first call), and keeps it under `code_hash`.
	///
	/// `wasm` must have passed [`super::validation::validate`]: stored code did at upload, under
	/// the rules of the pallet's storage version, and deploy modules do right before they run.
	pub fn compile_validated(
		&mut self,
		engine: &Engine,
		code_hash: CodeHash,
		wasm: &[u8],
		footprint: Footprint,
	) -> Result<CachedModule, CacheError> {
		if self.modules.len() >= limits::MAX_MODULES_PER_CALL as usize {
			return Err(CacheError::TooManyModules)
		}
		let code_bytes = self.code_bytes.saturating_add(wasm.len());
		if code_bytes > limits::MAX_CODE_BYTES_PER_CALL as usize {
			return Err(CacheError::TooMuchCode)
		}
		// SAFETY: `wasm` was validated with exactly the features and limits of `engine` (see
		// `validation::allowed_features` and `engine::new_engine`), which is what wasmi requires
		// of unchecked modules; wasmi still checks its own parsing limits.
		let module = unsafe { Module::new_unchecked(engine, wasm) }.map_err(|_| CacheError::Compile)?;
		let runs = Rc::new(RunState { untranslated: Cell::new(footprint.functions), instantiated: Cell::new(false) });
		let cached = CachedModule { module, footprint, runs };
		self.modules.insert(code_hash, cached.clone());
		self.code_bytes = code_bytes;
		Ok(cached)
	}
}
