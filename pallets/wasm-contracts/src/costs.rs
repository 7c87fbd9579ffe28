//! Every price the pallet charges, from the benchmarked weights (`weights.rs`, through
//! [`WeightInfo`]) and the runtime's database costs. Nothing else in the pallet computes a
//! weight: host functions and the call stack charge a [`Cost`], the dispatchables' and hooks'
//! weights are the functions at the end of this file.
//!
//! | what | where its price comes from |
//! |---|---|
//! | a unit of wasmi fuel | [`fuel_unit`]: the slowest instruction class per unit of fuel |
//! | a byte a function's translation reads | [`translation_rate`], in fuel: the module's share of [`translation_fuel_per_byte`] |
//! | a host function | its benchmark less the entry into the contract ([`host_fn`]) |
//! | a storage key or value | [`Cost::StorageRead`], [`Cost::StorageWrite`], [`Cost::StorageDelete`], [`Cost::StoredValue`]: cold or hot; [`Cost::LongestValueRecord`] for a value longer than any before |
//! | loading code | [`Cost::CodeLoad`] per byte, [`Cost::ModuleLoad`] per function and declaration byte |
//! | an instance | [`Cost::Instance`]: its memory per page (`instance_memory`) and its data at the memory price ([`Cost::Memory`]) |
//! | a memory growing into a larger allocation | [`Cost::MemoryCopy`]: each page copied (`memory_grow_copy`), its first copy reserved before the run |
//! | translating functions | [`Cost::FunctionTranslation`]: each function's fixed cost and its module's fuel per function |
//! | events | [`Cost::LogEvent`], [`Cost::EventBytes`], [`Cost::EventCounter`] |
//! | deposits | [`Cost::SettleDeposit`], [`Cost::UnpaidStorage`], [`Cost::AccountTrieCheck`] |
//! | the block's reads | [`block_start`], [`read_in_block`] |
//!
//! Proof sizes that no benchmark can measure (a chain's tries are deeper than a benchmark's) use
//! [`TRIE_PATH_PROOF`]. Storage migrations (`migrations/`) price their one-off steps in their own
//! modules, from these costs and the same benchmarks.

use crate::{weights::WeightInfo, Config};
use codec::MaxEncodedLen;
use frame_support::{traits::Get, weights::Weight};
use wasm_contracts_primitives::{limits, TranslationPrice};

/// Proof of a trie path to a value beyond what the benchmarks measured (their state holds few
/// values; a chain's may hold many more): a generous path, for stored code and for the values
/// and records read once per block or call.
pub const TRIE_PATH_PROOF: u64 = 2048;

/// Bytes that `memory.grow`, `memory.copy`/`fill`/`init` and their table counterparts move per
/// unit of fuel; memory the host creates or grows itself is priced at the same rate. `memory.copy`
/// and `memory.init` of 4 KiB and 64 KiB, the slowest bytes per unit of fuel, set it
/// (`e2e/bench/block-time.mjs`): about 0.21 to 0.24 ns a byte in the runtime on an AMD EPYC of the
/// Zen 4 generation, where 40 bytes a unit of fuel (0.10 ns a byte) had built their blocks in
/// 1.3 to 2.1 times their weight.
pub const BYTES_PER_FUEL: u32 = 16;

/// Units of wasmi fuel one iteration of each instruction benchmark's loop burns (checked by the
/// benchmarks' tests): `instr`, then one per class of costly instructions, in the order in which
/// [`fuel_unit`] reads their weights.
pub const FUEL_PER_ITERATION: [u64; 17] = [17, 89, 161, 129, 97, 65, 89, 121, 145, 121, 137, 137, 73, 169, 73, 57, 121];

/// The weights of the instruction benchmarks: `instr`, then one per class of costly
/// instructions.
fn instruction_loops<T: Config>() -> [fn(u32) -> Weight; 17] {
	[
		T::WeightInfo::instr,
		T::WeightInfo::instr_call,
		T::WeightInfo::instr_call_indirect,
		T::WeightInfo::instr_div,
		T::WeightInfo::instr_memory,
		T::WeightInfo::instr_br_if,
		T::WeightInfo::instr_if_else,
		T::WeightInfo::instr_memory_fill,
		T::WeightInfo::instr_memory_copy,
		T::WeightInfo::instr_memory_init,
		T::WeightInfo::instr_table_copy,
		T::WeightInfo::instr_table_fill,
		T::WeightInfo::instr_table_set,
		T::WeightInfo::instr_memory_grow,
		T::WeightInfo::instr_global_set,
		T::WeightInfo::instr_memory_size,
		T::WeightInfo::instr_table_get,
	]
}

/// The cost per unit of `weight_of`'s component: its slope, in ref_time only.
fn slope(weight_of: fn(u32) -> Weight) -> Weight {
	ref_time_of(weight_of(1).saturating_sub(weight_of(0)))
}

/// The ref_time of `weight` alone: what a hot key pays of a part of its cold price, its proof
/// being in the block's proof already.
fn ref_time_of(weight: Weight) -> Weight {
	Weight::from_parts(weight.ref_time(), 0)
}

/// ref_time of one unit of fuel: the largest cost per unit of fuel of the instruction
/// benchmarks (each loop's slope divided by the fuel an iteration burns), rounded up so that no
/// class of instruction is undercharged; at least 1.
pub fn fuel_unit<T: Config>() -> Weight {
	let per_fuel = instruction_loops::<T>().into_iter().zip(FUEL_PER_ITERATION).map(|(weight_of, fuel)| {
		weight_of(1).saturating_sub(weight_of(0)).ref_time().div_ceil(fuel.max(1))
	});
	Weight::from_parts(per_fuel.max().unwrap_or(1).max(1), 0)
}

/// The price of translation over the `translate` benchmark's figure, as a fraction (numerator,
/// denominator). The benchmark translates the same code again and again in memory it has already
/// touched, and a block's transactions do not: on the AMD EPYC of the Zen 4 generation blocks of
/// `i32.eqz` chains translate at about 100 ns a byte against the benchmark's 94.6, which put
/// full blocks of such calls at 0.98 to 1.02 of their weight at the benchmark's price
/// (`e2e/bench/translation-time.mjs`); with this margin, at 0.81 to 0.88.
pub const TRANSLATION_IN_BLOCK_MARGIN: (u64, u64) = (5, 4);

/// Fuel of a reference byte ([`TranslationPrice`]): the `translate` benchmark's cost per byte
/// with [`TRANSLATION_IN_BLOCK_MARGIN`], in units of fuel, rounded up; at least 1. wasmi charges
/// a module's share of it per byte of a function body it translates on the function's first
/// call ([`translation_rate`]).
pub fn translation_fuel_per_byte<T: Config>() -> u32 {
	let (numerator, denominator) = TRANSLATION_IN_BLOCK_MARGIN;
	let per_byte = slope(T::WeightInfo::translate).ref_time().saturating_mul(numerator);
	let fuel = per_byte.div_ceil(fuel_unit::<T>().ref_time().saturating_mul(denominator).max(1)).max(1);
	u32::try_from(fuel).unwrap_or(u32::MAX)
}

/// Fuel wasmi charges per byte translated of a module priced `price`: its share of a reference
/// byte's fuel ([`translation_fuel_per_byte`]), rounded up; at least 1.
pub fn translation_rate<T: Config>(price: TranslationPrice) -> u32 {
	let fuel = u64::from(translation_fuel_per_byte::<T>()).saturating_mul(price.per_byte.into()).div_ceil(1000).max(1);
	u32::try_from(fuel).unwrap_or(u32::MAX)
}

/// Fuel that each function of a module priced `price` pays for its translation beyond its
/// bytes' ([`translation_rate`]): its share of a reference byte's fuel, rounded up.
pub fn translation_fuel_per_function<T: Config>(price: TranslationPrice) -> u64 {
	u64::from(translation_fuel_per_byte::<T>()).saturating_mul(price.per_function.into()).div_ceil(1000)
}

/// ref_time of entering a contract's export from the host, as every host function benchmark
/// does once: the intercept of `host_call`, but never more than the cheapest host function
/// benchmark (`host_context`) less the marginal cost of a host call, so that noise in the fit
/// cannot make the deduction larger than what the benchmarks contain. `weights.rs` holds the
/// smallest entry of the CPUs it was measured on, and each host function's figure beyond it is
/// the most any of them measured beyond its own (`benchmarking/merge_weights.py`).
pub fn contract_entry<T: Config>() -> u64 {
	let marginal = host_call_marginal::<T>();
	let cheapest = T::WeightInfo::host_context().ref_time().saturating_sub(marginal);
	T::WeightInfo::host_call(0).ref_time().min(cheapest)
}

/// ref_time of one more host call from a running contract: the slope of `host_call`.
pub fn host_call_marginal<T: Config>() -> u64 {
	slope(T::WeightInfo::host_call).ref_time()
}

/// The part of a host function benchmark's weight that is the function itself: each such
/// benchmark enters the contract once from the host, which the call that entered it already
/// paid for, so that entry ([`contract_entry`]) is deducted; at least the marginal cost of a
/// host call remains.
pub fn host_fn<T: Config>(measured: Weight) -> Weight {
	let function = measured.ref_time().saturating_sub(contract_entry::<T>());
	Weight::from_parts(function.max(host_call_marginal::<T>()), measured.proof_size())
}

/// A benchmarked weight whose call deposited its `Executed` or `Instantiated` event, less the
/// event counter's read and write, in ref_time: the call's own gas pays them when the counter is
/// not yet written in the block (`exec::output_for_event`), and a later call in the block, which
/// finds it in the overlay, does not. Applies to the `execute` and `instantiate` dispatchables
/// and the `host_call_contract` and `host_instantiate_contract` host functions. The proof_size
/// stays: the counter's proof is recorded once per block, at the first call.
pub fn without_event_counter<T: Config>(measured: Weight) -> Weight {
	let counter = Cost::EventCounter.weight::<T>().ref_time();
	Weight::from_parts(measured.ref_time().saturating_sub(counter), measured.proof_size())
}

/// Bytes by which the `load_functions` benchmark's module grows per function: the function's
/// entries in the function and code sections and the padding that keeps wasmi's average of 40
/// bytes per function (checked by the benchmarks' tests). `code_load` already charges for
/// bytes, so they are taken out of the per-function price.
pub const LOAD_FUNCTIONS_BYTES_PER_FUNCTION: u64 = 44;

/// Whether a storage key is hot: the call tree has read, written or deleted it already, so its
/// value and path are in the block's proof and the node's cache.
pub type Hot = bool;

/// A module's declarations as loading them costs: every entry whose cost is its own rather than
/// its bytes' (an import, export, global or segment makes an object in each instance) counted by
/// kind, and the other declarations' bytes (counted by `vm::validation::footprint`). A function's
/// entry in the function section is part of the function's price ([`Cost::ModuleLoad`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Declarations {
	/// Bytes priced like function types, the costliest declarations per byte: the type, table,
	/// memory and element sections and any other section of declarations.
	pub typed_bytes: u32,
	/// Host functions imported.
	pub imports: u32,
	/// Exports.
	pub exports: u32,
	/// Bytes of the exports' names.
	pub export_name_bytes: u32,
	/// Globals defined.
	pub globals: u32,
	/// Data segments, active or passive (their bytes are priced as the instance's memory, [`Cost::Instance`]).
	pub data_segments: u32,
	/// Element segments (their items are in [`Declarations::typed_bytes`]).
	pub element_segments: u32,
}

/// What a host function or the call stack charges to a call's gas meter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cost {
	/// A host function that reads the call's context (`get_caller`, `get_block_number`,
	/// `get_value`, ...): `host_context`.
	Context,
	/// `get_balance`: `host_balance`.
	Balance,
	/// Copying `len` bytes out of the contract (`set_return_data`) or into a buffer it gave
	/// (`get_input_into`, `get_return_data_into`): `host_copy`.
	Copy { len: u32 },
	/// Placing `len` bytes in the contract's memory (`get_input`, `get_return_data`, and
	/// `storage_read` beyond `storage_read_into`): `host_get_input`, the call back into the
	/// contract's `allocate` and the copy.
	Place { len: u32 },
	/// `crypto_hash` of `len` bytes: `host_crypto_hash`.
	CryptoHash { len: u32 },
	/// `crypto_verify` of a `len`-byte message: `host_crypto_verify`.
	CryptoVerify { len: u32 },
	/// `log_event` with `len` bytes of topic and data: `host_log_event`, with the event
	/// counter's read and write ([`Cost::EventCounter`], given back when the block wrote the
	/// counter already).
	LogEvent { len: u32 },
	/// `transfer` (and the transfer of `terminate`): `host_transfer`.
	Transfer,
	/// `call_contract` with `len` bytes of entry point and input: `host_call_contract`, without
	/// the event counter's read and write ([`without_event_counter`]).
	CallContract { len: u32 },
	/// `instantiate_contract` with `len` bytes of message and salt: `host_instantiate_contract`,
	/// without the event counter's read and write.
	InstantiateContract { len: u32 },
	/// `revert` with a `len`-byte message: `host_revert`.
	Revert { len: u32 },
	/// `terminate`: `host_terminate`, and the write removing the contract's unpaid storage
	/// record, which its benchmark does not make.
	Terminate,
	/// The first read of the block's timestamp in a call tree: a database read, with a `u64` and
	/// a generous trie path as proof.
	TimestampRead,
	/// `storage_read_into` (and `storage_read`) of a `key_len`-byte key: cold,
	/// `host_storage_read(0)` and [`Cost::Key`]; hot, the slope of `host_storage_read_repeated`
	/// and the key's ref_time.
	StorageRead { key_len: u32, hot: Hot },
	/// `storage_write` of a `value_len`-byte value under a `key_len`-byte key: cold,
	/// `host_storage_write(value_len)`'s ref_time with `host_storage_write(0)`'s proof (the new
	/// value is not in the proof) and [`Cost::Key`]; hot, the slope of
	/// `host_storage_write_repeated`, a database write (in case the write is the only one of the
	/// key that stands), the value's bytes and the key's ref_time.
	StorageWrite { key_len: u32, value_len: u32, hot: Hot },
	/// `storage_delete` of a `key_len`-byte key: cold, `host_storage_delete` and [`Cost::Key`];
	/// hot, as a hot write of no value.
	StorageDelete { key_len: u32, hot: Hot },
	/// What a stored value of `len` bytes adds to the host function that reads, replaces or
	/// deletes it: its bytes in the proof and the per-byte cost of reading them
	/// (`host_storage_read`'s slope); the ref_time alone when it is hot. Replacing or deleting a
	/// value reads its length, which puts the whole value in the proof, as reading it does.
	StoredValue { len: u32, hot: Hot },
	/// What a storage key of `len` bytes adds to a storage host function: reading and hashing its
	/// bytes (`host_crypto_hash`'s per-byte price) and their place in the proof. The storage
	/// benchmarks measure one key of 128 bytes; this prices every key's bytes on top.
	Key { len: u32 },
	/// `bytes` of memory created, zeroed or copied outside wasm instructions (initial pages,
	/// data segments, pages the host grows): the price wasmi's fuel sets for `memory.grow` and
	/// `memory.copy` per byte.
	Memory { bytes: u64 },
	/// `units` of fuel counted by an injected counter (a comparison strategy of `benchmarking/`).
	Fuel { units: u64 },
	/// Reading `code_size` bytes of stored code and loading them, beyond their functions and
	/// declarations ([`Cost::ModuleLoad`]) and beyond a load's fixed cost: the slope of
	/// `code_load` per byte, with a proof_size of at least the code itself, which the collator
	/// ships in the proof of validity whatever slope the benchmark's proof fit found, and its
	/// trie path; no proof when `proof_recorded` (an earlier call of the block loaded the code).
	///
	/// The fixed cost (reading the contract's and the code's records and the code from the
	/// database, setting up the module) is in the base weight of everything that runs stored
	/// code: the benchmarks of `instantiate`, `execute`, `migrate`, `host_call_contract` and
	/// `host_instantiate_contract` each run a contract of a few bytes, whose load they measure.
	CodeLoad { code_size: u32, proof_recorded: bool },
	/// Loading a module's functions and declarations, which cost more than their bytes: the
	/// slopes of `load_functions` (less the bytes each of its functions adds,
	/// [`LOAD_FUNCTIONS_BYTES_PER_FUNCTION`]), `load_declarations` per byte priced like types,
	/// and per entry of each other kind the slope of its own benchmark.
	ModuleLoad { functions: u32, declarations: Declarations },
	/// Validating `declaration_bytes` of declarations beyond what `upload_code` and `deploy`
	/// charge per byte of module: the slope of `validate_declarations`.
	DeclarationValidation { declaration_bytes: u32 },
	/// Instantiating a module beyond its code: its initial memory, at `instance_memory`'s slope
	/// per page, and its data, copied at the memory price ([`Cost::Memory`]).
	Instance { memory_pages: u32, data_bytes: u32 },
	/// `bytes` of an instance's memory and table copied into larger allocations as they grew
	/// (counted by the instance's limiter, `vm::engine::InstanceLimits`), per page (rounded up):
	/// the slope of `memory_grow_copy` (a page made and copied) less that of `instance_memory`
	/// (a page made).
	MemoryCopy { bytes: u64 },
	/// The fixed cost of translating `functions` functions of a module priced `price`, beyond
	/// the fuel of their bytes: the slope of `translate_functions` (wasmi translates a function
	/// on its first call and charges fuel per byte translated, but every function also has a
	/// fixed cost that a module of many tiny functions would not pay through its bytes) and the
	/// module's fuel per function ([`translation_fuel_per_function`]).
	FunctionTranslation { functions: u32, price: TranslationPrice },
	/// `len` bytes of event data beyond the event itself: the per-byte slope of `host_log_event`,
	/// which moves event data into the block's events.
	EventBytes { len: u32 },
	/// Reading and writing the block's event counter, which every event that takes from the
	/// event budgets does (`CallTree::reserve_event_bytes`), in ref_time: its proof is in the
	/// base weights. A counter written earlier in the block is in the block's overlay: its read
	/// and write touch no database.
	EventCounter,
	/// Settling the deposit of one storage (a contract's or an account's): `settle_deposit`.
	SettleDeposit,
	/// Rewriting a contract's record with the length of a value longer than any its storage
	/// has held (`ContractInfo::longest_value`): one database write. The record is in the
	/// proof already, as every call reads it.
	LongestValueRecord,
	/// Reading and updating a trie's unpaid storage record, which settling a release does.
	UnpaidStorage,
	/// Checking that no terminated contract's code history is left at an address: one read.
	HistoryProbe,
	/// Looking up an account's variables trie record, which a deploy's first change of the
	/// account's variables does; [`Cost::AccountTrieRecord`] when it creates the record.
	AccountTrieCheck,
	/// Writing a new account's variables trie record.
	AccountTrieRecord,
}

impl Cost {
	/// The weight of this cost with the weights and database costs of `T`.
	pub fn weight<T: Config>(self) -> Weight {
		let db = <T as frame_system::Config>::DbWeight::get();
		match self {
			Cost::Context => host_fn::<T>(T::WeightInfo::host_context()),
			Cost::Balance => host_fn::<T>(T::WeightInfo::host_balance()),
			Cost::Copy { len } => host_fn::<T>(T::WeightInfo::host_copy(len)),
			Cost::Place { len } => host_fn::<T>(T::WeightInfo::host_get_input(len)),
			Cost::CryptoHash { len } => host_fn::<T>(T::WeightInfo::host_crypto_hash(len)),
			Cost::CryptoVerify { len } => host_fn::<T>(T::WeightInfo::host_crypto_verify(len)),
			Cost::LogEvent { len } => host_fn::<T>(T::WeightInfo::host_log_event(len)),
			Cost::Transfer => host_fn::<T>(T::WeightInfo::host_transfer()),
			Cost::CallContract { len } =>
				host_fn::<T>(without_event_counter::<T>(T::WeightInfo::host_call_contract(len))),
			Cost::InstantiateContract { len } =>
				host_fn::<T>(without_event_counter::<T>(T::WeightInfo::host_instantiate_contract(len))),
			Cost::Revert { len } => host_fn::<T>(T::WeightInfo::host_revert(len)),
			Cost::Terminate => host_fn::<T>(T::WeightInfo::host_terminate().saturating_add(db.writes(1))),
			Cost::TimestampRead => {
				let proof = (u64::max_encoded_len() as u64).saturating_add(TRIE_PATH_PROOF);
				db.reads(1).saturating_add(Weight::from_parts(0, proof))
			},
			Cost::StorageRead { key_len, hot: false } => host_fn::<T>(T::WeightInfo::host_storage_read(0))
				.saturating_add(Cost::Key { len: key_len }.weight::<T>()),
			Cost::StorageRead { key_len, hot: true } => {
				let repeated = T::WeightInfo::host_storage_read_repeated;
				ref_time_of(repeated(2).saturating_sub(repeated(1))).saturating_add(key_ref_time::<T>(key_len))
			},
			Cost::StorageWrite { key_len, value_len, hot: false } => {
				let write = T::WeightInfo::host_storage_write;
				host_fn::<T>(Weight::from_parts(write(value_len).ref_time(), write(0).proof_size()))
					.saturating_add(Cost::Key { len: key_len }.weight::<T>())
			},
			Cost::StorageWrite { key_len, value_len, hot: true } => {
				let write = T::WeightInfo::host_storage_write;
				let value_bytes = ref_time_of(write(value_len).saturating_sub(write(0)));
				hot_write::<T>().saturating_add(value_bytes).saturating_add(key_ref_time::<T>(key_len))
			},
			Cost::StorageDelete { key_len, hot: false } => host_fn::<T>(T::WeightInfo::host_storage_delete())
				.saturating_add(Cost::Key { len: key_len }.weight::<T>()),
			Cost::StorageDelete { key_len, hot: true } => hot_write::<T>().saturating_add(key_ref_time::<T>(key_len)),
			Cost::StoredValue { len, hot } => {
				let value = T::WeightInfo::host_storage_read(len).saturating_sub(T::WeightInfo::host_storage_read(0));
				if hot {
					ref_time_of(value)
				} else {
					value
				}
			},
			Cost::Key { len } => T::WeightInfo::host_crypto_hash(len)
				.saturating_sub(T::WeightInfo::host_crypto_hash(0))
				.saturating_add(Weight::from_parts(0, u64::from(len))),
			Cost::Memory { bytes } => {
				let fuel = bytes.div_ceil(BYTES_PER_FUEL as u64);
				Weight::from_parts(fuel.saturating_mul(fuel_unit::<T>().ref_time()), 0)
			},
			Cost::Fuel { units } => Weight::from_parts(units.saturating_mul(fuel_unit::<T>().ref_time()), 0),
			Cost::CodeLoad { code_size, proof_recorded } => {
				let weight_of = T::WeightInfo::code_load;
				let per_byte = weight_of(1).saturating_sub(weight_of(0));
				let bytes = u64::from(code_size);
				let proof = per_byte.proof_size().max(1).saturating_mul(bytes).saturating_add(TRIE_PATH_PROOF);
				let load = Weight::from_parts(per_byte.ref_time().saturating_mul(bytes), proof);
				if proof_recorded {
					load.set_proof_size(0)
				} else {
					load
				}
			},
			Cost::ModuleLoad { functions, declarations } => {
				let bytes = slope(T::WeightInfo::code_load).saturating_mul(LOAD_FUNCTIONS_BYTES_PER_FUNCTION);
				let per_function = slope(T::WeightInfo::load_functions).saturating_sub(bytes);
				per_function.saturating_mul(functions.into()).saturating_add(declarations_load::<T>(declarations))
			},
			Cost::DeclarationValidation { declaration_bytes } =>
				slope(T::WeightInfo::validate_declarations).saturating_mul(declaration_bytes.into()),
			Cost::Instance { memory_pages, data_bytes } => slope(T::WeightInfo::instance_memory)
				.saturating_mul(memory_pages.into())
				.saturating_add(Cost::Memory { bytes: data_bytes.into() }.weight::<T>()),
			Cost::MemoryCopy { bytes } => slope(T::WeightInfo::memory_grow_copy)
				.saturating_sub(slope(T::WeightInfo::instance_memory))
				.saturating_mul(bytes.div_ceil(limits::PAGE_SIZE)),
			Cost::FunctionTranslation { functions, price } => {
				let fuel = translation_fuel_per_function::<T>(price).saturating_mul(fuel_unit::<T>().ref_time());
				let per_function = slope(T::WeightInfo::translate_functions).saturating_add(Weight::from_parts(fuel, 0));
				per_function.saturating_mul(functions.into())
			},
			Cost::EventBytes { len } => slope(T::WeightInfo::host_log_event).saturating_mul(len.into()),
			Cost::EventCounter => db.reads_writes(1, 1),
			Cost::SettleDeposit => T::WeightInfo::settle_deposit(),
			Cost::LongestValueRecord => db.writes(1),
			Cost::UnpaidStorage => db.reads_writes(1, 1).saturating_add(Weight::from_parts(0, TRIE_PATH_PROOF)),
			Cost::HistoryProbe | Cost::AccountTrieCheck =>
				db.reads(1).saturating_add(Weight::from_parts(0, TRIE_PATH_PROOF)),
			Cost::AccountTrieRecord => db.writes(1),
		}
	}
}

/// Loading `declarations`: each kind at its benchmark's slope.
fn declarations_load<T: Config>(declarations: Declarations) -> Weight {
	let Declarations { typed_bytes, imports, exports, export_name_bytes, globals, data_segments, element_segments } =
		declarations;
	[
		(slope(T::WeightInfo::load_declarations), typed_bytes),
		(slope(T::WeightInfo::load_imports), imports),
		(slope(T::WeightInfo::load_exports), exports),
		(slope(T::WeightInfo::load_export_names), export_name_bytes),
		(slope(T::WeightInfo::load_globals), globals),
		(slope(T::WeightInfo::load_data_segments), data_segments),
		(slope(T::WeightInfo::load_element_segments), element_segments),
	]
	.into_iter()
	.fold(Weight::zero(), |total, (per_entry, entries)| total.saturating_add(per_entry.saturating_mul(entries.into())))
}

/// The most that loading `bytes` bytes of declarations can cost: all of the kind that costs the
/// most per byte, each entry counted in no more bytes than wasm requires of it (an import 7, with
/// module `env` and an empty name; an export 3 and each byte of its name; a global 4, of the 5 its
/// type and constant take; a data segment 2; an element segment 3, which are also priced like
/// types).
fn costliest_declarations_load<T: Config>(bytes: u32) -> Weight {
	let per_entry = |declarations: Declarations| declarations_load::<T>(declarations);
	let per_byte = [
		(per_entry(Declarations { typed_bytes: 1, ..Default::default() }), 1),
		(per_entry(Declarations { imports: 1, ..Default::default() }), 7),
		(per_entry(Declarations { exports: 1, ..Default::default() }), 3),
		(per_entry(Declarations { export_name_bytes: 1, ..Default::default() }), 1),
		(per_entry(Declarations { globals: 1, ..Default::default() }), 4),
		(per_entry(Declarations { data_segments: 1, ..Default::default() }), 2),
		(per_entry(Declarations { element_segments: 1, typed_bytes: 3, ..Default::default() }), 3),
	];
	per_byte.into_iter().fold(Weight::zero(), |costliest, (weight, entry_bytes)| {
		let entries = bytes / entry_bytes;
		costliest.max(weight.saturating_mul(entries.into()))
	})
}

/// The ref_time of a key of `len` bytes ([`Cost::Key`]): what a hot key pays for its bytes.
fn key_ref_time<T: Config>(len: u32) -> Weight {
	ref_time_of(Cost::Key { len }.weight::<T>())
}

/// A write or delete of a hot key: the slope of `host_storage_write_repeated`, a write of a key
/// the call already wrote, and a database write, which every change pays in case it is the
/// key's only one that stands (an earlier write may have been reverted); no proof.
fn hot_write<T: Config>() -> Weight {
	let repeated = T::WeightInfo::host_storage_write_repeated;
	let write = <T as frame_system::Config>::DbWeight::get().writes(1);
	ref_time_of(repeated(2).saturating_sub(repeated(1)).saturating_add(write))
}

/// Weight of the pallet's `on_initialize`: the parameters' read, with their largest encoding and
/// a generous trie path as proof ([`TRIE_PATH_PROOF`]), and one database write for the block's
/// transient state, which never reaches the database unless an earlier version of the pallet
/// left a counter there to remove.
pub fn block_start<T: Config>() -> Weight {
	let proof = (wasm_contracts_primitives::Params::max_encoded_len() as u64).saturating_add(TRIE_PATH_PROOF);
	<T as frame_system::Config>::DbWeight::get().reads_writes(1, 1).saturating_add(Weight::from_parts(0, proof))
}

/// The database reads that the base weights of `execute`, `instantiate` and `migrate` hold (as
/// their benchmarks read from the database) and that a call in a block makes from the node's
/// cache, in ref_time; the values are in the block's proof already:
/// - the parameters, which the block's `on_initialize` read (`in_block`);
/// - the contract's record, its code's record and the code, when an earlier outermost call
///   of the block ran the same contract with the same code (`contract_run`,
///   [`crate::ContractsRunInBlock`]); the code's proof is left out of its load too
///   ([`Cost::CodeLoad`]).
pub fn read_in_block<T: Config>(in_block: bool, contract_run: bool) -> Weight {
	let reads = u64::from(in_block) + if contract_run { 3 } else { 0 };
	Weight::from_parts(<T as frame_system::Config>::DbWeight::get().reads(reads).ref_time(), 0)
}

/// Base weight of `execute` with a `msg_len`-byte message, without the event counter's read and
/// write ([`without_event_counter`]).
pub fn execute<T: Config>(msg_len: u32) -> Weight {
	without_event_counter::<T>(T::WeightInfo::execute(msg_len))
}

/// Base weight of `instantiate` with a `msg_len`-byte message, without the event counter's read
/// and write.
pub fn instantiate<T: Config>(msg_len: u32) -> Weight {
	without_event_counter::<T>(T::WeightInfo::instantiate(msg_len))
}

/// Base weight of `migrate` with a `msg_len`-byte message.
pub fn migrate<T: Config>(msg_len: u32) -> Weight {
	T::WeightInfo::migrate(msg_len)
}

/// Weight of validating a module of `size` bytes (after decompression) whose declarations take
/// `declaration_bytes`, as `upload_code` does.
pub fn upload<T: Config>(size: u32, declaration_bytes: u32) -> Weight {
	T::WeightInfo::upload_code(size).saturating_add(Cost::DeclarationValidation { declaration_bytes }.weight::<T>())
}

/// Base weight of a deploy whose modules are at most `payment` and `session` bytes (after
/// decompression), each with the most declarations that size holds: validating and loading
/// both.
pub fn deploy<T: Config>(payment: u32, session: u32) -> Weight {
	let declarations = |size: u32| {
		let declaration_bytes = size.min(limits::MAX_DECLARATION_BYTES);
		Cost::DeclarationValidation { declaration_bytes }
			.weight::<T>()
			.saturating_add(costliest_declarations_load::<T>(declaration_bytes))
	};
	T::WeightInfo::deploy(payment.saturating_add(session))
		.saturating_add(declarations(payment))
		.saturating_add(declarations(session))
}

/// Weight of `remove_code`; `module_deposit` when the removed module has a deposit of its own
/// to release, on its holder's account: the benchmark's module has none, so that release (a
/// hold and an account read and written, and their proof) is charged as a settlement.
pub fn remove_code<T: Config>(module_deposit: bool) -> Weight {
	let release = if module_deposit { Cost::SettleDeposit.weight::<T>() } else { Weight::zero() };
	T::WeightInfo::remove_code().saturating_add(release)
}

/// Weight of the settlements of `storages` storages whose changes moved no deposit, which the
/// call's gas paid for and the actual weight gives back.
pub fn unmoved_settlements<T: Config>(storages: u32) -> Weight {
	Cost::SettleDeposit.weight::<T>().saturating_mul(u64::from(storages))
}

/// Weights of the lazy deletion of terminated contracts' storage (`on_idle`).
pub struct DeletionCosts {
	/// Reading the queue's bounds and head and writing both back.
	pub step: Weight,
	/// Removing one key of a trie.
	pub per_key: Weight,
	/// Removing one code history entry.
	pub per_history_entry: Weight,
}

/// The weights of one lazy deletion step and what it removes.
pub fn lazy_deletion<T: Config>() -> DeletionCosts {
	let step = T::WeightInfo::lazy_deletion(0);
	DeletionCosts {
		step,
		per_key: T::WeightInfo::lazy_deletion(1).saturating_sub(step),
		per_history_entry: <T as frame_system::Config>::DbWeight::get().writes(1),
	}
}
