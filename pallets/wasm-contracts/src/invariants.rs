//! Invariants of the pallet's storage, checked by `try_state` (try-runtime: after every block
//! and every runtime upgrade it runs), after every pallet test and after every fuzzing case.

use crate::{
	deposit::{self, StorageChange},
	storage::{child_info, next_key, TRIE_PREFIX},
	AccountTrie, BalanceOf, BlockEventBytes, CodeDeposits, CodeHistory, CodeInfoOf, CodeUsers, Config, ContractInfoOf,
	DeletionQueue, DeletionQueueBounds, HoldReason, InstantiationDeposits, ModuleDeposits, ModuleUsers, NextCodeId,
	Parameters, PristineCode, UnpaidStorageOf,
};
use alloc::collections::{BTreeMap, BTreeSet};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::traits::{Saturating, Zero};
use wasm_contracts_primitives::TrieId;

/// Checks that the pallet's storage is consistent; names the first invariant that does not
/// hold.
pub fn check<T: Config>() -> Result<(), &'static str> {
	ensure!(Parameters::<T>::get().check().is_ok(), "the parameters are out of range");
	let next_code_id = NextCodeId::<T>::get();
	for (code_id, info) in CodeInfoOf::<T>::iter() {
		ensure!(code_id < next_code_id, "a code id is not below NextCodeId");
		// Code removed by a migration that validates code again leaves its info behind.
		if let Some(code) = PristineCode::<T>::get(info.code_hash) {
			ensure!(u32::try_from(code.len()) == Ok(info.code_size), "a code's recorded size differs from its module");
		}
	}
	let mut code_users = BTreeMap::new();
	for (contract, info) in ContractInfoOf::<T>::iter() {
		ensure!(CodeInfoOf::<T>::contains_key(info.code_id), "a contract's code id has no code info");
		let entries = CodeHistory::<T>::iter_prefix(&contract).count();
		ensure!(u32::try_from(entries) == Ok(info.history_len), "a contract's history length differs from its history");
		*code_users.entry(info.code_id).or_insert(0u64) += 1;
	}
	for (code_id, users) in CodeUsers::<T>::iter() {
		ensure!(code_users.remove(&code_id) == Some(users), "a code id's user count differs from its contracts");
	}
	ensure!(code_users.is_empty(), "contracts run a code id whose users are not counted");
	let mut module_users = BTreeMap::new();
	for (_, info) in CodeInfoOf::<T>::iter() {
		*module_users.entry(info.code_hash).or_insert(0u32) += 1;
	}
	for (code_hash, users) in ModuleUsers::<T>::iter() {
		ensure!(module_users.remove(&code_hash) == Some(users), "a module's user count differs from its code ids");
	}
	ensure!(module_users.is_empty(), "code ids refer to a module whose users are not counted");
	for code_id in CodeDeposits::<T>::iter_keys() {
		ensure!(CodeInfoOf::<T>::contains_key(code_id), "a deposit is held for a removed code id");
	}
	for code_hash in ModuleDeposits::<T>::iter_keys() {
		ensure!(PristineCode::<T>::contains_key(code_hash), "a deposit is held for a removed module");
	}
	for contract in InstantiationDeposits::<T>::iter_keys() {
		ensure!(ContractInfoOf::<T>::contains_key(&contract), "a deposit is held for a terminated contract");
	}
	if let Some((_, bytes)) = BlockEventBytes::<T>::get() {
		ensure!(bytes <= T::MaxEventBytesPerBlock::get(), "the block's event bytes pass its budget");
	}
	check_deletion_queue::<T>()?;
	check_holds::<T>()
}

/// The deletion queue holds terminated contracts only, within its bounds: no live contract's
/// trie is queued, and a new contract lives at a queued address only once its old history is
/// gone. Unpaid storage is recorded for live tries only.
fn check_deletion_queue<T: Config>() -> Result<(), &'static str> {
	let bounds = DeletionQueueBounds::<T>::get();
	let live_tries: BTreeSet<TrieId> =
		ContractInfoOf::<T>::iter_values().map(|info| info.trie_id).chain(AccountTrie::<T>::iter_values()).collect();
	for (slot, queued) in DeletionQueue::<T>::iter() {
		ensure!(bounds.head <= slot && slot < bounds.tail, "a queued deletion lies outside the queue's bounds");
		ensure!(!live_tries.contains(&queued.trie_id), "a live contract's trie is queued for deletion");
		if ContractInfoOf::<T>::contains_key(&queued.contract) {
			ensure!(queued.history_left == 0, "a live contract's code history is queued for deletion");
		}
	}
	for trie_id in UnpaidStorageOf::<T>::iter_keys() {
		ensure!(live_tries.contains(&trie_id), "unpaid storage is recorded for a trie that is gone");
	}
	Ok(())
}

/// Every hold is what the pallet's records say: an uploader's `CodeUpload` hold the deposits of
/// its code ids and modules, an origin's `ContractInstantiation` hold the deposits of the
/// contracts it created; a contract's `ContractStorage` and an account's `AccountVariables` hold
/// never more than the price of what they keep beyond their unpaid storage.
fn check_holds<T: Config>() -> Result<(), &'static str> {
	let mut code_holds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
	for (code_id, amount) in CodeDeposits::<T>::iter() {
		let uploader = CodeInfoOf::<T>::get(code_id).ok_or("a deposit is held for a removed code id")?.uploader;
		add(&mut code_holds, uploader, amount);
	}
	for (_, deposit) in ModuleDeposits::<T>::iter() {
		add(&mut code_holds, deposit.depositor, deposit.amount);
	}
	let mut instantiation_holds: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
	for (_, deposit) in InstantiationDeposits::<T>::iter() {
		add(&mut instantiation_holds, deposit.depositor, deposit.amount);
	}
	for (reason, holds, what) in [
		(HoldReason::CodeUpload, code_holds, "an uploader's hold differs from its code deposits"),
		(HoldReason::ContractInstantiation, instantiation_holds, "an origin's hold differs from its contracts' deposits"),
	] {
		let reason: T::RuntimeHoldReason = reason.into();
		for (holder, amount) in holds {
			ensure!(T::Currency::balance_on_hold(&reason, &holder) == amount, what);
		}
	}
	let storage: T::RuntimeHoldReason = HoldReason::ContractStorage.into();
	let history_entry = StorageChange::item(deposit::history_entry_bytes::<T>());
	for (contract, info) in ContractInfoOf::<T>::iter() {
		let history = (1..info.history_len).fold(StorageChange::default(), |total, _| total.plus(history_entry));
		let (contents, longest) = trie_contents(&info.trie_id);
		ensure!(longest <= info.longest_value, "a contract stores a value longer than its record's longest value");
		let kept = contents.plus(history).minus_unpaid(UnpaidStorageOf::<T>::get(info.trie_id));
		let held = T::Currency::balance_on_hold(&storage, &contract);
		ensure!(held <= deposit::deposit_for::<T>(kept), "a contract holds more than its storage is priced");
	}
	let variables: T::RuntimeHoldReason = HoldReason::AccountVariables.into();
	for (account, trie_id) in AccountTrie::<T>::iter() {
		let record = StorageChange::item(deposit::account_record_bytes::<T>());
		let kept = trie_contents(&trie_id).0.plus(record).minus_unpaid(UnpaidStorageOf::<T>::get(trie_id));
		let held = T::Currency::balance_on_hold(&variables, &account);
		ensure!(held <= deposit::deposit_for::<T>(kept), "an account holds more than its variables are priced");
	}
	Ok(())
}

fn add<K: Ord, B: Saturating + Zero + Copy>(totals: &mut BTreeMap<K, B>, key: K, amount: B) {
	let total = totals.entry(key).or_insert_with(Zero::zero);
	*total = total.saturating_add(amount);
}

/// The items and bytes stored in the trie `trie_id`, and the length of its longest value.
fn trie_contents(trie_id: &TrieId) -> (StorageChange, u32) {
	let info = child_info(TRIE_PREFIX, trie_id);
	let mut total = StorageChange::default();
	let mut longest = 0;
	let mut key = if frame_support::storage::child::exists(&info, &[]) { Some(alloc::vec::Vec::new()) } else { next_key(&info, &[]) };
	while let Some(current) = key {
		let value_len = frame_support::storage::child::len(&info, &current).unwrap_or(0);
		longest = longest.max(value_len);
		let bytes = (current.len() as u64).saturating_add(u64::from(value_len));
		total = total.plus(StorageChange { items: 1, bytes: i64::try_from(bytes).unwrap_or(i64::MAX) });
		key = next_key(&info, &current);
	}
	(total, longest)
}
