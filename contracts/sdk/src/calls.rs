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

fn outcome(code: u32) -> Result<&'static [u8], CallError> {
	let returned = env::placed(unsafe { host::get_return_data() }).unwrap_or_default();
	match Error::check(code) {
		Ok(()) => Ok(returned),
		Err(error) => Err(CallError { error, message: if error == Error::CalleeReverted { returned } else { &[] } }),
	}
}

fn decoded<R: Decode>(bytes: &'static [u8]) -> Result<R, CallError> {
	scale::decode(bytes).map_err(|_| CallError { error: Error::UndecodableOutput, message: bytes })
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
	decoded(outcome(code)?)
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
	decoded(outcome(code)?)
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
	outcome(code)?;
	Ok(Address(address))
}
