//! Call frames: executing, instantiating and migrating contracts, each inside its own storage
//! transaction so that a failed call leaves no trace but its gas.

use crate::{
	address,
	gas::GasMeter,
	storage::ContractTrie,
	vm::{self, engine, EntryPoint},
	weights::WeightInfo,
	BalanceOf, CodeHistory, CodeInfoOf, Config, ContractInfoOf, Error, Event, InstanceCounter, Pallet,
	PristineCode, TrieNonce,
};
use alloc::{rc::Rc, vec::Vec};
use core::cell::Cell;
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError,
};
use wasm_contracts_primitives::{abi, limits, CodeChange, CodeHistoryEntry, CodeId, ContractInfo, Params, TrieId};

/// Why a call failed: a pallet error, and the contract's message when it reverted.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ExecError {
	/// The error the extrinsic fails with.
	pub error: DispatchError,
	/// What the contract passed to `revert`.
	pub revert_message: Option<Vec<u8>>,
}

impl ExecError {
	/// The contract reverted with `message`.
	pub fn reverted<T: Config>(message: Vec<u8>) -> Self {
		Self { error: Error::<T>::ContractReverted.into(), revert_message: Some(message) }
	}

	/// Whether the call ran out of gas.
	pub fn is_out_of_gas<T: Config>(&self) -> bool {
		self.error == Error::<T>::OutOfGas.into()
	}
}

impl From<DispatchError> for ExecError {
	fn from(error: DispatchError) -> Self {
		Self { error, revert_message: None }
	}
}

impl<T: Config> From<Error<T>> for ExecError {
	fn from(error: Error<T>) -> Self {
		Self { error: error.into(), revert_message: None }
	}
}

/// What all frames of one outermost call share.
#[derive(Clone)]
pub struct ExecEnv {
	/// The pallet parameters when the call started.
	pub params: Params,
	/// A query: every state change traps.
	pub read_only: bool,
	/// The engine all frames compile and run on.
	pub engine: wasmi::Engine,
	/// Set while a deploy runs: contracts created without salt get deploy addresses.
	pub deploy: Option<DeployContext>,
	/// How wasm execution is metered.
	pub metering: Metering,
}

impl ExecEnv {
	/// An environment with the current parameters, metering with fuel.
	pub fn new<T: Config>(params: Params, read_only: bool) -> Self {
		Self::with_metering::<T>(params, read_only, Metering::Fuel)
	}

	/// An environment metering with `metering`.
	pub fn with_metering<T: Config>(params: Params, read_only: bool, metering: Metering) -> Self {
		let engine = engine::new_engine(&params, metering, crate::gas::translation_fuel_per_byte::<T>());
		Self { params, read_only, engine, deploy: None, metering }
	}
}

/// How wasm instructions are metered. The chain always uses [`Metering::Fuel`]; the other
/// strategies exist so that `benchmarking/` can compare them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Metering {
	/// wasmi fuel, converted to gas at every host call.
	#[default]
	Fuel,
	/// No metering of instructions: host functions still charge.
	#[cfg(feature = "execution-strategies")]
	Unmetered,
	/// A counter injected by `wasm-instrument`: the module calls `env.gas(units)` at the start
	/// of each block, each unit priced like a unit of fuel.
	#[cfg(feature = "execution-strategies")]
	InjectedCounter,
}

/// The deploy that all frames of a call belong to.
#[derive(Clone)]
pub struct DeployContext {
	/// The deploying account.
	pub account: [u8; 32],
	/// Its nonce when the deploy runs.
	pub nonce: u64,
	/// Contracts created so far in this deploy; shared by all its frames.
	pub created: Rc<Cell<u32>>,
}

/// One running contract: the data of its wasmi store.
pub struct Frame<T: Config> {
	/// What all frames share.
	pub env: ExecEnv,
	/// The frame's gas.
	pub gas: GasMeter,
	/// Nesting depth, 1 for the outermost call.
	pub depth: u32,
	/// Who called (`None` at the top of a query).
	pub caller: Option<T::AccountId>,
	/// The running contract.
	pub address: T::AccountId,
	/// Its storage.
	pub trie: ContractTrie,
	/// Value sent with the call.
	pub value: BalanceOf<T>,
	/// The call's input.
	pub input: Vec<u8>,
	/// Return data set by `set_return_data`.
	pub output: Option<Vec<u8>>,
	/// Return data of the last nested call.
	pub callee_output: Vec<u8>,
	/// The host is running the contract's `allocate`.
	pub in_allocate: bool,
	/// Why a host function stopped the contract.
	pub trap: Option<ExecError>,
	/// Memory and table limits of the instance.
	pub limits: wasmi::StoreLimits,
	/// `Some(paid so far)` in the payment module of a deploy, the only frame where `pay` works.
	pub payment: Option<BalanceOf<T>>,
}

impl<T: Config> Frame<T> {
	/// A frame that runs as `address` on `trie_id`, metered by a copy of `gas`.
	#[allow(clippy::too_many_arguments)]
	pub fn new(
		env: &ExecEnv,
		gas: &GasMeter,
		depth: u32,
		caller: Option<T::AccountId>,
		address: T::AccountId,
		trie_id: &TrieId,
		value: BalanceOf<T>,
		input: Vec<u8>,
	) -> Self {
		Self {
			env: env.clone(),
			gas: gas.clone(),
			depth,
			caller,
			address,
			trie: ContractTrie::new(trie_id),
			value,
			input,
			output: None,
			callee_output: Vec::new(),
			in_allocate: false,
			trap: None,
			limits: Default::default(),
			payment: None,
		}
	}
}

/// How the address of a new contract is chosen.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum AddressScheme {
	/// From the code id and the chain's instance counter; inside a deploy, from the deploying
	/// account, its nonce and the deploy's contract counter.
	Unsalted,
	/// From the code hash, the creator and this salt.
	Salted(Vec<u8>),
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

pub(crate) fn transactional<R>(f: impl FnOnce() -> Result<R, ExecError>) -> Result<R, ExecError> {
	with_transaction(|| {
		let result = f();
		if result.is_ok() {
			TransactionOutcome::Commit(result)
		} else {
			TransactionOutcome::Rollback(result)
		}
	})
}

fn ensure_depth<T: Config>(env: &ExecEnv, depth: u32) -> Result<(), ExecError> {
	if depth > env.params.max_call_depth {
		return Err(Error::<T>::MaxCallDepthReached.into())
	}
	Ok(())
}

/// Weight of loading `code_size` bytes of code: the benchmarked weight, its proof_size at least
/// that of empty code plus the code itself, which the collator ships in the proof of validity
/// whatever slope the benchmark's proof fit found.
pub(crate) fn code_load_weight<T: Config>(code_size: u32) -> Weight {
	let weight = T::WeightInfo::code_load(code_size);
	let code_proof = T::WeightInfo::code_load(0).proof_size().saturating_add(code_size.into());
	Weight::from_parts(weight.ref_time(), weight.proof_size().max(code_proof))
}

/// Charges for loading the code of `code_id`, then loads it.
fn load_code<T: Config>(gas: &mut GasMeter, code_id: CodeId) -> Result<Vec<u8>, ExecError> {
	let info = CodeInfoOf::<T>::get(code_id).ok_or(Error::<T>::CodeNotFound)?;
	gas.charge(code_load_weight::<T>(info.code_size)).map_err(|_| Error::<T>::OutOfGas)?;
	let code = PristineCode::<T>::get(info.code_hash).ok_or(Error::<T>::CodeNotFound)?;
	Ok(code.into_inner())
}

/// Moves `value` from `from` to `to`, keeping `from` alive.
pub(crate) fn transfer<T: Config>(from: &T::AccountId, to: &T::AccountId, value: BalanceOf<T>) -> Result<(), ExecError> {
	if value.is_zero() {
		return Ok(())
	}
	T::Currency::transfer(from, to, value, Preservation::Preserve).map_err(|_| Error::<T>::TransferFailed)?;
	Ok(())
}

/// Everything a frame needs to run one export of a contract.
struct Run<'a, T: Config> {
	env: &'a ExecEnv,
	depth: u32,
	caller: Option<T::AccountId>,
	contract: &'a T::AccountId,
	info: &'a ContractInfo<T::AccountId>,
	entry: EntryPoint<'a>,
	input: Vec<u8>,
	value: BalanceOf<T>,
}

impl<T: Config> Run<'_, T> {
	fn run(self, gas: &mut GasMeter) -> Result<Vec<u8>, ExecError> {
		let code = load_code::<T>(gas, self.info.code_id)?;
		let frame = Frame::<T>::new(
			self.env,
			gas,
			self.depth,
			self.caller,
			self.contract.clone(),
			&self.info.trie_id,
			self.value,
			self.input,
		);
		let (frame, result) = vm::run::<T>(&code, self.entry, frame);
		*gas = frame.gas;
		result
	}
}

/// Runs `entry` of `contract` with `input`, after moving `value` from the caller to it.
#[allow(clippy::too_many_arguments)]
pub fn call<T: Config>(
	env: &ExecEnv,
	gas: &mut GasMeter,
	depth: u32,
	caller: Option<T::AccountId>,
	contract: &T::AccountId,
	entry: &str,
	input: Vec<u8>,
	value: BalanceOf<T>,
) -> Result<Vec<u8>, ExecError> {
	ensure_depth::<T>(env, depth)?;
	let info = ContractInfoOf::<T>::get(contract).ok_or(Error::<T>::ContractNotFound)?;
	transactional(|| {
		if !value.is_zero() {
			let from = caller.as_ref().filter(|_| !env.read_only).ok_or(Error::<T>::StateChangeInReadOnlyCall)?;
			transfer::<T>(from, contract, value)?;
		}
		let event_caller = caller.clone();
		let entry_point = EntryPoint::Required(entry);
		let run = Run::<T> { env, depth, caller, contract, info: &info, entry: entry_point, input, value };
		let output = run.run(gas)?;
		if let (false, Some(caller)) = (env.read_only, event_caller) {
			let entry_point = entry.as_bytes().to_vec();
			Pallet::<T>::deposit_event(Event::Executed { caller, contract: contract.clone(), entry_point });
		}
		Ok(output)
	})
}

/// Creates a contract from `code_id` at the address `scheme` picks, funds it with the
/// existential deposit plus `value` from `creator`, and runs its `instantiate` export.
#[allow(clippy::too_many_arguments)]
pub fn instantiate<T: Config>(
	env: &ExecEnv,
	gas: &mut GasMeter,
	depth: u32,
	creator: T::AccountId,
	code_id: CodeId,
	init_msg: Vec<u8>,
	admin: Option<T::AccountId>,
	value: BalanceOf<T>,
	scheme: AddressScheme,
) -> Result<(T::AccountId, Vec<u8>), ExecError> {
	ensure_depth::<T>(env, depth)?;
	if env.read_only {
		return Err(Error::<T>::StateChangeInReadOnlyCall.into())
	}
	let code_info = CodeInfoOf::<T>::get(code_id).ok_or(Error::<T>::CodeNotFound)?;
	transactional(|| {
		let instance_id = InstanceCounter::<T>::get();
		let contract = match (&scheme, &env.deploy) {
			(AddressScheme::Salted(salt), _) => address::salted_address::<T>(&code_info.code_hash, &creator, salt),
			(AddressScheme::Unsalted, None) => address::instance_address::<T>(code_id, instance_id),
			(AddressScheme::Unsalted, Some(deploy)) => {
				let counter = deploy.created.get();
				deploy.created.set(counter.checked_add(1).ok_or(Error::<T>::CounterOverflow)?);
				address::deploy_address::<T>(&deploy.account.into(), deploy.nonce, counter)
			},
		};
		if ContractInfoOf::<T>::contains_key(&contract) {
			return Err(Error::<T>::ContractExists.into())
		}
		InstanceCounter::<T>::put(instance_id.checked_add(1).ok_or(Error::<T>::CounterOverflow)?);
		let nonce = TrieNonce::<T>::get();
		TrieNonce::<T>::put(nonce.checked_add(1).ok_or(Error::<T>::CounterOverflow)?);
		let info = ContractInfo {
			code_id,
			creator: creator.clone(),
			admin: admin.clone(),
			trie_id: address::trie_id(&contract, nonce),
			history_len: 1,
		};
		ContractInfoOf::<T>::insert(&contract, &info);
		let block = frame_system::Pallet::<T>::block_number();
		CodeHistory::<T>::insert(&contract, 0, CodeHistoryEntry { change: CodeChange::Instantiate, code_id, block });
		let deposit = T::Currency::minimum_balance().saturating_add(value);
		transfer::<T>(&creator, &contract, deposit)?;
		let entry = EntryPoint::Optional(abi::INSTANTIATE_EXPORT);
		let caller = Some(creator.clone());
		let run = Run::<T> { env, depth, caller, contract: &contract, info: &info, entry, input: init_msg, value };
		let output = run.run(gas)?;
		Pallet::<T>::deposit_event(Event::Instantiated { creator, contract: contract.clone(), code_id, admin });
		Ok((contract, output))
	})
}

/// Switches `contract` to `new_code_id` when `origin` is its admin, records the change and runs
/// the new code's `migrate` export.
pub fn migrate<T: Config>(
	env: &ExecEnv,
	gas: &mut GasMeter,
	origin: T::AccountId,
	contract: &T::AccountId,
	new_code_id: CodeId,
	msg: Vec<u8>,
) -> Result<Vec<u8>, ExecError> {
	let mut info = ContractInfoOf::<T>::get(contract).ok_or(Error::<T>::ContractNotFound)?;
	match &info.admin {
		None => return Err(Error::<T>::NoAdmin.into()),
		Some(admin) if *admin != origin => return Err(Error::<T>::NotAdmin.into()),
		Some(_) => {},
	}
	if !CodeInfoOf::<T>::contains_key(new_code_id) {
		return Err(Error::<T>::CodeNotFound.into())
	}
	transactional(|| {
		let from_code_id = info.code_id;
		let index = info.history_len;
		info.code_id = new_code_id;
		info.history_len = index.checked_add(1).ok_or(Error::<T>::CounterOverflow)?;
		ContractInfoOf::<T>::insert(contract, &info);
		let block = frame_system::Pallet::<T>::block_number();
		let entry = CodeHistoryEntry { change: CodeChange::Migrate, code_id: new_code_id, block };
		CodeHistory::<T>::insert(contract, index, entry);
		let run = Run::<T> {
			env,
			depth: 1,
			caller: Some(origin),
			contract,
			info: &info,
			entry: EntryPoint::Optional(abi::MIGRATE_EXPORT),
			input: msg,
			value: Zero::zero(),
		};
		let output = run.run(gas)?;
		Pallet::<T>::deposit_event(Event::Migrated { contract: contract.clone(), from_code_id, to_code_id: new_code_id });
		Ok(output)
	})
}
