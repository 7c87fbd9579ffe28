//! The relay chain's validator node: polkadot's own command line, without native runtimes, so
//! it runs relay chains from a chain spec file.

fn main() {
	if let Err(error) = polkadot_cli::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
