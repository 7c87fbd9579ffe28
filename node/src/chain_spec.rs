//! The chain specs compiled into the node: `dev` and `local`; any other `--chain` value is
//! read as a chain spec file.

use polkadot_omni_node_lib::chain_spec::{
	ChainSpec, DiskChainSpecLoader, Extensions, GenericChainSpec, LoadSpec,
};
use sc_chain_spec::{ChainType, Properties};
use wasm_contracts_runtime::genesis_config_presets::{
	DEVELOPMENT_PRESET, LOCAL_TESTNET_PRESET, PARACHAIN_ID,
};

/// Relay chain named in the chain specs; collators of `local` join a `rococo-local` relay
/// chain (the dev chain runs without one).
const RELAY_CHAIN: &str = "rococo-local";

/// Resolves `--chain` (and `--dev`) to a chain spec.
pub struct BuiltInChainSpecs;

impl LoadSpec for BuiltInChainSpecs {
	fn load_spec(&self, id: &str) -> Result<Box<dyn ChainSpec>, String> {
		Ok(match id {
			"" | "dev" => Box::new(development()?),
			"local" => Box::new(local_testnet()?),
			path => return DiskChainSpecLoader.load_spec(path),
		})
	}
}

fn token_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), wasm_contracts_runtime::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), wasm_contracts_runtime::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), wasm_contracts_runtime::SS58_PREFIX.into());
	properties
}

fn runtime_code() -> Result<&'static [u8], String> {
	wasm_contracts_runtime::WASM_BINARY
		.ok_or_else(|| "the runtime's wasm binary was not built (SKIP_WASM_BUILD?)".to_string())
}

/// Single-node development chain: Alice authors blocks and holds sudo.
pub fn development() -> Result<GenericChainSpec, String> {
	Ok(GenericChainSpec::builder(runtime_code()?, Extensions::new(RELAY_CHAIN.into(), PARACHAIN_ID))
		.with_name("wasm-contracts development")
		.with_id("wasm_contracts_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEVELOPMENT_PRESET)
		.with_properties(token_properties())
		.build())
}

/// Local test network: Alice and Bob collate on a local relay chain.
pub fn local_testnet() -> Result<GenericChainSpec, String> {
	Ok(GenericChainSpec::builder(runtime_code()?, Extensions::new(RELAY_CHAIN.into(), PARACHAIN_ID))
		.with_name("wasm-contracts local testnet")
		.with_id("wasm_contracts_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_PRESET)
		.with_protocol_id("wasm-contracts-local")
		.with_properties(token_properties())
		.build())
}
