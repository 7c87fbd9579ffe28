//! `Config` of every pallet in the runtime, and the block limits they share.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64, ConstU8},
	weights::{
		constants::{BlockExecutionWeight, ExtrinsicBaseWeight, RocksDbWeight},
		ConstantMultiplier, Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use crate::{
	AccountId, Aura, AuraId, Balance, Balances, Block, ConsensusHook, Hash, MultiBlockMigrations, Nonce, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, System, WeightToFee, AVERAGE_ON_INITIALIZE_RATIO, EXISTENTIAL_DEPOSIT,
	MAXIMUM_BLOCK_WEIGHT, MICROUNIT, NORMAL_DISPATCH_RATIO, RELAY_PARENT_OFFSET, SLOT_DURATION,
	SS58_PREFIX, VERSION,
};

/// Largest encoded block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
	pub const SS58Prefix: u16 = SS58_PREFIX;

	/// 5 MiB blocks, 75% of them for normal extrinsics.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();

	/// Normal extrinsics get 75% of [`MAXIMUM_BLOCK_WEIGHT`]; operational ones may use the
	/// rest, and hooks are assumed to take 5%.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(
				MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT
			);
		})
		.avg_block_initialization(AVERAGE_ON_INITIALIZE_RATIO)
		.build_or_panic();
}

#[derive_impl(frame_system::config_preludes::ParaChainDefaultConfig)]
impl frame_system::Config for Runtime {
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type Block = Block;
	/// Block hashes kept for mortal transactions: the longest era polkadot.js uses.
	type BlockHashCount = ConstU32<4096>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type DbWeight = RocksDbWeight;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type SS58Prefix = SS58Prefix;
	/// Runtime upgrades go through the relay chain's validation-code approval.
	type OnSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Self>;
	type MaxConsumers = ConstU32<16>;
	/// Multi-block migrations: while one runs, blocks carry only inherents.
	type MultiBlockMigrator = MultiBlockMigrations;
	type ExtensionsWeightInfo = SystemExtensionWeights;
}

/// `frame_system`'s shipped weights of its transaction extensions, less what a transaction would
/// pay twice: the era check of an immortal transaction reads the genesis block's hash, which
/// `CheckGenesis` has read already (same key, in the overlay and the proof by then).
pub struct SystemExtensionWeights;

impl frame_system::ExtensionsWeightInfo for SystemExtensionWeights {
	fn check_genesis() -> Weight {
		ShippedSystemExtensionWeights::check_genesis()
	}
	fn check_mortality_mortal_transaction() -> Weight {
		ShippedSystemExtensionWeights::check_mortality_mortal_transaction()
	}
	fn check_mortality_immortal_transaction() -> Weight {
		// Its measured proof is that of the hash alone.
		let shipped = ShippedSystemExtensionWeights::check_mortality_immortal_transaction();
		shipped.saturating_sub(<Runtime as frame_system::Config>::DbWeight::get().reads(1)).set_proof_size(0)
	}
	fn check_non_zero_sender() -> Weight {
		ShippedSystemExtensionWeights::check_non_zero_sender()
	}
	fn check_nonce() -> Weight {
		ShippedSystemExtensionWeights::check_nonce()
	}
	fn check_spec_version() -> Weight {
		ShippedSystemExtensionWeights::check_spec_version()
	}
	fn check_tx_version() -> Weight {
		ShippedSystemExtensionWeights::check_tx_version()
	}
	fn check_weight() -> Weight {
		ShippedSystemExtensionWeights::check_weight()
	}
	fn weight_reclaim() -> Weight {
		ShippedSystemExtensionWeights::weight_reclaim()
	}
}

type ShippedSystemExtensionWeights = frame_system::SubstrateExtensionsWeight<Runtime>;

/// `pallet_transaction_payment`'s shipped weight less the read and write of the signer's
/// account: the fee is withdrawn from (and refunded to) the `System::Account` entry that
/// `CheckNonce`, earlier in [`crate::TxExtension`], reads and writes and is charged for, so
/// the entry is in the overlay and the proof by then and reaches the database once.
pub struct TransactionPaymentWeights;

impl pallet_transaction_payment::WeightInfo for TransactionPaymentWeights {
	fn charge_transaction_payment() -> Weight {
		// Its measured proof is that of the account alone.
		let shipped = pallet_transaction_payment::weights::SubstrateWeight::<Runtime>::charge_transaction_payment();
		shipped.saturating_sub(<Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 1)).set_proof_size(0)
	}
}

parameter_types! {
	/// Weight a block gives to multi-block migrations: 90% of it, as blocks carry only
	/// inherents meanwhile. It covers revalidating the largest stored module (a runtime test
	/// checks it), so code revalidation always makes progress.
	pub MigrationServiceWeight: Weight = Perbill::from_percent(90) * RuntimeBlockWeights::get().max_block;
}

/// Runs the runtime's multi-block migrations (`SteppedMigrations`) after an upgrade, within
/// `MigrationServiceWeight` per block.
impl pallet_migrations::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = crate::SteppedMigrations;
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_migrations::mock_helpers::MockedMigrations;
	/// The largest cursor is the contracts pallet's key migration (storage version 4), which
	/// carries the key it moved last: up to 1 KiB and a few dozen bytes (the integrity test
	/// checks it). Identifiers are a few dozen bytes.
	type CursorMaxLen = ConstU32<2048>;
	type IdentifierMaxLen = ConstU32<256>;
	type MigrationStatusHandler = ();
	/// A failed migration leaves state half-migrated: the chain stays in migration mode (no
	/// transactions) rather than run contracts on it. As the parachain then takes no
	/// transactions, a fix comes as new code set by the relay chain (`paras.forceSetCurrentCode`).
	type FailedMigrationHandler = frame_support::migrations::FreezeChainOnFailedMigration;
	type MaxServiceWeight = MigrationServiceWeight;
	type WeightInfo = pallet_migrations::weights::SubstrateWeight<Runtime>;
}

impl cumulus_pallet_weight_reclaim::Config for Runtime {
	type WeightInfo = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Aura checks slots itself; the relay chain paces the blocks.
	type MinimumPeriod = ConstU64<0>;
	type WeightInfo = ();
}

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	/// Dust of reaped accounts is burnt.
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = ConstU32<0>;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// 10 MICROUNIT per byte of transaction.
	pub const TransactionByteFee: Balance = 10 * MICROUNIT;
	/// Fees do not follow congestion: the same call costs the same in every block, which
	/// keeps fees and refunds predictable for contract developers.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burnt.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = WeightToFee;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = TransactionPaymentWeights;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A quarter of the block for messages from the relay chain and from siblings; this
	/// runtime has no XCM, so such messages are dropped but their weight stays reserved.
	pub const ReservedXcmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
	pub const ReservedDmpWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(4);
}

impl cumulus_pallet_parachain_system::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnSystemEvent = ();
	type SelfParaId = parachain_info::Pallet<Runtime>;
	/// No XCM: nothing to send to other parachains and downward messages are discarded.
	type OutboundXcmpMessageSource = ();
	type DmpQueue = ();
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = ();
	type ReservedXcmpWeight = ReservedXcmpWeight;
	type CheckAssociatedRelayNumber = cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type WeightInfo = cumulus_pallet_parachain_system::weights::SubstrateWeight<Runtime>;
	type ConsensusHook = ConsensusHook;
	type RelayParentOffset = ConstU32<RELAY_PARENT_OFFSET>;
	type SchedulingSignatureVerifier = ();
}

impl parachain_info::Config for Runtime {}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<100>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

impl cumulus_pallet_aura_ext::Config for Runtime {}

parameter_types! {
	/// Account that receives deploy payments.
	pub DeployFeeDestination: AccountId =
		sp_runtime::traits::AccountIdConversion::into_account_truncating(&frame_support::PalletId(*b"py/trsry"));
}

/// The contracts pallet; left out of the `without-contracts` build, the chain before the upgrade
/// that adds it.
#[cfg(not(feature = "without-contracts"))]
mod contracts {
	use frame_support::{
		parameter_types,
		traits::{ConstU128, ConstU32},
		weights::{Weight, WeightToFee as _},
	};

	use super::DeployFeeDestination;
	use crate::{AccountId, Balance, Balances, Runtime, RuntimeHoldReason, WeightToFee, MICROUNIT, MILLIUNIT};

	/// Contracts: anyone may upload code and deploy; limits live in the pallet's `Params`
	/// (genesis preset, changed by root).
	impl pallet_wasm_contracts::Config for Runtime {
		/// Contracts are accounts holding the native token; `value` moves it, and storage
		/// deposits are held in it.
		type Currency = Balances;
		type RuntimeHoldReason = RuntimeHoldReason;
		/// Each stored item (code id, module, contract, history entry, storage key, account
		/// variable) holds 10 MILLIUNIT, ten existential deposits: the trie nodes and the
		/// lookups every item costs each collator for as long as it is kept.
		type DepositPerItem = ConstU128<{ 10 * MILLIUNIT }>;
		/// Each stored byte holds 100 MICROUNIT, ten times the length fee of a byte that is
		/// only carried in a block: a MiB of code or storage holds about 105 UNIT.
		type DepositPerByte = ConstU128<{ 100 * MICROUNIT }>;
		/// `get_block_timestamp` returns the block's timestamp in milliseconds.
		type Time = crate::Timestamp;
		/// Any signed account may upload code: its size is bounded by `max_contract_size` and the
		/// uploader pays for it through the weight fee.
		type UploadOrigin = frame_system::EnsureSigned<AccountId>;
		/// Parameters change only through root (sudo on the dev and test chains).
		type ParamsOrigin = frame_system::EnsureRoot<AccountId>;
		/// Deploy payments go to the treasury account, funded at genesis so that it exists.
		type FeeDestination = DeployFeeDestination;
		/// Deploys pay for weight and inclusion what a transaction fee charges for them.
		type WeightPrice = pallet_wasm_contracts::LinearWeightPrice<RefTimePrice, ProofSizePrice>;
		type InclusionFee = DeployInclusionFee;
		/// One call may emit 1 MiB of contract events.
		type MaxEventBytesPerCall = ConstU32<{ 1024 * 1024 }>;
		/// A block holds at most 4 MiB of contract events: what every node, and every relay-chain
		/// validator re-executing the block, keeps in memory for them stays small next to the
		/// runtime's heap and the 5 MiB proof budget.
		type MaxEventBytesPerBlock = ConstU32<{ 4 * 1024 * 1024 }>;
		type WeightInfo = pallet_wasm_contracts::weights::SubstrateWeight<Runtime>;
	}

	parameter_types! {
		/// What the transaction fee charges for a microsecond of ref_time alone.
		pub RefTimePrice: Balance = WeightToFee::weight_to_fee(&Weight::from_parts(1_000_000, 0));
		/// What the transaction fee charges for 1,000,000 bytes of proof alone.
		pub ProofSizePrice: Balance = WeightToFee::weight_to_fee(&Weight::from_parts(0, 1_000_000));
	}

	/// The base fee and length fee of a signed extrinsic of `len` bytes, as the transaction
	/// fee computes them (the fee multiplier of this runtime is constant).
	pub struct DeployInclusionFee;

	impl sp_runtime::traits::Convert<u32, Balance> for DeployInclusionFee {
		fn convert(len: u32) -> Balance {
			let info = frame_support::dispatch::DispatchInfo::default();
			pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &info, 0)
		}
	}
}
