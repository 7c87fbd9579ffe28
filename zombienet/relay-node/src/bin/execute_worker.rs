//! The PVF worker that runs parachain validation code, started by `polkadot`.

polkadot_node_core_pvf_common::decl_worker_main!(
	"execute-worker",
	polkadot_node_core_pvf_execute_worker::worker_entrypoint,
	polkadot_cli::NODE_VERSION,
	env!("CARGO_PKG_VERSION"),
);
