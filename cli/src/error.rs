//! Why a command failed: a one-line message for a person and an exit code for a script, one code
//! per kind of failure (`docs/cli.md` lists them).

use std::fmt;

/// The kinds of failure, each with its own exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
	/// Arguments that do not make a command (clap's own code).
	Usage,
	/// A file or folder could not be read or written.
	Io,
	/// Building the contract failed, or a tool it needs is missing.
	Build,
	/// The contract metadata is missing, unreadable or of another format.
	Metadata,
	/// No entry point or event of that name in the metadata.
	UnknownEntryPoint,
	/// An argument does not match the type the metadata gives it.
	BadArgument,
	/// Bytes that do not decode as the type asked for.
	Undecodable,
	/// The node could not be reached.
	Connection,
	/// The chain has no wasm-contracts pallet.
	NoPallet,
	/// The signing account cannot pay the fee, the value or the deposit.
	CannotPay,
	/// The storage deposit limit is below what the call takes.
	DepositLimit,
	/// The contract reverted.
	Reverted,
	/// The call ran out of gas.
	OutOfGas,
	/// The chain refused the call for another reason (a pallet error, a bad origin, ...).
	Dispatch,
	/// The module built from source differs from the code on chain.
	Mismatch,
}

impl Kind {
	/// The process's exit code for this kind.
	pub fn exit_code(self) -> u8 {
		match self {
			Kind::Usage => 2,
			Kind::Io => 3,
			Kind::Build => 4,
			Kind::Metadata => 5,
			Kind::UnknownEntryPoint => 6,
			Kind::BadArgument => 7,
			Kind::Undecodable => 8,
			Kind::Connection => 10,
			Kind::NoPallet => 11,
			Kind::CannotPay => 12,
			Kind::DepositLimit => 13,
			Kind::Reverted => 14,
			Kind::OutOfGas => 15,
			Kind::Dispatch => 16,
			Kind::Mismatch => 17,
		}
	}

	/// A stable name for `--output-json`.
	pub fn name(self) -> &'static str {
		match self {
			Kind::Usage => "usage",
			Kind::Io => "io",
			Kind::Build => "build",
			Kind::Metadata => "metadata",
			Kind::UnknownEntryPoint => "unknown_entry_point",
			Kind::BadArgument => "bad_argument",
			Kind::Undecodable => "undecodable",
			Kind::Connection => "connection",
			Kind::NoPallet => "no_pallet",
			Kind::CannotPay => "cannot_pay",
			Kind::DepositLimit => "deposit_limit",
			Kind::Reverted => "reverted",
			Kind::OutOfGas => "out_of_gas",
			Kind::Dispatch => "dispatch",
			Kind::Mismatch => "mismatch",
		}
	}
}

/// A failed command.
#[derive(Debug)]
pub struct Failure {
	pub kind: Kind,
	pub message: String,
}

impl Failure {
	pub fn new(kind: Kind, message: impl Into<String>) -> Self {
		Self { kind, message: message.into() }
	}
}

impl fmt::Display for Failure {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		f.write_str(&self.message)
	}
}

/// A command's result.
pub type Outcome<T> = Result<T, Failure>;

/// Turns an I/O error on `path` into a failure that names it.
pub fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Failure + '_ {
	move |error| Failure::new(Kind::Io, format!("{}: {error}", path.display()))
}
