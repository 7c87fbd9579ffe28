fn main() {
	#[cfg(feature = "std")]
	{
		// The cargo target directory may live outside the workspace (see scripts/env.sh); point
		// the wasm build at the workspace so that it uses the versions pinned in Cargo.lock.
		if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
			let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
		// The chain before the upgrade that adds the pallet (`without_contracts::WASM_BINARY`).
		// Built first: both builds share one wasm project, and the last one leaves its features
		// there for the next incremental build of the runtime itself.
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("without-contracts")
			.set_file_name("wasm_binary_without_contracts.rs")
			.build();

		#[cfg(not(feature = "metadata-hash"))]
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
		// The token symbol and decimals of the runtime's genesis, which signers display.
		#[cfg(feature = "metadata-hash")]
		substrate_wasm_builder::WasmBuilder::init_with_defaults().enable_metadata_hash("UNIT", 12).build();
	}
}
