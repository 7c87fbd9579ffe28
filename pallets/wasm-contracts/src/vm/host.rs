//! The host functions of module `env`, as the ABI crate lists them
//! ([`wasm_contracts_primitives::abi::for_each_host_fn`]): from that list come the validation
//! table ([`HostFn`]: names, exact signatures, whether each mutates state) and the linker
//! entries, which trap in a read-only call before a mutating function runs. The behaviour, cost
//! and return codes of each function live with its implementation in [`super::runtime`].

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
	(!) => {
		&[]
	};
	($ty:ident) => {
		&[wasm_type!($ty)]
	};
}

/// What a host function's body returns to the linker: `()` for one that does not return to
/// the contract (it ends the call with a trap carrying the outcome).
macro_rules! body_result {
	(!) => {
		()
	};
	($ty:tt) => {
		$ty
	};
}

macro_rules! is_mutating {
	(mutating) => {
		true
	};
	(reading) => {
		false
	};
}

macro_rules! host_functions {
	($(
		$(#[doc = $doc:literal])*
		$variant:ident => $mark:ident fn $name:ident($($arg:ident: $ty:ident),*) -> $ret:tt;
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

			/// Whether it changes state: in a read-only call it traps with
			/// `StateChangeInReadOnlyCall` before doing anything.
			pub fn mutating(self) -> bool {
				match self {
					$(HostFn::$variant => is_mutating!($mark),)*
				}
			}
		}

		/// A linker that defines every host function for frames that reach the call stack
		/// through `E` (and, with the `execution-strategies` feature, the injected counter's
		/// `gas` function, which uploads never accept). A mutating function traps in a
		/// read-only call before its body runs.
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
					|caller: Caller<'_, HostState<E>>, $($arg: $ty),*| -> Result<body_result!($ret), wasmi::Error> {
						let mut ctx = HostCtx::enter(caller)?;
						if is_mutating!($mark) {
							ctx.ensure_mutable()?;
						}
						ctx.$name($($arg),*)
					},
				)?;
			)*
			Ok(linker)
		}
	};
}

wasm_contracts_primitives::abi::for_each_host_fn!(host_functions);
