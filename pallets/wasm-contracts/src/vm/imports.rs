//! The import table of module `env`, from the ABI's list of host functions
//! ([`wasm_contracts_primitives::abi::for_each_host_fn`]): what validation accepts (names and
//! exact signatures) and which functions mutate state. It depends on nothing else of the VM,
//! so that validation needs no part of the linker.

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

macro_rules! is_mutating {
	(mutating) => {
		true
	};
	(reading) => {
		false
	};
}

macro_rules! import_table {
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
			/// Every host function, in declaration order (for the benchmarks, the fuzzer and tests).
			#[cfg(any(test, feature = "runtime-benchmarks", feature = "execution-strategies"))]
			pub const ALL: &'static [HostFn] = &[$(HostFn::$variant),*];

			/// The import name.
			#[cfg(any(test, feature = "runtime-benchmarks", feature = "execution-strategies"))]
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
	};
}

wasm_contracts_primitives::abi::for_each_host_fn!(import_table);
