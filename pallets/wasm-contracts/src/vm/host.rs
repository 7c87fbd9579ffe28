//! The host functions of module `env`: each of the ABI's list
//! ([`wasm_contracts_primitives::abi::for_each_host_fn`]) bound to its body in
//! [`super::runtime`], where its behaviour, cost and return codes live. A function the list
//! marks mutating traps in a read-only call before its body runs. An instance gets only the
//! functions its module imports, made in its store when it is instantiated ([`import`]): no
//! linker of every host function is built for a call.

use super::{
	imports::HostFn,
	instance::HostState,
	runtime::HostCtx,
	Ext,
};
use wasm_contracts_primitives::abi::HOST_MODULE;
use wasmi::{Caller, Func, Store};

/// What a host function's body returns to wasmi: `()` for one that does not return to
/// the contract (it ends the call with a trap carrying the outcome).
macro_rules! body_result {
	(!) => {
		()
	};
	($ty:tt) => {
		$ty
	};
}

macro_rules! host_func {
	($(
		$(#[doc = $doc:literal])*
		$variant:ident => $mark:ident fn $name:ident($($arg:ident: $ty:ident),*) -> $ret:tt;
	)*) => {
		/// The host function `host_fn`, made in `store`, for frames that reach the call stack
		/// through `E`.
		pub fn func<E: Ext>(store: &mut Store<HostState<E>>, host_fn: HostFn) -> Func {
			match host_fn {
				$(
					HostFn::$variant => Func::wrap(
						store,
						|caller: Caller<'_, HostState<E>>, $($arg: $ty),*| -> Result<body_result!($ret), wasmi::Error> {
							let mut ctx = HostCtx::enter(caller)?;
							if HostFn::$variant.mutating() {
								ctx.ensure_mutable()?;
							}
							ctx.$name($($arg),*)
						},
					),
				)*
			}
		}
	};
}

wasm_contracts_primitives::abi::for_each_host_fn!(host_func);

/// The function a module's import of `name` from `module` gets, made in `store`; `None` for an
/// import no host function answers (validation refuses such modules). With the
/// `execution-strategies` feature, `env.gas` is the injected counter's, which uploads never
/// accept.
pub fn import<E: Ext>(store: &mut Store<HostState<E>>, module: &str, name: &str) -> Option<Func> {
	if module != HOST_MODULE {
		return None
	}
	#[cfg(feature = "execution-strategies")]
	if name == "gas" {
		return Some(Func::wrap(store, |caller: Caller<'_, HostState<E>>, units: u64| -> Result<(), wasmi::Error> {
			HostCtx::enter(caller)?.gas(units)
		}))
	}
	HostFn::from_name(name).map(|host_fn| func(store, host_fn))
}
