//! Types shared by the wasm-contracts pallet, the runtime, contract SDKs and clients.
//!
//! - [`abi`]: the contract ABI: host module name, byte layouts and [`abi::ReturnCode`].
//! - [`Params`]: the chain parameters that bound code size, gas, messages and memory.
//! - [`CodeInfo`], [`ContractInfo`], [`CodeHistoryEntry`]: what the chain records.
//! - [`ContractResult`] and friends: what dry runs and queries report.
//! - [`WasmContractsApi`]: the runtime API that clients call for queries and dry runs.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod abi;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use core::fmt::Debug;
use sp_runtime::DispatchError;
pub use sp_weights::Weight;

/// Sequential identifier of uploaded code, starting at 1.
pub type CodeId = u64;

/// Blake2-256 hash of a (decompressed) wasm module.
pub type CodeHash = [u8; 32];

/// Identifier of a child trie that holds one contract's (or one account's) storage.
pub type TrieId = [u8; 32];

/// Chain parameters of the pallet, kept in storage, set in genesis and changed by the
/// pallet's `ParamsOrigin`.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Params {
	/// Largest wasm module accepted, in bytes, after gzip decompression.
	pub max_contract_size: u32,
	/// Largest `gas_limit` a single call may ask for.
	pub max_contract_gas: Weight,
	/// Largest init, execute, migrate or query message, in bytes.
	pub max_contract_msg_size: u32,
	/// Most 64 KiB pages a contract's linear memory may have.
	pub max_memory_pages: u32,
	/// Gas available to a read-only query (not charged to anyone).
	pub query_gas_cap: Weight,
	/// Gas lent to the payment module of a deploy before it has paid.
	pub payment_loan: Weight,
	/// Deepest nesting of contract calls, the outermost call counting as 1.
	pub max_call_depth: u32,
	/// Largest storage key a contract may use, in bytes.
	pub max_storage_key_len: u32,
	/// Largest storage value a contract may write, in bytes.
	pub max_storage_value_len: u32,
	/// Largest event payload (`log_event` data), in bytes.
	pub max_event_data_len: u32,
}

/// Hard ceilings for [`Params`]: no parameter update may go past them, because past them the
/// runtime itself (its native stack, its heap, its proof budget) would be at risk.
pub mod limits {
	/// Bytes of a wasm memory page.
	pub const PAGE_SIZE: u64 = 64 * 1024;
	/// Most memory pages any contract may ever get (16 MiB).
	pub const MAX_MEMORY_PAGES: u32 = 256;
	/// Most memory pages all frames of the deepest call may hold at once (64 MiB): bounds
	/// `max_memory_pages * max_call_depth` so that nested calls fit the runtime's heap.
	pub const MAX_TOTAL_MEMORY_PAGES: u32 = 1024;
	/// Deepest call nesting ever allowed (each level is a storage transaction and a native
	/// stack frame of the interpreter).
	pub const MAX_CALL_DEPTH: u32 = 32;
	/// Largest contract size ever allowed, in bytes (4 MiB).
	pub const MAX_CONTRACT_SIZE: u32 = 4 * 1024 * 1024;
	/// Largest storage key ever allowed, in bytes.
	pub const MAX_STORAGE_KEY_LEN: u32 = 1024;
	/// Largest storage value ever allowed, in bytes.
	pub const MAX_STORAGE_VALUE_LEN: u32 = 256 * 1024;
	/// Largest message ever allowed, in bytes.
	pub const MAX_MSG_SIZE: u32 = 1024 * 1024;
	/// Largest event payload ever allowed, in bytes.
	pub const MAX_EVENT_DATA_LEN: u32 = 64 * 1024;
	/// Largest event topic, in bytes.
	pub const MAX_EVENT_TOPIC_LEN: u32 = 64;
	/// Longest entry point name, in bytes.
	pub const MAX_ENTRY_POINT_LEN: u32 = 64;
	/// Longest salt for salted instantiation, in bytes.
	pub const MAX_SALT_LEN: u32 = 64;
	/// Most functions (imported and defined) in one module.
	pub const MAX_FUNCTIONS: u32 = 10_000;
	/// Most locals in one function.
	pub const MAX_LOCALS: u32 = 1_024;
	/// Locals any function may declare, however short its body.
	pub const FREE_LOCALS: u32 = 32;
	/// Bytes of function body that allow one more local beyond [`FREE_LOCALS`]. Compilers
	/// declare only locals they use, and every use takes at least two bytes, so real code stays
	/// within this; it keeps what translating a function costs per local in proportion to the
	/// bytes it pays for.
	pub const BODY_BYTES_PER_LOCAL: u32 = 2;

	/// Most locals a function whose body (locals declaration included) has `body_len` bytes may
	/// declare.
	pub const fn max_locals(body_len: u32) -> u32 {
		let allowed = FREE_LOCALS.saturating_add(body_len / BODY_BYTES_PER_LOCAL);
		if allowed < MAX_LOCALS {
			allowed
		} else {
			MAX_LOCALS
		}
	}
	/// Most globals in one module.
	pub const MAX_GLOBALS: u32 = 256;
	/// Most exports of one module: entry points, `memory`, `allocate` and any others. Every
	/// instance builds a map of its exports by name.
	pub const MAX_EXPORTS: u32 = 256;
	/// Most elements in the module's table.
	pub const MAX_TABLE_ELEMENTS: u32 = 4_096;
	/// Most parameters of a function type.
	pub const MAX_FUNC_PARAMS: u32 = 32;
	/// Most bytes of a module's declarations: every section but code, data and custom sections
	/// (types, imports, functions, table, memory, globals, exports, elements), and the headers
	/// of data segments. Declarations cost far more per byte to validate and load than code
	/// (a function type of 32 reference parameters takes about as long as 100 bytes of
	/// instructions), so they are priced apart (validation per byte, loading per entry or byte of
	/// each kind) and bounded here; compilers emit a few KiB of them.
	pub const MAX_DECLARATION_BYTES: u32 = 64 * 1024;
	/// Deepest wasm-to-wasm recursion inside one contract call.
	pub const MAX_RECURSION_DEPTH: u32 = 1_024;
	/// Largest value stack of one contract call, in bytes.
	pub const MAX_STACK_HEIGHT: u32 = 256 * 1024;
	/// Most distinct modules one outermost call (and the calls it makes) may compile.
	pub const MAX_MODULES_PER_CALL: u32 = 32;
	/// Most bytes of code one outermost call (and the calls it makes) may compile.
	pub const MAX_CODE_BYTES_PER_CALL: u32 = 4 * 1024 * 1024;
	/// Bytes an event record holds beyond its topic and data (the contract's address, indices,
	/// phase and length prefixes, and the record's own allocation), counted against the event
	/// budgets so that many small events cannot outgrow them.
	pub const EVENT_RECORD_OVERHEAD: u32 = 128;
	/// Most code history entries one `contract_history` call returns.
	pub const MAX_HISTORY_PAGE: u32 = 100;
	/// Most contracts the pallet records as run in a block (`ContractsRunInBlock`): a call reads
	/// and rewrites the whole record, so it stays small; calls to further contracts are priced as
	/// the block's first.
	pub const MAX_CONTRACTS_RUN_IN_BLOCK: u32 = 16;
}

impl Params {
	/// Checks that every field is non-zero where zero would make the pallet unusable and
	/// within [`limits`]. Returns the name of the first offending field.
	pub fn check(&self) -> Result<(), &'static str> {
		use limits::*;
		let within = |value: u32, max: u32| value > 0 && value <= max;
		if !within(self.max_contract_size, MAX_CONTRACT_SIZE) {
			return Err("max_contract_size")
		}
		if self.max_contract_gas.ref_time() == 0 || self.max_contract_gas.proof_size() == 0 {
			return Err("max_contract_gas")
		}
		if !within(self.max_contract_msg_size, MAX_MSG_SIZE) {
			return Err("max_contract_msg_size")
		}
		if !within(self.max_memory_pages, MAX_MEMORY_PAGES) {
			return Err("max_memory_pages")
		}
		if self.query_gas_cap.any_gt(self.max_contract_gas) {
			return Err("query_gas_cap")
		}
		if self.payment_loan.any_gt(self.max_contract_gas) {
			return Err("payment_loan")
		}
		if !within(self.max_call_depth, MAX_CALL_DEPTH) {
			return Err("max_call_depth")
		}
		if self.max_memory_pages.saturating_mul(self.max_call_depth) > MAX_TOTAL_MEMORY_PAGES {
			return Err("max_call_depth")
		}
		if !within(self.max_storage_key_len, MAX_STORAGE_KEY_LEN) {
			return Err("max_storage_key_len")
		}
		if !within(self.max_storage_value_len, MAX_STORAGE_VALUE_LEN) {
			return Err("max_storage_value_len")
		}
		if self.max_event_data_len > MAX_EVENT_DATA_LEN {
			return Err("max_event_data_len")
		}
		Ok(())
	}
}

impl Default for Params {
	/// Parameters for a chain with 2 s of ref_time and 5 MiB of proof per block.
	fn default() -> Self {
		Self {
			max_contract_size: 512 * 1024,
			max_contract_gas: Weight::from_parts(1_000_000_000_000, 3 * 1024 * 1024),
			max_contract_msg_size: 64 * 1024,
			max_memory_pages: 16,
			query_gas_cap: Weight::from_parts(500_000_000_000, 3 * 1024 * 1024),
			payment_loan: Weight::from_parts(20_000_000_000, 256 * 1024),
			max_call_depth: 8,
			max_storage_key_len: 128,
			max_storage_value_len: 16 * 1024,
			max_event_data_len: 4 * 1024,
		}
	}
}

/// What the chain records about uploaded code.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug)]
pub struct CodeInfo<AccountId> {
	/// Blake2-256 of the decompressed module; the module is stored once per hash.
	pub code_hash: CodeHash,
	/// Account that uploaded this code id.
	pub uploader: AccountId,
	/// Size of the decompressed module in bytes.
	pub code_size: u32,
	/// What translating its functions costs, found from their operators at upload.
	pub translation: TranslationPrice,
}

/// The price of translating a module's functions, in thousandths of a reference byte: a byte of
/// the code the pallet's `translate` benchmark measures, whose weight sets the price of a
/// reference byte. A function of `len` bytes is charged `per_byte * len + per_function`
/// thousandths of a reference byte, which the pallet chooses at upload, from the function's
/// operators, so that it covers what translating each of the module's functions costs: code
/// whose operators translate faster than the reference pays less per byte, denser code more.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug)]
pub struct TranslationPrice {
	/// Thousandths of a reference byte per byte of a function's body.
	pub per_byte: u16,
	/// Thousandths of a reference byte per function, on top.
	pub per_function: u32,
}

impl TranslationPrice {
	/// Every byte at the reference byte's price, which the `translate` benchmark's code sets:
	/// what code paid whose operators were not counted (uploaded before the pallet counted
	/// them, until the pallet's storage version 7 priced it again).
	pub const REFERENCE: Self = Self { per_byte: 1000, per_function: 0 };
}

impl Default for TranslationPrice {
	fn default() -> Self {
		Self::REFERENCE
	}
}

/// What the chain records about a contract instance.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug)]
pub struct ContractInfo<AccountId> {
	/// Code the contract currently runs.
	pub code_id: CodeId,
	/// Account that instantiated the contract.
	pub creator: AccountId,
	/// Account allowed to migrate the contract and change its admin; `None` freezes it.
	pub admin: Option<AccountId>,
	/// Child trie holding the contract's storage.
	pub trie_id: TrieId,
	/// Number of entries in the contract's code history.
	pub history_len: u32,
	/// Length of the longest value the contract's storage has held: no stored value is longer,
	/// so a storage host function reserves the weight of a value this long (at most
	/// `Params::max_storage_value_len`) before touching one. It only grows. `u32::MAX` for
	/// contracts created before storage version 5, whose values were not measured.
	pub longest_value: u32,
}

/// Why a contract's code changed.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug)]
pub enum CodeChange {
	/// The contract was instantiated with this code.
	Instantiate,
	/// The admin migrated the contract to this code.
	Migrate,
}

/// One entry of a contract's code history.
#[derive(Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen, Debug)]
pub struct CodeHistoryEntry<BlockNumber> {
	/// What happened.
	pub change: CodeChange,
	/// The code the contract runs from this entry on.
	pub code_id: CodeId,
	/// Block in which it happened.
	pub block: BlockNumber,
}

/// Output of a successful contract call.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ExecReturnValue {
	/// The return data: what the contract passed to `set_return_data`, else the little-endian
	/// bytes of the entry point's integer result, else empty.
	pub data: Vec<u8>,
}

/// Output of a successful instantiation.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct InstantiateReturnValue<AccountId> {
	/// Address of the new contract.
	pub contract: AccountId,
	/// Return data of the `instantiate` export (empty when the module has none).
	pub data: Vec<u8>,
}

/// What a call did to its origin's storage deposits, net: the deposits it took for state it
/// added, less what it got back for state it removed.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum StorageDeposit<Balance> {
	/// The origin paid this much more than it got back; a `storage_deposit_limit` of at least
	/// this lets the call through.
	Charge(Balance),
	/// The origin got back this much more than it paid.
	Refund(Balance),
}

/// Result of a query or dry run, with the gas it used and needed.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct ContractResult<R, Balance, EventRecord> {
	/// Gas charged by the call.
	pub gas_consumed: Weight,
	/// The smallest `gas_limit` with which the same call, in the same state, succeeds.
	pub gas_required: Weight,
	/// The storage deposit the call takes from (or gives back to) its origin; a charge is the
	/// smallest `storage_deposit_limit` with which it succeeds. Nothing for failed calls and
	/// queries.
	pub storage_deposit: StorageDeposit<Balance>,
	/// What the call returned, or the pallet error it failed with.
	pub result: Result<R, DispatchError>,
	/// The message given to `revert`, when the contract reverted.
	pub revert_message: Option<Vec<u8>>,
	/// Events the call deposited (empty for queries).
	pub events: Vec<EventRecord>,
}

/// How a deploy went, as dry runs report it.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct DeployResult<Balance, EventRecord> {
	/// Gas the payment module used; with a custom payment module, the smallest loan that
	/// covers it.
	pub payment_gas_consumed: Weight,
	/// Gas the session module used.
	pub session_gas_consumed: Weight,
	/// The peak of the session's gas: the smallest `session_gas_limit` with which the session
	/// runs as it did here (it can be above what it used, where a reservation was given back).
	pub session_gas_required: Weight,
	/// Gas the session module could use: what the payment bought, capped by the limits.
	pub session_gas_limit: Weight,
	/// What the payment phase paid.
	pub paid: Balance,
	/// What the deploy cost: the price of its base weight and of the gas both phases used.
	pub used: Balance,
	/// What went back to the account.
	pub refunded: Balance,
	/// The storage deposit both phases take from (or give back to) the account, as for
	/// contract calls; apart from `paid`.
	pub storage_deposit: StorageDeposit<Balance>,
	/// `Err` when the deploy was refused or its payment failed (then nothing is kept but the
	/// transaction fee).
	pub result: Result<(), DispatchError>,
	/// How the session ended; `Err` means its changes were undone while the payment stands.
	pub session_result: Result<(), DispatchError>,
	/// The message given to `revert` by the failing phase, if it reverted.
	pub revert_message: Option<Vec<u8>>,
	/// Events the deploy deposited.
	pub events: Vec<EventRecord>,
}

/// How a deploy went, as `dry_run_deploy` reported it before API version 5 (without
/// `session_gas_required`).
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct DeployResultBeforeV5<Balance, EventRecord> {
	pub payment_gas_consumed: Weight,
	pub session_gas_consumed: Weight,
	pub session_gas_limit: Weight,
	pub paid: Balance,
	pub used: Balance,
	pub refunded: Balance,
	pub storage_deposit: StorageDeposit<Balance>,
	pub result: Result<(), DispatchError>,
	pub session_result: Result<(), DispatchError>,
	pub revert_message: Option<Vec<u8>>,
	pub events: Vec<EventRecord>,
}

/// Why raw contract storage could not be read.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub enum StorageReadError {
	/// No contract lives at the given address (`get_storage` only).
	ContractNotFound,
	/// The key is longer than `max_storage_key_len`.
	KeyTooLong,
}

sp_api::decl_runtime_apis! {
	/// Read-only access to contracts: queries, raw storage, info and dry runs.
	///
	/// Nothing called through this API changes state or charges a fee; queries and dry runs
	/// run with at most the `query_gas_cap` parameter, and lists come a page at a time. Byte
	/// arguments (`Vec<u8>`: entry points, messages, keys) are passed as hex strings from
	/// polkadot.js; `Option` arguments as the value or `null`. Dry runs report `gas_consumed`
	/// (what the call is charged) and `gas_required` (the smallest `gas_limit` with which it
	/// succeeds), the result or the `DispatchError`, the revert message and the events.
	#[api_version(5)]
	pub trait WasmContractsApi<AccountId, Balance, BlockNumber, EventRecord> where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
		EventRecord: codec::Codec,
	{
		/// Runs `entry_point` of `contract` read-only with `msg` as input, within the
		/// `query_gas_cap` parameter (or `gas_limit`, when lower). Any state change traps.
		fn query(
			contract: AccountId,
			entry_point: Vec<u8>,
			msg: Vec<u8>,
			gas_limit: Option<Weight>,
		) -> ContractResult<ExecReturnValue, Balance, EventRecord>;

		/// Reads the raw value under `key` in `contract`'s storage.
		fn get_storage(contract: AccountId, key: Vec<u8>) -> Result<Option<Vec<u8>>, StorageReadError>;

		/// What the chain records about `code_id`.
		fn code_info(code_id: CodeId) -> Option<CodeInfo<AccountId>>;

		/// What the chain records about `contract`.
		fn contract_info(contract: AccountId) -> Option<ContractInfo<AccountId>>;

		/// Up to `limit` entries (at most 100) of the code history of `contract`, oldest
		/// first, from entry `start` on.
		fn contract_history(contract: AccountId, start: u32, limit: u32) -> Vec<CodeHistoryEntry<BlockNumber>>;

		/// Runs `instantiate` as `origin` would, without keeping any change.
		/// `gas_limit: None` means `query_gas_cap`, the most a dry run gets.
		fn dry_run_instantiate(
			origin: AccountId,
			code_id: CodeId,
			init_msg: Vec<u8>,
			admin: Option<AccountId>,
			value: Balance,
			gas_limit: Option<Weight>,
			salt: Option<Vec<u8>>,
		) -> ContractResult<InstantiateReturnValue<AccountId>, Balance, EventRecord>;

		/// Runs `execute` as `origin` would, without keeping any change.
		/// `gas_limit: None` means `query_gas_cap`, the most a dry run gets.
		fn dry_run_execute(
			origin: AccountId,
			contract: AccountId,
			entry_point: Vec<u8>,
			msg: Vec<u8>,
			value: Balance,
			gas_limit: Option<Weight>,
		) -> ContractResult<ExecReturnValue, Balance, EventRecord>;

		/// Runs a deploy as `origin` would, without keeping any change.
		/// `session_gas_limit: None` means `query_gas_cap`, the most a dry run gets.
		fn dry_run_deploy(
			origin: AccountId,
			payment: Vec<u8>,
			session: Vec<u8>,
			payment_amount: Balance,
			session_gas_limit: Option<Weight>,
		) -> DeployResult<Balance, EventRecord>;

		/// Runs a deploy as `origin` would, without keeping any change.
		#[changed_in(5)]
		fn dry_run_deploy(
			origin: AccountId,
			payment: Vec<u8>,
			session: Vec<u8>,
			payment_amount: Balance,
			session_gas_limit: Option<Weight>,
		) -> DeployResultBeforeV5<Balance, EventRecord>;

		/// Reads the persistent variable under `key` of `account` (written by its deploys):
		/// `Ok(None)` when there is none, `KeyTooLong` for a key longer than
		/// `max_storage_key_len`.
		fn get_account_variable(account: AccountId, key: Vec<u8>) -> Result<Option<Vec<u8>>, StorageReadError>;

		/// Reads the persistent variable under `key` of `account`, for any key length.
		#[changed_in(4)]
		fn get_account_variable(account: AccountId, key: Vec<u8>) -> Option<Vec<u8>>;

		/// Runs `migrate` as `origin` would, without keeping any change.
		/// `gas_limit: None` means `query_gas_cap`, the most a dry run gets.
		fn dry_run_migrate(
			origin: AccountId,
			contract: AccountId,
			new_code_id: CodeId,
			msg: Vec<u8>,
			gas_limit: Option<Weight>,
		) -> ContractResult<ExecReturnValue, Balance, EventRecord>;
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn default_params_are_valid() {
		assert_eq!(Params::default().check(), Ok(()));
	}

	#[test]
	fn check_names_the_first_field_out_of_range() {
		let cases: [(fn(&mut Params), &str); 6] = [
			(|p| p.max_contract_size = limits::MAX_CONTRACT_SIZE + 1, "max_contract_size"),
			(|p| p.max_memory_pages = 0, "max_memory_pages"),
			(|p| p.query_gas_cap = p.max_contract_gas + Weight::from_parts(1, 0), "query_gas_cap"),
			(|p| p.max_call_depth = limits::MAX_CALL_DEPTH + 1, "max_call_depth"),
			(|p| p.max_storage_value_len = 0, "max_storage_value_len"),
			(|p| (p.max_memory_pages, p.max_call_depth) = (limits::MAX_MEMORY_PAGES, 8), "max_call_depth"),
		];
		for (change, field) in cases {
			let mut params = Params::default();
			change(&mut params);
			assert_eq!(params.check(), Err(field));
		}
	}

	#[test]
	fn params_round_trip_through_genesis_json() {
		let json = serde_json::to_string(&Params::default()).unwrap();
		assert!(json.contains("\"maxContractSize\""));
		assert_eq!(serde_json::from_str::<Params>(&json).unwrap(), Params::default());
	}

	/// The table of `docs/pallet.md`'s "Limits" section: each limit's name and value.
	fn documented_limits() -> Vec<(String, u64)> {
		let docs = include_str!("../../docs/pallet.md");
		let section = docs.split("\n## Limits\n").nth(1).expect("docs/pallet.md has a Limits section");
		let section = section.split("\n## ").next().unwrap_or(section);
		section
			.lines()
			.filter_map(|line| {
				let cells: Vec<&str> = line.split('|').map(str::trim).collect();
				let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
				let value = cells.get(2)?.replace(',', "").parse().ok()?;
				Some((name.to_string(), value))
			})
			.collect()
	}

	#[test]
	fn the_documented_limits_are_the_limits_module() {
		use limits::*;
		let actual: [(&str, u64); 28] = [
			("PAGE_SIZE", PAGE_SIZE),
			("MAX_MEMORY_PAGES", MAX_MEMORY_PAGES.into()),
			("MAX_TOTAL_MEMORY_PAGES", MAX_TOTAL_MEMORY_PAGES.into()),
			("MAX_CALL_DEPTH", MAX_CALL_DEPTH.into()),
			("MAX_CONTRACT_SIZE", MAX_CONTRACT_SIZE.into()),
			("MAX_STORAGE_KEY_LEN", MAX_STORAGE_KEY_LEN.into()),
			("MAX_STORAGE_VALUE_LEN", MAX_STORAGE_VALUE_LEN.into()),
			("MAX_MSG_SIZE", MAX_MSG_SIZE.into()),
			("MAX_EVENT_DATA_LEN", MAX_EVENT_DATA_LEN.into()),
			("MAX_EVENT_TOPIC_LEN", MAX_EVENT_TOPIC_LEN.into()),
			("MAX_ENTRY_POINT_LEN", MAX_ENTRY_POINT_LEN.into()),
			("MAX_SALT_LEN", MAX_SALT_LEN.into()),
			("MAX_FUNCTIONS", MAX_FUNCTIONS.into()),
			("MAX_LOCALS", MAX_LOCALS.into()),
			("FREE_LOCALS", FREE_LOCALS.into()),
			("BODY_BYTES_PER_LOCAL", BODY_BYTES_PER_LOCAL.into()),
			("MAX_GLOBALS", MAX_GLOBALS.into()),
			("MAX_EXPORTS", MAX_EXPORTS.into()),
			("MAX_TABLE_ELEMENTS", MAX_TABLE_ELEMENTS.into()),
			("MAX_FUNC_PARAMS", MAX_FUNC_PARAMS.into()),
			("MAX_DECLARATION_BYTES", MAX_DECLARATION_BYTES.into()),
			("MAX_RECURSION_DEPTH", MAX_RECURSION_DEPTH.into()),
			("MAX_STACK_HEIGHT", MAX_STACK_HEIGHT.into()),
			("MAX_MODULES_PER_CALL", MAX_MODULES_PER_CALL.into()),
			("MAX_CODE_BYTES_PER_CALL", MAX_CODE_BYTES_PER_CALL.into()),
			("EVENT_RECORD_OVERHEAD", EVENT_RECORD_OVERHEAD.into()),
			("MAX_HISTORY_PAGE", MAX_HISTORY_PAGE.into()),
			("MAX_CONTRACTS_RUN_IN_BLOCK", MAX_CONTRACTS_RUN_IN_BLOCK.into()),
		];
		let actual: Vec<(String, u64)> = actual.iter().map(|(name, value)| (name.to_string(), *value)).collect();
		assert_eq!(documented_limits(), actual);
		// Every constant of the module is in the list above, so a new one reaches the docs too.
		let source = include_str!("lib.rs");
		let module = source.split("pub mod limits {").nth(1).and_then(|rest| rest.split("\n}\n").next()).unwrap();
		let declared: Vec<&str> = module
			.lines()
			.filter_map(|line| line.trim().strip_prefix("pub const ")?.split(':').next())
			.filter(|name| !name.starts_with("fn "))
			.collect();
		assert_eq!(declared, actual.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>());
	}
}
