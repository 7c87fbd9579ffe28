//! The PVF worker that compiles parachain validation code, started by `polkadot`.

polkadot_node_core_pvf_common::decl_worker_main!(
	"prepare-worker",
	polkadot_node_core_pvf_prepare_worker::worker_entrypoint,
	polkadot_cli::NODE_VERSION,
	env!("CARGO_PKG_VERSION"),
);
