//! Invariants of the pallet's storage, checked by `try_state` (try-runtime: after every block
//! and every runtime upgrade it runs) and by the tests.

use crate::{
	BlockEventBytes, CodeDeposits, CodeHistory, CodeInfoOf, CodeUsers, Config, ContractInfoOf, InstantiationDeposits,
	ModuleDeposits, ModuleUsers, NextCodeId, Parameters, PristineCode,
};
use alloc::collections::BTreeMap;
use frame_support::{ensure, traits::Get};

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
	Ok(())
}
