//! # wasm-contracts-sandbox
//!
//! Contract tests with plain `cargo test`, no node: the real pallet runs in a mock runtime
//! ([`runtime`]) with the parachain's prices, and [`Sandbox`] offers what a user does on chain:
//! upload, instantiate, execute, query, deploy, advance blocks, and read balances, holds,
//! storage and events, with the gas and storage deposit of every call.
//!
//! ```ignore
//! let mut sandbox = Sandbox::new();
//! let code_id = sandbox.upload(ALICE, &contract_module("counter"))?;
//! let counter = sandbox.instantiate(ALICE, code_id, &(), 0)?.output;
//! let count: u32 = sandbox.execute(ALICE, counter, "increment", &(), 0)?.output;
//! ```

pub mod runtime;

use codec::{Decode, Encode};
use frame_support::{
	traits::{fungible::Inspect, Hooks},
	weights::Weight,
};
use runtime::{Balance, Balances, Contracts, Runtime, RuntimeEvent, RuntimeOrigin, System, Timestamp, UNIT};
use sp_runtime::{AccountId32, BuildStorage, DispatchError};
use std::path::PathBuf;
use wasm_contracts_primitives::{CodeId, Params};
pub use wasm_contracts_primitives::StorageDeposit;
pub use wasm_contracts_sdk::Address;

/// Accounts funded with [`INITIAL_BALANCE`] each.
pub const ALICE: Address = Address([1; 32]);
pub const BOB: Address = Address([2; 32]);
pub const CHARLIE: Address = Address([3; 32]);
/// What each of them starts with: a million units.
pub const INITIAL_BALANCE: Balance = 1_000_000 * UNIT;
/// Milliseconds between blocks.
pub const BLOCK_TIME: u64 = 6_000;

fn account(address: Address) -> AccountId32 {
	AccountId32::new(address.0)
}

fn address(account: &AccountId32) -> Address {
	Address(*account.as_ref())
}

/// The module `contracts/build.sh` built from the contract `name` (in `contracts/examples`).
/// Panics when it is missing or older than the contract's or the SDK's source, which it would
/// not run: the sandbox runs the built module, not the source.
pub fn contract_module(name: &str) -> Vec<u8> {
	let contracts = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
	let path = contracts.join("build").join(format!("{name}.wasm"));
	let rebuild = format!("CONTRACTS={name} contracts/build.sh");
	let crate_dir = contracts.join("examples").join(name);
	let sdk = contracts.join("sdk");
	read_unless_stale(&path, &[crate_dir.join("src"), crate_dir.join("Cargo.toml"), sdk.join("src"), sdk.join("Cargo.toml")], &rebuild)
}

/// The module `cargo wasm-contracts build` built from the contract crate of `crate_dir` (pass
/// `env!("CARGO_MANIFEST_DIR")`) whose package is `name`: `<target dir>/wasm-contracts/<name>.wasm`,
/// the target directory as `cargo metadata` gives it. Panics when the module is missing or older
/// than the crate's source.
pub fn built_module(crate_dir: &str, name: &str) -> Vec<u8> {
	let crate_dir = PathBuf::from(crate_dir);
	let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
	let metadata = std::process::Command::new(cargo)
		.args(["metadata", "--format-version", "1", "--no-deps", "--manifest-path"])
		.arg(crate_dir.join("Cargo.toml"))
		.output()
		.unwrap_or_else(|error| panic!("cargo metadata: {error}"));
	let target_dir = serde_json::from_slice::<serde_json::Value>(&metadata.stdout)
		.ok()
		.and_then(|metadata| metadata["target_directory"].as_str().map(PathBuf::from))
		.unwrap_or_else(|| panic!("cargo metadata names no target directory for {}", crate_dir.display()));
	let path = target_dir.join("wasm-contracts").join(format!("{name}.wasm"));
	let rebuild = format!("cargo wasm-contracts build --manifest-path {}", crate_dir.join("Cargo.toml").display());
	read_unless_stale(&path, &[crate_dir.join("src"), crate_dir.join("Cargo.toml")], &rebuild)
}

/// The module at `path`; panics, naming `rebuild`, when it is missing or older than one of
/// `sources`, which it would not run: the sandbox runs the built module, not the source.
fn read_unless_stale(path: &std::path::Path, sources: &[PathBuf], rebuild: &str) -> Vec<u8> {
	let built = std::fs::metadata(path)
		.and_then(|module| module.modified())
		.unwrap_or_else(|error| panic!("{}: {error}; build the contract first: {rebuild}", path.display()));
	for source in sources {
		if newest_change(source).is_some_and(|changed| changed > built) {
			panic!("{} is older than {}: rebuild it with {rebuild}", path.display(), source.display());
		}
	}
	std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// When `path`, or anything under it, last changed (a directory changes when a file in it is
/// added or removed); `None` when it does not exist.
fn newest_change(path: &std::path::Path) -> Option<std::time::SystemTime> {
	let own = std::fs::metadata(path).and_then(|metadata| metadata.modified()).ok()?;
	let inside = std::fs::read_dir(path)
		.into_iter()
		.flatten()
		.filter_map(Result::ok)
		.filter_map(|entry| newest_change(&entry.path()));
	inside.chain([own]).max()
}

/// A successful call.
#[derive(Debug)]
pub struct Called<R> {
	/// What the contract returned, decoded.
	pub output: R,
	/// The gas the call used.
	pub gas_used: Weight,
	/// The storage deposit it took from (or gave back to) the caller.
	pub storage_deposit: StorageDeposit<Balance>,
	/// The events contracts emitted during the call, in order.
	pub events: Vec<ContractEvent>,
}

/// A `ContractEmitted` event.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ContractEvent {
	pub contract: Address,
	pub topic: Vec<u8>,
	pub data: Vec<u8>,
}

impl ContractEvent {
	/// The event's data decoded as `T`.
	pub fn decode<T: Decode>(&self) -> Result<T, codec::Error> {
		T::decode(&mut &self.data[..])
	}
}

/// A failed call: nothing it did was kept.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Failure {
	/// The pallet error's name (`ContractReverted`, `OutOfGas`, ...), or the dispatch error.
	pub error: String,
	/// The contract's revert message, when it reverted.
	pub revert_message: Option<Vec<u8>>,
}

impl Failure {
	fn from(error: DispatchError, revert_message: Option<Vec<u8>>) -> Self {
		let error = match error {
			DispatchError::Module(module) => module.message.map_or_else(|| format!("{module:?}"), str::to_string),
			other => format!("{other:?}"),
		};
		Self { error, revert_message }
	}

	/// The revert message decoded as `E` (an SDK contract reverts with its encoded error).
	pub fn reverted_with<E: Decode>(&self) -> Option<E> {
		self.revert_message.as_ref().and_then(|message| E::decode(&mut &message[..]).ok())
	}
}

/// A chain of one node, in memory.
pub struct Sandbox {
	ext: sp_io::TestExternalities,
}

impl Default for Sandbox {
	fn default() -> Self {
		Self::new()
	}
}

impl Sandbox {
	/// A chain at block 1 with the default parameters and Alice, Bob and Charlie funded.
	pub fn new() -> Self {
		let storage = runtime::RuntimeGenesisConfig {
			balances: pallet_balances::GenesisConfig::<Runtime> {
				balances: [ALICE, BOB, CHARLIE]
					.into_iter()
					.map(|who| (account(who), INITIAL_BALANCE))
					.chain([(runtime::FeeDestination::get(), runtime::EXISTENTIAL_DEPOSIT)])
					.collect(),
				..Default::default()
			},
			contracts: pallet_wasm_contracts::GenesisConfig::<Runtime> { params: Params::default(), ..Default::default() },
			..Default::default()
		}
		.build_storage()
		.expect("the sandbox's genesis builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			Timestamp::set_timestamp(1_700_000_000_000);
		});
		Self { ext }
	}

	/// Runs `f` on the chain's state, as a runtime call would.
	pub fn with_state<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// Uploads `code` (raw or gzip) as `who`; returns its code id.
	pub fn upload(&mut self, who: Address, code: &[u8]) -> Result<CodeId, Failure> {
		self.with_state(|| {
			Contracts::upload_code(RuntimeOrigin::signed(account(who)), code.to_vec(), None)
				.map_err(|failure| Failure::from(failure.error, None))?;
			Ok(pallet_wasm_contracts::NextCodeId::<Runtime>::get() - 1)
		})
	}

	/// Instantiates `code_id` as `who` with `msg` (SCALE-encoded) and `value`, `who` as its
	/// admin; returns the new contract's address.
	pub fn instantiate<M: Encode>(&mut self, who: Address, code_id: CodeId, msg: &M, value: Balance) -> Result<Called<Address>, Failure> {
		self.with_state(|| {
			let (origin, init_msg, admin) = (account(who), msg.encode(), Some(account(who)));
			let dry_run =
				Contracts::dry_run_instantiate(origin.clone(), code_id, init_msg.clone(), admin.clone(), value, None, None);
			let created = dry_run.result.map_err(|error| Failure::from(error, dry_run.revert_message.clone()))?;
			let limit = Some(charge_of(dry_run.storage_deposit));
			let events = dispatched(|| {
				Contracts::instantiate(RuntimeOrigin::signed(origin), code_id, init_msg, admin, value, dry_run.gas_required, None, limit)
			})?;
			Ok(Called {
				output: address(&created.contract),
				gas_used: dry_run.gas_consumed,
				storage_deposit: dry_run.storage_deposit,
				events,
			})
		})
	}

	/// Runs `entry` of `contract` as `who` with `msg` (SCALE-encoded) and `value`; decodes its
	/// output as `R`.
	pub fn execute<M: Encode, R: Decode>(
		&mut self,
		who: Address,
		contract: Address,
		entry: &str,
		msg: &M,
		value: Balance,
	) -> Result<Called<R>, Failure> {
		self.with_state(|| {
			let (origin, msg, entry) = (account(who), msg.encode(), entry.as_bytes().to_vec());
			let dry_run =
				Contracts::dry_run_execute(origin.clone(), account(contract), entry.clone(), msg.clone(), value, None);
			let returned = dry_run.result.map_err(|error| Failure::from(error, dry_run.revert_message.clone()))?;
			let output = decoded(&returned.data)?;
			let limit = Some(charge_of(dry_run.storage_deposit));
			let events = dispatched(|| {
				Contracts::execute(RuntimeOrigin::signed(origin), account(contract), entry, msg, value, dry_run.gas_required, limit)
			})?;
			Ok(Called { output, gas_used: dry_run.gas_consumed, storage_deposit: dry_run.storage_deposit, events })
		})
	}

	/// Runs `entry` of `contract` read-only with `msg`; decodes its output as `R`.
	pub fn query<M: Encode, R: Decode>(&mut self, contract: Address, entry: &str, msg: &M) -> Result<R, Failure> {
		self.with_state(|| {
			let result = Contracts::query(account(contract), entry.as_bytes().to_vec(), msg.encode(), None);
			let returned = result.result.map_err(|error| Failure::from(error, result.revert_message.clone()))?;
			decoded(&returned.data)
		})
	}

	/// Runs a deploy of `payment` (empty: pay `payment_amount` from the account) and `session`
	/// as `who`; returns what it cost (`used`), its storage deposit and the session's result.
	pub fn deploy(
		&mut self,
		who: Address,
		payment: &[u8],
		session: &[u8],
		payment_amount: Balance,
	) -> Result<Called<Result<(), Failure>>, Failure> {
		self.with_state(|| {
			let origin = account(who);
			let dry_run =
				Contracts::dry_run_deploy(origin.clone(), payment.to_vec(), session.to_vec(), payment_amount, None);
			dry_run.result.clone().map_err(|error| Failure::from(error, dry_run.revert_message.clone()))?;
			let limit = Params::default().max_contract_gas;
			let events = dispatched(|| {
				Contracts::deploy(RuntimeOrigin::signed(origin), payment.to_vec(), session.to_vec(), payment_amount, limit, None)
			})?;
			let session = dry_run.session_result.map_err(|error| Failure::from(error, dry_run.revert_message.clone()));
			Ok(Called {
				output: session,
				gas_used: dry_run.payment_gas_consumed.saturating_add(dry_run.session_gas_consumed),
				storage_deposit: dry_run.storage_deposit,
				events,
			})
		})
	}

	/// Ends the block, running the pallet's idle work (removing what terminated contracts left),
	/// and starts `blocks` new ones, each `BLOCK_TIME` later.
	pub fn advance_blocks(&mut self, blocks: u32) {
		self.with_state(|| {
			for _ in 0..blocks {
				let now = System::block_number();
				Contracts::on_idle(now, Weight::from_parts(500_000_000_000, 5 * 1024 * 1024));
				System::set_block_number(now + 1);
				Timestamp::set_timestamp(Timestamp::get() + BLOCK_TIME);
			}
		})
	}

	/// The block the next call runs in.
	pub fn block_number(&mut self) -> u64 {
		self.with_state(System::block_number)
	}

	/// `who`'s free balance.
	pub fn balance(&mut self, who: Address) -> Balance {
		self.with_state(|| Balances::free_balance(account(who)))
	}

	/// What `who` holds for storage deposits (all the pallet's hold reasons).
	pub fn held(&mut self, who: Address) -> Balance {
		self.with_state(|| Balances::total_balance(&account(who)) - Balances::free_balance(account(who)))
	}

	/// The raw value under `key` in `contract`'s storage.
	pub fn storage(&mut self, contract: Address, key: &[u8]) -> Option<Vec<u8>> {
		self.with_state(|| Contracts::get_storage(account(contract), key.to_vec()).ok().flatten())
	}

	/// Writes `value` under `key` in `contract`'s storage directly, as a test's fixture: no call
	/// runs and no deposit is taken. The contract must exist, and the value must not be empty
	/// (the chain stores no empty values).
	pub fn set_storage(&mut self, contract: Address, key: &[u8], value: &[u8]) {
		assert!(!value.is_empty(), "set_storage of an empty value, which the chain never stores");
		self.with_state(|| {
			let info = Contracts::contract_info(account(contract)).expect("set_storage of a contract that does not exist");
			pallet_wasm_contracts::ContractTrie::new(&info.trie_id).write(key, value);
		})
	}

	/// The persistent variable under `key` of `account`, which its deploys write.
	pub fn account_variable(&mut self, who: Address, key: &[u8]) -> Option<Vec<u8>> {
		self.with_state(|| Contracts::get_account_variable(account(who), key.to_vec()))
			.expect("account_variable of a key longer than max_storage_key_len")
	}

	/// Whether a contract lives at `contract`.
	pub fn contract_exists(&mut self, contract: Address) -> bool {
		self.with_state(|| Contracts::contract_info(account(contract)).is_some())
	}
}

/// The charge of a storage deposit, as a limit that lets exactly it through.
fn charge_of(deposit: StorageDeposit<Balance>) -> Balance {
	match deposit {
		StorageDeposit::Charge(amount) => amount,
		StorageDeposit::Refund(_) => 0,
	}
}

fn decoded<R: Decode>(data: &[u8]) -> Result<R, Failure> {
	R::decode(&mut &data[..]).map_err(|_| Failure { error: "OutputDoesNotDecode".into(), revert_message: None })
}

/// Dispatches `call`, which a dry run found to succeed, and returns the contract events it
/// emitted.
fn dispatched(call: impl FnOnce() -> frame_support::dispatch::DispatchResultWithPostInfo) -> Result<Vec<ContractEvent>, Failure> {
	System::reset_events();
	call().map_err(|failure| Failure::from(failure.error, None))?;
	Ok(System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Contracts(pallet_wasm_contracts::Event::ContractEmitted { contract, topic, data }) =>
				Some(ContractEvent { contract: address(&contract), topic, data }),
			_ => None,
		})
		.collect())
}
