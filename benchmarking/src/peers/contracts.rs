//! pallet-contracts 51.0.0 in a mock runtime of its own, running `peers/token_contracts.wasm`.
//!
//! Dry runs are made as its runtime API makes them: `bare_instantiate`/`bare_call` with the
//! block's weight and no deposit limit, `Determinism::Enforced`, without debug output or events,
//! rolled back.

use super::{Holder, Message, Peer, Row, Workload};
use frame_support::{
	derive_impl, parameter_types,
	storage::{with_transaction, TransactionOutcome},
	traits::{ConstU128, Get},
};
use pallet_contracts::{Code, CollectEvents, DebugInfo, Determinism, StorageDeposit};
use sp_core::H256;
use sp_runtime::{
	traits::{Dispatchable, IdentityLookup},
	AccountId32, BuildStorage, DispatchError,
};

/// Name in the table.
pub const PALLET: &str = "pallet-contracts";

type Block = frame_system::mocking::MockBlock<Runtime>;

frame_support::construct_runtime!(
	pub enum Runtime {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Contracts: pallet_contracts,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId32;
	type Lookup = IdentityLookup<AccountId32>;
	type AccountData = pallet_balances::AccountData<u128>;
	/// The same database costs as the harness's runtime.
	type DbWeight = crate::runtime::HarnessDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = u128;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Runtime {}

/// Randomness for a contract that asks for none (the prelude's panics when asked).
pub struct NoRandomness;

impl frame_support::traits::Randomness<H256, u64> for NoRandomness {
	fn random(_subject: &[u8]) -> (H256, u64) {
		(H256::zero(), 0)
	}
}

/// The prelude's storage deposit: 1 cent of 10^10 units per item and per byte.
const fn deposit(items: u32, bytes: u32) -> u128 {
	(items as u128 + bytes as u128) * 100_000_000
}

parameter_types! {
	pub ContractsSchedule: pallet_contracts::Schedule<Runtime> = Default::default();
	pub const DepositPerItem: u128 = deposit(1, 0);
	pub const DepositPerByte: u128 = deposit(0, 1);
	pub const DefaultDepositLimit: u128 = deposit(1024, 1024 * 1024);
}

#[derive_impl(pallet_contracts::config_preludes::TestDefaultConfig)]
impl pallet_contracts::Config for Runtime {
	type Time = Timestamp;
	type Randomness = NoRandomness;
	type Currency = Balances;
	type Schedule = ContractsSchedule;
	type CallStack = [pallet_contracts::Frame<Self>; 5];
	type DepositPerItem = DepositPerItem;
	type DepositPerByte = DepositPerByte;
	type DefaultDepositLimit = DefaultDepositLimit;
	/// The pallet's benchmarked weights with this runtime's database costs.
	type WeightInfo = pallet_contracts::weights::SubstrateWeight<Self>;
}

/// The account that instantiates and calls the token.
pub const CALLER: AccountId32 = AccountId32::new([1u8; 32]);
/// The token's recipient.
const RECIPIENT: AccountId32 = AccountId32::new([7u8; 32]);

fn account(holder: Holder) -> [u8; 32] {
	match holder {
		Holder::Sender => CALLER.into(),
		Holder::Recipient => RECIPIENT.into(),
	}
}

/// The input of `message`: its selector byte and arguments.
fn input(message: Message) -> Vec<u8> {
	let with_amount = |selector: u8, holder, amount: u128| [&[selector][..], &account(holder), &amount.to_le_bytes()].concat();
	match message {
		Message::Mint(holder, amount) => with_amount(0, holder, amount),
		Message::Transfer(holder, amount) => with_amount(1, holder, amount),
		Message::BalanceOf(holder) => [&[2][..], &account(holder)].concat(),
		Message::Noop => vec![3],
		Message::ReadKeys => vec![4],
		Message::WriteKeys => vec![5],
		Message::HashRounds(rounds) => [&[6][..], &rounds.to_le_bytes()].concat(),
	}
}

/// Runs `f` in a storage transaction that is rolled back, as a runtime API call's changes are.
fn dry_run<R>(f: impl FnOnce() -> R) -> R {
	with_transaction(|| -> TransactionOutcome<Result<R, DispatchError>> { TransactionOutcome::Rollback(Ok(f())) })
		.expect("a rolled back transaction")
}

fn max_block() -> frame_support::weights::Weight {
	let block_weights: frame_system::limits::BlockWeights = <Runtime as frame_system::Config>::BlockWeights::get();
	block_weights.max_block
}

/// The storage deposit limit a client sets after a dry run: what it charged.
fn deposit_limit(deposit: &StorageDeposit<u128>) -> Option<codec::Compact<u128>> {
	Some(deposit.charge_or_zero().into())
}

fn dispatch(call: RuntimeCall) -> Result<(), String> {
	call.dispatch(RuntimeOrigin::signed(CALLER)).map(|_| ()).map_err(|error| format!("{:?}", error.error))
}

/// The token on pallet-contracts.
pub struct Token {
	contract: Option<AccountId32>,
}

impl Peer for Token {
	type Call = RuntimeCall;

	fn deploy(&mut self) -> Result<(), String> {
		let code = include_bytes!("../../peers/token_contracts.wasm").to_vec();
		let result = dry_run(|| {
			Contracts::bare_instantiate(
				CALLER,
				0,
				max_block(),
				None,
				Code::Upload(code.clone()),
				vec![],
				vec![],
				DebugInfo::Skip,
				CollectEvents::Skip,
			)
		});
		let output = result.result.map_err(|error| format!("dry run: {error:?}"))?;
		if output.result.did_revert() {
			return Err(format!("dry run reverted: {:?}", output.result.data))
		}
		dispatch(RuntimeCall::Contracts(pallet_contracts::Call::instantiate_with_code {
			value: 0,
			gas_limit: result.gas_required,
			storage_deposit_limit: deposit_limit(&result.storage_deposit),
			code,
			data: vec![],
			salt: vec![],
		}))?;
		self.contract = System::events().iter().rev().find_map(|record| match &record.event {
			RuntimeEvent::Contracts(pallet_contracts::Event::Instantiated { contract, .. }) => Some(contract.clone()),
			_ => None,
		});
		self.contract.as_ref().map(|_| ()).ok_or_else(|| "no Instantiated event".into())
	}

	fn call(&self, message: Message) -> Result<(RuntimeCall, Vec<u8>), String> {
		let contract = self.contract.clone().ok_or("not deployed")?;
		let data = input(message);
		let result = dry_run(|| {
			Contracts::bare_call(
				CALLER,
				contract.clone(),
				0,
				max_block(),
				None,
				data.clone(),
				DebugInfo::Skip,
				CollectEvents::Skip,
				Determinism::Enforced,
			)
		});
		let output = result.result.map_err(|error| format!("dry run of {message:?}: {error:?}"))?;
		if output.did_revert() {
			return Err(format!("dry run of {message:?} reverted: {:?}", output.data))
		}
		let call = RuntimeCall::Contracts(pallet_contracts::Call::call {
			dest: contract,
			value: 0,
			gas_limit: result.gas_required,
			storage_deposit_limit: deposit_limit(&result.storage_deposit),
			data,
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
	}

	fn reset_events(&self) {
		System::reset_events();
	}
}

/// Externalities with a funded sender.
fn new_externalities() -> Result<sp_io::TestExternalities, String> {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig::<Runtime> { balances: vec![(CALLER, u128::MAX / 4)], ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.map_err(|error| format!("genesis: {error}"))?;
	let mut externalities = sp_io::TestExternalities::new(storage);
	externalities.execute_with(|| System::set_block_number(1));
	Ok(externalities)
}

/// The rows of this pallet: every workload, or `only` that one.
pub fn rows(runs: usize, only: Option<Workload>) -> Result<Vec<Row>, String> {
	super::measure_peer(PALLET, new_externalities()?, || Token { contract: None }, runs, only)
}
