//! The contract ABI of wasm-contracts: what a wasm module sees of the chain, declared once for
//! the pallet that links it and the contracts that import it.
//!
//! Contracts import host functions from the module [`HOST_MODULE`] (`env`); pointers and lengths
//! are `i32` offsets into the contract's exported memory [`MEMORY_EXPORT`]. Fixed-size values
//! have fixed layouts: an address is [`ADDRESS_LEN`] bytes, a balance is a little-endian `u128`
//! of [`BALANCE_LEN`] bytes and a hash is [`HASH_LEN`] bytes. Host functions that may fail in an
//! expected way return an `i32` [`ReturnCode`]; misuse (bad pointers, limits exceeded, state
//! changes in a query, out of gas) traps and stops the call instead.

#![no_std]

/// Module name every host function is imported from.
pub const HOST_MODULE: &str = "env";
/// Name of the exported linear memory that host functions read and write.
pub const MEMORY_EXPORT: &str = "memory";
/// Optional export `allocate(len: i32) -> i32` that the host calls to place variable-length
/// output in contract memory. Without it the host grows the memory and writes at its old end.
pub const ALLOCATE_EXPORT: &str = "allocate";
/// Optional export run once by `instantiate`, with the init message as input.
pub const INSTANTIATE_EXPORT: &str = "instantiate";
/// Optional export of the new code run by `migrate`, with the migrate message as input.
pub const MIGRATE_EXPORT: &str = "migrate";
/// Export run for each module of a deploy.
pub const DEPLOY_EXPORT: &str = "call";
/// Exports that `execute` refuses to call: the life-cycle hooks and the allocator.
pub const RESERVED_EXPORTS: [&str; 3] = [INSTANTIATE_EXPORT, MIGRATE_EXPORT, ALLOCATE_EXPORT];

/// What `storage_read_into` returns when no value is stored under the key (`-1` as an `i32`);
/// no value is that long.
pub const ABSENT: u32 = u32::MAX;

/// Bytes of an address (an `AccountId32`).
pub const ADDRESS_LEN: u32 = 32;
/// Bytes of a balance: a little-endian `u128`.
pub const BALANCE_LEN: u32 = 16;
/// Bytes of a Blake2-256 hash.
pub const HASH_LEN: u32 = 32;
/// Bytes of the two-byte gzip magic that marks compressed code.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];


/// Calls `$callback!` with every host function, in the ABI's order, each as
///
/// ```text
/// /// Doc line.
/// Variant => mark fn name(arg: type, ...) -> result;
/// ```
///
/// where `mark` is `mutating` for a function that changes state (it traps in a read-only call)
/// or `reading` for one that does not, the types are `u32` (wasm `i32`) or `u64` (`i64`), and
/// the result is `()`, `u32`, `u64` or `!` (the call does not return to the contract).
///
/// The pallet's linker and validation table, the SDK's imports and its off-chain stubs, and the
/// check of `docs/abi.md` all expand from this list: adding a host function adds it here, then
/// in the pallet its body (`vm/runtime.rs`), its benchmark (`benchmarking/mod.rs`, with its
/// `WeightInfo` function) and its price (a `Cost` of `costs.rs`, unless an existing one fits).
#[macro_export]
macro_rules! for_each_host_fn {
	($callback:ident) => {
		$callback! {
			/// Reads the value under a key of the contract's storage.
			StorageRead => reading fn storage_read(key_ptr: u32, key_len: u32) -> u64;
			/// Writes a value under a key of the contract's storage.
			StorageWrite => mutating fn storage_write(key_ptr: u32, key_len: u32, value_ptr: u32, value_len: u32) -> u32;
			/// Deletes the value under a key of the contract's storage.
			StorageDelete => mutating fn storage_delete(key_ptr: u32, key_len: u32) -> u32;
			/// Writes the caller's address.
			GetCaller => reading fn get_caller(result_ptr: u32) -> u32;
			/// Returns the current block number.
			GetBlockNumber => reading fn get_block_number() -> u64;
			/// Returns the current block's timestamp in milliseconds.
			GetBlockTimestamp => reading fn get_block_timestamp() -> u64;
			/// Writes the contract's own address.
			GetContractAddress => reading fn get_contract_address(result_ptr: u32) -> u32;
			/// Writes the Blake2-256 hash of some bytes.
			CryptoHash => reading fn crypto_hash(data_ptr: u32, data_len: u32, result_ptr: u32) -> u32;
			/// Verifies an ed25519 or ECDSA signature.
			CryptoVerify => reading fn crypto_verify(
				msg_ptr: u32, msg_len: u32, sig_ptr: u32, sig_len: u32, pk_ptr: u32, pk_len: u32
			) -> u32;
			/// Deposits an event with a topic and data.
			LogEvent => mutating fn log_event(topic_ptr: u32, topic_len: u32, data_ptr: u32, data_len: u32) -> ();
			/// Transfers funds from the contract to an account.
			Transfer => mutating fn transfer(to_ptr: u32, amount_ptr: u32) -> u32;
			/// Places the call's input in memory.
			GetInput => reading fn get_input() -> u64;
			/// Sets the data the call returns.
			SetReturnData => reading fn set_return_data(data_ptr: u32, data_len: u32) -> ();
			/// Stops the call, undoing its changes, with a message for the caller.
			Revert => reading fn revert(msg_ptr: u32, msg_len: u32) -> !;
			/// Writes the value sent with the call.
			GetValue => reading fn get_value(result_ptr: u32) -> u32;
			/// Writes the contract's balance.
			GetBalance => reading fn get_balance(result_ptr: u32) -> u32;
			/// Returns the ref_time gas left.
			GasLeft => reading fn gas_left() -> u64;
			/// Calls an entry point of another contract (with a value, it traps in a read-only
			/// call, as a transfer does).
			CallContract => reading fn call_contract(
				address_ptr: u32, entry_ptr: u32, entry_len: u32, input_ptr: u32, input_len: u32, value_ptr: u32,
				gas_limit: u64
			) -> u32;
			/// Calls an entry point of another contract read-only.
			QueryContract => reading fn query_contract(
				address_ptr: u32, entry_ptr: u32, entry_len: u32, input_ptr: u32, input_len: u32, gas_limit: u64
			) -> u32;
			/// Instantiates a contract from stored code.
			InstantiateContract => mutating fn instantiate_contract(
				code_id: u64, msg_ptr: u32, msg_len: u32, value_ptr: u32, salt_ptr: u32, salt_len: u32,
				result_ptr: u32
			) -> u32;
			/// Places the return data of the last call or instantiation in memory.
			GetReturnData => reading fn get_return_data() -> u64;
			/// Pays for a deploy from the deploying account (payment module only).
			Pay => mutating fn pay(amount_ptr: u32) -> u32;
			/// Ends the contract: its balance goes to a beneficiary and its storage is removed.
			Terminate => mutating fn terminate(beneficiary_ptr: u32) -> !;
			/// Writes the value under a key of the contract's storage into a buffer when it fits;
			/// returns its length, or `ABSENT` (`u32::MAX`) when there is none.
			StorageReadInto => reading fn storage_read_into(key_ptr: u32, key_len: u32, out_ptr: u32, out_len: u32) -> u32;
			/// Writes the call's input into a buffer when it fits; returns its length.
			GetInputInto => reading fn get_input_into(out_ptr: u32, out_len: u32) -> u32;
			/// Writes the return data of the last call or instantiation into a buffer when it
			/// fits; returns its length.
			GetReturnDataInto => reading fn get_return_data_into(out_ptr: u32, out_len: u32) -> u32;
		}
	};
}

macro_rules! return_codes {
	($($(#[doc = $doc:literal])* $variant:ident = $value:literal,)*) => {
		/// What a host function returns when it completed or failed in a way the contract can
		/// handle.
		#[derive(Clone, Copy, PartialEq, Eq, Debug)]
		#[repr(u32)]
		pub enum ReturnCode {
			$($(#[doc = $doc])* $variant = $value,)*
		}

		impl ReturnCode {
			/// Every return code, in the order of their values.
			pub const ALL: &'static [ReturnCode] = &[$(ReturnCode::$variant),*];

			/// The return code of value `code`, if there is one.
			pub fn from_u32(code: u32) -> Option<ReturnCode> {
				match code {
					$($value => Some(ReturnCode::$variant),)*
					_ => None,
				}
			}
		}
	};
}

return_codes! {
	/// The operation succeeded (for `crypto_verify`: the signature is valid).
	Success = 0,
	/// The called contract trapped or ran out of gas; its changes were undone.
	CalleeTrapped = 1,
	/// The called contract reverted; its changes were undone and its message is the return data.
	CalleeReverted = 2,
	/// A balance transfer failed (insufficient funds, or it would kill the sender's account).
	TransferFailed = 3,
	/// `storage_delete` found no value under the key.
	KeyNotFound = 4,
	/// No contract lives at the address given to `call_contract`.
	NotAContract = 5,
	/// `crypto_verify`: the signature does not match the message and public key.
	InvalidSignature = 6,
	/// `crypto_verify`: the key and signature lengths match no supported scheme.
	UnsupportedKeyType = 7,
	/// `get_caller` at the top of a query, where no account calls.
	NoCaller = 8,
	/// `instantiate_contract`: no code is stored under the code id.
	CodeNotFound = 9,
	/// The call would nest deeper than the `max_call_depth` parameter.
	CallDepthExceeded = 10,
	/// The called contract does not export the entry point (or it has the wrong type).
	EntryPointNotFound = 11,
	/// `instantiate_contract`: a contract already lives at the derived address.
	ContractExists = 12,
	/// `pay` outside the payment phase of a deploy.
	NotPaymentPhase = 13,
}

impl From<ReturnCode> for u32 {
	fn from(code: ReturnCode) -> u32 {
		code as u32
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn every_return_code_is_found_by_its_value() {
		for (index, code) in ReturnCode::ALL.iter().enumerate() {
			assert_eq!(u32::from(*code), index as u32);
			assert_eq!(ReturnCode::from_u32(index as u32), Some(*code));
		}
		assert_eq!(ReturnCode::from_u32(ReturnCode::ALL.len() as u32), None);
	}
}
