//! This project's pallet in the harness's runtime (`crate::runtime`), with `peers/token_ours.wat`
//! (every workload) or the Rust token of `contracts/examples/token` (the transfers): both take
//! the same messages (an address and a little-endian `u128`, which is the Rust token's SCALE).

use super::{Holder, Message, Peer, Row, Workload};
use crate::runtime::{self, AccountId, Contracts, RuntimeCall, RuntimeEvent, RuntimeOrigin, System, CALLER};
use frame_support::traits::Hooks;
use pallet_wasm_contracts::{Call, Event};
use sp_runtime::AccountId32;
use wasm_contracts_primitives::{CodeId, StorageDeposit};

/// Name in the table.
pub const PALLET: &str = "pallet-wasm-contracts";
/// Name in the table of the Rust token's rows.
pub const PALLET_RUST_TOKEN: &str = "pallet-wasm-contracts (Rust)";

/// The workloads of the Rust token, which implements the token alone.
pub const RUST_TOKEN_WORKLOADS: [Workload; 2] = [Workload::Transfer, Workload::TransferInBlock];

/// Which token contract runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Token {
	/// `peers/token_ours.wat`.
	Wat,
	/// `contracts/build/token.wasm`, from `contracts/examples/token`.
	Rust,
}

impl Token {
	fn module(self) -> Result<Vec<u8>, String> {
		match self {
			Token::Wat => wat::parse_str(TOKEN).map_err(|error| error.to_string()),
			Token::Rust => {
				let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../contracts/build/token.wasm");
				std::fs::read(path).map_err(|error| format!("{path}: {error}; build it with contracts/build.sh"))
			},
		}
	}
}

/// The token, in WAT.
const TOKEN: &str = include_str!("../../peers/token_ours.wat");

/// The account the transfers go to (the existing workloads' recipient).
const RECIPIENT: AccountId = AccountId32::new([7u8; 32]);

/// Where the weights of `pallets/wasm-contracts/src/weights.rs` come from: the CPUs its header
/// lists.
pub fn weight_source() -> String {
	let cpus: Vec<&str> = include_str!("../../../pallets/wasm-contracts/src/weights.rs")
		.lines()
		.take_while(|line| line.starts_with("//!"))
		.filter_map(|line| line.strip_prefix("//! - "))
		.collect();
	format!("weights.rs, the largest figures measured on {}", cpus.join("; "))
}

/// The token on this pallet.
pub struct Ours {
	token: Token,
	contract: Option<AccountId>,
}

fn account(holder: Holder) -> AccountId {
	match holder {
		Holder::Sender => CALLER,
		Holder::Recipient => RECIPIENT,
	}
}

/// The entry point and message of `message`.
fn encode(message: Message) -> (&'static str, Vec<u8>) {
	let with_amount = |holder, amount: u128| [AsRef::<[u8; 32]>::as_ref(&account(holder)).as_slice(), &amount.to_le_bytes()].concat();
	match message {
		Message::Mint(holder, amount) => ("mint", with_amount(holder, amount)),
		Message::Transfer(holder, amount) => ("transfer", with_amount(holder, amount)),
		Message::BalanceOf(holder) => ("balance_of", AsRef::<[u8; 32]>::as_ref(&account(holder)).to_vec()),
		Message::Noop => ("noop", vec![]),
		Message::ReadKeys => ("read_keys", vec![]),
		Message::WriteKeys => ("write_keys", vec![]),
		Message::HashRounds(rounds) => ("hash_rounds", rounds.to_le_bytes().to_vec()),
	}
}

/// The storage deposit limit a client sets after a dry run: what it charged.
fn deposit_limit(deposit: &StorageDeposit<u128>) -> u128 {
	match deposit {
		StorageDeposit::Charge(amount) => *amount,
		StorageDeposit::Refund(_) => 0,
	}
}

fn dispatch(call: RuntimeCall) -> Result<(), String> {
	sp_runtime::traits::Dispatchable::dispatch(call, RuntimeOrigin::signed(CALLER))
		.map(|_| ())
		.map_err(|error| format!("{:?}", error.error))
}

impl Peer for Ours {
	type Call = RuntimeCall;

	fn deploy(&mut self) -> Result<(), String> {
		let wasm = self.token.module()?;
		dispatch(RuntimeCall::Contracts(Call::upload_code { code: wasm, storage_deposit_limit: None }))?;
		let code_id: CodeId = System::events()
			.iter()
			.rev()
			.find_map(|record| match &record.event {
				RuntimeEvent::Contracts(Event::CodeUploaded { code_id, .. }) => Some(*code_id),
				_ => None,
			})
			.ok_or("no CodeUploaded event")?;
		let dry_run = Contracts::dry_run_instantiate(CALLER, code_id, vec![], None, 0, None, None);
		dry_run.result.map_err(|error| format!("dry run: {error:?} {:?}", dry_run.revert_message))?;
		dispatch(RuntimeCall::Contracts(Call::instantiate {
			code_id,
			init_msg: vec![],
			admin: None,
			value: 0,
			gas_limit: dry_run.gas_required,
			salt: None,
			storage_deposit_limit: Some(deposit_limit(&dry_run.storage_deposit)),
		}))?;
		self.contract = System::events().iter().rev().find_map(|record| match &record.event {
			RuntimeEvent::Contracts(Event::Instantiated { contract, .. }) => Some(contract.clone()),
			_ => None,
		});
		self.contract.as_ref().map(|_| ()).ok_or_else(|| "no Instantiated event".into())
	}

	fn call(&self, message: Message) -> Result<(RuntimeCall, Vec<u8>), String> {
		let contract = self.contract.clone().ok_or("not deployed")?;
		let (entry, msg) = encode(message);
		let dry_run = Contracts::dry_run_execute(CALLER, contract.clone(), entry.as_bytes().to_vec(), msg.clone(), 0, None);
		let output = dry_run
			.result
			.map_err(|error| format!("dry run of {entry}: {error:?} {:?}", dry_run.revert_message.as_deref().map(String::from_utf8_lossy)))?;
		let call = RuntimeCall::Contracts(Call::execute {
			contract,
			entry_point: entry.as_bytes().to_vec(),
			msg,
			value: 0,
			gas_limit: dry_run.gas_required,
			storage_deposit_limit: Some(deposit_limit(&dry_run.storage_deposit)),
		});
		Ok((call, output.data))
	}

	fn origin(&self) -> RuntimeOrigin {
		RuntimeOrigin::signed(CALLER)
	}

	fn amount(&self, output: &[u8]) -> Option<u128> {
		output.try_into().ok().map(u128::from_le_bytes)
	}

	fn start_block(&self) {
		System::reset_events();
		// The pallet's per-block state (the event counter, the contracts run in the block)
		// starts afresh, as in a block of its own.
		let number = System::block_number();
		Contracts::on_finalize(number);
		Contracts::on_initialize(number);
	}

	fn reset_events(&self) {
		System::reset_events();
	}

	fn workloads(&self) -> &'static [Workload] {
		match self.token {
			Token::Wat => &Workload::ALL,
			Token::Rust => &RUST_TOKEN_WORKLOADS,
		}
	}
}

/// The rows of this pallet with `token`, in the harness's runtime with its parameters: every
/// workload of the token, or `only` that one.
pub fn rows(token: Token, runs: usize, only: Option<Workload>) -> Result<Vec<Row>, String> {
	let pallet = match token {
		Token::Wat => PALLET,
		Token::Rust => PALLET_RUST_TOKEN,
	};
	super::measure_peer(pallet, runtime::new_externalities(), || Ours { token, contract: None }, runs, only)
}
