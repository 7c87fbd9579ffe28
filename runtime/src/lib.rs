//! The wasm-contracts parachain runtime.
//!
//! A cumulus parachain runtime with Aura block authoring that hosts `pallet-wasm-contracts`
//! next to balances, weight-based transaction fees, sudo and storage weight reclaim.
//!
//! - [`configs`]: the `Config` of every pallet and the block limits.
//! - [`apis`]: the runtime APIs the node and clients call.
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis presets.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` expands deeply.
#![recursion_limit = "256"]

extern crate alloc;

// The wasm blob built by substrate-wasm-builder (`WASM_BINARY`, `WASM_BINARY_BLOATY`).
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The runtime's wasm as it was before the contracts pallet was added (the `without-contracts`
/// build, `spec_version` 1): the starting point of the upgrade that adds the pallet.
#[cfg(feature = "std")]
pub mod without_contracts {
	include!(concat!(env!("OUT_DIR"), "/wasm_binary_without_contracts.rs"));
}

pub mod apis;
// The chain without the pallet is only the starting point of the upgrade test: no benchmarks.
#[cfg(all(feature = "runtime-benchmarks", not(feature = "without-contracts")))]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;

// `impl_opaque_keys!` and `construct_runtime!` expand to code naming `Vec`.
use alloc::vec::Vec;
use frame_support::{
	construct_runtime,
	weights::{
		constants::WEIGHT_REF_TIME_PER_SECOND, Weight, WeightToFeeCoefficient,
		WeightToFeeCoefficients, WeightToFeePolynomial,
	},
};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature, Perbill,
};
use sp_version::RuntimeVersion;

pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// Signature of transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// Accounts are the 32-byte public keys of [`Signature`]; contracts use the same type.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Balance of an account, in plancks (10^-12 UNIT).
pub type Balance = u128;

/// Transaction counter of an account.
pub type Nonce = u32;

/// Block and trie hash.
pub type Hash = sp_core::H256;

/// Block height; polkadot-omni-node-lib supports `u32`.
pub type BlockNumber = u32;

/// How transactions name accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// Checks and payment applied to every signed transaction. `StorageWeightReclaim` wraps the
/// checks so that, after dispatch, proof size charged above what the node really recorded is
/// given back to the block; `ChargeTransactionPayment` comes after it, so that the fee it settles
/// after dispatch is that of the weight with the proof size reclaimed.
pub type TxExtension = (
	cumulus_pallet_weight_reclaim::StorageWeightReclaim<
		Runtime,
		(
			frame_system::CheckNonZeroSender<Runtime>,
			frame_system::CheckSpecVersion<Runtime>,
			frame_system::CheckTxVersion<Runtime>,
			frame_system::CheckGenesis<Runtime>,
			frame_system::CheckEra<Runtime>,
			frame_system::CheckNonce<Runtime>,
			frame_system::CheckWeight<Runtime>,
			frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
		),
	>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
);

/// Extrinsic as it travels in blocks.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// An event with its phase and topics, as the contracts API reports it.
pub type EventRecord = frame_system::EventRecord<RuntimeEvent, Hash>;

/// Single-block storage migrations run by the next runtime upgrade, oldest first; each runs
/// once, guarded by its pallet's storage version. `v0::Initialize` sets up the pallet on a chain
/// that adds it by this upgrade (docs/runtime.md, "Adding the pallet to a live parachain").
#[cfg(not(feature = "without-contracts"))]
pub type Migrations =
	(pallet_wasm_contracts::migrations::v0::Initialize<Runtime, ContractParamsOnUpgrade>,);

/// Multi-block migrations, run by `pallet_migrations` after the single-block ones, a step per
/// block: those whose data has no bound, such as revalidating every stored module.
#[cfg(not(feature = "without-contracts"))]
pub type SteppedMigrations = (
	pallet_wasm_contracts::migrations::v3::Migrate<Runtime>,
	pallet_wasm_contracts::migrations::v4::Migrate<Runtime>,
	pallet_wasm_contracts::migrations::v5::Migrate<Runtime>,
	pallet_wasm_contracts::migrations::v6::Migrate<Runtime>,
	pallet_wasm_contracts::migrations::v7::Migrate<Runtime>,
);

/// The chain before the pallet is added has nothing to migrate.
#[cfg(feature = "without-contracts")]
pub type Migrations = ();

/// The chain before the pallet is added has nothing to migrate.
#[cfg(feature = "without-contracts")]
pub type SteppedMigrations = ();

#[cfg(not(feature = "without-contracts"))]
frame_support::parameter_types! {
	/// The contract parameters a chain that adds the pallet by a runtime upgrade starts with:
	/// those of this runtime's genesis presets.
	pub ContractParamsOnUpgrade: wasm_contracts_primitives::Params = wasm_contracts_primitives::Params::default();
}

/// Dispatches extrinsics to the pallets and runs their hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Types the node uses without knowing the runtime's call and extension types.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
	/// Block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Block with opaque extrinsics.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// Keys a collator registers: only its Aura key.
	pub struct SessionKeys {
		pub aura: Aura,
	}
}

#[cfg(not(feature = "without-contracts"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("wasm-contracts"),
	impl_name: alloc::borrow::Cow::Borrowed("wasm-contracts"),
	authoring_version: 1,
	spec_version: 8,
	impl_version: 0,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// The same chain before the contracts pallet is added: its `spec_version` is below the full
/// runtime's, so that the upgrade to it is accepted.
#[cfg(feature = "without-contracts")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("wasm-contracts"),
	impl_name: alloc::borrow::Cow::Borrowed("wasm-contracts"),
	authoring_version: 1,
	spec_version: 1,
	impl_version: 0,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// Target block time. Aura slots have this length; it cannot change once the chain runs.
pub const MILLISECS_PER_BLOCK: u64 = 6000;
/// Aura slot length.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// One token: 12 decimals, like the relay chains.
pub const UNIT: Balance = 1_000_000_000_000;
/// 10^-3 UNIT.
pub const MILLIUNIT: Balance = 1_000_000_000;
/// 10^-6 UNIT.
pub const MICROUNIT: Balance = 1_000_000;

/// Token symbol shown by wallets (chain spec property).
pub const TOKEN_SYMBOL: &str = "UNIT";
/// Token decimals shown by wallets (chain spec property).
pub const TOKEN_DECIMALS: u32 = 12;
/// Generic substrate address format.
pub const SS58_PREFIX: u16 = 42;

/// Smallest balance an account may hold; below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLIUNIT;

/// Share of block weight reserved for `on_initialize` hooks, so extrinsics cannot fill it.
const AVERAGE_ON_INITIALIZE_RATIO: Perbill = Perbill::from_percent(5);

/// Normal extrinsics may fill 75% of a block; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Proof size budget of a block (the PoV the relay chain accepts by default).
pub const MAX_BLOCK_PROOF_SIZE: u64 = 5 * 1024 * 1024;

/// 2 s of execution per 6 s block (asynchronous backing) and 5 MiB of proof.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), MAX_BLOCK_PROOF_SIZE);

/// Most parachain blocks built on top of the last included one (asynchronous backing).
const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
/// Parachain blocks per relay chain block.
const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// Relay chain slot length in milliseconds.
const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
/// Collators build on the newest relay block (no relay parent offset).
const RELAY_PARENT_OFFSET: u32 = 0;

/// Checks Aura slots against relay chain progress and bounds the unincluded segment.
type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

/// Fee for weight, by whichever of its two dimensions takes the larger share of a block:
///
/// `fee(w) = c * max(ref_time(w), proof_size(w) * MAXIMUM_BLOCK_WEIGHT.ref_time / MAX_BLOCK_PROOF_SIZE)`
///
/// with `c` such that the base weight of an extrinsic costs 0.1 MILLIUNIT. A block's whole
/// proof budget (5 MiB) then costs what its whole compute (2 s, about 2.7 UNIT) does, so neither
/// can be filled more cheaply than the other. Gas a contract call does not use is refunded with
/// the weight it gives back.
pub struct WeightToFee;

impl frame_support::weights::WeightToFee for WeightToFee {
	type Balance = Balance;

	fn weight_to_fee(weight: &Weight) -> Balance {
		let proof_as_ref_time = u128::from(weight.proof_size())
			.saturating_mul(u128::from(MAXIMUM_BLOCK_WEIGHT.ref_time()))
			.div_ceil(u128::from(MAXIMUM_BLOCK_WEIGHT.proof_size()));
		let ref_time = u128::from(weight.ref_time()).max(proof_as_ref_time);
		let ref_time = Weight::from_parts(u64::try_from(ref_time).unwrap_or(u64::MAX), 0);
		<RefTimeToFee as frame_support::weights::WeightToFee>::weight_to_fee(&ref_time)
	}
}

/// The fee of ref_time: the base weight of an extrinsic costs 0.1 MILLIUNIT.
pub struct RefTimeToFee;

impl WeightToFeePolynomial for RefTimeToFee {
	type Balance = Balance;

	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let base_fee = MILLIUNIT / 10;
		let base_weight =
			Balance::from(frame_support::weights::constants::ExtrinsicBaseWeight::get().ref_time());
		smallvec::smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(base_fee % base_weight, base_weight),
			coeff_integer: base_fee / base_weight,
		}]
	}
}

construct_runtime!(
	pub enum Runtime {
		// System and parachain support.
		System: frame_system = 0,
		ParachainSystem: cumulus_pallet_parachain_system = 1,
		Timestamp: pallet_timestamp = 2,
		ParachainInfo: parachain_info = 3,
		WeightReclaim: cumulus_pallet_weight_reclaim = 4,
		MultiBlockMigrations: pallet_migrations = 5,

		// Money.
		Balances: pallet_balances = 10,
		TransactionPayment: pallet_transaction_payment = 11,

		// Governance of the dev and test chains.
		Sudo: pallet_sudo = 15,

		// Block authoring.
		Aura: pallet_aura = 23,
		AuraExt: cumulus_pallet_aura_ext = 24,

		// Contracts.
		#[cfg(not(feature = "without-contracts"))]
		WasmContracts: pallet_wasm_contracts = 50,
	}
);

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_block_of_proof_costs_what_a_block_of_compute_does() {
		use frame_support::weights::WeightToFee as _;
		let compute = WeightToFee::weight_to_fee(&Weight::from_parts(MAXIMUM_BLOCK_WEIGHT.ref_time(), 0));
		let proof = WeightToFee::weight_to_fee(&Weight::from_parts(0, MAXIMUM_BLOCK_WEIGHT.proof_size()));
		assert_eq!(proof, compute);
		// docs/runtime.md states it: about 1.85 UNIT.
		assert!(compute > 18 * UNIT / 10 && compute < 19 * UNIT / 10, "a block of compute costs {compute}");
		// A weight pays for its costlier dimension only.
		let both = WeightToFee::weight_to_fee(&MAXIMUM_BLOCK_WEIGHT);
		assert_eq!(both, compute);
		let half_proof = Weight::from_parts(MAXIMUM_BLOCK_WEIGHT.ref_time() / 4, MAXIMUM_BLOCK_WEIGHT.proof_size() / 2);
		assert_eq!(WeightToFee::weight_to_fee(&half_proof), compute / 2);
	}

	#[test]
	fn a_block_of_migrations_has_room_for_the_largest_step_of_each_migration() {
		use pallet_wasm_contracts::migrations::{v3, v4, v5, v6, v7};
		let service = configs::MigrationServiceWeight::get();
		let per_module = v3::Migrate::<Runtime>::max_module_weight();
		assert!(per_module.all_lte(service), "{per_module} does not fit in {service}");
		let per_item = v4::Migrate::<Runtime>::max_item_weight();
		assert!(per_item.all_lte(service), "{per_item} does not fit in {service}");
		let per_record = v5::Migrate::<Runtime>::max_item_weight();
		assert!(per_record.all_lte(service), "{per_record} does not fit in {service}");
		let per_code_id = v6::Migrate::<Runtime>::max_item_weight();
		assert!(per_code_id.all_lte(service), "{per_code_id} does not fit in {service}");
		let per_pricing = v7::Migrate::<Runtime>::max_item_weight();
		assert!(per_pricing.all_lte(service), "{per_pricing} does not fit in {service}");
	}

	#[test]
	fn metadata_is_offered_up_to_v16_and_names_the_metadata_hash_extension() {
		// Some pallets read storage to describe their constants.
		sp_io::TestExternalities::default().execute_with(|| {
			assert!(Runtime::metadata_versions().contains(&16));
			assert!(Runtime::metadata_at_version(16).is_some());
			let ir = Runtime::metadata_ir();
			let extensions: Vec<_> =
				ir.extrinsic.extensions_in_versions.iter().map(|extension| extension.identifier).collect();
			assert!(extensions.contains(&"CheckMetadataHash"), "{extensions:?}");
		});
	}

	#[test]
	fn a_signed_transaction_pays_once_for_the_signers_account_and_the_genesis_hash() {
		use frame_system::ExtensionsWeightInfo as _;
		use pallet_transaction_payment::WeightInfo as _;
		type Shipped = frame_system::SubstrateExtensionsWeight<Runtime>;
		type ShippedPayment = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		// The premise: the checks that read the genesis hash and the signer's account run before
		// the fee is charged.
		sp_io::TestExternalities::default().execute_with(|| {
			let ir = Runtime::metadata_ir();
			let extensions: Vec<_> =
				ir.extrinsic.extensions_in_versions.iter().map(|extension| extension.identifier).collect();
			let at = |name: &str| extensions.iter().position(|known| *known == name).expect(name);
			assert!(at("CheckGenesis") < at("CheckMortality"), "{extensions:?}");
			assert!(at("CheckNonce") < at("ChargeTransactionPayment"), "{extensions:?}");
		});
		// `CheckNonce` pays for the account's read and write; the fee comes out of the entry it
		// left in the overlay.
		let nonce = configs::SystemExtensionWeights::check_nonce();
		assert_eq!(nonce, Shipped::check_nonce());
		assert!(nonce.ref_time() > db.reads_writes(1, 1).ref_time());
		let payment = configs::TransactionPaymentWeights::charge_transaction_payment();
		let shipped_payment = ShippedPayment::charge_transaction_payment();
		assert_eq!(payment.ref_time() + db.reads_writes(1, 1).ref_time(), shipped_payment.ref_time());
		assert_eq!(payment.proof_size(), 0);
		// `CheckGenesis` pays for the genesis hash; an immortal era check reads it again.
		assert_eq!(configs::SystemExtensionWeights::check_genesis(), Shipped::check_genesis());
		let immortal = configs::SystemExtensionWeights::check_mortality_immortal_transaction();
		assert_eq!(immortal.ref_time() + db.reads(1).ref_time(), Shipped::check_mortality_immortal_transaction().ref_time());
		let mortal = configs::SystemExtensionWeights::check_mortality_mortal_transaction();
		assert_eq!(mortal, Shipped::check_mortality_mortal_transaction(), "a mortal era reads another block's hash");
	}
}
