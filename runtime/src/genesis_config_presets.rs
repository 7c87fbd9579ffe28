//! Genesis presets: `development` (one collator, Alice) and `local_testnet` (Alice and Bob
//! collate). Both fund the well-known dev accounts Alice..Ferdie, make Alice the sudo key and
//! start the contracts pallet with `Params::default()`.

use alloc::{vec, vec::Vec};
use cumulus_primitives_core::ParaId;
use frame_support::build_struct_json_patch;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

use crate::{
	AccountId, AuraConfig, AuraId, Balance, BalancesConfig, ParachainInfoConfig,
	RuntimeGenesisConfig, SudoConfig, UNIT,
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
	#[cfg_attr(feature = "without-contracts", allow(unused_mut))]
	let mut patch = build_struct_json_patch!(RuntimeGenesisConfig {
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
	});
	#[cfg(not(feature = "without-contracts"))]
	if let serde_json::Value::Object(fields) = &mut patch {
		let contracts = crate::WasmContractsConfig {
			params: wasm_contracts_primitives::Params::default(),
			..Default::default()
		};
		fields.insert("wasmContracts".into(), serde_json::json!(contracts));
	}
	patch
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

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::genesis_builder_helper::build_state;
	use serde_json::Value;
	use wasm_contracts_primitives::Params;

	/// Applies `patch` to `base` the way the node does when it builds a chain spec.
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) =>
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				},
			(base, patch) => *base = patch,
		}
	}

	#[test]
	fn every_preset_builds_a_genesis_state() {
		for name in preset_names() {
			let patch = get_preset(&name).unwrap_or_else(|| panic!("preset {name} is missing"));
			let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
				.expect("the default genesis config serializes");
			merge(&mut config, serde_json::from_slice(&patch).expect("presets are JSON"));
			let config = serde_json::to_vec(&config).expect("JSON serializes");
			sp_io::TestExternalities::default().execute_with(|| {
				build_state::<RuntimeGenesisConfig>(config)
					.unwrap_or_else(|error| panic!("preset {name}: {error}"));
				assert_eq!(
					pallet_wasm_contracts::Parameters::<crate::Runtime>::get(),
					Params::default()
				);
			});
		}
	}

	#[test]
	fn unknown_preset_is_refused() {
		assert!(get_preset(&PresetId::from("mainnet")).is_none());
	}
}
