//! The host functions of `docs/abi.md`, as the pallet links them into a contract (module `env`).
//!
//! Off-chain (any target but wasm32) there is no host: these functions exist so that contract
//! crates compile natively, for their tests' helper code and for their metadata, and panic if
//! called. Contracts run only inside the pallet (on a chain, or in `wasm-contracts-sandbox`).

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "env")]
extern "C" {
	pub fn storage_read(key_ptr: u32, key_len: u32) -> u64;
	pub fn storage_write(key_ptr: u32, key_len: u32, value_ptr: u32, value_len: u32) -> u32;
	pub fn storage_delete(key_ptr: u32, key_len: u32) -> u32;
	pub fn get_caller(result_ptr: u32) -> u32;
	pub fn get_block_number() -> u64;
	pub fn get_block_timestamp() -> u64;
	pub fn get_contract_address(result_ptr: u32) -> u32;
	pub fn crypto_hash(data_ptr: u32, data_len: u32, result_ptr: u32) -> u32;
	pub fn crypto_verify(msg_ptr: u32, msg_len: u32, sig_ptr: u32, sig_len: u32, pk_ptr: u32, pk_len: u32) -> u32;
	pub fn log_event(topic_ptr: u32, topic_len: u32, data_ptr: u32, data_len: u32);
	pub fn transfer(to_ptr: u32, amount_ptr: u32) -> u32;
	pub fn get_input() -> u64;
	pub fn set_return_data(data_ptr: u32, data_len: u32);
	pub fn revert(msg_ptr: u32, msg_len: u32) -> !;
	pub fn get_value(result_ptr: u32) -> u32;
	pub fn get_balance(result_ptr: u32) -> u32;
	pub fn gas_left() -> u64;
	pub fn call_contract(
		address_ptr: u32,
		entry_ptr: u32,
		entry_len: u32,
		input_ptr: u32,
		input_len: u32,
		value_ptr: u32,
		gas_limit: u64,
	) -> u32;
	pub fn query_contract(
		address_ptr: u32,
		entry_ptr: u32,
		entry_len: u32,
		input_ptr: u32,
		input_len: u32,
		gas_limit: u64,
	) -> u32;
	pub fn instantiate_contract(
		code_id: u64,
		msg_ptr: u32,
		msg_len: u32,
		value_ptr: u32,
		salt_ptr: u32,
		salt_len: u32,
		result_ptr: u32,
	) -> u32;
	pub fn get_return_data() -> u64;
	pub fn pay(amount_ptr: u32) -> u32;
	pub fn terminate(beneficiary_ptr: u32) -> !;
}

#[cfg(not(target_arch = "wasm32"))]
pub use off_chain::*;

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::missing_safety_doc, clippy::too_many_arguments)]
mod off_chain {
	const NO_HOST: &str = "wasm-contracts host functions run only inside the pallet: build the contract for wasm32";

	macro_rules! no_host {
		($($name:ident($($arg:ident: $ty:ty),*) $(-> $ret:ty)?;)*) => {
			$(pub unsafe fn $name($(_: $ty),*) $(-> $ret)? { panic!("{}", NO_HOST) })*
		};
	}

	no_host! {
		storage_read(key_ptr: u32, key_len: u32) -> u64;
		storage_write(key_ptr: u32, key_len: u32, value_ptr: u32, value_len: u32) -> u32;
		storage_delete(key_ptr: u32, key_len: u32) -> u32;
		get_caller(result_ptr: u32) -> u32;
		get_block_number() -> u64;
		get_block_timestamp() -> u64;
		get_contract_address(result_ptr: u32) -> u32;
		crypto_hash(data_ptr: u32, data_len: u32, result_ptr: u32) -> u32;
		crypto_verify(msg_ptr: u32, msg_len: u32, sig_ptr: u32, sig_len: u32, pk_ptr: u32, pk_len: u32) -> u32;
		log_event(topic_ptr: u32, topic_len: u32, data_ptr: u32, data_len: u32);
		transfer(to_ptr: u32, amount_ptr: u32) -> u32;
		get_input() -> u64;
		set_return_data(data_ptr: u32, data_len: u32);
		revert(msg_ptr: u32, msg_len: u32) -> !;
		get_value(result_ptr: u32) -> u32;
		get_balance(result_ptr: u32) -> u32;
		gas_left() -> u64;
		call_contract(address_ptr: u32, entry_ptr: u32, entry_len: u32, input_ptr: u32, input_len: u32, value_ptr: u32, gas_limit: u64) -> u32;
		query_contract(address_ptr: u32, entry_ptr: u32, entry_len: u32, input_ptr: u32, input_len: u32, gas_limit: u64) -> u32;
		instantiate_contract(code_id: u64, msg_ptr: u32, msg_len: u32, value_ptr: u32, salt_ptr: u32, salt_len: u32, result_ptr: u32) -> u32;
		get_return_data() -> u64;
		pay(amount_ptr: u32) -> u32;
		terminate(beneficiary_ptr: u32) -> !;
	}
}
