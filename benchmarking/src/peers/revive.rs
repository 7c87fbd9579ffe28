//! pallet-revive 0.20.2 in a mock runtime of its own, running `Token.sol` built for its EVM
//! (`peers/Token.evm`, solc's init code) and for PolkaVM (`peers/Token.polkavm`, resolc's blob).
//!
//! Configured as the pallet's own tests configure it: `AccountId32Mapper` for addresses, with
//! the sender mapped by `map_account` and the pallet's checking account funded and mapped; the
//! prelude's native-to-eth ratio; dry runs as its runtime API makes them (`prepare_dry_run`, then
//! `bare_instantiate`/`bare_call` with the block's weight and an unlimited deposit, in dry-run
//! mode), rolled back.

use super::{Holder, Message, Peer, Row, Workload};
use frame_support::{
	derive_impl, parameter_types,
	storage::{with_transaction, TransactionOutcome},
	traits::{ConstU128, Get, VariantCountOf},
};
use pallet_revive::{AccountId32Mapper, AddressMapper, Code, ExecConfig, TransactionLimits, H160, U256};
use sp_runtime::{
	traits::{Dispatchable, IdentityLookup},
	AccountId32, BuildStorage, DispatchError,
};

/// Names in the table.
pub const PALLET_EVM: &str = "pallet-revive (EVM)";
pub const PALLET_PVM: &str = "pallet-revive (PolkaVM)";

type Block = frame_system::mocking::MockBlock<Runtime>;

frame_support::construct_runtime!(
	pub enum Runtime {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Revive: pallet_revive,
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
	// pallet-revive has a freeze reason, as its tests configure balances.
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Runtime {}

parameter_types! {
	// The prelude's deposits, in this runtime's balance type.
	pub DepositPerItem: u128 = pallet_revive::config_preludes::DepositPerItem::get().into();
	pub DepositPerChildTrieItem: u128 = pallet_revive::config_preludes::DepositPerChildTrieItem::get().into();
	pub DepositPerByte: u128 = pallet_revive::config_preludes::DepositPerByte::get().into();
}

#[derive_impl(pallet_revive::config_preludes::TestDefaultConfig)]
impl pallet_revive::Config for Runtime {
	type Time = Timestamp;
	type Balance = u128;
	type Currency = Balances;
	type AddressMapper = AccountId32Mapper<Self>;
	type DepositPerItem = DepositPerItem;
	type DepositPerChildTrieItem = DepositPerChildTrieItem;
	type DepositPerByte = DepositPerByte;
	// The prelude's are `EnsureSigned` of its own (u64) account type.
	type UploadOrigin = frame_system::EnsureSigned<AccountId32>;
	type InstantiateOrigin = frame_system::EnsureSigned<AccountId32>;
	/// The pallet's benchmarked weights with this runtime's database costs.
	type WeightInfo = pallet_revive::weights::SubstrateWeight<Self>;
}

/// Which build of the token runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Backend {
	/// solc's EVM init code: pallet-revive runs code without the `PVM\0` magic on its EVM.
	Evm,
	/// resolc's PolkaVM blob.
	PolkaVm,
}

impl Backend {
	fn code(self) -> &'static [u8] {
		match self {
			Backend::Evm => include_bytes!("../../peers/Token.evm"),
			Backend::PolkaVm => include_bytes!("../../peers/Token.polkavm"),
		}
	}
}

/// The account that instantiates and calls the token.
pub const CALLER: AccountId32 = AccountId32::new([1u8; 32]);
/// The token's recipient: an address with no account behind it, which an ERC20 allows.
const RECIPIENT: H160 = H160([7u8; 20]);

/// The 4-byte selector of `signature` in `Token.selectors.txt`.
fn selector(signature: &str) -> [u8; 4] {
	include_str!("../../peers/Token.selectors.txt")
		.lines()
		.find_map(|line| {
			let (hex, name) = line.split_once(' ')?;
			let bytes = u32::from_str_radix(hex.strip_prefix("0x")?, 16).ok()?;
			(name == signature).then(|| bytes.to_be_bytes())
		})
		.unwrap_or_else(|| panic!("{signature} is in Token.selectors.txt"))
}

/// The ABI word of an address: left-padded to 32 bytes.
fn address_word(address: H160) -> [u8; 32] {
	let mut word = [0u8; 32];
	word[12..].copy_from_slice(address.as_bytes());
	word
}

/// The ABI word of a `uint256`: big-endian.
fn uint_word(value: u128) -> [u8; 32] {
	U256::from(value).to_big_endian()
}

/// The sender's address, as the mapper derives it.
fn sender_address() -> H160 {
	<Runtime as pallet_revive::Config>::AddressMapper::to_address(&CALLER)
}

fn address(holder: Holder) -> H160 {
	match holder {
		Holder::Sender => sender_address(),
		Holder::Recipient => RECIPIENT,
	}
}

/// The calldata of `message`.
fn calldata(message: Message) -> Vec<u8> {
	let call = |signature: &str, words: &[[u8; 32]]| [&selector(signature)[..], &words.concat()].concat();
	match message {
		Message::Mint(to, amount) => call("mint(address,uint256)", &[address_word(address(to)), uint_word(amount)]),
		Message::Transfer(to, amount) => call("transfer(address,uint256)", &[address_word(address(to)), uint_word(amount)]),
		Message::BalanceOf(who) => call("balanceOf(address)", &[address_word(address(who))]),
		Message::Noop => call("noop()", &[]),
		Message::ReadKeys => call("readKeys()", &[]),
		Message::WriteKeys => call("writeKeys()", &[]),
		Message::HashRounds(rounds) => call("hashRounds(uint256)", &[uint_word(rounds.into())]),
	}
}

/// Runs `f` as the runtime API runs a dry run: after `prepare_dry_run` (which raises the nonce
/// and maps the account if needed), in a storage transaction that is rolled back.
fn dry_run<R>(f: impl FnOnce() -> R) -> R {
	with_transaction(|| -> TransactionOutcome<Result<R, DispatchError>> {
		pallet_revive::Pallet::<Runtime>::prepare_dry_run(&CALLER);
		TransactionOutcome::Rollback(Ok(f()))
	})
	.expect("a rolled back transaction")
}

/// The limits of a dry run: the block's weight and no deposit limit, as the runtime API sets.
fn dry_run_limits() -> TransactionLimits<Runtime> {
	let block_weights: frame_system::limits::BlockWeights = <Runtime as frame_system::Config>::BlockWeights::get();
	TransactionLimits::WeightAndDeposit { weight_limit: block_weights.max_block, deposit_limit: u128::MAX }
}

fn dispatch(call: RuntimeCall) -> Result<(), String> {
	call.dispatch(RuntimeOrigin::signed(CALLER)).map(|_| ()).map_err(|error| format!("{:?}", error.error))
}

/// The token on pallet-revive.
pub struct Token {
	backend: Backend,
	contract: Option<H160>,
}

impl Peer for Token {
	type Call = RuntimeCall;

	fn deploy(&mut self) -> Result<(), String> {
		let code = self.backend.code().to_vec();
		let result = dry_run(|| {
			Revive::bare_instantiate(
				RuntimeOrigin::signed(CALLER),
				U256::zero(),
				dry_run_limits(),
				Code::Upload(code.clone()),
				vec![],
				None,
				&ExecConfig::new_substrate_tx().with_dry_run(None),
			)
		});
		let output = result.result.map_err(|error| format!("dry run: {error:?}"))?;
		if output.result.did_revert() {
			return Err(format!("dry run reverted: {:?}", output.result.data))
		}
		dispatch(RuntimeCall::Revive(pallet_revive::Call::instantiate_with_code {
			value: 0,
			weight_limit: result.weight_required,
			storage_deposit_limit: result.max_storage_deposit.charge_or_zero(),
			code,
			data: vec![],
			salt: None,
		}))?;
		self.contract = System::events().iter().rev().find_map(|record| match &record.event {
			RuntimeEvent::Revive(pallet_revive::Event::Instantiated { contract, .. }) => Some(*contract),
			_ => None,
		});
		self.contract.map(|_| ()).ok_or_else(|| "no Instantiated event".into())
	}

	fn call(&self, message: Message) -> Result<(RuntimeCall, Vec<u8>), String> {
		let contract = self.contract.ok_or("not deployed")?;
		let data = calldata(message);
		let result = dry_run(|| {
			Revive::bare_call(
				RuntimeOrigin::signed(CALLER),
				contract,
				U256::zero(),
				dry_run_limits(),
				data.clone(),
				&ExecConfig::new_substrate_tx().with_dry_run(None),
			)
		});
		let output = result.result.map_err(|error| format!("dry run of {message:?}: {error:?}"))?;
		if output.did_revert() {
			return Err(format!("dry run of {message:?} reverted: {:?}", output.data))
		}
		let call = RuntimeCall::Revive(pallet_revive::Call::call {
			dest: contract,
			value: 0,
			weight_limit: result.weight_required,
			storage_deposit_limit: result.max_storage_deposit.charge_or_zero(),
			data,
		});
		Ok((call, output.data))
	}

	fn origin(&self) -> RuntimeOrigin {
		RuntimeOrigin::signed(CALLER)
	}

	fn amount(&self, output: &[u8]) -> Option<u128> {
		let word: [u8; 32] = output.try_into().ok()?;
		u128::try_from(U256::from_big_endian(&word)).ok()
	}

	fn start_block(&self) {
		System::reset_events();
	}

	fn reset_events(&self) {
		System::reset_events();
	}
}

/// Externalities with a funded sender, mapped with `map_account`, and the pallet's checking
/// account funded and mapped, as the pallet's tests set them up.
fn new_externalities() -> Result<sp_io::TestExternalities, String> {
	let checking_account = Revive::checking_account();
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig::<Runtime> {
			balances: vec![(CALLER, u128::MAX / 4), (checking_account.clone(), 1_000_000_000_000)],
			..Default::default()
		},
		..Default::default()
	}
	.build_storage()
	.map_err(|error| format!("genesis: {error}"))?;
	let mut externalities = sp_io::TestExternalities::new(storage);
	externalities.execute_with(|| {
		System::set_block_number(1);
		for account in [checking_account, CALLER] {
			RuntimeCall::Revive(pallet_revive::Call::map_account {})
				.dispatch(RuntimeOrigin::signed(account.clone()))
				.map_err(|error| format!("map_account({account}): {:?}", error.error))?;
		}
		Ok::<_, String>(())
	})?;
	Ok(externalities)
}

/// The rows of one backend: every workload, or `only` that one.
pub fn rows(backend: Backend, runs: usize, only: Option<Workload>) -> Result<Vec<Row>, String> {
	let pallet = match backend {
		Backend::Evm => PALLET_EVM,
		Backend::PolkaVm => PALLET_PVM,
	};
	super::measure_peer(pallet, new_externalities()?, || Token { backend, contract: None }, runs, only)
}
