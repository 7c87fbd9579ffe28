//! Writes `contracts/build/<name>.metadata.json` for the example contracts, next to the modules
//! `contracts/build.sh` builds: each entry point's kind, name and the type ids of its message,
//! output and error, with the registry of those types (`e2e/lib/typed-contract.js` reads it).

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
	let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../build");
	std::fs::create_dir_all(&out)?;
	for (name, metadata) in [("counter", counter::metadata()), ("token", token::metadata()), ("factory", factory::metadata())] {
		let path = out.join(format!("{name}.metadata.json"));
		std::fs::write(&path, serde_json::to_string_pretty(&metadata)?)?;
		println!("{}: {} entry points", path.display(), metadata.entry_points.len());
	}
	Ok(())
}
