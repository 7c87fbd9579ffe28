//! What the runtime API calls: read-only queries, raw storage and info reads, and dry runs.
//!
//! A dry run takes the same path as its extrinsic, inside a storage transaction that is always
//! rolled back, and reports the events it deposited and the gas it consumed. Every query and dry
//! run is free for its caller but not for the node that serves it, so each runs with at most the
//! `query_gas_cap` parameter, and lists are read a page at a time. A call's gas can fall where a
//! reservation for a worst case is given back (functions a run did not translate, the largest
//! stored value beyond the one a storage host function found, a settlement that moved no
//! deposit), so a dry run reports both what the call consumed (`gas_consumed`, what it is
//! charged) and the peak of its consumption (`gas_required`), the smallest limit with which it
//! succeeds.

use crate::{
	error::ExecError,
	exec::{self, CallTree},
	vm,
	gas::GasMeter,
	storage::ContractTrie,
	AccountTrie, BalanceOf, BlockEventBytes, CodeHistory, CodeInfoOf, Config, ContractInfoOf, ContractsRunInBlock, Error, EventRecordOf, Pallet,
	Parameters,
};
use alloc::{rc::Rc, vec::Vec};
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::GetStorageVersion,
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Zero, DispatchError};
use wasm_contracts_primitives::{
	limits, CodeHistoryEntry, CodeId, CodeInfo, ContractInfo, ContractResult, DeployResult, ExecReturnValue,
	InstantiateReturnValue, StorageDeposit, StorageReadError,
};

impl<T: Config> Pallet<T> {
	/// Runs `entry_point` of `contract` read-only, within the `query_gas_cap` parameter (or the
	/// lower `gas_limit`). State changes trap with `StateChangeInReadOnlyCall`.
	pub fn query(
		contract: T::AccountId,
		entry_point: Vec<u8>,
		msg: Vec<u8>,
		gas_limit: Option<Weight>,
	) -> ContractResult<ExecReturnValue, BalanceOf<T>, EventRecordOf<T>> {
		Self::dry_run(gas_limit, None, |tree, gas| {
			Self::check_msg(tree, &msg)?;
			let entry = vm::entry_point_name::<T>(&entry_point)?;
			let data = exec::call::<T>(tree, gas, 1, None, &contract, entry, msg, Default::default())?;
			Ok(ExecReturnValue { data })
		})
	}

	/// The raw value under `key` in `contract`'s storage.
	pub fn get_storage(contract: T::AccountId, key: Vec<u8>) -> Result<Option<Vec<u8>>, StorageReadError> {
		let info = ContractInfoOf::<T>::get(&contract).ok_or(StorageReadError::ContractNotFound)?;
		if key.len() > Parameters::<T>::get().max_storage_key_len as usize {
			return Err(StorageReadError::KeyTooLong)
		}
		Ok(ContractTrie::new(&info.trie_id).read(&key))
	}

	/// What the chain records about `code_id`.
	pub fn code_info(code_id: CodeId) -> Option<CodeInfo<T::AccountId>> {
		CodeInfoOf::<T>::get(code_id)
	}

	/// What the chain records about `contract`.
	pub fn contract_info(contract: T::AccountId) -> Option<ContractInfo<T::AccountId>> {
		ContractInfoOf::<T>::get(contract)
	}

	/// Up to `limit` (at most [`limits::MAX_HISTORY_PAGE`]) entries of the code history of `contract`,
	/// oldest first, from entry `start` on.
	pub fn contract_history(contract: T::AccountId, start: u32, limit: u32) -> Vec<CodeHistoryEntry<BlockNumberFor<T>>> {
		let len = ContractInfoOf::<T>::get(&contract).map_or(0, |info| info.history_len);
		let end = start.saturating_add(limit.min(limits::MAX_HISTORY_PAGE)).min(len);
		(start..end).filter_map(|index| CodeHistory::<T>::get(&contract, index)).collect()
	}

	/// The gas a query or dry run gets: `gas_limit`, at most the `query_gas_cap` parameter.
	fn dry_run_limit(gas_limit: Option<Weight>) -> Weight {
		let cap = Parameters::<T>::get().query_gas_cap;
		gas_limit.map_or(cap, |limit| limit.min(cap))
	}

	/// `instantiate` as `origin` would run it, without keeping any change.
	#[allow(clippy::too_many_arguments)]
	pub fn dry_run_instantiate(
		origin: T::AccountId,
		code_id: CodeId,
		init_msg: Vec<u8>,
		admin: Option<T::AccountId>,
		value: BalanceOf<T>,
		gas_limit: Option<Weight>,
		salt: Option<Vec<u8>>,
	) -> ContractResult<InstantiateReturnValue<T::AccountId>, BalanceOf<T>, EventRecordOf<T>> {
		Self::dry_run(gas_limit, Some(origin.clone()), |tree, gas| {
			let (contract, data) = Self::do_instantiate(tree, gas, origin, code_id, init_msg, admin, value, salt)?;
			Ok(InstantiateReturnValue { contract, data })
		})
	}

	/// `execute` as `origin` would run it, without keeping any change.
	pub fn dry_run_execute(
		origin: T::AccountId,
		contract: T::AccountId,
		entry_point: Vec<u8>,
		msg: Vec<u8>,
		value: BalanceOf<T>,
		gas_limit: Option<Weight>,
	) -> ContractResult<ExecReturnValue, BalanceOf<T>, EventRecordOf<T>> {
		Self::dry_run(gas_limit, Some(origin.clone()), |tree, gas| {
			let data = Self::do_execute(tree, gas, origin, contract, entry_point, msg, value)?;
			Ok(ExecReturnValue { data })
		})
	}

	/// `migrate` as `origin` would run it, without keeping any change.
	pub fn dry_run_migrate(
		origin: T::AccountId,
		contract: T::AccountId,
		new_code_id: CodeId,
		msg: Vec<u8>,
		gas_limit: Option<Weight>,
	) -> ContractResult<ExecReturnValue, BalanceOf<T>, EventRecordOf<T>> {
		Self::dry_run(gas_limit, Some(origin.clone()), |tree, gas| {
			let data = Self::do_migrate(tree, gas, origin, contract, new_code_id, msg)?;
			Ok(ExecReturnValue { data })
		})
	}

	/// A deploy as `origin` would run it, without keeping any change. Its inclusion fee is that
	/// of a call carrying `session_gas_limit` (or `max_contract_gas` without one) and no
	/// storage deposit limit.
	pub fn dry_run_deploy(
		origin: T::AccountId,
		payment: Vec<u8>,
		session: Vec<u8>,
		payment_amount: BalanceOf<T>,
		session_gas_limit: Option<Weight>,
	) -> DeployResult<BalanceOf<T>, EventRecordOf<T>> {
		let limit = Self::dry_run_limit(session_gas_limit);
		let base = Self::deploy_base_weight(&payment, &session);
		// Without a limit, the call is priced as carrying `max_contract_gas`, the usual limit.
		let carried_limit = session_gas_limit.unwrap_or_else(|| Parameters::<T>::get().max_contract_gas);
		let call_len = Self::deploy_call_len(&payment, &session, payment_amount, carried_limit, None);
		let limits = crate::deploy::DeployLimits { session_gas: limit, storage_deposit: None };
		let rolled_back = Self::ensure_migrated().map_err(Into::into).and_then(|()| {
			Self::rolled_back(|| {
				// The transaction's nonce check raises the nonce before the deploy runs, and the
				// addresses of contracts the deploy creates come from it.
				frame_system::Pallet::<T>::inc_account_nonce(&origin);
				Self::do_deploy(origin, payment, session, payment_amount, limits, base, call_len)
			})
		});
		let (outcome, events) = match rolled_back {
			Ok(done) => done,
			Err(error) => return DeployResult {
				payment_gas_consumed: Weight::zero(),
				session_gas_consumed: Weight::zero(),
				session_gas_required: Weight::zero(),
				session_gas_limit: Weight::zero(),
				paid: Zero::zero(),
				used: Zero::zero(),
				refunded: Zero::zero(),
				storage_deposit: StorageDeposit::Charge(Zero::zero()),
				result: Err(error),
				session_result: Ok(()),
				revert_message: None,
				events: Vec::new(),
			},
		};
		let revert_message = [&outcome.result, &outcome.session_result]
			.into_iter()
			.find_map(|result| result.as_ref().err().and_then(|error| error.revert_message.clone()));
		DeployResult {
			payment_gas_consumed: outcome.payment_gas,
			session_gas_consumed: outcome.session_gas,
			session_gas_required: outcome.session_gas_required,
			session_gas_limit: outcome.session_gas_limit,
			paid: outcome.paid,
			used: outcome.used,
			refunded: outcome.refunded,
			storage_deposit: outcome.storage_deposit,
			result: outcome.result.map_err(|error| error.error),
			session_result: outcome.session_result.map_err(|error| error.error),
			revert_message,
			events,
		}
	}

	/// The persistent variable under `key` of `account`; `KeyTooLong` for a key longer than
	/// `max_storage_key_len`, which no variable can have (and which would only cost the node
	/// hashing it).
	pub fn get_account_variable(account: T::AccountId, key: Vec<u8>) -> Result<Option<Vec<u8>>, StorageReadError> {
		if key.len() > Parameters::<T>::get().max_storage_key_len as usize {
			return Err(StorageReadError::KeyTooLong)
		}
		Ok(AccountTrie::<T>::get(account).and_then(|trie_id| ContractTrie::new(&trie_id).read(&key)))
	}

	/// Runs `f` inside a storage transaction that is rolled back, returning its result and the
	/// events it deposited.
	fn rolled_back<R>(f: impl FnOnce() -> R) -> Result<(R, Vec<EventRecordOf<T>>), DispatchError> {
		let events_before = frame_system::Pallet::<T>::event_count() as usize;
		with_transaction(|| -> TransactionOutcome<Result<_, DispatchError>> {
			// Priced as the first call of a block, where nothing has written the block's event
			// counter yet and its read and write cost what the database charges, and no call has
			// loaded the contract's code: the call may be the first of the block it lands in, so
			// `gas_required` must count on neither.
			BlockEventBytes::<T>::kill();
			ContractsRunInBlock::<T>::kill();
			let result = f();
			let events = frame_system::Pallet::<T>::read_events_no_consensus()
				.skip(events_before)
				.map(|record| *record)
				.collect::<Vec<_>>();
			TransactionOutcome::Rollback(Ok((result, events)))
		})
	}

	/// Runs `f` with `gas_limit` (at most `query_gas_cap`), settles its storage deposits with
	/// `origin` (`None`: a read-only query, which has none), and rolls everything back.
	fn dry_run<R>(
		gas_limit: Option<Weight>,
		origin: Option<T::AccountId>,
		f: impl FnOnce(&Rc<CallTree<T>>, &mut GasMeter) -> Result<R, ExecError>,
	) -> ContractResult<R, BalanceOf<T>, EventRecordOf<T>> {
		if let Err(error) = Self::ensure_migrated() {
			return Self::failed_before_running(error.into())
		}
		let limit = Self::dry_run_limit(gas_limit);
		let (tree, mut gas) = match Self::start_call(limit, origin.is_none()) {
			Ok(started) => started,
			Err(error) => return Self::failed_before_running(error.into()),
		};
		let run = || match &origin {
			Some(origin) => Self::settled(&tree, origin, None, || f(&tree, &mut gas)).map(|(output, deposit, unused)| {
				gas.refund(unused);
				(output, deposit)
			}),
			None => f(&tree, &mut gas).map(|output| (output, StorageDeposit::Charge(Zero::zero()))),
		};
		let (result, events) = Self::rolled_back(run).unwrap_or_else(|error| (Err(error.into()), Vec::new()));
		let (result, storage_deposit, revert_message) = match result {
			Ok((value, deposit)) => (Ok(value), deposit, None),
			Err(ExecError { error, revert_message }) => (Err(error), StorageDeposit::Charge(Zero::zero()), revert_message),
		};
		ContractResult {
			gas_consumed: gas.consumed(),
			gas_required: gas.required(),
			storage_deposit,
			result,
			revert_message,
			events,
		}
	}

	/// Refuses to run contracts while a migration of the pallet's storage is under way: stored
	/// code may not have been validated again yet. (Blocks carry no transactions meanwhile.)
	fn ensure_migrated() -> Result<(), Error<T>> {
		if Self::on_chain_storage_version() < crate::pallet::STORAGE_VERSION {
			return Err(Error::<T>::MigrationInProgress)
		}
		Ok(())
	}

	fn failed_before_running<R>(error: DispatchError) -> ContractResult<R, BalanceOf<T>, EventRecordOf<T>> {
		ContractResult {
			gas_consumed: Weight::zero(),
			gas_required: Weight::zero(),
			storage_deposit: StorageDeposit::Charge(Zero::zero()),
			result: Err(error),
			revert_message: None,
			events: Vec::new(),
		}
	}
}
