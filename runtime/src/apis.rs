//! The runtime APIs: what the node, polkadot.js and the contract clients call.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;
#[cfg(not(feature = "without-contracts"))]
use wasm_contracts_primitives::{
	CodeHistoryEntry, CodeId, CodeInfo, ContractInfo, ContractResult, ExecReturnValue,
	InstantiateReturnValue, StorageReadError,
};

use crate::{
	genesis_config_presets, AccountId, AuraId, Balance, Block, ConsensusHook, Executive,
	InherentDataExt, Nonce, ParachainSystem, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SessionKeys, System, TransactionPayment, RELAY_PARENT_OFFSET, SLOT_DURATION, VERSION,
};
#[cfg(not(feature = "without-contracts"))]
use crate::{BlockNumber, EventRecord, WasmContracts};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block)
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(SLOT_DURATION)
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(included_hash: <Block as BlockT>::Hash, slot: cumulus_primitives_aura::Slot) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}

	impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
		fn collect_collation_info(header: &<Block as BlockT>::Header) -> cumulus_primitives_core::CollationInfo {
			ParachainSystem::collect_collation_info(header)
		}
	}

	impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
		fn parachain_id() -> cumulus_primitives_core::ParaId {
			parachain_info::Pallet::<Runtime>::parachain_id()
		}
	}

	impl cumulus_primitives_core::RelayParentOffsetApi<Block> for Runtime {
		fn relay_parent_offset() -> u32 {
			RELAY_PARENT_OFFSET
		}

		fn max_claim_queue_offset() -> u8 {
			ParachainSystem::max_claim_queue_offset()
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(not(feature = "without-contracts"))]
	#[api_version(5)]
	impl wasm_contracts_primitives::WasmContractsApi<Block, AccountId, Balance, BlockNumber, EventRecord>
		for Runtime
	{
		fn query(
			contract: AccountId,
			entry_point: Vec<u8>,
			msg: Vec<u8>,
			gas_limit: Option<Weight>,
		) -> ContractResult<ExecReturnValue, Balance, EventRecord> {
			WasmContracts::query(contract, entry_point, msg, gas_limit)
		}

		fn get_storage(contract: AccountId, key: Vec<u8>) -> Result<Option<Vec<u8>>, StorageReadError> {
			WasmContracts::get_storage(contract, key)
		}

		fn code_info(code_id: CodeId) -> Option<CodeInfo<AccountId>> {
			WasmContracts::code_info(code_id)
		}

		fn contract_info(contract: AccountId) -> Option<ContractInfo<AccountId>> {
			WasmContracts::contract_info(contract)
		}

		fn contract_history(contract: AccountId, start: u32, limit: u32) -> Vec<CodeHistoryEntry<BlockNumber>> {
			WasmContracts::contract_history(contract, start, limit)
		}

		fn dry_run_instantiate(
			origin: AccountId,
			code_id: CodeId,
			init_msg: Vec<u8>,
			admin: Option<AccountId>,
			value: Balance,
			gas_limit: Option<Weight>,
			salt: Option<Vec<u8>>,
		) -> ContractResult<InstantiateReturnValue<AccountId>, Balance, EventRecord> {
			WasmContracts::dry_run_instantiate(origin, code_id, init_msg, admin, value, gas_limit, salt)
		}

		fn dry_run_execute(
			origin: AccountId,
			contract: AccountId,
			entry_point: Vec<u8>,
			msg: Vec<u8>,
			value: Balance,
			gas_limit: Option<Weight>,
		) -> ContractResult<ExecReturnValue, Balance, EventRecord> {
			WasmContracts::dry_run_execute(origin, contract, entry_point, msg, value, gas_limit)
		}

		fn dry_run_migrate(
			origin: AccountId,
			contract: AccountId,
			new_code_id: CodeId,
			msg: Vec<u8>,
			gas_limit: Option<Weight>,
		) -> ContractResult<ExecReturnValue, Balance, EventRecord> {
			WasmContracts::dry_run_migrate(origin, contract, new_code_id, msg, gas_limit)
		}

		fn dry_run_deploy(
			origin: AccountId,
			payment: Vec<u8>,
			session: Vec<u8>,
			payment_amount: Balance,
			session_gas_limit: Option<Weight>,
		) -> wasm_contracts_primitives::DeployResult<Balance, EventRecord> {
			WasmContracts::dry_run_deploy(origin, payment, session, payment_amount, session_gas_limit)
		}

		fn get_account_variable(account: AccountId, key: Vec<u8>) -> Result<Option<Vec<u8>>, StorageReadError> {
			WasmContracts::get_account_variable(account, key)
		}
	}

	#[cfg(all(feature = "runtime-benchmarks", not(feature = "without-contracts")))]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			crate::benchmarks::benchmark_metadata(extra)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			crate::benchmarks::dispatch_benchmark(config)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is offline tooling: a failed check aborts it with the reason.
			let weight = Executive::try_runtime_upgrade(checks)
				.expect("runtime upgrade checks failed");
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try_execute_block failed")
		}
	}
}
