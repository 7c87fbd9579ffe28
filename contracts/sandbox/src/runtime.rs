//! The mock runtime the sandbox runs contracts in: the pallet with the parachain runtime's
//! prices (existential deposit, storage deposits, weights with RocksDB's database costs) and
//! its default parameters.

use frame_support::{derive_impl, parameter_types, weights::constants::RocksDbWeight};
use sp_runtime::AccountId32;

pub type AccountId = AccountId32;
pub type Balance = u128;

/// One unit of the currency, as on the parachain: 10^12.
pub const UNIT: Balance = 1_000_000_000_000;
/// The existential deposit, as on the parachain.
pub const EXISTENTIAL_DEPOSIT: Balance = UNIT / 1_000;

type Block = frame_system::mocking::MockBlock<Runtime>;

frame_support::construct_runtime!(
	pub enum Runtime {
		System: frame_system,
		Balances: pallet_balances,
		Timestamp: pallet_timestamp,
		Contracts: pallet_wasm_contracts,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
	type DbWeight = RocksDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Runtime {}

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
	pub const FeeDestination: AccountId = AccountId32::new([0xee; 32]);
	/// About the parachain's price of a microsecond of ref_time and of 10^6 bytes of proof.
	pub const RefTimePrice: Balance = 925_000;
	pub const ProofSizePrice: Balance = 352_000_000;
	pub const DepositPerItem: Balance = UNIT / 100;
	pub const DepositPerByte: Balance = UNIT / 10_000;
}

/// The parachain's base fee and length fee.
pub struct InclusionFee;

impl sp_runtime::traits::Convert<u32, Balance> for InclusionFee {
	fn convert(len: u32) -> Balance {
		UNIT / 10_000 + Balance::from(len) * 10_000_000
	}
}

#[derive_impl(pallet_wasm_contracts::config_preludes::TestDefaultConfig)]
impl pallet_wasm_contracts::Config for Runtime {
	type Currency = Balances;
	type DepositPerItem = DepositPerItem;
	type DepositPerByte = DepositPerByte;
	type Time = Timestamp;
	type UploadOrigin = frame_system::EnsureSigned<AccountId>;
	type ParamsOrigin = frame_system::EnsureRoot<AccountId>;
	type FeeDestination = FeeDestination;
	type WeightPrice = pallet_wasm_contracts::LinearWeightPrice<RefTimePrice, ProofSizePrice>;
	type InclusionFee = InclusionFee;
	type WeightInfo = pallet_wasm_contracts::weights::SubstrateWeight<Runtime>;
}
