//! Benchmarks of every dispatchable, of loading code, of one unit of wasm work and of every host
//! function.
//!
//! Dispatchable benchmarks run a contract that does nothing, so they measure what the base
//! weight covers. `instr` measures an empty loop and the other `instr_*` benchmarks a loop of
//! each costly instruction class: each slope, divided by the fuel an iteration burns
//! ([`crate::costs::FUEL_PER_ITERATION`]), prices a unit of fuel, and the largest is the price. Each host function benchmark
//! instantiates a module outside the measured block and, inside it, makes exactly one call from
//! wasm into the host function: the wasm-to-host transition plus the function itself.

pub mod module;

use crate::{
	exec::{CallTree, Frame},
	gas::GasMeter,
	vm::{Ext, Prepared},
	*,
};
use alloc::{rc::Rc, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, InspectHold, Mutate};
use frame_system::RawOrigin;
use module::{Declared, InstrClass, ModuleSpec, BENCH_EXPORT};
use sp_runtime::traits::{Bounded, SaturatedConversion, Saturating, Zero};
use vm::imports::HostFn;
use wasm_contracts_primitives::{limits, Params};
use wasm_instrument::parity_wasm::elements::Instruction::{self, I32Const, I64Const};

/// Largest module the code-size benchmarks use: as many filler functions as a module may have,
/// less a margin for the module's own functions (about 420 KiB). Larger modules need larger
/// functions, which cost less per byte, so the measured slope holds for them too.
const MAX_CODE: u32 = (limits::MAX_FUNCTIONS - 16) * module::FILLER_FUNCTION_BYTES;
/// Key of the storage benchmarks: as long as the default `max_storage_key_len` allows. Longer
/// keys pay for their bytes apart (`costs::Cost::Key`).
const MAX_KEY: u32 = 128;
/// Most functions the function-loading benchmark adds to a module: with the padding that keeps
/// their average size at 40 bytes, a module of about 360 KiB.
const MAX_UNCALLED_FUNCTIONS: u32 = 9_000;
/// Most bytes of declarations the declaration benchmarks add, leaving room for the module's own.
const MAX_DECLARATIONS: u32 = limits::MAX_DECLARATION_BYTES - 1024;
/// Most pages the instance memory benchmark starts a memory with: the default parameters' limit.
const MAX_INITIAL_PAGES: u32 = 16;
/// Host functions a module may import, each once.
const HOST_FNS: u32 = HostFn::ALL.len() as u32;
/// Most bytes the export names benchmark adds to two-byte names: what the declarations of a
/// module with the most exports leave.
const MAX_EXPORT_NAME_BYTES: u32 = limits::MAX_DECLARATION_BYTES - 4 * 1024;
/// Largest function body the translation benchmark uses.
const MAX_BODY: u32 = 256 * 1024;
/// Largest message the message-size benchmarks use.
const MAX_MSG: u32 = 64 * 1024;
/// Largest number of bytes a host function benchmark moves.
const MAX_BYTES: u32 = 16 * 1024;
/// Where benchmark modules keep their data.
const DATA: i32 = 1024;

fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let account: T::AccountId = account(name, 0, 0);
	T::Currency::set_balance(&account, BalanceOf::<T>::max_value() / 4u32.into());
	account
}

/// Stores `wasm` unvalidated, its translation at the reference price, at which the translation
/// benchmarks measure.
fn upload<T: Config>(uploader: &T::AccountId, wasm: Vec<u8>) -> Result<CodeId, BenchmarkError> {
	let translation = wasm_contracts_primitives::TranslationPrice::REFERENCE;
	let (code_id, _) = Pallet::<T>::store_code(uploader.clone(), wasm, translation, None).map_err(|_| "the module stores")?;
	Ok(code_id)
}

/// A call of the export of a contract of `wasm` in a fresh call tree, which loads its code.
struct StoredCall<T: Config> {
	tree: Rc<CallTree<T>>,
	gas: GasMeter,
	caller: T::AccountId,
	contract: T::AccountId,
}

impl<T: Config> StoredCall<T> {
	fn new(wasm: Vec<u8>) -> Result<Self, BenchmarkError> {
		let caller = funded::<T>("creator");
		let contract = contract_of::<T>(&caller, wasm)?;
		let (tree, gas) = started::<T>();
		Ok(Self { tree, gas, caller, contract })
	}

	fn run(&mut self) -> Result<(), BenchmarkError> {
		let caller = Some(self.caller.clone());
		exec::call::<T>(&self.tree, &mut self.gas, 1, caller, &self.contract, BENCH_EXPORT, vec![], 0u32.into())
			.map(|_| ())
			.map_err(|_| BenchmarkError::Stop("the stored contract's call failed"))
	}
}

/// Instantiates `wasm` as `creator`, with `creator` as admin.
fn contract_of<T: Config>(creator: &T::AccountId, wasm: Vec<u8>) -> Result<T::AccountId, BenchmarkError> {
	let code_id = upload::<T>(creator, wasm)?;
	let (tree, mut gas) = started::<T>();
	let instantiated = exec::instantiate::<T>(
		&tree,
		&mut gas,
		1,
		creator.clone(),
		code_id,
		vec![],
		Some(creator.clone()),
		0u32.into(),
		exec::AddressScheme::Unsalted,
	);
	let contract = instantiated.map_err(|_| "the contract instantiates")?.0;
	Pallet::<T>::settle_deposits(creator, tree.take_deposits(), None).map_err(|_| "the creator pays its deposit")?;
	Ok(contract)
}

/// The uploader behind `T::UploadOrigin`'s benchmark origin, funded for its deposits.
fn funded_uploader<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	let origin = T::UploadOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	let uploader = T::UploadOrigin::ensure_origin(origin.clone()).map_err(|_| BenchmarkError::Weightless)?;
	T::Currency::set_balance(&uploader, BalanceOf::<T>::max_value() / 4u32.into());
	Ok(origin)
}

fn started<T: Config>() -> (Rc<CallTree<T>>, GasMeter) {
	let params = Parameters::<T>::get();
	let gas = GasMeter::new(params.max_contract_gas, costs::fuel_unit::<T>());
	(CallTree::new(params, false), gas)
}

/// The module of `spec` instantiated as the code of a funded contract, its export already
/// translated by a first call that skips the body, ready for the measured call.
fn prepared<T: Config>(spec: ModuleSpec) -> Result<Prepared<Frame<T>>, BenchmarkError> {
	warmed_up::<T>(ModuleSpec { skip_first_call: true, ..spec }.build())
}

/// `wasm`, whose export skips its body on the first call, instantiated and called once, with
/// its `allocate` export (if any) translated too: the benchmarks measure the host functions,
/// and a call's translation fuel pays for the contract's functions.
fn warmed_up<T: Config>(wasm: Vec<u8>) -> Result<Prepared<Frame<T>>, BenchmarkError> {
	warmed_up_with_input::<T>(wasm, vec![])
}

/// [`warmed_up`] for a call whose input is `input`.
fn warmed_up_with_input<T: Config>(wasm: Vec<u8>, input: Vec<u8>) -> Result<Prepared<Frame<T>>, BenchmarkError> {
	let mut prepared = prepared_with_input::<T>(wasm, input)?;
	prepared.call().map_err(|_| BenchmarkError::Stop("the warm-up call trapped"))?;
	prepared.translate_allocate().map_err(|_| BenchmarkError::Stop("the warm-up allocation trapped"))?;
	Ok(prepared)
}

/// Runs one call of a prepared host function benchmark and checks that it returned.
fn call_once<T: Config>(prepared: &mut Prepared<Frame<T>>) -> Result<(), BenchmarkError> {
	prepared.call().map_err(|_| BenchmarkError::Stop("the host function benchmark trapped"))
}

fn bytes_of(len: u32, seed: u8) -> Vec<u8> {
	(0..len).map(|i| (i as u8).wrapping_add(seed)).collect()
}

fn args(values: &[i32]) -> Vec<Instruction> {
	values.iter().map(|value| I32Const(*value)).collect()
}

/// Arguments of `storage_read_into` for the `key_len`-byte key at [`DATA`]: a buffer of
/// [`MAX_BYTES`] at [`module::ALLOCATED_AT`], which every value fits.
fn read_into_args(key_len: usize) -> Vec<Instruction> {
	args(&[DATA, key_len as i32, module::ALLOCATED_AT, MAX_BYTES as i32])
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark(pov_mode = Measured)]
	fn upload_code(c: Linear<0, MAX_CODE>) -> Result<(), BenchmarkError> {
		let origin = funded_uploader::<T>()?;
		let wasm = module::sized(c);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, wasm, None);
		assert!(CodeInfoOf::<T>::contains_key(1));
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn code_load(c: Linear<0, MAX_CODE>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::one_function(c))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_functions(f: Linear<0, MAX_UNCALLED_FUNCTIONS>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::uncalled_functions(f))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_declarations(d: Linear<0, MAX_DECLARATIONS>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::declarations(d))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_imports(i: Linear<0, HOST_FNS>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::declared(Declared::Imports, i))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_exports(e: Linear<0, { module::NAMED_EXPORTS }>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::declared(Declared::Exports, e))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_export_names(b: Linear<0, MAX_EXPORT_NAME_BYTES>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::declared(Declared::ExportNames, b))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_globals(g: Linear<0, { limits::MAX_GLOBALS }>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::declared(Declared::Globals, g))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_data_segments(s: Linear<0, { module::MAX_SEGMENTS }>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::declared(Declared::DataSegments, s))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn load_element_segments(s: Linear<0, { module::MAX_SEGMENTS }>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(module::declared(Declared::ElementSegments, s))?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn instance_memory(p: Linear<0, MAX_INITIAL_PAGES>) -> Result<(), BenchmarkError> {
		let mut call = StoredCall::<T>::new(ModuleSpec { memory_pages: p, ..Default::default() }.build())?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	/// A call of an instance of `p` pages that grows its memory by one page: wasmi's buffer
	/// holds exactly the pages an instance starts with, so the grow moves all `p` of them.
	#[benchmark(pov_mode = Measured)]
	fn memory_grow_copy(p: Linear<1, { MAX_INITIAL_PAGES - 1 }>) -> Result<(), BenchmarkError> {
		use wasm_instrument::parity_wasm::elements::{BlockType, Instruction::*};
		let body = vec![I32Const(1), GrowMemory(0), I32Const(-1), I32Eq, If(BlockType::NoResult), Unreachable, End];
		let mut call = StoredCall::<T>::new(ModuleSpec { memory_pages: p, body, ..Default::default() }.build())?;
		#[block]
		{
			call.run()?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn validate_declarations(d: Linear<0, MAX_DECLARATIONS>) -> Result<(), BenchmarkError> {
		let origin = funded_uploader::<T>()?;
		let wasm = module::declarations(d);
		#[extrinsic_call]
		upload_code(origin as T::RuntimeOrigin, wasm, None);
		assert!(CodeInfoOf::<T>::contains_key(1));
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn instantiate(m: Linear<0, MAX_MSG>) -> Result<(), BenchmarkError> {
		let caller = funded::<T>("caller");
		let code_id = upload::<T>(&caller, module::sized(0))?;
		let gas_limit = Parameters::<T>::get().max_contract_gas;
		let admin = Some(caller.clone());
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), code_id, bytes_of(m, 0), admin, 0u32.into(), gas_limit, None, None);
		assert_eq!(InstanceCounter::<T>::get(), 1);
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn execute(m: Linear<0, MAX_MSG>) -> Result<(), BenchmarkError> {
		let caller = funded::<T>("caller");
		let contract = contract_of::<T>(&caller, module::minimal())?;
		let gas_limit = Parameters::<T>::get().max_contract_gas;
		// The block ran as many other contracts as it records but one: the call reads the
		// whole record and writes it back with its own contract.
		let others = (1..wasm_contracts_primitives::limits::MAX_CONTRACTS_RUN_IN_BLOCK).map(|index| (account::<T::AccountId>("other", index, 0), 1));
		let run = BoundedVec::try_from(others.collect::<Vec<_>>()).map_err(|_| BenchmarkError::Stop("record bound"))?;
		crate::ContractsRunInBlock::<T>::put(run);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), contract, BENCH_EXPORT.as_bytes().to_vec(), bytes_of(m, 0), 0u32.into(), gas_limit, None);
		assert_eq!(crate::ContractsRunInBlock::<T>::get().map(|run| run.len() as u32), Some(wasm_contracts_primitives::limits::MAX_CONTRACTS_RUN_IN_BLOCK));
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn migrate(m: Linear<0, MAX_MSG>) -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin");
		let contract = contract_of::<T>(&admin, module::sized(0))?;
		let new_code_id = upload::<T>(&admin, module::sized(1_000))?;
		let gas_limit = Parameters::<T>::get().max_contract_gas;
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), contract.clone(), new_code_id, bytes_of(m, 0), gas_limit, None);
		assert_eq!(ContractInfoOf::<T>::get(&contract).map(|info| info.code_id), Some(new_code_id));
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn update_admin() -> Result<(), BenchmarkError> {
		let admin = funded::<T>("admin");
		let contract = contract_of::<T>(&admin, module::sized(0))?;
		let new_admin: T::AccountId = account("new_admin", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), contract.clone(), new_admin.clone());
		assert_eq!(ContractInfoOf::<T>::get(&contract).and_then(|info| info.admin), Some(new_admin));
		Ok(())
	}

	#[benchmark]
	fn set_params() -> Result<(), BenchmarkError> {
		let origin = T::ParamsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = Params { max_call_depth: 4, ..Params::default() };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params.clone());
		assert_eq!(Parameters::<T>::get(), params);
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn deploy(c: Linear<0, MAX_CODE>) -> Result<(), BenchmarkError> {
		let account = funded::<T>("account");
		let destination = T::FeeDestination::get();
		T::Currency::set_balance(&destination, T::Currency::minimum_balance());
		let session = module::sized(c);
		let payment_amount = BalanceOf::<T>::max_value() / 16u32.into();
		#[extrinsic_call]
		_(RawOrigin::Signed(account.clone()), vec![], session, payment_amount, Weight::zero(), None);
		// A session that stores nothing leaves no variables record: its first write creates one,
		// charged as it happens.
		assert!(!AccountTrie::<T>::contains_key(&account));
		Ok(())
	}

	/// The first call of a function of `c` bytes: wasmi translates all of it, then the call
	/// returns at once.
	#[benchmark(pov_mode = Ignored)]
	fn translate(c: Linear<0, MAX_BODY>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::translated(c))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// The first calls of `n` tiny functions, each translated then.
	#[benchmark(pov_mode = Ignored)]
	fn translate_functions(n: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = warmed_up::<T>(module::tiny_functions(n))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop.
	#[benchmark(pov_mode = Ignored)]
	fn instr(r: Linear<0, 10_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::Branch, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 calls each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_call(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::Call, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 indirect calls each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_call_indirect(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::CallIndirect, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 divisions and 8 remainders each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_div(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::DivRem, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 loads and 8 stores each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_memory(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::Memory, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a taken `br_if` out of a block each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_br_if(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::BrIf, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of an `if`/`else` each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_if_else(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::IfElse, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a `memory.fill` of one byte each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_memory_fill(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::MemoryFill, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a `memory.copy` of one byte each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_memory_copy(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::MemoryCopy, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a `table.copy` of one element each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_table_copy(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::TableCopy, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a `memory.init` of one byte each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_memory_init(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::MemoryInit, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a `table.fill` of one element each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_table_fill(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::TableFill, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a `table.set` each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_table_set(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::TableSet, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a `memory.grow` the store refuses each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_memory_grow(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::MemoryGrow, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of a global copied into another each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_global_set(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::GlobalSet, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of `memory.size` into a local each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_memory_size(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::MemorySize, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` iterations of the counting loop with 8 of `table.get` into a local each.
	#[benchmark(pov_mode = Ignored)]
	fn instr_table_get(r: Linear<0, 2_000>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared_code::<T>(module::class_loop(InstrClass::TableGet, r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// A call of an export that calls `gas_left` `r` times.
	#[benchmark(pov_mode = Ignored)]
	fn host_call(r: Linear<0, 1_000>) -> Result<(), BenchmarkError> {
		let mut prepared = warmed_up::<T>(module::host_calls(r))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Ignored)]
	fn host_context() -> Result<(), BenchmarkError> {
		let mut prepared = prepared::<T>(ModuleSpec::calling(HostFn::GetCaller, args(&[DATA])))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn host_balance() -> Result<(), BenchmarkError> {
		let mut prepared = prepared::<T>(ModuleSpec::calling(HostFn::GetBalance, args(&[DATA])))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Ignored)]
	fn host_copy(n: Linear<0, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared::<T>(ModuleSpec::calling(HostFn::SetReturnData, args(&[DATA, n as i32])))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		assert_eq!(prepared.output().map(Vec::len), Some(n as usize));
		Ok(())
	}

	/// `get_input` of an input of `n` bytes, which the host places where the contract's
	/// `allocate` export says: a call from the host back into the contract, and the copy.
	#[benchmark(pov_mode = Ignored)]
	fn host_get_input(n: Linear<0, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let spec = ModuleSpec { with_allocate: true, skip_first_call: true, ..ModuleSpec::calling(HostFn::GetInput, vec![]) };
		let mut prepared = warmed_up_with_input::<T>(spec.build(), bytes_of(n, 3))?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// A read of a value of `n` bytes under a key of [`MAX_KEY`] bytes, in a contract trie that
	/// holds only that value, as FRAME benchmarks measure a map: the walk through a larger trie
	/// to the key is what the database read in the weight stands for (`benchmark storage`
	/// measures reads with their walk), and `benchmark pallet` adds the proof of seven trie
	/// layers (a map of a million values, and two more) to every key read. Every step reads the
	/// same key, as `benchmark pallet` fits the proof of each key over all steps, and keys are
	/// stored hashed, so different keys would share no prefix.
	///
	/// The contract reads with `storage_read_into`, into a buffer of its memory that fits the
	/// value; `storage_read` pays [`Cost::Place`](crate::costs::Cost::Place) beyond it for
	/// placing the value through `allocate`.
	#[benchmark(pov_mode = Measured)]
	fn host_storage_read(n: Linear<1, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let (key, value) = (bytes_of(MAX_KEY, 1), bytes_of(n, 2));
		let spec = ModuleSpec {
			data: vec![(DATA as u32, key.clone())],
			..ModuleSpec::calling(HostFn::StorageReadInto, read_into_args(key.len()))
		};
		let mut prepared = prepared::<T>(spec)?;
		prepared.ext().storage().write(&key, &value);
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// A write of a value of `n` bytes under a key of [`MAX_KEY`] bytes (one key for all steps,
	/// in a trie of that key alone, as for `host_storage_read`).
	#[benchmark(pov_mode = Measured)]
	fn host_storage_write(n: Linear<1, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let (key, value) = (bytes_of(MAX_KEY, 1), bytes_of(n, 2));
		let value_at = DATA + key.len() as i32;
		let spec = ModuleSpec {
			data: vec![(DATA as u32, key.clone()), (value_at as u32, value.clone())],
			..ModuleSpec::calling(HostFn::StorageWrite, args(&[DATA, key.len() as i32, value_at, value.len() as i32]))
		};
		let mut prepared = prepared::<T>(spec)?;
		// Overwriting an existing value, which replaces a leaf rather than adding one.
		prepared.ext().storage().write(&key, &value);
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		assert_eq!(prepared.ext().storage().read(&key), Some(value));
		Ok(())
	}

	/// `r` reads (`storage_read_into`), in one call, of a [`MAX_KEY`]-byte key holding a 32-byte
	/// value: the first is cold, and the slope is a read of a key the call tree has already read.
	#[benchmark(pov_mode = Measured)]
	fn host_storage_read_repeated(r: Linear<1, 200>) -> Result<(), BenchmarkError> {
		let (key, value) = (bytes_of(MAX_KEY, 1), bytes_of(32, 2));
		let spec = ModuleSpec {
			data: vec![(DATA as u32, key.clone())],
			..ModuleSpec::calling(HostFn::StorageReadInto, read_into_args(key.len()))
		};
		let mut prepared = warmed_up::<T>(module::repeated(spec, r))?;
		prepared.ext().storage().write(&key, &value);
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	/// `r` writes, in one call, of a 32-byte value under a [`MAX_KEY`]-byte key that holds one
	/// already: the first is cold, and the slope is a write of a key the call tree has already
	/// written.
	#[benchmark(pov_mode = Measured)]
	fn host_storage_write_repeated(r: Linear<1, 200>) -> Result<(), BenchmarkError> {
		let (key, value) = (bytes_of(MAX_KEY, 1), bytes_of(32, 2));
		let value_at = DATA + key.len() as i32;
		let spec = ModuleSpec {
			data: vec![(DATA as u32, key.clone()), (value_at as u32, value.clone())],
			..ModuleSpec::calling(HostFn::StorageWrite, args(&[DATA, key.len() as i32, value_at, value.len() as i32]))
		};
		let mut prepared = warmed_up::<T>(module::repeated(spec, r))?;
		prepared.ext().storage().write(&key, &value);
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		assert_eq!(prepared.ext().storage().read(&key), Some(value));
		Ok(())
	}

	/// A delete under a key of [`MAX_KEY`] bytes, in a trie of that key alone (as for
	/// `host_storage_read`).
	#[benchmark(pov_mode = Measured)]
	fn host_storage_delete() -> Result<(), BenchmarkError> {
		let key = bytes_of(MAX_KEY, 3);
		let spec = ModuleSpec {
			data: vec![(DATA as u32, key.clone())],
			..ModuleSpec::calling(HostFn::StorageDelete, args(&[DATA, key.len() as i32]))
		};
		let mut prepared = prepared::<T>(spec)?;
		prepared.ext().storage().write(&key, b"value");
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		assert!(!prepared.ext().storage().contains(&key));
		Ok(())
	}

	#[benchmark(pov_mode = Ignored)]
	fn host_crypto_hash(n: Linear<0, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let spec = ModuleSpec::calling(HostFn::CryptoHash, args(&[DATA, n as i32, 0]));
		let mut prepared = prepared::<T>(ModuleSpec { memory_pages: 2, ..spec })?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Ignored)]
	fn host_crypto_verify(n: Linear<0, MAX_BYTES>) -> Result<(), BenchmarkError> {
		// A valid key and a well-formed signature of another message: verification does all
		// its work and then fails, which costs what success costs.
		let public = ED25519_PUBLIC.to_vec();
		let signature = ED25519_SIGNATURE.to_vec();
		let message_at = DATA + 96;
		let spec = ModuleSpec {
			memory_pages: 2,
			data: vec![(DATA as u32, public), (DATA as u32 + 32, signature)],
			..ModuleSpec::calling(
				HostFn::CryptoVerify,
				args(&[message_at, n as i32, DATA + 32, 64, DATA, 32]),
			)
		};
		let mut prepared = prepared::<T>(spec)?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn host_log_event(n: Linear<0, { 4 * 1024 }>) -> Result<(), BenchmarkError> {
		let topic_len = n.min(limits::MAX_EVENT_TOPIC_LEN);
		let data_len = n - topic_len;
		let spec = ModuleSpec::calling(HostFn::LogEvent, args(&[DATA, topic_len as i32, DATA, data_len as i32]));
		let mut prepared = prepared::<T>(spec)?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn host_transfer() -> Result<(), BenchmarkError> {
		let recipient: T::AccountId = account("recipient", 0, 0);
		let amount = T::Currency::minimum_balance().saturating_mul(10u32.into());
		let amount: u128 = amount.saturated_into();
		let spec = ModuleSpec {
			data: vec![(DATA as u32, recipient.as_ref().to_vec()), (DATA as u32 + 32, amount.to_le_bytes().to_vec())],
			..ModuleSpec::calling(HostFn::Transfer, args(&[DATA, DATA + 32]))
		};
		let mut prepared = prepared::<T>(spec)?;
		let contract = prepared.ext().address().clone();
		T::Currency::set_balance(&contract, BalanceOf::<T>::max_value() / 4u32.into());
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		assert!(!T::Currency::balance(&recipient).is_zero());
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn host_call_contract(n: Linear<0, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let callee = contract_of::<T>(&funded::<T>("callee_creator"), module::sized(0))?;
		let entry = BENCH_EXPORT.as_bytes().to_vec();
		let input_len = n.saturating_sub(entry.len() as u32);
		let entry_at = DATA + 32;
		let input_at = entry_at + entry.len() as i32;
		let mut call = args(&[DATA, entry_at, entry.len() as i32, input_at, input_len as i32, 0]);
		call.push(I64Const(0));
		let spec = ModuleSpec {
			memory_pages: 2,
			data: vec![(DATA as u32, callee.as_ref().to_vec()), (entry_at as u32, entry)],
			..ModuleSpec::calling(HostFn::CallContract, call)
		};
		let mut prepared = prepared::<T>(spec)?;
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		Ok(())
	}

	#[benchmark(pov_mode = Measured)]
	fn host_instantiate_contract(n: Linear<0, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let code_id = upload::<T>(&funded::<T>("uploader"), module::sized(0))?;
		let salt_len = n.min(limits::MAX_SALT_LEN);
		let msg_len = n - salt_len;
		let mut call = vec![I64Const(code_id as i64)];
		call.extend(args(&[DATA, msg_len as i32, 0, DATA, salt_len as i32, 0]));
		let spec = ModuleSpec { memory_pages: 2, ..ModuleSpec::calling(HostFn::InstantiateContract, call) };
		let mut prepared = prepared::<T>(spec)?;
		let contract = prepared.ext().address().clone();
		T::Currency::set_balance(&contract, BalanceOf::<T>::max_value() / 4u32.into());
		let before = InstanceCounter::<T>::get();
		#[block]
		{
			call_once::<T>(&mut prepared)?;
		}
		assert!(InstanceCounter::<T>::get() > before || salt_len > 0);
		Ok(())
	}

	#[benchmark(pov_mode = Ignored)]
	fn host_revert(n: Linear<0, MAX_BYTES>) -> Result<(), BenchmarkError> {
		let mut prepared = prepared::<T>(ModuleSpec::calling(HostFn::Revert, args(&[DATA, n as i32])))?;
		let reverted;
		#[block]
		{
			reverted = prepared.call().is_err();
		}
		assert!(reverted);
		Ok(())
	}

	/// Removing the last code id of a module as large as the benchmarks' largest.
	#[benchmark(pov_mode = Measured)]
	fn remove_code() -> Result<(), BenchmarkError> {
		let uploader = funded::<T>("uploader");
		let code_id = upload::<T>(&uploader, module::sized(MAX_CODE))?;
		let code_hash = CodeInfoOf::<T>::get(code_id).ok_or("the code exists")?.code_hash;
		#[extrinsic_call]
		_(RawOrigin::Signed(uploader), code_id);
		assert!(!PristineCode::<T>::contains_key(code_hash));
		Ok(())
	}

	/// The costliest termination: the contract account is reaped and the beneficiary is
	/// created by the transfer.
	#[benchmark(pov_mode = Measured)]
	fn host_terminate() -> Result<(), BenchmarkError> {
		let beneficiary: T::AccountId = account("beneficiary", 0, 0);
		let spec = ModuleSpec {
			data: vec![(DATA as u32, beneficiary.as_ref().to_vec())],
			..ModuleSpec::calling(HostFn::Terminate, args(&[DATA]))
		};
		let mut prepared = prepared::<T>(spec)?;
		let contract = prepared.ext().address().clone();
		T::Currency::set_balance(&contract, T::Currency::minimum_balance().saturating_mul(10u32.into()));
		#[block]
		{
			// `terminate` ends the run with a trap that the pallet turns into success.
			let _ = prepared.call();
		}
		assert!(!ContractInfoOf::<T>::contains_key(&contract));
		assert!(!T::Currency::balance(&beneficiary).is_zero());
		Ok(())
	}

	/// Settling a call's deposits with its origin, in both costliest forms at once: one
	/// contract's storage charged (a transfer to the contract and a hold on it) and one new
	/// contract's deposit held on the origin. Each of them is charged this whole weight.
	#[benchmark(pov_mode = Measured)]
	fn settle_deposit() -> Result<(), BenchmarkError> {
		let origin = funded::<T>("origin");
		let contract = contract_of::<T>(&origin, module::sized(0))?;
		let mut meter = deposit::DepositMeter::default();
		let trie_id = ContractInfoOf::<T>::get(&contract).ok_or("the contract exists")?.trie_id;
		meter.record(deposit::StorageOwner::Contract(contract.clone()), trie_id, deposit::StorageChange::item(1024));
		meter.instantiated(contract.clone());
		#[block]
		{
			Pallet::<T>::settle_deposits(&origin, meter, None).map_err(|_| "the origin pays")?;
		}
		let reason: T::RuntimeHoldReason = HoldReason::ContractStorage.into();
		assert!(!T::Currency::balance_on_hold(&reason, &contract).is_zero());
		Ok(())
	}

	/// `on_idle` removing a queued trie of `k` keys, each as long as keys may be, so that the
	/// proof of each removal is as large as it can be. The keys are hashed, so each step touches
	/// keys no other step does; `skip_meta` leaves them out of the per-key analysis, which needs
	/// every key in several steps, while the recorded proof is still measured.
	#[benchmark(skip_meta, pov_mode = Measured)]
	fn lazy_deletion(k: Linear<0, 1_024>) -> Result<(), BenchmarkError> {
		let trie_id: wasm_contracts_primitives::TrieId = sp_io::hashing::blake2_256(b"terminated");
		let trie = storage::ContractTrie::new(&trie_id);
		for index in 0..k {
			let mut key = bytes_of(limits::MAX_STORAGE_KEY_LEN, 3);
			key[..4].copy_from_slice(&index.to_le_bytes());
			trie.write(&key, &[7u8; 32]);
		}
		Pallet::<T>::queue_deletion(account("terminated", 0, 0), trie_id, 0).map_err(|_| "the queue takes it")?;
		#[block]
		{
			Pallet::<T>::process_deletion_queue(Weight::MAX);
		}
		assert!(DeletionQueue::<T>::iter().next().is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::new_test_ext(), crate::tests::Test);
}

/// Instantiates `wasm` as the code of a funded contract, ready for one call of its export.
fn prepared_code<T: Config>(wasm: Vec<u8>) -> Result<Prepared<Frame<T>>, BenchmarkError> {
	prepared_with_input::<T>(wasm, vec![])
}

/// [`prepared_code`] for a call whose input is `input`.
fn prepared_with_input<T: Config>(wasm: Vec<u8>, input: Vec<u8>) -> Result<Prepared<Frame<T>>, BenchmarkError> {
	let creator = funded::<T>("creator");
	let contract = contract_of::<T>(&creator, wasm.clone())?;
	// As if the contract had stored the longest value allowed: the storage benchmarks' writes
	// rewrite no record (that rewrite is a database write, `Cost::LongestValueRecord`).
	ContractInfoOf::<T>::mutate(&contract, |info| {
		if let Some(info) = info {
			info.longest_value = limits::MAX_STORAGE_VALUE_LEN;
		}
	});
	let info = ContractInfoOf::<T>::get(&contract).ok_or("the contract exists")?;
	let (tree, gas) = started::<T>();
	let footprint = vm::validation::footprint(&wasm);
	let module = tree.vm().compile_validated(sp_io::hashing::blake2_256(&wasm), &wasm, footprint);
	let module = module.map_err(|_| "the module compiles")?;
	let frame = Frame::<T>::new(&tree, 1, Some(creator), contract, &info, 0u32.into(), input);
	Ok(Prepared::new(&module, BENCH_EXPORT, frame, gas)?)
}

/// Public key of RFC 8032's first ed25519 test vector.
const ED25519_PUBLIC: [u8; 32] = [
	0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a, 0x0e, 0xe1, 0x72,
	0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
];

/// Signature of the empty message of RFC 8032's first ed25519 test vector.
const ED25519_SIGNATURE: [u8; 64] = [
	0xe5, 0x56, 0x43, 0x00, 0xc3, 0x60, 0xac, 0x72, 0x90, 0x86, 0xe2, 0xcc, 0x80, 0x6e, 0x82, 0x8a, 0x84, 0x87, 0x7f,
	0x1e, 0xb8, 0xe5, 0xd9, 0x74, 0xd8, 0x73, 0xe0, 0x65, 0x22, 0x49, 0x01, 0x55, 0x5f, 0xb8, 0x82, 0x15, 0x90, 0xa3,
	0x3b, 0xac, 0xc6, 0x1e, 0x39, 0x70, 0x1c, 0xf9, 0xb4, 0x6b, 0xd2, 0x5b, 0xf5, 0xf0, 0x59, 0x5b, 0xbe, 0x24, 0x65,
	0x51, 0x41, 0x43, 0x8e, 0x7a, 0x10, 0x0b,
];

#[cfg(test)]
mod tests {
	use super::*;
	use crate::tests::{new_test_ext, Test};

	fn fuel_burnt(class: InstrClass, iterations: u32) -> u64 {
		let mut prepared = prepared_code::<Test>(module::class_loop(class, iterations)).unwrap();
		let before = prepared.fuel();
		prepared.call().unwrap();
		before - prepared.fuel()
	}

	#[test]
	fn each_function_of_the_function_loading_benchmark_adds_the_bytes_its_price_leaves_out() {
		let functions = 3_000u32;
		let grown = module::uncalled_functions(functions).len() - module::uncalled_functions(0).len();
		assert!(grown as u64 >= costs::LOAD_FUNCTIONS_BYTES_PER_FUNCTION * functions as u64);
	}

	#[test]
	fn sized_modules_have_the_size_the_code_benchmarks_name() {
		for size in [10_000, MAX_CODE] {
			let len = module::sized(size).len() as u32;
			assert!(len >= size && len < size + 100, "module of {len} bytes for {size}");
		}
	}

	#[test]
	fn each_loop_iteration_burns_the_fuel_the_fuel_price_assumes() {
		new_test_ext().execute_with(|| {
			for (class, fuel) in InstrClass::ALL.into_iter().zip(costs::FUEL_PER_ITERATION) {
				let per_hundred = fuel_burnt(class, 300) - fuel_burnt(class, 200);
				assert_eq!(per_hundred, 100 * fuel, "{class:?}");
			}
		});
	}

	#[test]
	fn the_translate_benchmarks_code_holds_the_reference_units_per_byte() {
		// What the price of a unit of translation rests on: each 11 bytes the benchmark's body
		// grows by hold 10 units.
		let units_and_bytes = |bytes: u32| {
			let functions = crate::vm::translation::function_costs(&module::translated(bytes)).unwrap();
			functions.into_iter().map(|function| (function.bytes, function.units)).max().unwrap_or_default()
		};
		let reference = crate::vm::translation::REFERENCE_BYTES as u32;
		let (small_bytes, small_units) = units_and_bytes(100 * reference);
		let (large_bytes, large_units) = units_and_bytes(1_100 * reference);
		assert_eq!(large_bytes - small_bytes, 1_000 * reference);
		assert_eq!(large_units - small_units, 1_000 * crate::vm::translation::REFERENCE_UNITS);
	}

	#[test]
	fn the_filler_function_is_as_long_as_the_code_benchmarks_assume() {
		let one = module::sized(module::FILLER_FUNCTION_BYTES).len();
		let two = module::sized(2 * module::FILLER_FUNCTION_BYTES).len();
		assert_eq!(two - one, module::FILLER_FUNCTION_BYTES as usize);
	}
}
