//! Calling, querying and instantiating other contracts.

use crate::{env, host, scale, Address, Balance, Error};
use codec::{Decode, Encode};

/// Why a call of another contract failed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CallError {
	/// What the host reported.
	pub error: Error,
	/// The callee's revert message when it reverted; its output when that did not decode.
	pub message: &'static [u8],
}

/// Writes the return data of the last call, query or instantiation into `buffer` when it fits
/// (nothing when it does not) and returns its length.
pub fn return_data_into(buffer: &mut [u8]) -> usize {
	unsafe { host::get_return_data_into(env::ptr(buffer), env::len(buffer)) as usize }
}

/// The return data of the last call, placed on the heap.
fn placed_return_data() -> &'static [u8] {
	env::placed(unsafe { host::get_return_data() }).unwrap_or_default()
}

/// `Ok` when the host reported success; the error with the callee's revert message otherwise.
fn succeeded(code: u32) -> Result<(), CallError> {
	Error::check(code).map_err(|error| CallError {
		error,
		message: if error == Error::CalleeReverted { placed_return_data() } else { &[] },
	})
}

/// What the call that reported `code` returned, decoded as exactly one `R`: read into a stack
/// buffer when it fits, placed on the heap when it does not (and for the error's message when it
/// does not decode).
fn returned<R: Decode>(code: u32) -> Result<R, CallError> {
	succeeded(code)?;
	let mut buffer = scale::StackBuffer::new();
	let len = unsafe { host::get_return_data_into(buffer.ptr(), scale::STACK_BUFFER as u32) };
	// SAFETY: the host wrote the return data into the buffer when it fit.
	let bytes = unsafe { buffer.written(len as usize) }.unwrap_or_else(|| placed_return_data());
	scale::decode(bytes).map_err(|_| CallError { error: Error::UndecodableOutput, message: placed_return_data() })
}

/// Runs `entry` of `contract` with `msg`, sending `value`, with at most `gas_limit` ref_time
/// (0: all that is left); decodes what it returns, which must be exactly one `R`.
pub fn call<M: Encode, R: Decode>(
	contract: &Address,
	entry: &str,
	msg: &M,
	value: Balance,
	gas_limit: u64,
) -> Result<R, CallError> {
	let value = value.to_le_bytes();
	let code = env::with_encoded(&[], msg, |input| unsafe {
		host::call_contract(
			env::ptr(&contract.0),
			env::ptr(entry.as_bytes()),
			env::len(entry.as_bytes()),
			env::ptr(input),
			env::len(input),
			env::ptr(&value),
			gas_limit,
		)
	});
	returned(code)
}

/// Runs `entry` of `contract` read-only with `msg` (a state change in it fails it) and decodes
/// what it returns, which must be exactly one `R`.
pub fn query<M: Encode, R: Decode>(contract: &Address, entry: &str, msg: &M, gas_limit: u64) -> Result<R, CallError> {
	let code = env::with_encoded(&[], msg, |input| unsafe {
		host::query_contract(
			env::ptr(&contract.0),
			env::ptr(entry.as_bytes()),
			env::len(entry.as_bytes()),
			env::ptr(input),
			env::len(input),
			gas_limit,
		)
	});
	returned(code)
}

/// Creates a contract of `code_id` with `msg` as its init message, funded with `value` (plus the
/// existential deposit) from this contract, which becomes its creator and admin. An empty
/// `salt` gives the chain's next instance address, another the salted address.
pub fn instantiate<M: Encode>(code_id: u64, msg: &M, value: Balance, salt: &[u8]) -> Result<Address, CallError> {
	let value = value.to_le_bytes();
	let mut address = [0u8; 32];
	let code = env::with_encoded(&[], msg, |msg| unsafe {
		host::instantiate_contract(
			code_id,
			env::ptr(msg),
			env::len(msg),
			env::ptr(&value),
			env::ptr(salt),
			env::len(salt),
			address.as_mut_ptr() as usize as u32,
		)
	});
	succeeded(code)?;
	Ok(Address(address))
}
