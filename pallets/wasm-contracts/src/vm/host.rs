//! The host functions of module `env`: one declaration each, from which come the validation
//! table ([`HostFn`]: names and exact signatures) and the linker entries. The behaviour, cost and
//! return codes of each function live with its implementation in [`super::runtime`].

use super::{
	runtime::{HostCtx, HostState},
	Ext,
};
use wasm_contracts_primitives::abi::HOST_MODULE;
use wasmi::{Caller, Engine, Linker};
use wasmparser::ValType;

macro_rules! wasm_type {
	(u32) => {
		ValType::I32
	};
	(u64) => {
		ValType::I64
	};
}

macro_rules! wasm_results {
	(()) => {
		&[]
	};
	($ty:ident) => {
		&[wasm_type!($ty)]
	};
}

macro_rules! host_functions {
	($(
		$(#[doc = $doc:literal])*
		$variant:ident => fn $name:ident($($arg:ident: $ty:ident),*) -> $ret:tt;
	)*) => {
		/// A host function that contracts may import from module `env`.
		#[derive(Clone, Copy, PartialEq, Eq, Debug)]
		pub enum HostFn {
			$($(#[doc = $doc])* $variant,)*
		}

		impl HostFn {
			/// Every host function, in declaration order.
			pub const ALL: &'static [HostFn] = &[$(HostFn::$variant),*];

			/// The import name.
			pub fn name(self) -> &'static str {
				match self {
					$(HostFn::$variant => stringify!($name),)*
				}
			}

			/// The host function imported under `name`.
			pub fn from_name(name: &str) -> Option<HostFn> {
				match name {
					$(stringify!($name) => Some(HostFn::$variant),)*
					_ => None,
				}
			}

			/// Parameter types, as the import must declare them.
			pub fn params(self) -> &'static [ValType] {
				match self {
					$(HostFn::$variant => &[$(wasm_type!($ty)),*],)*
				}
			}

			/// Result types, as the import must declare them.
			pub fn results(self) -> &'static [ValType] {
				match self {
					$(HostFn::$variant => wasm_results!($ret),)*
				}
			}
		}

		/// A linker that defines every host function for frames that reach the call stack
		/// through `E` (and, with the `execution-strategies` feature, the injected counter's
		/// `gas` function, which uploads never accept).
		pub fn linker<E: Ext>(engine: &Engine) -> Result<Linker<HostState<E>>, wasmi::Error> {
			let mut linker = Linker::new(engine);
			#[cfg(feature = "execution-strategies")]
			linker.func_wrap(
				HOST_MODULE,
				"gas",
				|caller: Caller<'_, HostState<E>>, units: u64| -> Result<(), wasmi::Error> {
					HostCtx::enter(caller)?.gas(units)
				},
			)?;
			$(
				linker.func_wrap(
					HOST_MODULE,
					stringify!($name),
					|caller: Caller<'_, HostState<E>>, $($arg: $ty),*| -> Result<$ret, wasmi::Error> {
						HostCtx::enter(caller)?.$name($($arg),*)
					},
				)?;
			)*
			Ok(linker)
		}
	};
}

host_functions! {
	/// Reads the value under a key of the contract's storage.
	StorageRead => fn storage_read(key_ptr: u32, key_len: u32) -> u64;
	/// Writes a value under a key of the contract's storage.
	StorageWrite => fn storage_write(key_ptr: u32, key_len: u32, value_ptr: u32, value_len: u32) -> u32;
	/// Deletes the value under a key of the contract's storage.
	StorageDelete => fn storage_delete(key_ptr: u32, key_len: u32) -> u32;
	/// Writes the caller's address.
	GetCaller => fn get_caller(result_ptr: u32) -> u32;
	/// Returns the current block number.
	GetBlockNumber => fn get_block_number() -> u64;
	/// Returns the current block's timestamp in milliseconds.
	GetBlockTimestamp => fn get_block_timestamp() -> u64;
	/// Writes the contract's own address.
	GetContractAddress => fn get_contract_address(result_ptr: u32) -> u32;
	/// Writes the Blake2-256 hash of some bytes.
	CryptoHash => fn crypto_hash(data_ptr: u32, data_len: u32, result_ptr: u32) -> u32;
	/// Verifies an ed25519 or ECDSA signature.
	CryptoVerify => fn crypto_verify(
		msg_ptr: u32, msg_len: u32, sig_ptr: u32, sig_len: u32, pk_ptr: u32, pk_len: u32
	) -> u32;
	/// Deposits an event with a topic and data.
	LogEvent => fn log_event(topic_ptr: u32, topic_len: u32, data_ptr: u32, data_len: u32) -> ();
	/// Transfers funds from the contract to an account.
	Transfer => fn transfer(to_ptr: u32, amount_ptr: u32) -> u32;
	/// Places the call's input in memory.
	GetInput => fn get_input() -> u64;
	/// Sets the data the call returns.
	SetReturnData => fn set_return_data(data_ptr: u32, data_len: u32) -> ();
	/// Stops the call, undoing its changes, with a message for the caller.
	Revert => fn revert(msg_ptr: u32, msg_len: u32) -> ();
	/// Writes the value sent with the call.
	GetValue => fn get_value(result_ptr: u32) -> u32;
	/// Writes the contract's balance.
	GetBalance => fn get_balance(result_ptr: u32) -> u32;
	/// Returns the ref_time gas left.
	GasLeft => fn gas_left() -> u64;
	/// Calls an entry point of another contract.
	CallContract => fn call_contract(
		address_ptr: u32, entry_ptr: u32, entry_len: u32, input_ptr: u32, input_len: u32, value_ptr: u32,
		gas_limit: u64
	) -> u32;
	/// Calls an entry point of another contract read-only.
	QueryContract => fn query_contract(
		address_ptr: u32, entry_ptr: u32, entry_len: u32, input_ptr: u32, input_len: u32, gas_limit: u64
	) -> u32;
	/// Instantiates a contract from stored code.
	InstantiateContract => fn instantiate_contract(
		code_id: u64, msg_ptr: u32, msg_len: u32, value_ptr: u32, salt_ptr: u32, salt_len: u32,
		result_ptr: u32
	) -> u32;
	/// Places the return data of the last call or instantiation in memory.
	GetReturnData => fn get_return_data() -> u64;
	/// Pays for a deploy from the deploying account (payment module only).
	Pay => fn pay(amount_ptr: u32) -> u32;
	/// Ends the contract: its balance goes to a beneficiary and its storage is removed.
	Terminate => fn terminate(beneficiary_ptr: u32) -> ();
}
