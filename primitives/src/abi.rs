//! The contract ABI: what a wasm module sees of the chain, declared in `wasm-contracts-abi` (a
//! crate without dependencies that contracts use too) and re-exported here for the pallet, the
//! runtime and clients.

pub use wasm_contracts_abi::*;
