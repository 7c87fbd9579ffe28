//! The contract ABI: what a wasm module sees of the chain.
//!
//! Contracts import host functions from the module [`HOST_MODULE`] (`env`); pointers and lengths
//! are `i32` offsets into the contract's exported memory [`MEMORY_EXPORT`]. Fixed-size values
//! have fixed layouts: an address is [`ADDRESS_LEN`] bytes, a balance is a little-endian `u128`
//! of [`BALANCE_LEN`] bytes and a hash is [`HASH_LEN`] bytes. Host functions that may fail in an
//! expected way return an `i32` [`ReturnCode`]; misuse (bad pointers, limits exceeded, state
//! changes in a query, out of gas) traps and stops the call instead.

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

/// Bytes of an address (an `AccountId32`).
pub const ADDRESS_LEN: u32 = 32;
/// Bytes of a balance: a little-endian `u128`.
pub const BALANCE_LEN: u32 = 16;
/// Bytes of a Blake2-256 hash.
pub const HASH_LEN: u32 = 32;
/// Bytes of the two-byte gzip magic that marks compressed code.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// What a host function returns when it completed or failed in a way the contract can handle.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u32)]
pub enum ReturnCode {
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
