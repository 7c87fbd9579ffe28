//! Genesis presets: `development` (one collator, Alice) and `local_testnet` (Alice and Bob
//! collate). Both fund the well-known dev accounts Alice..Ferdie, make Alice the sudo key and
//! start the contracts pallet with `Params::default()`.

use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;
use wasm_contracts_primitives::Params;

use crate::{
	AccountId, AuraConfig, AuraId, Balance, BalancesConfig, ParachainInfoConfig,
	RuntimeGenesisConfig, SudoConfig, WasmContractsConfig, UNIT,
};

/// Para id of both presets (the first id free for user parachains on a local relay chain).
pub const PARACHAIN_ID: u32 = 1000;

/// Name of the single-node development preset.
pub const DEVELOPMENT_PRESET: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;

/// Name of the local test network preset.
pub const LOCAL_TESTNET_PRESET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;

/// Balance of every funded dev account: enough for any test, far from overflowing.
pub const DEV_ACCOUNT_BALANCE: Balance = 1_000_000_000 * UNIT;

/// The dev accounts funded at genesis.
pub const FUNDED_DEV_ACCOUNTS: [Sr25519Keyring; 6] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
];

fn genesis(collators: Vec<AuraId>, funded: Vec<AccountId>, sudo: AccountId) -> serde_json::Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: funded
				.into_iter()
				.map(|account| (account, DEV_ACCOUNT_BALANCE))
				.chain(core::iter::once((
					<crate::configs::DeployFeeDestination as frame_support::traits::Get<AccountId>>::get(),
					crate::EXISTENTIAL_DEPOSIT,
				)))
				.collect(),
		},
		parachain_info: ParachainInfoConfig { parachain_id: ParaId::from(PARACHAIN_ID) },
		aura: AuraConfig { authorities: collators },
		sudo: SudoConfig { key: Some(sudo) },
		wasm_contracts: WasmContractsConfig { params: Params::default() },
	})
}

fn funded_dev_accounts() -> Vec<AccountId> {
	FUNDED_DEV_ACCOUNTS.iter().map(|key| key.to_account_id()).collect()
}

fn development() -> serde_json::Value {
	genesis(
		vec![Sr25519Keyring::Alice.public().into()],
		funded_dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

fn local_testnet() -> serde_json::Value {
	genesis(
		vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()],
		funded_dev_accounts(),
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON patch of the preset `id`, or `None` for an unknown preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEVELOPMENT_PRESET => development(),
		LOCAL_TESTNET_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// Names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEVELOPMENT_PRESET), PresetId::from(LOCAL_TESTNET_PRESET)]
}
