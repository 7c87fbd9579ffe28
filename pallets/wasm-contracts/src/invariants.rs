//! Invariants of the pallet's storage, checked by `try_state` (try-runtime: after every block
//! and every runtime upgrade it runs) and by the tests.

use crate::{
	BlockEventBytes, CodeHistory, CodeInfoOf, Config, ContractInfoOf, NextCodeId, Parameters, PristineCode,
};
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
	for (contract, info) in ContractInfoOf::<T>::iter() {
		ensure!(CodeInfoOf::<T>::contains_key(info.code_id), "a contract's code id has no code info");
		let entries = CodeHistory::<T>::iter_prefix(&contract).count();
		ensure!(u32::try_from(entries) == Ok(info.history_len), "a contract's history length differs from its history");
	}
	if let Some((_, bytes)) = BlockEventBytes::<T>::get() {
		ensure!(bytes <= T::MaxEventBytesPerBlock::get(), "the block's event bytes pass its budget");
	}
	Ok(())
}
