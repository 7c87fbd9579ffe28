//! Tests over one mock runtime, split by concern.

mod block_tests;
mod call_stack_tests;
mod code_tests;
mod deploy_tests;
mod deposit_tests;
mod exec_tests;
mod fault_tests;
mod gas_tests;
mod host_tests;
mod hostile_tests;
mod lifecycle_tests;
mod migration_tests;
mod proof_tests;
mod query_tests;
mod termination_tests;

use crate::{self as pallet_wasm_contracts, error::ExecError, BalanceOf, Parameters};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	dispatch::{DispatchErrorWithPostInfo, PostDispatchInfo},
	traits::{ConstU32, ConstU64},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_runtime::{AccountId32, BuildStorage, DispatchError};
use wasm_contracts_primitives::{CodeId, Params, TranslationPrice};

pub type AccountId = AccountId32;
pub type Balance = u64;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Contracts: pallet_wasm_contracts,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	// Database costs as on a chain, so that weights built from reads and writes are not zero.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl pallet_wasm_contracts::Config for Test {
	type Currency = Balances;
	type DepositPerItem = ConstU64<DEPOSIT_PER_ITEM>;
	type DepositPerByte = ConstU64<DEPOSIT_PER_BYTE>;
	type Time = Timestamp;
	type UploadOrigin = frame_system::EnsureSigned<AccountId>;
	type ParamsOrigin = EnsureRoot<AccountId>;
	type FeeDestination = Treasury;
	type WeightPrice = crate::deploy::LinearWeightPrice<RefTimePrice, ProofSizePrice>;
	type InclusionFee = InclusionFee;
	type MaxEventBytesPerCall = ConstU32<MAX_EVENT_BYTES_PER_CALL>;
	type MaxEventBytesPerBlock = ConstU32<MAX_EVENT_BYTES_PER_BLOCK>;
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
	/// One unit per microsecond of ref_time.
	pub const RefTimePrice: Balance = 1;
	/// A thousand units per megabyte of proof.
	pub const ProofSizePrice: Balance = 1_000;
}

/// The inclusion fee of a transaction of `len` bytes: a base fee of 500 and one per byte.
pub struct InclusionFee;

impl sp_runtime::traits::Convert<u32, Balance> for InclusionFee {
	fn convert(len: u32) -> Balance {
		500 + Balance::from(len)
	}
}

pub const EXISTENTIAL_DEPOSIT: Balance = 10;
pub const DEPOSIT_PER_ITEM: Balance = 1_000;
pub const DEPOSIT_PER_BYTE: Balance = 2;
pub const MAX_EVENT_BYTES_PER_CALL: u32 = 64 * 1024;
pub const MAX_EVENT_BYTES_PER_BLOCK: u32 = 256 * 1024;
pub const INITIAL_BALANCE: Balance = 1_000_000_000;
pub const ALICE: AccountId = AccountId32::new([1u8; 32]);
pub const BOB: AccountId = AccountId32::new([2u8; 32]);
pub const CHARLIE: AccountId = AccountId32::new([3u8; 32]);
pub const TREASURY: AccountId = AccountId32::new([9u8; 32]);

/// Gas for calls in tests: the whole `max_contract_gas` of the default parameters.
pub fn gas() -> Weight {
	Params::default().max_contract_gas
}

/// Test externalities that check the pallet's invariants ([`crate::invariants::check`]) after
/// everything a test runs in them.
pub struct TestExt(sp_io::TestExternalities);

impl TestExt {
	/// Runs `f`, then checks the invariants.
	pub fn execute_with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.0.execute_with(|| {
			let result = f();
			assert_eq!(crate::invariants::check::<Test>(), Ok(()), "the pallet's invariants hold after the test's step");
			result
		})
	}
}

impl core::ops::Deref for TestExt {
	type Target = sp_io::TestExternalities;
	fn deref(&self) -> &Self::Target {
		&self.0
	}
}

impl core::ops::DerefMut for TestExt {
	fn deref_mut(&mut self) -> &mut Self::Target {
		&mut self.0
	}
}

/// The mock runtime's genesis, checking the pallet's invariants after every step.
pub fn new_test_ext() -> TestExt {
	TestExt(new_test_ext_unchecked())
}

/// The mock runtime's genesis, for tests that build states the invariants refuse.
pub fn new_test_ext_unchecked() -> sp_io::TestExternalities {
	// The runtime's genesis, which also records every pallet's storage version.
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig::<Test> {
			balances: vec![
				(ALICE, INITIAL_BALANCE),
				(BOB, INITIAL_BALANCE),
				(CHARLIE, INITIAL_BALANCE),
				(TREASURY, EXISTENTIAL_DEPOSIT),
			],
			..Default::default()
		},
		contracts: pallet_wasm_contracts::GenesisConfig::<Test> { params: Params::default(), ..Default::default() },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(1_700_000_000_000);
	});
	ext
}

/// The wasm of fixture `name` (`fixtures/<name>.wat`).
pub fn fixture(name: &str) -> Vec<u8> {
	let path = format!("{}/fixtures/{name}.wat", env!("CARGO_MANIFEST_DIR"));
	wat::parse_file(&path).unwrap_or_else(|error| panic!("fixture {name}: {error}"))
}

/// Wasm of an inline WAT module.
pub fn wat(source: &str) -> Vec<u8> {
	wat::parse_str(source).unwrap()
}

/// WAT of a function body's code of about `bytes` bytes that does nothing (3 bytes a
/// `(drop (i32.const 0))`), to give modules long bodies or the 40 bytes a function that wasmi
/// requires on average.
pub fn filler(bytes: usize) -> String {
	"(drop (i32.const 0)) ".repeat(bytes / 3)
}

/// Uploads `wasm` as `who` and returns its code id.
pub fn upload(who: &AccountId, wasm: Vec<u8>) -> CodeId {
	assert_ok!(Contracts::upload_code(RuntimeOrigin::signed(who.clone()), wasm, None));
	crate::NextCodeId::<Test>::get() - 1
}

/// Uploads `wasm` as `who` with its translation at the reference price whatever its operators
/// (as code uploaded before operators were counted), for tests of how a price is charged
/// rather than which; returns its code id.
pub fn upload_at_reference_price(who: &AccountId, wasm: Vec<u8>) -> CodeId {
	let code_id = upload(who, wasm);
	crate::CodeInfoOf::<Test>::mutate(code_id, |info| {
		if let Some(info) = info {
			info.translation = TranslationPrice::REFERENCE;
		}
	});
	code_id
}

/// Instantiates `code_id` as `who` with `admin` (no salt, no value) and returns the address.
pub fn instantiate(who: &AccountId, code_id: CodeId, init_msg: Vec<u8>, admin: Option<AccountId>) -> AccountId {
	let result = Contracts::dry_run_instantiate(who.clone(), code_id, init_msg.clone(), admin.clone(), 0, None, None);
	let address = result.result.expect("instantiation succeeds").contract;
	assert_ok!(Contracts::instantiate(RuntimeOrigin::signed(who.clone()), code_id, init_msg, admin, 0, gas(), None, None));
	address
}

/// Uploads fixture `name` and instantiates it as Alice, admin Alice.
pub fn deploy_fixture(name: &str) -> AccountId {
	let code_id = upload(&ALICE, fixture(name));
	instantiate(&ALICE, code_id, vec![], Some(ALICE))
}

/// Executes `entry` of `contract` as `who`, with `msg`.
pub fn execute(who: &AccountId, contract: &AccountId, entry: &str, msg: Vec<u8>) -> Result<PostDispatchInfo, DispatchErrorWithPostInfo> {
	Contracts::execute(RuntimeOrigin::signed(who.clone()), contract.clone(), entry.as_bytes().to_vec(), msg, 0, gas(), None)
}

/// Runs `entry` of `contract` as a dry run by `who` and returns its output or error.
pub fn dry_execute(who: &AccountId, contract: &AccountId, entry: &str, msg: Vec<u8>) -> Result<Vec<u8>, ExecError> {
	let result = Contracts::dry_run_execute(who.clone(), contract.clone(), entry.as_bytes().to_vec(), msg, 0, None);
	match result.result {
		Ok(value) => Ok(value.data),
		Err(error) => Err(ExecError { error, revert_message: result.revert_message }),
	}
}

/// The raw value under `key` of `contract`'s storage.
pub fn stored(contract: &AccountId, key: &[u8]) -> Option<Vec<u8>> {
	Contracts::get_storage(contract.clone(), key.to_vec()).expect("contract exists")
}

/// Writes `value` under `key` of `contract`'s storage directly, as a contract's
/// `storage_write` would store it (its record's longest value raised), without running it.
pub fn store_directly(contract: &AccountId, key: &[u8], value: &[u8]) {
	crate::ContractInfoOf::<Test>::mutate(contract, |info| {
		let info = info.as_mut().expect("contract exists");
		crate::storage::ContractTrie::new(&info.trie_id).write(key, value);
		info.longest_value = info.longest_value.max(value.len() as u32);
	});
}

/// The error of a failed dispatch.
pub fn error_of(result: Result<PostDispatchInfo, DispatchErrorWithPostInfo>) -> DispatchError {
	result.expect_err("the call fails").error
}

/// Sets the pallet parameters directly.
pub fn set_params(change: impl FnOnce(&mut Params)) {
	Parameters::<Test>::mutate(change);
}

/// Balance of `who`.
pub fn balance(who: &AccountId) -> BalanceOf<Test> {
	Balances::free_balance(who)
}

/// Events of this pallet deposited so far, oldest first.
pub fn contract_events() -> Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Contracts(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// Checks that `call` fails with `expected` and leaves storage exactly as it was.
pub fn assert_refused_unchanged<R: core::fmt::Debug>(
	call: impl FnOnce() -> Result<R, DispatchErrorWithPostInfo>,
	expected: impl Into<DispatchError>,
) {
	let root_before = sp_io::storage::root(sp_runtime::StateVersion::V1);
	let result = call().map_err(|failure| failure.error);
	assert_eq!(result.err(), Some(expected.into()));
	assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root_before, "storage changed");
}
