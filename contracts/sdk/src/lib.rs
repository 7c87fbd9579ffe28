//! # wasm-contracts-sdk
//!
//! Contracts for the wasm-contracts pallet in Rust: every host function of `docs/abi.md`
//! behind a safe function, typed storage on SCALE ([`storage::Item`], [`storage::Map`]), calls
//! of other contracts ([`calls`]), short keys, values, messages and events encoded and read on
//! the stack, a heap for longer ones whose `allocate` export lets the host place data without
//! taking fresh pages, a panic handler that reverts with the panic's message, and
//! [`entry_points!`], which exports functions that take a typed message and return a typed
//! result.
//!
//! ```ignore
//! #![no_std]
//! use wasm_contracts_sdk::{entry_points, storage::Item};
//!
//! const COUNT: Item<u32> = Item::new(b"count");
//!
//! fn increment(by: u32) -> u32 {
//!     let count = COUNT.load() + by;
//!     COUNT.save(&count);
//!     count
//! }
//!
//! fn get(_: ()) -> u32 {
//!     COUNT.load()
//! }
//!
//! entry_points! {
//!     execute increment(u32) -> u32;
//!     query get(()) -> u32;
//! }
//! ```
//!
//! Build contracts for `wasm32-unknown-unknown` with `contracts/build.sh`, and test them with
//! `wasm-contracts-sandbox`.

#![no_std]

extern crate alloc;

pub mod calls;
pub mod env;
pub mod heap;
mod scale;
mod host;
#[cfg(feature = "metadata")]
pub mod metadata;
pub mod storage;

pub use codec::{self, Decode, Encode};
pub use scale_info::{self, TypeInfo};
pub use wasm_contracts_abi::ReturnCode;

/// An account: a signer, a contract or a deploy's account.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default, Encode, TypeInfo, codec::MaxEncodedLen)]
pub struct Address(pub [u8; 32]);

// By hand for its fixed size, which lets storage read an address without heap memory.
impl Decode for Address {
	fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
		<[u8; 32]>::decode(input).map(Self)
	}

	fn encoded_fixed_size() -> Option<usize> {
		Some(32)
	}
}

/// Amounts of the chain's currency.
pub type Balance = u128;

/// What a host function reported, when it did not succeed (`docs/abi.md`, return codes), and
/// [`Error::UndecodableOutput`] for a callee whose output is not the expected type.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum Error {
	/// The callee trapped or ran out of gas; its changes are undone.
	CalleeTrapped,
	/// The callee reverted; its changes are undone.
	CalleeReverted,
	/// Insufficient funds, or the payer would drop below the existential deposit.
	TransferFailed,
	/// No contract at the address called.
	NotAContract,
	/// The signature does not verify.
	InvalidSignature,
	/// The signature's and key's lengths match no supported scheme.
	UnsupportedKeyType,
	/// Unknown code id.
	CodeNotFound,
	/// The call would nest deeper than the chain allows.
	CallDepthExceeded,
	/// The callee does not export the entry point.
	EntryPointNotFound,
	/// A contract already lives at the derived address.
	ContractExists,
	/// `pay` outside the payment phase of a deploy.
	NotPaymentPhase,
	/// The callee returned something that does not decode as the expected type.
	UndecodableOutput,
	/// A return code this SDK does not know.
	Unknown(u32),
}

impl Error {
	/// `Ok` for [`ReturnCode::Success`], the error the code names otherwise; the codes that only
	/// one host function returns, which the SDK handles where it calls it (`KeyNotFound`,
	/// `NoCaller`), are [`Error::Unknown`] here.
	pub fn check(code: u32) -> Result<(), Self> {
		Err(match ReturnCode::from_u32(code) {
			Some(ReturnCode::Success) => return Ok(()),
			Some(ReturnCode::CalleeTrapped) => Self::CalleeTrapped,
			Some(ReturnCode::CalleeReverted) => Self::CalleeReverted,
			Some(ReturnCode::TransferFailed) => Self::TransferFailed,
			Some(ReturnCode::NotAContract) => Self::NotAContract,
			Some(ReturnCode::InvalidSignature) => Self::InvalidSignature,
			Some(ReturnCode::UnsupportedKeyType) => Self::UnsupportedKeyType,
			Some(ReturnCode::CodeNotFound) => Self::CodeNotFound,
			Some(ReturnCode::CallDepthExceeded) => Self::CallDepthExceeded,
			Some(ReturnCode::EntryPointNotFound) => Self::EntryPointNotFound,
			Some(ReturnCode::ContractExists) => Self::ContractExists,
			Some(ReturnCode::NotPaymentPhase) => Self::NotPaymentPhase,
			Some(ReturnCode::KeyNotFound | ReturnCode::NoCaller) | None => Self::Unknown(code),
		})
	}
}

/// Reverts with the panic's message (or "panic" when it is formatted): the call's changes are
/// undone and the caller, or a dry run, sees why.
#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
	env::revert(info.message().as_str().unwrap_or("panic"))
}

/// What [`entry_points!`] exports call.
#[doc(hidden)]
pub mod entry {
	use crate::env;
	use codec::{Decode, Encode};

	/// Decodes the input as `M`, runs `f` and returns its output.
	pub fn run<M: Decode, O: Encode>(f: fn(M) -> O) {
		returned(&f(env::input()));
	}

	/// Decodes the input as `M` and runs `f`: returns its `Ok`, reverts with its encoded `Err`.
	pub fn run_fallible<M: Decode, T: Encode, E: Encode>(f: fn(M) -> Result<T, E>) {
		match f(env::input()) {
			Ok(output) => returned(&output),
			Err(error) => env::with_encoded(&[], &error, |error| env::revert_with(error)),
		}
	}

	/// Sets `output` as the return data; an empty encoding (`()`) needs no host call, since a
	/// call that sets none returns nothing.
	fn returned<O: Encode>(output: &O) {
		env::with_encoded(&[], output, |output| {
			if !output.is_empty() {
				env::set_return_bytes(output);
			}
		})
	}
}

/// Exports functions of the crate as the contract's entry points. Each takes its message type
/// (SCALE-decoded from the call's input; a message that does not decode reverts with "invalid
/// message") and returns its output (SCALE-encoded as the call's return data). A function that
/// returns `Result<T, E>` returns `T`, or reverts with the encoded `E`, which undoes its changes.
///
/// `execute` marks an entry point that changes state, `query` one that only reads; the
/// life-cycle exports `instantiate`, `migrate` and a deploy module's `call` are named alone.
/// `event` names a topic the contract emits (with [`env::emit`]) and the type of its data; it
/// exports nothing, and describes the event for clients.
///
/// ```ignore
/// entry_points! {
///     instantiate(InitMsg);                          // fn instantiate(msg: InitMsg)
///     /// Moves tokens.
///     execute transfer(Transfer) -> Result<(), Error>;
///     query balance_of(Address) -> u128;
///     event transfer(Transferred);                   // env::emit(b"transfer", &Transferred { .. })
/// }
/// ```
///
/// With the SDK's `metadata` feature (on in native builds that ask for it), it also defines
/// `pub fn metadata() -> wasm_contracts_sdk::metadata::ContractMetadata`, describing the crate
/// (name and version), every entry point with its docs and its message, output and error types,
/// and every event with its data type.
#[macro_export]
macro_rules! entry_points {
	($($items:tt)*) => {
		#[cfg(target_arch = "wasm32")]
		mod __wasm_contracts_entry_points {
			// Message and output types are named as in the crate's root.
			#[allow(unused_imports)]
			use super::*;
			$crate::__entry_point_exports!($($items)*);
		}

		$crate::__with_metadata! {
			/// The contract's entry points, events and their types, for clients.
			pub fn metadata() -> $crate::metadata::ContractMetadata {
				let builder = $crate::metadata::Builder::new(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
				$crate::__entry_point_metadata!(builder; $($items)*)
			}
		}
	};
}

/// Its input with the SDK's `metadata` feature, nothing without: the contract crate needs no
/// feature of its own (nor a `cfg` that it would have to declare) to have its metadata written.
#[cfg(feature = "metadata")]
#[doc(hidden)]
#[macro_export]
macro_rules! __with_metadata {
	($($item:tt)*) => { $($item)* };
}

#[cfg(not(feature = "metadata"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __with_metadata {
	($($item:tt)*) => {};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __entry_point_metadata {
	($builder:expr;) => { $builder.build() };
	($builder:expr; $(#[doc = $doc:literal])* event $topic:ident ($data:ty); $($rest:tt)*) => {
		$crate::__entry_point_metadata!(
			$builder.event::<$data>(stringify!($topic), &[$($doc),*]); $($rest)*
		)
	};
	($builder:expr; $(#[doc = $doc:literal])* $kind:ident $name:ident ($msg:ty) -> Result<$ok:ty, $err:ty>; $($rest:tt)*) => {
		$crate::__entry_point_metadata!(
			$builder.fallible::<$msg, $ok, $err>(stringify!($kind), stringify!($name), &[$($doc),*]); $($rest)*
		)
	};
	($builder:expr; $(#[doc = $doc:literal])* $kind:ident $name:ident ($msg:ty) $(-> $out:ty)?; $($rest:tt)*) => {
		$crate::__entry_point_metadata!(
			$builder.entry::<$msg, $crate::__output_type!($($out)?)>(stringify!($kind), stringify!($name), &[$($doc),*]); $($rest)*
		)
	};
	($builder:expr; $(#[doc = $doc:literal])* $name:ident ($msg:ty) -> Result<$ok:ty, $err:ty>; $($rest:tt)*) => {
		$crate::__entry_point_metadata!(
			$builder.fallible::<$msg, $ok, $err>(stringify!($name), stringify!($name), &[$($doc),*]); $($rest)*
		)
	};
	($builder:expr; $(#[doc = $doc:literal])* $name:ident ($msg:ty) $(-> $out:ty)?; $($rest:tt)*) => {
		$crate::__entry_point_metadata!(
			$builder.entry::<$msg, $crate::__output_type!($($out)?)>(stringify!($name), stringify!($name), &[$($doc),*]); $($rest)*
		)
	};
}

/// An entry point's output type: `()` when it declares none.
#[doc(hidden)]
#[macro_export]
macro_rules! __output_type {
	() => { () };
	($out:ty) => { $out };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __entry_point_exports {
	() => {};
	($(#[doc = $doc:literal])* event $topic:ident ($data:ty); $($rest:tt)*) => {
		$crate::__entry_point_exports!($($rest)*);
	};
	($(#[doc = $doc:literal])* $kind:ident $name:ident ($msg:ty) -> Result<$ok:ty, $err:ty>; $($rest:tt)*) => {
		$crate::__entry_point_kind!($kind);
		$crate::__entry_point_exports!(@fallible $name, $msg, $ok, $err);
		$crate::__entry_point_exports!($($rest)*);
	};
	($(#[doc = $doc:literal])* $kind:ident $name:ident ($msg:ty) $(-> $out:ty)?; $($rest:tt)*) => {
		$crate::__entry_point_kind!($kind);
		$crate::__entry_point_exports!(@plain $name, $msg $(, $out)?);
		$crate::__entry_point_exports!($($rest)*);
	};
	($(#[doc = $doc:literal])* $name:ident ($msg:ty) -> Result<$ok:ty, $err:ty>; $($rest:tt)*) => {
		$crate::__entry_point_exports!(@fallible $name, $msg, $ok, $err);
		$crate::__entry_point_exports!($($rest)*);
	};
	($(#[doc = $doc:literal])* $name:ident ($msg:ty) $(-> $out:ty)?; $($rest:tt)*) => {
		$crate::__entry_point_exports!(@plain $name, $msg $(, $out)?);
		$crate::__entry_point_exports!($($rest)*);
	};
	(@fallible $name:ident, $msg:ty, $ok:ty, $err:ty) => {
		#[no_mangle]
		pub extern "C" fn $name() {
			$crate::entry::run_fallible::<$msg, $ok, $err>(super::$name)
		}
	};
	(@plain $name:ident, $msg:ty, $out:ty) => {
		#[no_mangle]
		pub extern "C" fn $name() {
			$crate::entry::run::<$msg, $out>(super::$name)
		}
	};
	(@plain $name:ident, $msg:ty) => {
		#[no_mangle]
		pub extern "C" fn $name() {
			$crate::entry::run::<$msg, ()>(super::$name)
		}
	};
}

/// Accepts the kinds of entry point `entry_points!` knows.
#[doc(hidden)]
#[macro_export]
macro_rules! __entry_point_kind {
	(execute) => {};
	(query) => {};
}
