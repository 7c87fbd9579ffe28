//! The performance harness of wasm-contracts: a minimal runtime hosting the pallet natively,
//! the workloads and upload shapes that `perf` times, the same contract workloads on two peer
//! pallets (`peers`), and what the fuzzer (`fuzz/`) reuses.

#[cfg(feature = "peers")]
pub mod peers;
pub mod runtime;
pub mod timing;
pub mod translation;
pub mod uploads;
pub mod workloads;
