//! `wasm-contracts-node`: a parachain node for the wasm-contracts runtime.
//!
//! Everything except the built-in chain specs comes from `polkadot-omni-node-lib`: `--dev`
//! runs the chain alone with manual sealing, and given a relay chain (arguments after `--`)
//! the same binary runs as an Aura collator.

mod chain_spec;

use polkadot_omni_node_lib::{run, runtime::DefaultRuntimeResolver, CliConfig, RunConfig};

struct NodeCli;

impl CliConfig for NodeCli {
	fn impl_version() -> String {
		env!("CARGO_PKG_VERSION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		format!("{}/issues", env!("CARGO_PKG_REPOSITORY"))
	}

	fn copyright_start_year() -> u16 {
		2026
	}
}

fn main() {
	let config =
		RunConfig::new(Box::new(DefaultRuntimeResolver), Box::new(chain_spec::BuiltInChainSpecs));
	if let Err(error) = run::<NodeCli>(config) {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
