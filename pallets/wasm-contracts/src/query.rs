//! What the runtime API calls: read-only queries, raw storage and info reads, and dry runs.
//!
//! A dry run takes the same path as its extrinsic, inside a storage transaction that is always
//! rolled back, and reports the events it deposited and the gas it consumed. Gas only grows
//! during a call, so the gas a successful call consumed is exactly the smallest limit with which
//! it succeeds: that is its `gas_required`.

use crate::{
	exec::{self, ExecEnv, ExecError},
	gas::GasMeter,
	storage::ContractTrie,
	BalanceOf, CodeHistory, CodeInfoOf, Config, ContractInfoOf, EventRecordOf, Pallet, Parameters,
};
use alloc::vec::Vec;
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchError;
use wasm_contracts_primitives::{
	CodeHistoryEntry, CodeId, CodeInfo, ContractInfo, ContractResult, ExecReturnValue, InstantiateReturnValue,
	StorageReadError,
};

impl<T: Config> Pallet<T> {
	/// Runs `entry_point` of `contract` read-only, within the `query_gas_cap` parameter (or the
	/// lower `gas_limit`). State changes trap with `StateChangeInReadOnlyCall`.
	pub fn query(
		contract: T::AccountId,
		entry_point: Vec<u8>,
		msg: Vec<u8>,
		gas_limit: Option<Weight>,
	) -> ContractResult<ExecReturnValue, EventRecordOf<T>> {
		let cap = Parameters::<T>::get().query_gas_cap;
		let limit = gas_limit.map_or(cap, |limit| limit.min(cap));
		Self::dry_run(Some(limit), true, |env, gas| {
			Self::check_msg(env, &msg)?;
			let entry = exec::entry_point_name::<T>(&entry_point)?;
			let data = exec::call::<T>(env, gas, 1, None, &contract, entry, msg, Default::default())?;
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

	/// The code history of `contract`, oldest first.
	pub fn contract_history(contract: T::AccountId) -> Vec<CodeHistoryEntry<BlockNumberFor<T>>> {
		let len = ContractInfoOf::<T>::get(&contract).map_or(0, |info| info.history_len);
		(0..len).filter_map(|index| CodeHistory::<T>::get(&contract, index)).collect()
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
	) -> ContractResult<InstantiateReturnValue<T::AccountId>, EventRecordOf<T>> {
		Self::dry_run(gas_limit, false, |env, gas| {
			let (contract, data) = Self::do_instantiate(env, gas, origin, code_id, init_msg, admin, value, salt)?;
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
	) -> ContractResult<ExecReturnValue, EventRecordOf<T>> {
		Self::dry_run(gas_limit, false, |env, gas| {
			let data = Self::do_execute(env, gas, origin, contract, entry_point, msg, value)?;
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
	) -> ContractResult<ExecReturnValue, EventRecordOf<T>> {
		Self::dry_run(gas_limit, false, |env, gas| {
			let data = Self::do_migrate(env, gas, origin, contract, new_code_id, msg)?;
			Ok(ExecReturnValue { data })
		})
	}

	/// Runs `f` with `gas_limit` (default: `max_contract_gas`) and rolls everything back.
	fn dry_run<R>(
		gas_limit: Option<Weight>,
		read_only: bool,
		f: impl FnOnce(&ExecEnv, &mut GasMeter) -> Result<R, ExecError>,
	) -> ContractResult<R, EventRecordOf<T>> {
		let limit = gas_limit.unwrap_or_else(|| Parameters::<T>::get().max_contract_gas);
		let (env, mut gas) = match Self::start_call(limit, read_only) {
			Ok(started) => started,
			Err(error) => return Self::failed_before_running(error.into()),
		};
		let events_before = frame_system::Pallet::<T>::event_count() as usize;
		let (result, events) = with_transaction(|| -> TransactionOutcome<Result<_, DispatchError>> {
			let result = f(&env, &mut gas);
			let events = frame_system::Pallet::<T>::read_events_no_consensus()
				.skip(events_before)
				.map(|record| *record)
				.collect::<Vec<_>>();
			TransactionOutcome::Rollback(Ok((result, events)))
		})
		.unwrap_or_else(|error| (Err(error.into()), Vec::new()));
		let (result, revert_message) = match result {
			Ok(value) => (Ok(value), None),
			Err(ExecError { error, revert_message }) => (Err(error), revert_message),
		};
		ContractResult {
			gas_consumed: gas.consumed(),
			gas_required: gas.consumed(),
			result,
			revert_message,
			events,
		}
	}

	fn failed_before_running<R>(error: DispatchError) -> ContractResult<R, EventRecordOf<T>> {
		ContractResult {
			gas_consumed: Weight::zero(),
			gas_required: Weight::zero(),
			result: Err(error),
			revert_message: None,
			events: Vec::new(),
		}
	}
}
