//! The call's context and the chain around it: caller, value, balances, blocks, events,
//! transfers, hashing, return data and the end of a call.

use crate::{host, scale, Address, Balance, Error};
use codec::{Decode, Encode};

pub(crate) fn ptr(bytes: &[u8]) -> u32 {
	bytes.as_ptr() as usize as u32
}

pub(crate) fn len(bytes: &[u8]) -> u32 {
	bytes.len() as u32
}

/// The `(ptr << 32) | len` bytes the host placed through `allocate`; 0 means none.
pub(crate) fn placed(packed: u64) -> Option<&'static [u8]> {
	let (ptr, len) = ((packed >> 32) as usize, (packed & 0xffff_ffff) as usize);
	if packed == 0 {
		return None
	}
	if len == 0 {
		return Some(&[])
	}
	// SAFETY: the host wrote `len` bytes at what `allocate(len)` returned, a heap block that is
	// never freed.
	Some(unsafe { core::slice::from_raw_parts(ptr as *const u8, len) })
}

/// The account that called this contract: a signer, another contract, or the account of a
/// deploy; `None` at the top of a read-only query.
pub fn caller() -> Option<Address> {
	// Not zeroed: the host writes all 32 bytes when it returns 0, and nothing is read otherwise.
	let mut address = core::mem::MaybeUninit::<[u8; 32]>::uninit();
	match unsafe { host::get_caller(address.as_mut_ptr() as usize as u32) } {
		// SAFETY: the host wrote the caller's 32 bytes.
		0 => Some(Address(unsafe { address.assume_init() })),
		_ => None,
	}
}

/// The account the caller must be, or the call reverts with `message`.
pub fn require_caller(message: &str) -> Address {
	caller().unwrap_or_else(|| revert(message))
}

/// This contract's address (a deploy's account inside a deploy).
pub fn address() -> Address {
	let mut address = [0u8; 32];
	unsafe { host::get_contract_address(address.as_mut_ptr() as usize as u32) };
	Address(address)
}

/// The value sent with this call.
pub fn value() -> Balance {
	let mut value = [0u8; 16];
	unsafe { host::get_value(value.as_mut_ptr() as usize as u32) };
	Balance::from_le_bytes(value)
}

/// This contract's free balance.
pub fn balance() -> Balance {
	let mut balance = [0u8; 16];
	unsafe { host::get_balance(balance.as_mut_ptr() as usize as u32) };
	Balance::from_le_bytes(balance)
}

/// The number of the block the call runs in.
pub fn block_number() -> u64 {
	unsafe { host::get_block_number() }
}

/// The block's timestamp, in milliseconds since the Unix epoch.
pub fn block_timestamp() -> u64 {
	unsafe { host::get_block_timestamp() }
}

/// The ref_time (picoseconds) of gas the call has left.
pub fn gas_left() -> u64 {
	unsafe { host::gas_left() }
}

/// Calls `f` with `prefix` followed by the SCALE encoding of `value`, on the stack when it is
/// short (no heap memory taken); reverts when the encoding cannot be made.
pub(crate) fn with_encoded<T: Encode + ?Sized, R>(prefix: &[u8], value: &T, f: impl FnOnce(&[u8]) -> R) -> R {
	scale::with_encoded(prefix, value, f).unwrap_or_else(|| revert(CANNOT_ENCODE))
}

const CANNOT_ENCODE: &str = "cannot encode: out of memory, or an Encode whose length varies";

/// The call's input, as the bytes it came as (they stay in the contract's memory for the rest
/// of the call).
pub fn input_bytes() -> &'static [u8] {
	placed(unsafe { host::get_input() }).unwrap_or_default()
}

/// Writes the call's input into `buffer` when it fits (nothing when it does not) and returns its
/// length: for input of a known size, read without taking heap memory.
pub fn input_into(buffer: &mut [u8]) -> usize {
	unsafe { host::get_input_into(ptr(buffer), len(buffer)) as usize }
}

/// The call's input decoded as exactly one `T`; reverts with "invalid message" when it is not
/// one. Input that fits a stack buffer is read into it, longer input is placed on the heap.
pub fn input<T: Decode>() -> T {
	let mut buffer = scale::StackBuffer::new();
	let len = unsafe { host::get_input_into(buffer.ptr(), scale::STACK_BUFFER as u32) };
	// SAFETY: the host wrote the input into the buffer when it fit.
	let bytes = unsafe { buffer.written(len as usize) }.unwrap_or_else(|| input_bytes());
	scale::decode(bytes).unwrap_or_else(|_| revert("invalid message"))
}

/// Sets what the call returns (the last call wins).
pub fn set_return<T: Encode + ?Sized>(output: &T) {
	with_encoded(&[], output, set_return_bytes)
}

/// Sets the bytes the call returns (the last call wins).
// Inlined: a body of a few bytes would be one more function for the chain to price (it charges
// each call for the most functions the fuel it burnt could have translated).
#[inline(always)]
pub fn set_return_bytes(bytes: &[u8]) {
	unsafe { host::set_return_data(ptr(bytes), len(bytes)) }
}

/// Ends the call, undoing its changes; the caller sees `message` (dry runs show it too).
// Inlined, as `set_return_bytes` is.
#[inline(always)]
pub fn revert(message: &str) -> ! {
	revert_with(message.as_bytes())
}

/// Ends the call, undoing its changes, with `data` as the revert message.
// Inlined, as `set_return_bytes` is.
#[inline(always)]
pub fn revert_with(data: &[u8]) -> ! {
	unsafe { host::revert(ptr(data), len(data)) }
}

/// Emits `ContractEmitted { topic, data }` with `data` SCALE-encoded.
pub fn emit<T: Encode + ?Sized>(topic: &[u8], data: &T) {
	with_encoded(&[], data, |data| unsafe { host::log_event(ptr(topic), len(topic), ptr(data), len(data)) })
}

/// Sends `amount` from this contract to `to`.
pub fn transfer(to: &Address, amount: Balance) -> Result<(), Error> {
	let amount = amount.to_le_bytes();
	Error::check(unsafe { host::transfer(ptr(&to.0), ptr(&amount)) })
}

/// Pays `amount` for the deploy whose payment module this is.
pub fn pay(amount: Balance) -> Result<(), Error> {
	let amount = amount.to_le_bytes();
	Error::check(unsafe { host::pay(ptr(&amount)) })
}

/// Ends this contract for good: its balance and storage deposit go to `beneficiary`, calls to
/// its address fail from then on. The call ends successfully here.
pub fn terminate(beneficiary: &Address) -> ! {
	unsafe { host::terminate(ptr(&beneficiary.0)) }
}

/// Blake2-256 of `data`.
pub fn hash(data: &[u8]) -> [u8; 32] {
	let mut output = [0u8; 32];
	unsafe { host::crypto_hash(ptr(data), len(data), output.as_mut_ptr() as usize as u32) };
	output
}

/// Checks an ed25519 (64-byte signature, 32-byte key) or secp256k1 ECDSA (65-byte signature,
/// 33-byte key) signature of `message`.
pub fn verify(message: &[u8], signature: &[u8], public_key: &[u8]) -> Result<(), Error> {
	let code = unsafe {
		host::crypto_verify(ptr(message), len(message), ptr(signature), len(signature), ptr(public_key), len(public_key))
	};
	Error::check(code)
}
