//! What the pallet needs priced: its dispatchables and every metered step of a contract call.
//!
//! `weights.rs` implements this trait; the `benchmark pallet` command regenerates it (see
//! `benchmarking/README.md`). Host function prices take `n`, the bytes the function moves, so
//! that base and per-byte costs come from one function.

use frame_support::weights::Weight;

/// Weight functions the pallet needs.
pub trait WeightInfo {
	/// `upload_code` of a module of `c` bytes (after decompression).
	fn upload_code(c: u32) -> Weight;
	/// `instantiate` with an init message of `m` bytes, not counting the contract's gas.
	fn instantiate(m: u32) -> Weight;
	/// `execute` with a message of `m` bytes, not counting the contract's gas: a contract of one
	/// empty function and no memory, the least a module holds, so that every contract's gas
	/// pays its own memory, exports and declarations.
	fn execute(m: u32) -> Weight;
	/// `migrate` with a message of `m` bytes, not counting the contract's gas.
	fn migrate(m: u32) -> Weight;
	/// `update_admin` or `clear_admin`.
	fn update_admin() -> Weight;
	/// `deploy` with modules of `c` bytes in all (after decompression), not counting their gas.
	fn deploy(c: u32) -> Weight;
	/// `set_params`.
	fn set_params() -> Weight;
	/// `remove_code` of the last code id of the largest module.
	fn remove_code() -> Weight;
	/// `r` iterations of the counting loop (branches and arithmetic); with the `instr_*` loops
	/// below, one per class of costly instruction, its slope per unit of fuel prices fuel at
	/// the slowest class (`costs::fuel_unit`).
	fn instr(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 calls of an empty function.
	fn instr_call(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 indirect calls of an empty function.
	fn instr_call_indirect(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 pairs of 64-bit division and remainder.
	fn instr_div(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 pairs of memory load and store.
	fn instr_memory(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a taken `br_if` out of a block each.
	fn instr_br_if(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of an `if`/`else` each.
	fn instr_if_else(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a `memory.fill` of one byte each.
	fn instr_memory_fill(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a `memory.copy` of one byte each.
	fn instr_memory_copy(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a `table.copy` of one element each.
	fn instr_table_copy(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a `memory.init` of one byte each.
	fn instr_memory_init(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a `table.fill` of one element each.
	fn instr_table_fill(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a `table.set` each.
	fn instr_table_set(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a `memory.grow` the store refuses each.
	fn instr_memory_grow(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of a global copied into another each.
	fn instr_global_set(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of `memory.size` into a local each.
	fn instr_memory_size(r: u32) -> Weight;
	/// `r` iterations of the counting loop with 8 of `table.get` into a local each.
	fn instr_table_get(r: u32) -> Weight;
	/// Reading and loading `c` bytes of stored code before a call, in a module of one function
	/// and few declarations: the cost of the bytes themselves.
	fn code_load(c: u32) -> Weight;
	/// Loading stored code of `f` functions of a few bytes: the slope is what loading costs
	/// per function beyond its bytes.
	fn load_functions(f: u32) -> Weight;
	/// Loading stored code with `d` bytes of the costliest declarations (distinct function
	/// types of 32 reference-typed parameters): the slope is the load cost per byte of
	/// declarations.
	fn load_declarations(d: u32) -> Weight;
	/// Loading stored code that imports `i` host functions, those of the longest names first:
	/// the slope is the load cost per import.
	fn load_imports(i: u32) -> Weight;
	/// Loading stored code with `e` exports of two-byte names: the slope is the load cost per
	/// export.
	fn load_exports(e: u32) -> Weight;
	/// Loading stored code with the most exports, whose names sharing a prefix total `b` bytes:
	/// the slope is the load cost per byte of an export's name.
	fn load_export_names(b: u32) -> Weight;
	/// Loading stored code with `g` globals, each a function reference: the slope is the load
	/// cost per global.
	fn load_globals(g: u32) -> Weight;
	/// Loading stored code with `s` passive data segments of no bytes: the slope is the load
	/// cost per data segment.
	fn load_data_segments(s: u32) -> Weight;
	/// Loading stored code with `s` active element segments of one function each: the slope is
	/// the load cost per element segment beyond its bytes.
	fn load_element_segments(s: u32) -> Weight;
	/// A call of stored code whose memory starts with `p` pages: the slope is what making an
	/// instance's memory costs per page (the pages are allocated zeroed).
	fn instance_memory(p: u32) -> Weight;
	/// A call of stored code whose memory starts with `p` pages and grows by one: the slope is
	/// what a page costs that wasmi's memory makes and then copies into a larger allocation as it
	/// grows (`Cost::MemoryCopy` prices a copied page at it).
	fn memory_grow_copy(p: u32) -> Weight;
	/// `upload_code` of a module with `d` bytes of the costliest declarations: the slope is the
	/// validation cost per byte of declarations, charged on top of `upload_code` and `deploy`.
	fn validate_declarations(d: u32) -> Weight;
	/// Translating a function body of `c` bytes into wasmi's IR on its first call: its slope,
	/// in units of fuel, prices each translated byte (`costs::translation_fuel_per_byte`).
	fn translate(c: u32) -> Weight;
	/// The first calls of `n` functions of a few bytes, each with the most locals its size
	/// allows: the slope is the fixed cost of translating one function. A run reserves it for
	/// every function of its module not yet paid for and keeps it for at most one function per
	/// call it made (`vm::run`).
	fn translate_functions(n: u32) -> Weight;
	/// A contract call that calls `gas_left` `r` times: its slope is the marginal cost of a
	/// host call, its intercept the cost of entering the contract's export from the host,
	/// which each host function benchmark below includes once and the pallet deducts.
	fn host_call(r: u32) -> Weight;
	/// A host function that returns a value from the call context (`get_caller`,
	/// `get_block_number`, `get_block_timestamp`, `get_contract_address`, `get_value`,
	/// `gas_left`).
	fn host_context() -> Weight;
	/// `get_balance`: one balance read.
	fn host_balance() -> Weight;
	/// `set_return_data` copying `n` bytes out of the contract.
	fn host_copy(n: u32) -> Weight;
	/// `get_input` placing `n` bytes through the contract's `allocate` export (a call from the
	/// host back into the contract) and copying them in, as `get_return_data` does.
	fn host_get_input(n: u32) -> Weight;
	/// `storage_read` of a value of `n` bytes under a key of 128 bytes.
	fn host_storage_read(n: u32) -> Weight;
	/// `storage_write` of a value of `n` bytes under a key of 128 bytes.
	fn host_storage_write(n: u32) -> Weight;
	/// `r` reads of one key in one call: the slope is a read of a key the call tree already read.
	fn host_storage_read_repeated(r: u32) -> Weight;
	/// `r` writes of one key in one call: the slope is a write of a key the call tree already
	/// wrote.
	fn host_storage_write_repeated(r: u32) -> Weight;
	/// `storage_delete` under a key of 128 bytes.
	fn host_storage_delete() -> Weight;
	/// `crypto_hash` of `n` bytes.
	fn host_crypto_hash(n: u32) -> Weight;
	/// `crypto_verify` of a message of `n` bytes.
	fn host_crypto_verify(n: u32) -> Weight;
	/// `log_event` with `n` bytes of topic and data.
	fn host_log_event(n: u32) -> Weight;
	/// `transfer` (a balance transfer between two accounts).
	fn host_transfer() -> Weight;
	/// `call_contract` with `n` bytes of entry point and input, before the callee runs.
	fn host_call_contract(n: u32) -> Weight;
	/// `instantiate_contract` with `n` bytes of message and salt, before the new contract runs.
	fn host_instantiate_contract(n: u32) -> Weight;
	/// `revert` with a message of `n` bytes.
	fn host_revert(n: u32) -> Weight;
	/// `terminate`: the contract's balance sent, its info removed, its deletion queued.
	fn host_terminate() -> Weight;
	/// Settling one storage owner's deposit (a transfer and a hold, or a release) or one new
	/// contract's deposit, when a call ends.
	fn settle_deposit() -> Weight;
	/// One step of `on_idle` that removes `k` keys of a terminated contract's storage, with the
	/// deletion queue's bookkeeping.
	fn lazy_deletion(k: u32) -> Weight;
}
