//! Checks this runtime's upgrade against the state of a live chain, as `try-runtime
//! on-runtime-upgrade` does: downloads the state of the chain's finalized block (with every
//! child trie), runs the runtime's single-block migrations with their pre- and post-upgrade
//! checks, decodes the whole state and runs every pallet's `try_state`, checks that those
//! migrations fit in one block, then steps the multi-block migrations block by block until they
//! end (with their own pre- and post-upgrade checks) and runs `try_state` again.
//!
//! Usage: `try-upgrade <ws://host:port>`. Exits with 1 when a check fails.

use std::process::ExitCode;

use frame_remote_externalities::{Builder, Mode, OnlineConfig};
use frame_support::{
	migrations::MultiStepMigrator,
	traits::{GetStorageVersion, TryState},
};
use frame_try_runtime::{TryStateSelect, UpgradeCheckSelect};
use wasm_contracts_runtime::{
	configs::RuntimeBlockWeights, AllPalletsWithSystem, Block, Executive, MultiBlockMigrations, Runtime, System,
	WasmContracts, VERSION,
};

/// More blocks than any migration of this runtime takes on a test chain.
const MAX_MIGRATION_BLOCKS: u32 = 10_000;

#[tokio::main]
async fn main() -> ExitCode {
	sp_tracing::try_init_simple();
	let Some(uri) = std::env::args().nth(1) else {
		eprintln!("usage: try-upgrade <ws://host:port>");
		return ExitCode::FAILURE;
	};
	match check_upgrade(uri).await {
		Ok(()) => ExitCode::SUCCESS,
		Err(reason) => {
			eprintln!("try-upgrade: {reason}");
			ExitCode::FAILURE
		},
	}
}

async fn check_upgrade(uri: String) -> Result<(), String> {
	let config = OnlineConfig { transport_uris: vec![uri.clone()], child_trie: true, ..Default::default() };
	let mut state = Builder::<Block>::new()
		.mode(Mode::Online(config))
		.build()
		.await
		.map_err(|error| format!("reading the state of {uri}: {error}"))?;
	state.execute_with(|| {
		let live_spec = frame_system::LastRuntimeUpgrade::<Runtime>::get()
			.map(|upgrade| format!("{} {}", upgrade.spec_name, u32::from(upgrade.spec_version)))
			.unwrap_or_else(|| "unknown".into());
		let version_before = WasmContracts::on_chain_storage_version();
		let weight = Executive::try_runtime_upgrade(UpgradeCheckSelect::All)
			.map_err(|error| format!("the upgrade's checks failed: {error:?}"))?;
		let max_block = RuntimeBlockWeights::get().max_block;
		if !weight.all_lte(max_block) {
			return Err(format!("the single-block migrations weigh {weight}, more than a block ({max_block})"));
		}
		let blocks = run_multi_block_migrations()?;
		let version_after = WasmContracts::on_chain_storage_version();
		println!(
			"try-upgrade: {live_spec} -> {} {}: migrations and checks passed; contracts storage \
			 version {version_before:?} -> {version_after:?}; single-block migrations {weight}, \
			 multi-block migrations {blocks} block(s)",
			VERSION.spec_name, VERSION.spec_version,
		);
		if version_after != WasmContracts::in_code_storage_version() {
			return Err(format!(
				"the contracts pallet is at storage version {version_after:?} after the upgrade, \
				 its code at {:?}",
				WasmContracts::in_code_storage_version()
			));
		}
		Ok(())
	})
}

/// Steps the multi-block migrations as the blocks after the upgrade do, then checks every
/// pallet's invariants. Returns the number of blocks they took.
fn run_multi_block_migrations() -> Result<u32, String> {
	let mut blocks = 0;
	while MultiBlockMigrations::ongoing() {
		if blocks == MAX_MIGRATION_BLOCKS {
			return Err(format!("the multi-block migrations did not end within {MAX_MIGRATION_BLOCKS} blocks"));
		}
		System::set_block_number(System::block_number() + 1);
		MultiBlockMigrations::step();
		blocks += 1;
	}
	AllPalletsWithSystem::try_state(System::block_number(), TryStateSelect::All)
		.map_err(|error| format!("try_state after the multi-block migrations: {error:?}"))?;
	Ok(blocks)
}
