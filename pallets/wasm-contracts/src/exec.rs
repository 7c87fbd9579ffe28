//! Call frames: executing, instantiating and migrating contracts, each inside its own storage
//! transaction so that a failed call leaves no trace but its gas.
//!
//! An outermost call (extrinsic, query, dry run or deploy) starts a [`CallTree`]; each contract
//! it runs, nested ones included, gets a [`Frame`] that runs on the tree's [`Vm`] and implements
//! [`Ext`], the interface through which host functions reach the call stack.

use crate::{
	address,
	costs::Cost,
	deposit::{self, DepositMeter, Recorded, StorageChange, StorageOwner},
	error::ExecError,
	gas::GasMeter,
	storage::{ContractTrie, KeyHash},
	vm::{self, cache::CachedModule, engine::Metering, EntryPoint, Ext, Vm},
	BalanceOf, BlockEventBytes, CodeHistory, CodeInfoOf, CodeUsers, Config, ContractInfoOf, ContractsRunInBlock, Error,
	Event, InstanceCounter, Pallet, PristineCode, TrieNonce, UnpaidStorageOf,
};
use alloc::{
	collections::BTreeMap,
	rc::Rc,
	vec::Vec,
};
use core::cell::{Cell, RefCell};
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
		Get, Time,
	},
	weights::Weight,
};
use sp_runtime::traits::{SaturatedConversion, Saturating, Zero};
use wasm_contracts_primitives::{
	abi, abi::ReturnCode, limits, CodeChange, CodeHistoryEntry, CodeId, ContractInfo, Params, TrieId,
};

/// What all frames of one outermost call share.
pub struct CallTree<T: Config> {
	params: Params,
	read_only: bool,
	/// Read-only calls (`query_contract`) in progress: while any is, the whole tree is read-only.
	read_only_calls: Cell<u32>,
	/// The contracts running now, outermost first: a contract may terminate only while it is
	/// on the stack once.
	running: RefCell<Vec<T::AccountId>>,
	deploy: Option<DeployContext>,
	/// Bytes of contract events this call has emitted so far.
	event_bytes: Cell<u32>,
	/// Storage deposits the call has taken so far, settled when it ends.
	deposits: RefCell<DepositMeter<T::AccountId>>,
	/// The block's number and timestamp, each read once: they cannot change during the call.
	block: BlockContext,
	/// Storage keys a host function of this call tree has read, written or deleted, by trie, with
	/// their hash: their trie path and value are in the proof and the node's cache already, so
	/// later accesses are hot (and need not hash the key again). A reverted call leaves them hot,
	/// as it leaves its proof.
	hot_keys: RefCell<BTreeMap<TrieId, BTreeMap<Vec<u8>, KeyHash>>>,
	/// The longest value each contract trie the call tree has run on may hold: its record's
	/// `ContractInfo::longest_value`, raised with it by the tree's writes and reverted with it.
	longest_values: RefCell<LongestValues>,
	/// Whether the call runs in a block, whose `on_initialize` read the parameters.
	in_block: bool,
	/// Whether an earlier outermost call of the block ran this call's contract with the same
	/// code ([`ContractsRunInBlock`]), whose records and code are then in the cache and proof.
	contract_run_in_block: Cell<bool>,
	vm: Vm<Frame<T>>,
}

/// The longest values of the tries a call tree has run on, with an undo log, so that a failed
/// call reverts what it changed without copying the whole map for every call that might fail.
#[derive(Default)]
struct LongestValues {
	current: BTreeMap<TrieId, u32>,
	/// Each change in order, with the value it replaced (`None`: there was none).
	undo: Vec<(TrieId, Option<u32>)>,
}

impl LongestValues {
	fn get(&self, trie_id: &TrieId) -> Option<u32> {
		self.current.get(trie_id).copied()
	}

	fn set(&mut self, trie_id: TrieId, len: u32) {
		let replaced = self.current.insert(trie_id, len);
		self.undo.push((trie_id, replaced));
	}

	/// Sets `len` for a trie that has no entry yet; keeps the entry of one that has.
	fn set_if_absent(&mut self, trie_id: TrieId, len: u32) {
		if !self.current.contains_key(&trie_id) {
			self.set(trie_id, len);
		}
	}

	/// Where the undo log is now, for [`Self::revert_to`].
	fn mark(&self) -> usize {
		self.undo.len()
	}

	/// Undoes every change made since `mark`, latest first.
	fn revert_to(&mut self, mark: usize) {
		let mark = mark.min(self.undo.len());
		for (trie_id, replaced) in self.undo.drain(mark..).rev() {
			match replaced {
				Some(len) => self.current.insert(trie_id, len),
				None => self.current.remove(&trie_id),
			};
		}
	}
}

/// The block a call tree runs in.
struct BlockContext {
	/// The block number, which frame_system keeps in the block's overlay.
	number: u64,
	/// The timestamp, read from the clock when a contract first asks for it.
	timestamp: Cell<Option<u64>>,
}

impl BlockContext {
	fn current<T: Config>() -> Self {
		Self { number: frame_system::Pallet::<T>::block_number().saturated_into(), timestamp: Cell::new(None) }
	}

	fn timestamp<T: Config>(&self) -> u64 {
		if let Some(now) = self.timestamp.get() {
			return now
		}
		let now = T::Time::now().saturated_into();
		self.timestamp.set(Some(now));
		now
	}
}

impl<T: Config> CallTree<T> {
	/// A call tree with `params`, metering with fuel; `read_only` for queries.
	pub fn new(params: Params, read_only: bool) -> Rc<Self> {
		Self::with_metering(params, read_only, Metering::Fuel)
	}

	/// A call tree metering with `metering` (strategies other than fuel are for comparisons).
	pub fn with_metering(params: Params, read_only: bool, metering: Metering) -> Rc<Self> {
		Rc::new(Self::started(params, read_only, None, metering))
	}

	/// The call tree of a deploy by `deploy.account`.
	pub fn for_deploy(params: Params, deploy: DeployContext) -> Rc<Self> {
		Rc::new(Self::started(params, false, Some(deploy), Metering::Fuel))
	}

	fn started(params: Params, read_only: bool, deploy: Option<DeployContext>, metering: Metering) -> Self {
		Self {
			params,
			read_only,
			read_only_calls: Cell::new(0),
			running: RefCell::new(Vec::new()),
			deploy,
			event_bytes: Cell::new(0),
			deposits: RefCell::new(DepositMeter::default()),
			block: BlockContext::current::<T>(),
			hot_keys: RefCell::new(BTreeMap::new()),
			longest_values: RefCell::new(LongestValues::default()),
			in_block: ContractsRunInBlock::<T>::exists(),
			contract_run_in_block: Cell::new(false),
			vm: Vm::new(metering),
		}
	}

	/// The parameters the call started with.
	pub fn params(&self) -> &Params {
		&self.params
	}

	/// The machine the tree's frames run on.
	pub fn vm(&self) -> &Vm<Frame<T>> {
		&self.vm
	}

	/// Takes the storage deposits the call has incurred so far, to settle them.
	pub fn take_deposits(&self) -> DepositMeter<T::AccountId> {
		core::mem::take(&mut *self.deposits.borrow_mut())
	}

	/// Records a change in the storage of `owner`, whose trie is `trie_id`.
	pub(crate) fn record_storage_change(
		&self,
		owner: StorageOwner<T::AccountId>,
		trie_id: TrieId,
		change: StorageChange,
	) -> Recorded {
		self.deposits.borrow_mut().record(owner, trie_id, change)
	}

	/// Runs `f` in a storage transaction that is kept only when `f` succeeds; the deposits
	/// `f` incurred and the longest values it recorded go with its changes when it fails.
	pub fn transactional<R>(&self, f: impl FnOnce() -> Result<R, ExecError>) -> Result<R, ExecError> {
		let deposits = self.deposits.borrow().clone();
		let longest_values_mark = self.longest_values.borrow().mark();
		with_transaction(|| {
			let result = f();
			if result.is_ok() {
				TransactionOutcome::Commit(result)
			} else {
				*self.deposits.borrow_mut() = deposits;
				self.longest_values.borrow_mut().revert_to(longest_values_mark);
				TransactionOutcome::Rollback(result)
			}
		})
	}

	/// What the base weight of the outermost call charged for reading from the database what
	/// the block read already ([`crate::costs::read_in_block`]): the call gives it back.
	pub fn read_in_block(&self) -> Weight {
		crate::costs::read_in_block::<T>(self.in_block, self.contract_run_in_block.get())
	}

	/// Notes that the outermost call runs `contract` with `code_id`, and whether an earlier
	/// outermost call of the block did, which [`ContractsRunInBlock`] records while it has room.
	fn note_outermost_contract(&self, contract: &T::AccountId, code_id: CodeId) {
		let Some(mut run) = ContractsRunInBlock::<T>::get() else { return };
		if run.iter().any(|(known, known_code)| known == contract && *known_code == code_id) {
			self.contract_run_in_block.set(true);
		} else if run.try_push((contract.clone(), code_id)).is_ok() {
			ContractsRunInBlock::<T>::put(run);
		}
	}

	/// Whether state may not change now: in a query, or inside a read-only call.
	fn is_read_only(&self) -> bool {
		self.read_only || self.read_only_calls.get() > 0
	}

	/// Takes `bytes` from the call's and the block's budgets of event bytes; returns whether the
	/// block's counter was written earlier in the block, so that reading and writing it again
	/// touched no database (the value is in the block's overlay).
	fn reserve_event_bytes(&self, bytes: u32) -> Result<bool, Error<T>> {
		let call_total = self.event_bytes.get().saturating_add(bytes);
		if call_total > T::MaxEventBytesPerCall::get() {
			return Err(Error::<T>::EventBudgetExceeded)
		}
		let now = frame_system::Pallet::<T>::block_number();
		let (block_total, hot) = match BlockEventBytes::<T>::get() {
			Some((block, used)) if block == now => (used.saturating_add(bytes), true),
			_ => (bytes, false),
		};
		if block_total > T::MaxEventBytesPerBlock::get() {
			return Err(Error::<T>::EventBudgetExceeded)
		}
		BlockEventBytes::<T>::put((now, block_total));
		self.event_bytes.set(call_total);
		Ok(hot)
	}

	fn ensure_depth(&self, depth: u32) -> Result<(), ExecError> {
		if depth > self.params.max_call_depth {
			return Err(Error::<T>::MaxCallDepthReached.into())
		}
		Ok(())
	}

	/// The module of `code_id`, compiled once per call tree. `in_block_proof`: an earlier call
	/// of the block loaded it, so its proof is recorded already.
	fn module_of(&self, gas: &mut GasMeter, code_id: CodeId, in_block_proof: bool) -> Result<CachedModule, ExecError> {
		let info = CodeInfoOf::<T>::get(code_id).ok_or(Error::<T>::CodeNotFound)?;
		self.vm.stored_module(gas, info.code_hash, info.code_size, info.translation, in_block_proof, || {
			PristineCode::<T>::get(info.code_hash).map(|code| code.into_inner())
		})
	}
}

/// The deploy that all frames of a call belong to.
pub struct DeployContext {
	/// The deploying account.
	pub account: [u8; 32],
	/// Its nonce when the deploy runs.
	pub nonce: u64,
	/// Contracts created so far in this deploy.
	pub created: Cell<u32>,
}

/// One running contract (or deploy module), as its host functions see the call stack.
pub struct Frame<T: Config> {
	tree: Rc<CallTree<T>>,
	/// Nesting depth, 1 for the outermost call.
	depth: u32,
	caller: Option<T::AccountId>,
	address: T::AccountId,
	trie_id: TrieId,
	trie: ContractTrie,
	/// Who pays for the frame's storage: the contract, or the account of a deploy module.
	storage_owner: StorageOwner<T::AccountId>,
	value: BalanceOf<T>,
	input: Vec<u8>,
	/// `Some(paid so far)` in the payment module of a deploy, the only frame where `pay` works.
	payment: Option<BalanceOf<T>>,
}

impl<T: Config> Frame<T> {
	/// A frame of `tree` that runs `contract` (its record `info`) on the contract's storage.
	#[allow(clippy::too_many_arguments)]
	pub fn new(
		tree: &Rc<CallTree<T>>,
		depth: u32,
		caller: Option<T::AccountId>,
		contract: T::AccountId,
		info: &ContractInfo<T::AccountId>,
		value: BalanceOf<T>,
		input: Vec<u8>,
	) -> Self {
		// The tree's entry is the record's, which `info` may predate (a call of the contract
		// further down the stack raised it).
		tree.longest_values.borrow_mut().set_if_absent(info.trie_id, info.longest_value);
		let owner = StorageOwner::Contract(contract.clone());
		Self::with_storage(tree, depth, caller, contract, owner, &info.trie_id, value, input)
	}

	/// The frame of a deploy module, which runs as `account` on its variables (`trie_id`).
	pub fn on_account_variables(tree: &Rc<CallTree<T>>, account: T::AccountId, trie_id: &TrieId) -> Self {
		let owner = StorageOwner::Account(account.clone());
		Self::with_storage(tree, 1, Some(account.clone()), account, owner, trie_id, Zero::zero(), Vec::new())
	}

	#[allow(clippy::too_many_arguments)]
	fn with_storage(
		tree: &Rc<CallTree<T>>,
		depth: u32,
		caller: Option<T::AccountId>,
		address: T::AccountId,
		storage_owner: StorageOwner<T::AccountId>,
		trie_id: &TrieId,
		value: BalanceOf<T>,
		input: Vec<u8>,
	) -> Self {
		Self {
			tree: tree.clone(),
			depth,
			caller,
			storage_owner,
			address,
			trie_id: *trie_id,
			trie: ContractTrie::new(trie_id),
			value,
			input,
			payment: None,
		}
	}

	/// Runs `entry` of `module` in this frame, metered by `gas`; returns the frame's end state.
	pub fn run(self, module: &CachedModule, entry: EntryPoint, gas: &mut GasMeter) -> (Self, Result<Vec<u8>, ExecError>) {
		let (frame, meter, result) = vm::run(module, entry, self, gas.clone());
		*gas = meter;
		(frame, result)
	}

	/// Makes this frame the payment module of a deploy, where `pay` works.
	pub fn into_payment(mut self) -> Self {
		self.payment = Some(Zero::zero());
		self
	}

	/// What the frame paid, when it is a deploy's payment module.
	pub fn paid(&self) -> Option<BalanceOf<T>> {
		self.payment
	}
}

impl<T: Config> Ext for Frame<T> {
	type T = T;

	fn params(&self) -> &Params {
		&self.tree.params
	}

	fn read_only(&self) -> bool {
		self.tree.is_read_only()
	}

	fn block_number(&self) -> u64 {
		self.tree.block.number
	}

	fn block_timestamp_read(&self) -> bool {
		self.tree.block.timestamp.get().is_some()
	}

	fn block_timestamp(&self) -> u64 {
		self.tree.block.timestamp::<T>()
	}

	fn caller(&self) -> Option<&T::AccountId> {
		self.caller.as_ref()
	}

	fn address(&self) -> &T::AccountId {
		&self.address
	}

	fn value(&self) -> BalanceOf<T> {
		self.value
	}

	fn input(&self) -> &[u8] {
		&self.input
	}

	fn storage(&self) -> &ContractTrie {
		&self.trie
	}

	fn hot_key_hash(&self, key: &[u8]) -> Option<KeyHash> {
		self.tree.hot_keys.borrow().get(&self.trie_id).and_then(|keys| keys.get(key).copied())
	}

	fn mark_hot(&mut self, key: Vec<u8>, hash: KeyHash) {
		self.tree.hot_keys.borrow_mut().entry(self.trie_id).or_default().insert(key, hash);
	}

	fn longest_value(&self) -> Option<u32> {
		match self.storage_owner {
			StorageOwner::Contract(_) => self.tree.longest_values.borrow().get(&self.trie_id),
			StorageOwner::Account(_) => None,
		}
	}

	fn raise_longest_value(&mut self, len: u32) {
		let StorageOwner::Contract(contract) = &self.storage_owner else { return };
		self.tree.longest_values.borrow_mut().set(self.trie_id, len);
		ContractInfoOf::<T>::mutate_exists(contract, |info| {
			if let Some(info) = info {
				info.longest_value = info.longest_value.max(len);
			}
		});
	}

	fn record_storage_change(&mut self, change: StorageChange) -> Weight {
		let recorded = self.tree.record_storage_change(self.storage_owner.clone(), self.trie_id, change);
		let mut weight = Weight::zero();
		if recorded.first_release {
			weight = weight.saturating_add(Cost::UnpaidStorage.weight::<T>());
		}
		if recorded.first_change {
			weight = weight.saturating_add(Cost::SettleDeposit.weight::<T>());
			if let StorageOwner::Account(account) = &self.storage_owner {
				weight = weight.saturating_add(Pallet::<T>::ensure_account_trie(&self.tree, account, self.trie_id));
			}
		}
		weight
	}

	fn call(
		&mut self,
		gas: &mut GasMeter,
		callee: &T::AccountId,
		entry: &str,
		input: Vec<u8>,
		value: BalanceOf<T>,
	) -> Result<Vec<u8>, ExecError> {
		let depth = self.depth.saturating_add(1);
		call::<T>(&self.tree, gas, depth, Some(self.address.clone()), callee, entry, input, value)
	}

	fn query(&mut self, gas: &mut GasMeter, callee: &T::AccountId, entry: &str, input: Vec<u8>) -> Result<Vec<u8>, ExecError> {
		let tree = self.tree.clone();
		tree.read_only_calls.set(tree.read_only_calls.get().saturating_add(1));
		let result = self.call(gas, callee, entry, input, Zero::zero());
		tree.read_only_calls.set(tree.read_only_calls.get().saturating_sub(1));
		result
	}

	fn instantiate(
		&mut self,
		gas: &mut GasMeter,
		code_id: CodeId,
		msg: Vec<u8>,
		value: BalanceOf<T>,
		salt: Vec<u8>,
	) -> Result<(T::AccountId, Vec<u8>), ExecError> {
		let scheme = if salt.is_empty() { AddressScheme::Unsalted } else { AddressScheme::Salted(salt) };
		let creator = self.address.clone();
		let depth = self.depth.saturating_add(1);
		instantiate::<T>(&self.tree, gas, depth, creator.clone(), code_id, msg, Some(creator), value, scheme)
	}

	fn balance(&self) -> BalanceOf<T> {
		T::Currency::balance(&self.address)
	}

	fn transfer(&mut self, to: &T::AccountId, amount: BalanceOf<T>) -> Result<(), sp_runtime::DispatchError> {
		T::Currency::transfer(&self.address, to, amount, Preservation::Preserve).map(|_| ())
	}

	fn deposit_event(&mut self, topic: Vec<u8>, data: Vec<u8>) {
		Pallet::<T>::deposit_event(Event::ContractEmitted { contract: self.address.clone(), topic, data });
	}

	fn pay(&mut self, amount: BalanceOf<T>) -> ReturnCode {
		let Some(paid) = self.payment else { return ReturnCode::NotPaymentPhase };
		match T::Currency::transfer(&self.address, &T::FeeDestination::get(), amount, Preservation::Preserve) {
			Ok(_) => {
				self.payment = Some(paid.saturating_add(amount));
				ReturnCode::Success
			},
			Err(_) => ReturnCode::TransferFailed,
		}
	}

	fn reserve_event_bytes(&mut self, bytes: u32) -> Result<bool, Error<T>> {
		self.tree.reserve_event_bytes(bytes)
	}

	fn terminate(&mut self, beneficiary: &T::AccountId) -> Result<(), ExecError> {
		let info = ContractInfoOf::<T>::get(&self.address).ok_or(Error::<T>::DeployModuleCannotTerminate)?;
		let frames = self.tree.running.borrow().iter().filter(|running| **running == self.address).count();
		if frames > 1 {
			return Err(Error::<T>::TerminatedWhileReentrant.into())
		}
		if *beneficiary == self.address {
			return Err(Error::<T>::InvalidBeneficiary.into())
		}
		if !self.tree.deposits.borrow_mut().terminated(&self.address) {
			Pallet::<T>::release_contract_deposits(&self.address);
		}
		// What it held for its storage is now in its balance, and goes with it.
		let balance = T::Currency::reducible_balance(&self.address, Preservation::Expendable, Fortitude::Polite);
		if !balance.is_zero() {
			T::Currency::transfer(&self.address, beneficiary, balance, Preservation::Expendable)
				.map_err(|_| Error::<T>::TransferFailed)?;
		}
		ContractInfoOf::<T>::remove(&self.address);
		UnpaidStorageOf::<T>::remove(info.trie_id);
		remove_code_user::<T>(info.code_id);
		Pallet::<T>::queue_deletion(self.address.clone(), info.trie_id, info.history_len)?;
		Pallet::<T>::deposit_event(Event::Terminated { contract: self.address.clone(), beneficiary: beneficiary.clone() });
		Ok(())
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

/// Moves `value` from `from` to `to`, keeping `from` alive.
pub(crate) fn transfer<T: Config>(from: &T::AccountId, to: &T::AccountId, value: BalanceOf<T>) -> Result<(), ExecError> {
	if value.is_zero() {
		return Ok(())
	}
	T::Currency::transfer(from, to, value, Preservation::Preserve).map_err(|_| Error::<T>::TransferFailed)?;
	Ok(())
}

/// Runs `entry` of `contract` (whose info is `info`) in a new frame of `tree`.
#[allow(clippy::too_many_arguments)]
fn run_contract<T: Config>(
	tree: &Rc<CallTree<T>>,
	gas: &mut GasMeter,
	depth: u32,
	caller: Option<T::AccountId>,
	contract: &T::AccountId,
	info: &ContractInfo<T::AccountId>,
	entry: EntryPoint,
	input: Vec<u8>,
	value: BalanceOf<T>,
) -> Result<Vec<u8>, ExecError> {
	let frame = Frame::new(tree, depth, caller, contract.clone(), info, value, input);
	tree.running.borrow_mut().push(contract.clone());
	let result = run_code(tree, gas, depth, info.code_id, frame, entry);
	tree.running.borrow_mut().pop();
	result
}

/// Runs `entry` of the code `code_id` in `frame`: its stored module, or in tests the Rust body
/// registered for it (`mock_code`, test builds only).
fn run_code<T: Config>(
	tree: &CallTree<T>,
	gas: &mut GasMeter,
	depth: u32,
	code_id: CodeId,
	frame: Frame<T>,
	entry: EntryPoint,
) -> Result<Vec<u8>, ExecError> {
	#[cfg(test)]
	if let Some(body) = mock_code::body::<T>(code_id) {
		let mut frame = frame;
		return body(&mut frame, gas, entry.name())
	}
	let module = tree.module_of(gas, code_id, depth == 1 && tree.contract_run_in_block.get())?;
	frame.run(&module, entry, gas).1
}

/// What the event of a successful call carries of its `output`: all of it when it fits
/// `max_event_data_len` and the call's and the block's event budgets, else nothing. Every such
/// event takes its record ([`limits::EVENT_RECORD_OVERHEAD`]) and the output it carries
/// from both budgets, so that they bound every byte of the events calls deposit; it is charged
/// like contract event data, with the block's event counter (whose database read and write are
/// given back when the counter was already written in the block; the base weights of what
/// starts a call leave them out, [`crate::costs::without_event_counter`]). A call whose event's
/// record does not fit the budgets fails with `EventBudgetExceeded`; out of gas fails it too.
fn output_for_event<T: Config>(tree: &CallTree<T>, gas: &mut GasMeter, output: &[u8]) -> Result<Option<Vec<u8>>, ExecError> {
	let len = u32::try_from(output.len()).ok().filter(|len| *len <= tree.params.max_event_data_len);
	let carried = len.unwrap_or(0);
	// The counter's read and write, in ref_time: its proof is in the base weight's.
	let counter = Cost::EventCounter.weight::<T>();
	gas.charge(Cost::EventBytes { len: carried }.weight::<T>().saturating_add(counter)).map_err(|_| Error::<T>::OutOfGas)?;
	let record = limits::EVENT_RECORD_OVERHEAD;
	let (carried_output, hot) = match tree.reserve_event_bytes(carried.saturating_add(record)) {
		Ok(hot) if len.is_some() => (Some(output.to_vec()), hot),
		Ok(hot) => (None, hot),
		Err(_) => (None, tree.reserve_event_bytes(record)?),
	};
	if hot {
		gas.refund(counter);
	}
	Ok(carried_output)
}

/// Runs `entry` of `contract` with `input`, after moving `value` from the caller to it.
#[allow(clippy::too_many_arguments)]
pub fn call<T: Config>(
	tree: &Rc<CallTree<T>>,
	gas: &mut GasMeter,
	depth: u32,
	caller: Option<T::AccountId>,
	contract: &T::AccountId,
	entry: &str,
	input: Vec<u8>,
	value: BalanceOf<T>,
) -> Result<Vec<u8>, ExecError> {
	tree.ensure_depth(depth)?;
	let info = ContractInfoOf::<T>::get(contract).ok_or(Error::<T>::ContractNotFound)?;
	if depth == 1 {
		tree.note_outermost_contract(contract, info.code_id);
	}
	tree.transactional(|| {
		if !value.is_zero() {
			let from = caller.as_ref().filter(|_| !tree.is_read_only()).ok_or(Error::<T>::StateChangeInReadOnlyCall)?;
			transfer::<T>(from, contract, value)?;
		}
		let event_caller = caller.clone();
		let entry_point = EntryPoint::Required(entry);
		let output = run_contract(tree, gas, depth, caller, contract, &info, entry_point, input, value)?;
		if let (false, Some(caller)) = (tree.is_read_only(), event_caller) {
			let entry_point = entry.as_bytes().to_vec();
			let event_output = output_for_event(tree, gas, &output)?;
			let event = Event::Executed { caller, contract: contract.clone(), entry_point, output: event_output };
			Pallet::<T>::deposit_event(event);
		}
		Ok(output)
	})
}

/// Creates a contract from `code_id` at the address `scheme` picks, funds it with the
/// existential deposit plus `value` from `creator`, and runs its `instantiate` export.
#[allow(clippy::too_many_arguments)]
pub fn instantiate<T: Config>(
	tree: &Rc<CallTree<T>>,
	gas: &mut GasMeter,
	depth: u32,
	creator: T::AccountId,
	code_id: CodeId,
	init_msg: Vec<u8>,
	admin: Option<T::AccountId>,
	value: BalanceOf<T>,
	scheme: AddressScheme,
) -> Result<(T::AccountId, Vec<u8>), ExecError> {
	tree.ensure_depth(depth)?;
	if tree.is_read_only() {
		return Err(Error::<T>::StateChangeInReadOnlyCall.into())
	}
	let code_info = CodeInfoOf::<T>::get(code_id).ok_or(Error::<T>::CodeNotFound)?;
	// The origin holds the new contract's deposit once the call ends.
	gas.charge(Cost::SettleDeposit.weight::<T>()).map_err(|_| Error::<T>::OutOfGas)?;
	tree.transactional(|| {
		let instance_id = InstanceCounter::<T>::get();
		let contract = match (&scheme, &tree.deploy) {
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
		// A terminated contract's history goes lazily, first entry last: a new contract here
		// would share its indices, and `on_idle` would delete the new history.
		gas.charge(Cost::HistoryProbe.weight::<T>()).map_err(|_| Error::<T>::OutOfGas)?;
		if CodeHistory::<T>::contains_key(&contract, 0) {
			return Err(Error::<T>::AddressPendingDeletion.into())
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
			longest_value: 0,
		};
		ContractInfoOf::<T>::insert(&contract, &info);
		tree.deposits.borrow_mut().instantiated(contract.clone());
		add_code_user::<T>(code_id)?;
		let block = frame_system::Pallet::<T>::block_number();
		CodeHistory::<T>::insert(&contract, 0, CodeHistoryEntry { change: CodeChange::Instantiate, code_id, block });
		let deposit = T::Currency::minimum_balance().saturating_add(value);
		transfer::<T>(&creator, &contract, deposit)?;
		let entry = EntryPoint::Optional(abi::INSTANTIATE_EXPORT);
		let caller = Some(creator.clone());
		let output = run_contract(tree, gas, depth, caller, &contract, &info, entry, init_msg, value)?;
		let event_output = output_for_event(tree, gas, &output)?;
		let event = Event::Instantiated { creator, contract: contract.clone(), code_id, admin, output: event_output };
		Pallet::<T>::deposit_event(event);
		Ok((contract, output))
	})
}

/// Counts one more contract running `code_id`.
fn add_code_user<T: Config>(code_id: CodeId) -> Result<(), Error<T>> {
	CodeUsers::<T>::try_mutate(code_id, |users| {
		*users = users.checked_add(1).ok_or(Error::<T>::CounterOverflow)?;
		Ok(())
	})
}

/// Counts one contract less running `code_id`; no entry is kept for code nobody runs.
fn remove_code_user<T: Config>(code_id: CodeId) {
	CodeUsers::<T>::mutate_exists(code_id, |users| {
		*users = users.map(|users| users.saturating_sub(1)).filter(|users| *users > 0);
	});
}

/// Switches `contract` to `new_code_id` when `origin` is its admin, records the change and runs
/// the new code's `migrate` export.
pub fn migrate<T: Config>(
	tree: &Rc<CallTree<T>>,
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
	tree.transactional(|| {
		let from_code_id = info.code_id;
		let index = info.history_len;
		info.code_id = new_code_id;
		info.history_len = index.checked_add(1).ok_or(Error::<T>::CounterOverflow)?;
		ContractInfoOf::<T>::insert(contract, &info);
		remove_code_user::<T>(from_code_id);
		add_code_user::<T>(new_code_id)?;
		let block = frame_system::Pallet::<T>::block_number();
		let entry = CodeHistoryEntry { change: CodeChange::Migrate, code_id: new_code_id, block };
		CodeHistory::<T>::insert(contract, index, entry);
		let history_entry = StorageChange::item(deposit::history_entry_bytes::<T>());
		if tree.record_storage_change(StorageOwner::Contract(contract.clone()), info.trie_id, history_entry).first_change {
			gas.charge(Cost::SettleDeposit.weight::<T>()).map_err(|_| Error::<T>::OutOfGas)?;
		}
		let hook = EntryPoint::Optional(abi::MIGRATE_EXPORT);
		let output = run_contract(tree, gas, 1, Some(origin), contract, &info, hook, msg, Zero::zero())?;
		Pallet::<T>::deposit_event(Event::Migrated { contract: contract.clone(), from_code_id, to_code_id: new_code_id });
		Ok(output)
	})
}

/// Contract code written in Rust, for tests of the call stack's rules without wasm: a code id
/// registered here runs its body, which works through the frame's [`Ext`], instead of its
/// stored module.
#[cfg(test)]
pub(crate) mod mock_code {
	use super::*;
	use alloc::{boxed::Box, collections::BTreeMap};
	use core::any::Any;

	/// A contract's code: what runs for an entry point, given its frame and gas.
	pub type Body<T> = Rc<dyn Fn(&mut Frame<T>, &mut GasMeter, &str) -> Result<Vec<u8>, ExecError>>;

	std::thread_local! {
		static BODIES: RefCell<BTreeMap<CodeId, Box<dyn Any>>> = RefCell::new(BTreeMap::new());
	}

	/// Runs `body` for every call of a contract of `code_id` on this thread.
	pub fn register<T: Config>(
		code_id: CodeId,
		body: impl Fn(&mut Frame<T>, &mut GasMeter, &str) -> Result<Vec<u8>, ExecError> + 'static,
	) {
		let body: Body<T> = Rc::new(body);
		BODIES.with(|bodies| bodies.borrow_mut().insert(code_id, Box::new(body)));
	}

	/// Forgets every body registered on this thread.
	pub fn clear() {
		BODIES.with(|bodies| bodies.borrow_mut().clear());
	}

	pub(super) fn body<T: Config>(code_id: CodeId) -> Option<Body<T>> {
		BODIES.with(|bodies| bodies.borrow().get(&code_id).and_then(|body| body.downcast_ref::<Body<T>>()).cloned())
	}
}
