//! The pallets `benchmark pallet` measures, and the runtime side of the `Benchmark` API.

use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkError, BenchmarkList};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};

use crate::{AllPalletsWithSystem, ParachainSystem, Runtime, System};

type SystemBench = frame_system_benchmarking::Pallet<Runtime>;
type SystemExtensionsBench = frame_system_benchmarking::extensions::Pallet<Runtime>;

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench]
	[frame_system_extensions, SystemExtensionsBench]
	[cumulus_pallet_parachain_system, ParachainSystem]
	[cumulus_pallet_weight_reclaim, crate::WeightReclaim]
	[pallet_timestamp, crate::Timestamp]
	[pallet_balances, crate::Balances]
	[pallet_sudo, crate::Sudo]
	[pallet_wasm_contracts, crate::WasmContracts]
);

impl frame_system_benchmarking::Config for Runtime {
	// A parachain stores new code through parachain-system, which needs its validation data.
	fn setup_set_code_requirements(code: &Vec<u8>) -> Result<(), BenchmarkError> {
		ParachainSystem::initialize_for_set_code_benchmark(code.len() as u32);
		Ok(())
	}

	fn verify_set_code() {
		System::assert_last_event(
			cumulus_pallet_parachain_system::Event::<Runtime>::ValidationFunctionStored.into(),
		);
	}
}

pub fn benchmark_metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	(list, AllPalletsWithSystem::storage_info())
}

pub fn dispatch_benchmark(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}
