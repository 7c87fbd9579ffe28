//! Running contract code on wasmi.
//!
//! - [`prepare`]: validation at upload.
//! - [`engine`]: the engine and store limits.
//! - [`host`]: the host function table; [`runtime`]: what each host function does.
//!
//! [`run`] instantiates a module in a fresh store whose data is the call's [`Frame`], runs one
//! export and turns wasmi's outcome into the call's output or an [`ExecError`].

pub mod engine;
pub mod host;
pub mod prepare;
pub mod runtime;

use crate::{
	exec::{ExecError, Frame, Metering},
	Config, Error,
};
use alloc::vec::Vec;
use wasmi::{Instance, Module, Store, TrapCode, Val, ValType};

/// Which export to run.
#[derive(Clone, Copy, Debug)]
pub enum EntryPoint<'a> {
	/// The export must exist (`execute`, queries, deploy modules).
	Required(&'a str),
	/// The export runs when it exists (`instantiate`, `migrate` hooks).
	Optional(&'a str),
}

/// Runs `entry` of `code` with `frame` as the store's data; returns the frame (with its gas
/// meter) and the output.
///
/// The output is what the contract set with `set_return_data`, else the little-endian bytes
/// of the export's `i32`/`i64` result, else nothing.
pub fn run<T: Config>(code: &[u8], entry: EntryPoint, frame: Frame<T>) -> (Frame<T>, Result<Vec<u8>, ExecError>) {
	let mut store = new_store(frame);
	let outcome = run_in_store(&mut store, code, entry);
	let fuel_left = store.get_fuel();
	let mut frame = store.into_data();
	// Without fuel metering (a comparison strategy) there is no fuel to absorb.
	if let Ok(fuel_left) = fuel_left {
		frame.gas.absorb_fuel(fuel_left);
	}
	let result = match outcome {
		Ok(Some(value)) => Ok(frame.output.take().unwrap_or(value)),
		Ok(None) => Ok(frame.output.take().unwrap_or_default()),
		Err(error) => Err(classify::<T>(&mut frame, error)),
	};
	(frame, result)
}

/// A store for `frame` with its memory limits, holding the fuel its gas buys.
fn new_store<T: Config>(frame: Frame<T>) -> Store<Frame<T>> {
	let engine = frame.env.engine.clone();
	let limits = engine::store_limits(&frame.env.params);
	let mut store = Store::new(&engine, frame);
	store.data_mut().limits = limits;
	store.limiter(|frame| &mut frame.limits);
	if store.data().env.metering == Metering::Fuel {
		let fuel = store.data_mut().gas.grant_fuel();
		// Fails only when the engine does not meter fuel.
		let _ = store.set_fuel(fuel);
	}
	store
}

/// Compiles `code` and instantiates it in `store` with the host functions.
fn instantiate<T: Config>(store: &mut Store<Frame<T>>, code: &[u8]) -> Result<Instance, RunError> {
	let engine = store.engine().clone();
	let module = Module::new(&engine, code).map_err(|_| RunError::Pallet(Error::<T>::InvalidModule.into()))?;
	let linker = host::linker::<T>(&engine, store.data().env.metering)?;
	Ok(linker.instantiate_and_start(&mut *store, &module)?)
}

/// What running an export produced: its integer result, if it has one.
type RunOutcome = Result<Option<Vec<u8>>, RunError>;

/// Why running an export failed.
enum RunError {
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

fn run_in_store<T: Config>(store: &mut Store<Frame<T>>, code: &[u8], entry: EntryPoint) -> RunOutcome {
	let pallet_error = |error: Error<T>| RunError::Pallet(error.into());
	let instance = instantiate(store, code)?;
	let (name, required) = match entry {
		EntryPoint::Required(name) => (name, true),
		EntryPoint::Optional(name) => (name, false),
	};
	let Some(func) = instance.get_func(&*store, name) else {
		return if required { Err(pallet_error(Error::<T>::EntryPointNotFound)) } else { Ok(None) }
	};
	let ty = func.ty(&*store);
	let mut results = match (ty.params(), ty.results()) {
		([], []) => Vec::new(),
		([], [ValType::I32]) => alloc::vec![Val::I32(0)],
		([], [ValType::I64]) => alloc::vec![Val::I64(0)],
		_ => return Err(pallet_error(Error::<T>::InvalidEntryPointSignature)),
	};
	func.call(&mut *store, &[], &mut results)?;
	Ok(match results.first() {
		Some(Val::I32(value)) => Some(value.to_le_bytes().to_vec()),
		Some(Val::I64(value)) => Some(value.to_le_bytes().to_vec()),
		_ => None,
	})
}

/// Names why a run failed: the reason a host function recorded, else wasmi's trap.
fn classify<T: Config>(frame: &mut Frame<T>, error: RunError) -> ExecError {
	let error = match error {
		RunError::Pallet(error) => return error,
		RunError::Wasm(error) => error,
	};
	if let Some(reason) = frame.trap.take() {
		if reason.is_out_of_gas::<T>() {
			frame.gas.exhaust();
		}
		return reason
	}
	let reason = match error.kind().as_trap_code() {
		Some(TrapCode::OutOfFuel) => {
			frame.gas.exhaust();
			Error::<T>::OutOfGas
		},
		Some(TrapCode::StackOverflow) => Error::<T>::StackOverflow,
		Some(TrapCode::GrowthOperationLimited) => Error::<T>::MemoryLimitExceeded,
		_ => Error::<T>::ContractTrapped,
	};
	reason.into()
}

/// A module instantiated for a benchmark, whose export the measured block calls.
#[cfg(feature = "runtime-benchmarks")]
pub struct Prepared<T: Config> {
	store: Store<Frame<T>>,
	func: wasmi::Func,
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Prepared<T> {
	/// Instantiates `code` with `frame` and finds its export `export`.
	pub fn new(code: &[u8], export: &str, frame: Frame<T>) -> Result<Self, &'static str> {
		let mut store = new_store(frame);
		let instance = instantiate(&mut store, code).map_err(|_| "the benchmark module does not instantiate")?;
		let func = instance.get_func(&store, export).ok_or("the benchmark module lacks its export")?;
		Ok(Self { store, func })
	}

	/// Calls the export once.
	pub fn call(&mut self) -> Result<(), wasmi::Error> {
		self.func.call(&mut self.store, &[], &mut [])
	}

	/// The frame, as the call left it.
	pub fn frame(&self) -> &Frame<T> {
		self.store.data()
	}

	/// Fuel the store has left.
	pub fn fuel(&self) -> u64 {
		self.store.get_fuel().unwrap_or(0)
	}
}
