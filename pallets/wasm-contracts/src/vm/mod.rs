//! Running contract code on wasmi.
//!
//! This module knows wasm: [`validation`] of modules against the [`imports`] table, the
//! [`engine`], the per-call-tree [`cache`] of compiled modules, the [`host`] functions and what each
//! host function does ([`runtime`]) on the running [`instance`]. It reaches the call stack only
//! through [`Ext`], which `exec` implements for its frames; nothing here drives frames or storage
//! transactions.
//!
//! [`Vm`] holds what one call tree shares (engine, compiled modules); [`run`]
//! instantiates a module in a fresh store whose data is a [`HostState`], runs one export and
//! turns wasmi's outcome into the call's output or an [`ExecError`].

pub mod cache;
pub mod engine;
pub mod host;
pub mod imports;
pub mod instance;
pub mod runtime;
pub mod translation;
pub mod validation;

use crate::{
	costs::Cost,
	error::ExecError,
	gas::GasMeter,
	storage::{ContractTrie, KeyHash},
	BalanceOf, Config, Error,
};
use alloc::{collections::BTreeMap, vec::Vec};
use cache::{CacheError, CachedModule, ModuleCache};
use core::{cell::RefCell, marker::PhantomData};
use engine::Metering;
use frame_support::weights::Weight;
use instance::HostState;
use validation::Footprint;
use wasm_contracts_primitives::{abi, abi::ReturnCode, limits, CodeHash, CodeId, Params, TranslationPrice};
use wasmi::{Engine, Extern, Instance, Store, TrapCode, Val, ValType};

/// Account id of runtime `T`.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;

/// What a running contract reaches of the call stack: the context of its own frame, and nested
/// calls. `exec` implements it for its frames.
pub trait Ext: Sized + 'static {
	/// The runtime.
	type T: Config;

	/// The pallet parameters of the call tree.
	fn params(&self) -> &Params;
	/// Whether the call tree is read-only (a query): state changes trap.
	fn read_only(&self) -> bool;
	/// The number of the block the call runs in.
	fn block_number(&self) -> u64;
	/// Whether the call tree has read the block's timestamp already.
	fn block_timestamp_read(&self) -> bool;
	/// The timestamp of the block the call runs in, in milliseconds since the Unix epoch, read
	/// from the runtime's clock on the call tree's first use.
	fn block_timestamp(&self) -> u64;
	/// Who called this frame (`None` at the top of a query).
	fn caller(&self) -> Option<&AccountIdOf<Self::T>>;
	/// The running contract (the deploying account for deploy modules).
	fn address(&self) -> &AccountIdOf<Self::T>;
	/// Value sent with the call.
	fn value(&self) -> BalanceOf<Self::T>;
	/// The call's input.
	fn input(&self) -> &[u8];
	/// The frame's storage.
	fn storage(&self) -> &ContractTrie;
	/// The hash of `key` of the frame's storage when a host function of the call tree has read,
	/// written or deleted the key already (it is hot: its path and value are in the proof and
	/// the node's cache); `None` when it has not.
	fn hot_key_hash(&self, key: &[u8]) -> Option<KeyHash>;
	/// Records that a host function read, wrote or deleted `key` of the frame's storage, whose
	/// hash is `hash`.
	fn mark_hot(&mut self, key: Vec<u8>, hash: KeyHash);
	/// The length no value of the frame's storage exceeds, when the storage keeps one (a
	/// contract's: `ContractInfo::longest_value`; an account's variables keep none).
	fn longest_value(&self) -> Option<u32>;
	/// Whether a value of `len` bytes is longer than [`Self::longest_value`], so that writing
	/// it must raise the record ([`Self::raise_longest_value`]).
	fn exceeds_longest_value(&self, len: u32) -> bool {
		self.longest_value().is_some_and(|longest| len > longest)
	}
	/// Records that the frame's storage now holds a value of `len` bytes, longer than
	/// [`Self::longest_value`] (charged [`crate::costs::Cost::LongestValueRecord`]).
	fn raise_longest_value(&mut self, len: u32);
	/// Records a change in the frame's storage for its deposit; returns the weight that the
	/// change adds beyond the host function's own, for the caller to charge: the settlement of
	/// the call's first change of that storage, and the record of an account's variables that
	/// a deploy's first write creates.
	fn record_storage_change(&mut self, change: crate::deposit::StorageChange) -> Weight;
	/// Runs `entry` of `callee` with `input`, sending `value`, metered by `gas`.
	fn call(
		&mut self,
		gas: &mut GasMeter,
		callee: &AccountIdOf<Self::T>,
		entry: &str,
		input: Vec<u8>,
		value: BalanceOf<Self::T>,
	) -> Result<Vec<u8>, ExecError>;
	/// Runs `entry` of `callee` with `input` as a read-only call, metered by `gas`: any state
	/// change, transfer or event inside it fails with `StateChangeInReadOnlyCall`.
	fn query(
		&mut self,
		gas: &mut GasMeter,
		callee: &AccountIdOf<Self::T>,
		entry: &str,
		input: Vec<u8>,
	) -> Result<Vec<u8>, ExecError>;
	/// Creates a contract from `code_id` with this frame's contract as creator and admin,
	/// metered by `gas`; returns its address and output.
	fn instantiate(
		&mut self,
		gas: &mut GasMeter,
		code_id: CodeId,
		msg: Vec<u8>,
		value: BalanceOf<Self::T>,
		salt: Vec<u8>,
	) -> Result<(AccountIdOf<Self::T>, Vec<u8>), ExecError>;
	/// The free balance of the running contract.
	fn balance(&self) -> BalanceOf<Self::T>;
	/// Moves `amount` from the running contract to `to`, keeping the contract alive.
	fn transfer(&mut self, to: &AccountIdOf<Self::T>, amount: BalanceOf<Self::T>) -> Result<(), sp_runtime::DispatchError>;
	/// Deposits the running contract's `ContractEmitted` event with `topic` and `data`.
	fn deposit_event(&mut self, topic: Vec<u8>, data: Vec<u8>);
	/// Pays `amount` for the deploy this frame is the payment module of.
	fn pay(&mut self, amount: BalanceOf<Self::T>) -> ReturnCode;
	/// Takes `bytes` from the call tree's and the block's event budgets; true when the block's
	/// event counter was already written in the block (its read and write touched no
	/// database, and their weight may be given back).
	fn reserve_event_bytes(&mut self, bytes: u32) -> Result<bool, Error<Self::T>>;
	/// Terminates the contract of this frame: its balance goes to `beneficiary`, its info is
	/// removed and its storage and code history are queued for removal.
	fn terminate(&mut self, beneficiary: &AccountIdOf<Self::T>) -> Result<(), ExecError>;
}

/// Which export to run.
#[derive(Clone, Copy, Debug)]
pub enum EntryPoint<'a> {
	/// The export must exist (`execute`, queries, deploy modules).
	Required(&'a str),
	/// The export runs when it exists (`instantiate`, `migrate` hooks).
	Optional(&'a str),
}

#[cfg(test)]
impl<'a> EntryPoint<'a> {
	/// The export's name.
	pub fn name(self) -> &'a str {
		match self {
			EntryPoint::Required(name) | EntryPoint::Optional(name) => name,
		}
	}
}

/// The export name in `bytes`, if it is valid UTF-8, short enough and not reserved.
pub fn entry_point_name<T: Config>(bytes: &[u8]) -> Result<&str, Error<T>> {
	if bytes.len() > limits::MAX_ENTRY_POINT_LEN as usize {
		return Err(Error::<T>::InvalidEntryPoint)
	}
	let name = core::str::from_utf8(bytes).map_err(|_| Error::<T>::InvalidEntryPoint)?;
	if name.is_empty() {
		return Err(Error::<T>::InvalidEntryPoint)
	}
	if abi::RESERVED_EXPORTS.contains(&name) {
		return Err(Error::<T>::ReservedEntryPoint)
	}
	Ok(name)
}

/// Validates `wasm` for storage or a deploy: the pallet's rules in one pass, then wasmi's own
/// parsing limits (a lazy compilation, which translates no function). Returns its footprint,
/// with the price of its translation.
pub fn validate<T: Config>(wasm: &[u8], params: &Params) -> Result<Footprint, Error<T>> {
	let reference_fuel = crate::costs::translation_fuel_per_byte::<T>();
	let translation = validation::validate(wasm, params, reference_fuel).map_err(Error::<T>::from)?;
	let engine = engine::new_engine(Metering::Fuel, 1);
	let footprint = Footprint { translation, ..validation::footprint(wasm) };
	let mut cache = ModuleCache::default();
	cache.compile_validated(&engine, CodeHash::default(), wasm, footprint.clone()).map_err(|_| Error::<T>::InvalidModule)?;
	Ok(footprint)
}

/// Most functions of `module` that a run which burnt `fuel` units of fuel (its nested calls'
/// included) can have translated: wasmi charges every function it translates the fuel of its
/// body's bytes at the module's rate, whether a call instruction or the host entered it, so `k`
/// translated functions burnt at least the fuel of the module's `k` smallest bodies. Host
/// functions' charges are not fuel, so they do not count.
fn functions_translated_bound<T: Config>(fuel: u64, module: &CachedModule) -> u32 {
	let rate = crate::costs::translation_rate::<T>(module.footprint.translation);
	module.footprint.body_sizes.most_translatable(fuel, rate.into())
}

/// What one call tree shares: an engine per rate of translation fuel its modules are priced
/// at (wasmi charges translation at its engine's rate), and the modules it compiled.
pub struct Vm<E: Ext> {
	metering: Metering,
	engines: RefCell<BTreeMap<u32, Engine>>,
	cache: RefCell<ModuleCache>,
	/// The frames whose host functions the call tree's instances call.
	ext: PhantomData<fn() -> E>,
}

impl<E: Ext> Vm<E> {
	/// A call tree's machine, metering with `metering`.
	pub fn new(metering: Metering) -> Self {
		Self { metering, engines: RefCell::default(), cache: RefCell::new(ModuleCache::default()), ext: PhantomData }
	}

	/// The engine that charges `rate` fuel per byte translated, made on first use.
	fn engine(&self, rate: u32) -> Engine {
		self.engines.borrow_mut().entry(rate).or_insert_with(|| engine::new_engine(self.metering, rate)).clone()
	}

	/// The module of stored code `code_hash` (`code_size` bytes, its translation priced
	/// `translation`), compiled on first use in this call tree from what `fetch` reads. Charges [`Cost::CodeLoad`] (without its
	/// proof_size when `proof_recorded`: an earlier call of the block loaded the code) and
	/// [`Cost::ModuleLoad`] when it compiles, nothing when the call tree already has it.
	pub fn stored_module(
		&self,
		gas: &mut GasMeter,
		code_hash: CodeHash,
		code_size: u32,
		translation: TranslationPrice,
		proof_recorded: bool,
		fetch: impl FnOnce() -> Option<Vec<u8>>,
	) -> Result<CachedModule, ExecError> {
		let out_of_gas = |_| ExecError::from(Error::<E::T>::OutOfGas);
		if let Some(cached) = self.cache.borrow().get(&code_hash) {
			return Ok(cached)
		}
		gas.charge(Cost::CodeLoad { code_size, proof_recorded }.weight::<E::T>()).map_err(out_of_gas)?;
		let wasm = fetch().ok_or(Error::<E::T>::CodeNotFound)?;
		let footprint = Footprint { translation, ..validation::footprint(&wasm) };
		gas.charge(Cost::from(&footprint).weight::<E::T>()).map_err(out_of_gas)?;
		self.compile_validated(code_hash, &wasm, footprint)
	}

	/// Compiles a module that was just validated (a deploy module), keyed by its hash, on the
	/// engine of its translation's rate.
	pub fn compile_validated(&self, code_hash: CodeHash, wasm: &[u8], footprint: Footprint) -> Result<CachedModule, ExecError> {
		let engine = self.engine(crate::costs::translation_rate::<E::T>(footprint.translation));
		let compiled = self.cache.borrow_mut().compile_validated(&engine, code_hash, wasm, footprint);
		compiled.map_err(|error| {
			match error {
				CacheError::TooManyModules => Error::<E::T>::TooManyModulesInCall,
				CacheError::TooMuchCode => Error::<E::T>::TooMuchCodeInCall,
				CacheError::Compile => Error::<E::T>::InvalidModule,
			}
			.into()
		})
	}
}

/// Runs `entry` of `module` in a fresh instance whose host functions see `ext`, metered by
/// `gas`; returns both and the output.
///
/// The output is what the contract set with `set_return_data`, else the little-endian bytes
/// of the export's `i32`/`i64` result, else nothing.
pub fn run<E: Ext>(
	module: &CachedModule,
	entry: EntryPoint,
	ext: E,
	gas: GasMeter,
) -> (E, GasMeter, Result<Vec<u8>, ExecError>) {
	let mut gas = gas;
	// The fixed translation cost of every function no run has paid for is reserved, and what
	// the run cannot have translated is given back afterwards.
	let reserved = module.runs.untranslated.take();
	let Footprint { memory_pages, data_bytes, translation: price, .. } = module.footprint;
	// So is the memory's first copy: a grow of one page may copy all the pages the instance
	// starts with, more than the grow's fuel pays for; the run is charged what it copied.
	let first_copy = Cost::MemoryCopy { bytes: u64::from(memory_pages).saturating_mul(limits::PAGE_SIZE) }.weight::<E::T>();
	let weight = Cost::Instance { memory_pages, data_bytes }
		.weight::<E::T>()
		.saturating_add(Cost::FunctionTranslation { functions: reserved, price }.weight::<E::T>())
		.saturating_add(reinstantiation::<E::T>(module))
		.saturating_add(first_copy);
	if gas.charge(weight).is_err() {
		module.runs.untranslated.set(reserved);
		return (ext, gas, Err(Error::<E::T>::OutOfGas.into()))
	}
	module.runs.instantiated.set(true);
	let fuel_before = gas.fuel_burnt();
	let mut store = new_store(module, ext, gas);
	let outcome = run_in_store(&mut store, module, entry);
	let fuel_left = store.get_fuel();
	let mut state = store.into_data();
	// Without fuel metering (a comparison strategy) there is no fuel to absorb.
	if let Ok(fuel_left) = fuel_left {
		state.gas.absorb_fuel(fuel_left);
	}
	let copied = Cost::MemoryCopy { bytes: state.limits().copied_bytes() }.weight::<E::T>();
	let copies_paid = state.gas.is_exhausted() || {
		state.gas.refund(first_copy);
		state.gas.charge(copied).is_ok()
	};
	let result = match outcome {
		_ if !copies_paid => Err(Error::<E::T>::OutOfGas.into()),
		Ok(value) => Ok(state.output.take().or(value).unwrap_or_default()),
		// `terminate` ends the run successfully, returning nothing.
		Err(_) if state.terminated => Ok(Vec::new()),
		Err(error) => Err(state.classify(error)),
	};
	if !state.gas.is_exhausted() {
		let fuel = state.gas.fuel_burnt().saturating_sub(fuel_before);
		let translated = functions_translated_bound::<E::T>(fuel, module).min(reserved);
		let unused = reserved.saturating_sub(translated);
		state.gas.refund(Cost::FunctionTranslation { functions: unused, price }.weight::<E::T>());
		module.runs.untranslated.set(module.runs.untranslated.get().saturating_add(unused));
	}
	(state.ext, state.gas, result)
}

/// What instantiating `module` again costs beyond its memory and data: wasmi makes every
/// function, import, export, global and table element of each instance anew. The module's load
/// ([`Cost::ModuleLoad`], whose benchmarks parse and instantiate once) paid for the first
/// instance of the call tree; every later one pays that price again, which bounds the
/// instance's part of it.
fn reinstantiation<T: Config>(module: &CachedModule) -> Weight {
	if module.runs.instantiated.get() {
		Cost::from(&module.footprint).weight::<T>()
	} else {
		Weight::zero()
	}
}

/// A store for running `module` for `ext`, on the module's engine, with its memory limits,
/// holding the fuel `gas` buys.
fn new_store<E: Ext>(module: &CachedModule, ext: E, gas: GasMeter) -> Store<HostState<E>> {
	let limits = engine::store_limits(ext.params());
	let mut store = Store::new(module.module.engine(), HostState::new(ext, gas, limits));
	store.limiter(|state| state.limits());
	let fuel = store.data_mut().gas.grant_fuel();
	// Fails only when the engine does not meter fuel.
	let _ = store.set_fuel(fuel);
	store
}

/// Instantiates `module` in `store` with the host functions it imports.
fn instantiate<E: Ext>(store: &mut Store<HostState<E>>, module: &CachedModule) -> Result<Instance, RunError> {
	let imports = module
		.module
		.imports()
		.map(|import| host::import(store, import.module(), import.name()).map(Extern::Func))
		.collect::<Option<Vec<_>>>()
		.ok_or(RunError::Pallet(Error::<E::T>::InvalidModule.into()))?;
	let instance = Instance::new(&mut *store, &module.module, &imports)?;
	let exports = instance::HostExports::of(&instance, &*store);
	store.data_mut().set_exports(exports);
	Ok(instance)
}

/// What running an export produced: its integer result, if it has one.
type RunOutcome = Result<Option<Vec<u8>>, RunError>;

/// Why running an export failed.
pub(crate) enum RunError {
	/// wasmi refused or trapped.
	Wasm(wasmi::Error),
	/// The pallet refused before or after running wasm.
	Pallet(ExecError),
}

impl From<wasmi::Error> for RunError {
	fn from(error: wasmi::Error) -> Self {
		RunError::Wasm(error)
	}
}

fn run_in_store<E: Ext>(
	store: &mut Store<HostState<E>>,
	module: &CachedModule,
	entry: EntryPoint,
) -> RunOutcome {
	let pallet_error = |error: Error<E::T>| RunError::Pallet(error.into());
	let instance = instantiate(store, module)?;
	let (name, required) = match entry {
		EntryPoint::Required(name) => (name, true),
		EntryPoint::Optional(name) => (name, false),
	};
	let Some(func) = instance.get_func(&*store, name) else {
		return if required { Err(pallet_error(Error::<E::T>::EntryPointNotFound)) } else { Ok(None) }
	};
	let ty = func.ty(&*store);
	let mut results = match (ty.params(), ty.results()) {
		([], []) => Vec::new(),
		([], [ValType::I32]) => alloc::vec![Val::I32(0)],
		([], [ValType::I64]) => alloc::vec![Val::I64(0)],
		_ => return Err(pallet_error(Error::<E::T>::InvalidEntryPointSignature)),
	};
	func.call(&mut *store, &[], &mut results)?;
	Ok(match results.first() {
		Some(Val::I32(value)) => Some(value.to_le_bytes().to_vec()),
		Some(Val::I64(value)) => Some(value.to_le_bytes().to_vec()),
		_ => None,
	})
}

impl<E: Ext> HostState<E> {
	/// Names why a run failed: the reason a host function recorded, else wasmi's trap.
	fn classify(&mut self, error: RunError) -> ExecError {
		let error = match error {
			RunError::Pallet(error) => {
				if error.is_out_of_gas::<E::T>() {
					self.gas.exhaust();
				}
				return error
			},
			RunError::Wasm(error) => error,
		};
		if let Some(reason) = self.trap.take() {
			if reason.is_out_of_gas::<E::T>() {
				self.gas.exhaust();
			}
			return reason
		}
		let reason = match error.kind().as_trap_code() {
			Some(TrapCode::OutOfFuel) => {
				self.gas.exhaust();
				Error::<E::T>::OutOfGas
			},
			Some(TrapCode::StackOverflow) => Error::<E::T>::StackOverflow,
			Some(TrapCode::GrowthOperationLimited) => Error::<E::T>::MemoryLimitExceeded,
			_ => Error::<E::T>::ContractTrapped,
		};
		reason.into()
	}
}

/// A module instantiated for a benchmark, whose export the measured block calls.
#[cfg(feature = "runtime-benchmarks")]
pub struct Prepared<E: Ext> {
	store: Store<HostState<E>>,
	func: wasmi::Func,
	allocate: Option<wasmi::Func>,
}

#[cfg(feature = "runtime-benchmarks")]
impl<E: Ext> Prepared<E> {
	/// Instantiates `module` for `ext` and finds its export `export`.
	pub fn new(module: &CachedModule, export: &str, ext: E, gas: GasMeter) -> Result<Self, &'static str> {
		let mut store = new_store(module, ext, gas);
		let instance = instantiate(&mut store, module).map_err(|_| "the benchmark module does not instantiate")?;
		let func = instance.get_func(&store, export).ok_or("the benchmark module lacks its export")?;
		let allocate = instance.get_func(&store, abi::ALLOCATE_EXPORT);
		Ok(Self { store, func, allocate })
	}

	/// Calls the export once.
	pub fn call(&mut self) -> Result<(), wasmi::Error> {
		self.func.call(&mut self.store, &[], &mut [])
	}

	/// Calls the module's `allocate` export once, if it has one, so that wasmi has translated
	/// it: a call pays for translating `allocate` with its other functions, not in the host
	/// function that first places a value.
	pub fn translate_allocate(&mut self) -> Result<(), wasmi::Error> {
		let Some(allocate) = self.allocate else { return Ok(()) };
		let mut address = [Val::I32(0)];
		allocate.call(&mut self.store, &[Val::I32(1)], &mut address)
	}

	/// The frame's context.
	pub fn ext(&self) -> &E {
		&self.store.data().ext
	}

	/// What the contract set with `set_return_data`.
	pub fn output(&self) -> Option<&Vec<u8>> {
		self.store.data().output.as_ref()
	}

	/// Fuel the store has left (for the benchmarks' tests).
	#[cfg(test)]
	pub fn fuel(&self) -> u64 {
		self.store.get_fuel().unwrap_or(0)
	}
}
