//! The performance harness of wasm-contracts: a minimal runtime hosting the pallet natively,
//! the workloads and upload shapes that `perf` times, and what the fuzzer (`fuzz/`) reuses.

pub mod runtime;
pub mod uploads;
pub mod workloads;
