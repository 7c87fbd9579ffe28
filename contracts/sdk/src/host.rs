//! The host functions of `docs/abi.md`, as the pallet links them into a contract (module `env`),
//! expanded from the ABI's one list ([`wasm_contracts_abi::for_each_host_fn`]).
//!
//! Off-chain (any target but wasm32) there is no host: these functions exist so that contract
//! crates compile natively, for their tests' helper code and for their metadata, and panic if
//! called. Contracts run only inside the pallet (on a chain, or in `wasm-contracts-sandbox`).
#![allow(clippy::unused_unit)]

// `#[link]` takes a literal: it must name the ABI's module.
const _: () = assert!(matches!(wasm_contracts_abi::HOST_MODULE.as_bytes(), [b'e', b'n', b'v']));

macro_rules! host_imports {
	($(
		$(#[doc = $doc:literal])*
		$variant:ident => $mark:ident fn $name:ident($($arg:ident: $ty:ident),*) -> $ret:tt;
	)*) => {
		#[cfg(target_arch = "wasm32")]
		#[link(wasm_import_module = "env")]
		extern "C" {
			$($(#[doc = $doc])* pub fn $name($($arg: $ty),*) -> $ret;)*
		}

		#[cfg(not(target_arch = "wasm32"))]
		pub use off_chain::*;

		#[cfg(not(target_arch = "wasm32"))]
		#[allow(clippy::missing_safety_doc, clippy::too_many_arguments)]
		mod off_chain {
			const NO_HOST: &str = "wasm-contracts host functions run only inside the pallet: build the contract for wasm32";

			$($(#[doc = $doc])* pub unsafe fn $name($(_: $ty),*) -> $ret {
				panic!("{}", NO_HOST)
			})*
		}
	};
}

wasm_contracts_abi::for_each_host_fn!(host_imports);
