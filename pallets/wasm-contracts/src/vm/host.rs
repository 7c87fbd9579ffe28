//! The linker of module `env`: each host function of the ABI's list
//! ([`wasm_contracts_primitives::abi::for_each_host_fn`]) bound to its body in
//! [`super::runtime`], where its behaviour, cost and return codes live. A function the list
//! marks mutating traps in a read-only call before its body runs.

use super::{
	imports::HostFn,
	instance::HostState,
	runtime::HostCtx,
	Ext,
};
use wasm_contracts_primitives::abi::HOST_MODULE;
use wasmi::{Caller, Engine, Linker};

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

macro_rules! linker {
	($(
		$(#[doc = $doc:literal])*
		$variant:ident => $mark:ident fn $name:ident($($arg:ident: $ty:ident),*) -> $ret:tt;
	)*) => {
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
					|caller: Caller<'_, HostState<E>>, $($arg: $ty),*| -> Result<body_result!($ret), wasmi::Error> {
						let mut ctx = HostCtx::enter(caller)?;
						if HostFn::$variant.mutating() {
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

wasm_contracts_primitives::abi::for_each_host_fn!(linker);
