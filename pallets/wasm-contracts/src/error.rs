//! Why a contract call failed: the error every layer of execution returns.

use crate::{Config, Error};
use alloc::vec::Vec;
use sp_runtime::DispatchError;

/// Why a call failed: a pallet error, and the contract's message when it reverted.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ExecError {
	/// The error the extrinsic fails with.
	pub error: DispatchError,
	/// What the contract passed to `revert`.
	pub revert_message: Option<Vec<u8>>,
}

impl ExecError {
	/// The contract reverted with `message`.
	pub fn reverted<T: Config>(message: Vec<u8>) -> Self {
		Self { error: Error::<T>::ContractReverted.into(), revert_message: Some(message) }
	}

	/// Whether the call failed with `error`.
	pub fn is<T: Config>(&self, error: Error<T>) -> bool {
		self.error == error.into()
	}

	/// Whether the call ran out of gas.
	pub fn is_out_of_gas<T: Config>(&self) -> bool {
		self.is::<T>(Error::<T>::OutOfGas)
	}
}

impl From<DispatchError> for ExecError {
	fn from(error: DispatchError) -> Self {
		Self { error, revert_message: None }
	}
}

impl<T: Config> From<Error<T>> for ExecError {
	fn from(error: Error<T>) -> Self {
		Self { error: error.into(), revert_message: None }
	}
}
