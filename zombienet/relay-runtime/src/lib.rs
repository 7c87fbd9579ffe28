//! The relay chain runtime of the local network: `rococo-runtime` built with `fast-runtime`.
//! Its wasm is what the relay chain spec carries.

/// The compressed wasm of the relay runtime.
pub fn wasm_binary() -> Option<&'static [u8]> {
	rococo_runtime::WASM_BINARY
}
