//! `cargo wasm-contracts`: contract authors' tool, from a new crate to a contract on a chain.
//!
//! Results go to standard output (JSON with `--output-json`), progress to standard error; every
//! kind of failure exits with a code of its own (`error::Kind`).

mod abi;
mod error;
mod project;

use abi::Metadata;
use clap::{Args, Parser, Subcommand};
use error::{Failure, Kind, Outcome};
use serde_json::json;
use std::{path::PathBuf, process::ExitCode};

/// Contract authors' tool for the wasm-contracts pallet.
#[derive(Parser)]
#[command(name = "cargo wasm-contracts", version, about)]
struct Cli {
	/// Print the result as JSON on standard output (progress stays on standard error).
	#[arg(long, global = true)]
	output_json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Write a new contract crate (a counter with an event and its sandbox test).
	New {
		/// The crate's name.
		name: String,
		/// The folder to write it in (default: ./<name>).
		#[arg(long)]
		path: Option<PathBuf>,
		/// Depend on the SDK in this folder (this repository's `contracts`; the default is the one
		/// this tool was built from).
		#[arg(long, conflicts_with = "sdk_git")]
		sdk_path: Option<PathBuf>,
		/// Depend on the SDK in this git repository.
		#[arg(long)]
		sdk_git: Option<String>,
		/// The revision of `--sdk-git`.
		#[arg(long, requires = "sdk_git")]
		sdk_rev: Option<String>,
	},
	/// Build the contract for the chain (wasm32, optimised) and write its metadata next to it.
	Build {
		#[command(flatten)]
		project: ProjectArgs,
		/// Where to put the module and metadata (default: <target dir>/wasm-contracts).
		#[arg(long)]
		output_dir: Option<PathBuf>,
		/// The cargo target directory of the wasm32 build (default: <target dir>/wasm-contracts/wasm32).
		#[arg(long)]
		target_dir: Option<PathBuf>,
		/// Refuse to change Cargo.lock.
		#[arg(long)]
		locked: bool,
	},
	/// SCALE-encode an entry point's message from its arguments.
	Encode {
		#[command(flatten)]
		contract: ContractArgs,
		/// The entry point (`instantiate` and `migrate` for the life-cycle exports).
		entry_point: String,
		/// The message: one value, or the fields of a tuple or struct in order (scale-value syntax:
		/// `{ to: 0x…, amount: 5 }`, `Some(3)`, an SS58 address for an account).
		args: Vec<String>,
	},
	/// Decode bytes an entry point returned or reverted with, or an event's data.
	Decode {
		#[command(flatten)]
		contract: ContractArgs,
		/// What the bytes are.
		#[arg(value_enum)]
		what: DecodeWhat,
		/// The entry point, or the event's topic.
		name: String,
		/// The bytes, as hex (`0x` optional).
		hex: String,
	},
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DecodeWhat {
	/// An entry point's message.
	Message,
	/// An entry point's output.
	Output,
	/// An entry point's error (what it reverted with).
	Error,
	/// An event's data.
	Event,
}

/// Which contract crate.
#[derive(Args)]
struct ProjectArgs {
	/// The contract crate's Cargo.toml, or its folder.
	#[arg(long, default_value = ".")]
	manifest_path: PathBuf,
}

/// Which contract metadata.
#[derive(Args)]
struct ContractArgs {
	/// The contract's metadata file (default: the one `build` wrote for the crate of
	/// `--manifest-path`).
	#[arg(long)]
	metadata: Option<PathBuf>,
	#[command(flatten)]
	project: ProjectArgs,
}

impl ContractArgs {
	fn load(&self) -> Outcome<Metadata> {
		match &self.metadata {
			Some(path) => Metadata::load(path),
			None => {
				let krate = project::Crate::locate(&self.project.manifest_path)?;
				Metadata::load(&krate.output_dir().join(format!("{}.metadata.json", krate.name)))
			},
		}
	}
}

/// A result: lines for a person, JSON for a script.
struct Report {
	text: Vec<String>,
	json: serde_json::Value,
}

fn run(command: Command) -> Outcome<Report> {
	match command {
		Command::New { name, path, sdk_path, sdk_git, sdk_rev } => {
			let dir = path.unwrap_or_else(|| PathBuf::from(&name));
			let sdk = match (sdk_path, sdk_git) {
				(Some(path), _) => project::SdkSource::Path(
					path.canonicalize().map_err(|error| Failure::new(Kind::Io, format!("{}: {error}", path.display())))?,
				),
				(None, Some(url)) => project::SdkSource::Git { url, rev: sdk_rev },
				(None, None) => project::SdkSource::own(),
			};
			project::new_crate(&dir, &name, &sdk)?;
			Ok(Report {
				text: vec![
					format!("Created {name} in {}", dir.display()),
					format!("Next: cd {} && cargo wasm-contracts build && cargo test", dir.display()),
				],
				json: json!({ "name": name, "path": dir }),
			})
		},
		Command::Build { project, output_dir, target_dir, locked } => {
			let krate = project::Crate::locate(&project.manifest_path)?;
			eprintln!("Building {} ...", krate.name);
			let built = project::build(&krate, &project::BuildOptions { locked, output_dir, wasm_target_dir: target_dir })?;
			Ok(Report {
				text: vec![
					format!("Module:    {} ({} bytes)", built.module.display(), built.size),
					format!("Code hash: {}", built.code_hash),
					format!("Metadata:  {}", built.metadata.display()),
				],
				json: serde_json::to_value(&built).unwrap_or_default(),
			})
		},
		Command::Encode { contract, entry_point, args } => {
			let metadata = contract.load()?;
			let entry = metadata.entry_point(&entry_point, &["instantiate", "migrate", "call", "execute", "query"])?;
			let bytes = metadata.encode(entry.message, &args)?;
			let hex = format!("0x{}", hex::encode(&bytes));
			Ok(Report { text: vec![hex.clone()], json: json!({ "entry_point": entry.name, "message": hex }) })
		},
		Command::Decode { contract, what, name, hex } => {
			let metadata = contract.load()?;
			let bytes = hex::decode(hex.trim_start_matches("0x"))
				.map_err(|error| Failure::new(Kind::BadArgument, format!("`{hex}` is not hex: {error}")))?;
			let type_id = match what {
				DecodeWhat::Event => metadata
					.event(name.as_bytes())
					.ok_or_else(|| Failure::new(Kind::UnknownEntryPoint, format!("{} describes no event `{name}`", metadata.name)))?
					.data,
				_ => {
					let entry = metadata.entry_point(&name, &["instantiate", "migrate", "call", "execute", "query"])?;
					match what {
						DecodeWhat::Message => entry.message,
						DecodeWhat::Output => entry.output,
						_ => entry.error.ok_or_else(|| {
							Failure::new(Kind::UnknownEntryPoint, format!("`{name}` returns no `Result`, so it reverts with no typed error"))
						})?,
					}
				},
			};
			let value = metadata.decode(type_id, &bytes)?;
			Ok(Report { text: vec![abi::to_text(&value)], json: abi::to_json(&value, &metadata.types) })
		},
	}
}

fn main() -> ExitCode {
	// As a cargo subcommand, cargo passes the subcommand's name first.
	let mut args: Vec<_> = std::env::args_os().collect();
	if args.get(1).is_some_and(|arg| arg == "wasm-contracts") {
		args.remove(1);
	}
	let cli = Cli::parse_from(args);
	let output_json = cli.output_json;
	match run(cli.command) {
		Ok(report) => {
			if output_json {
				println!("{}", json!({ "ok": true, "result": report.json }));
			} else {
				for line in report.text {
					println!("{line}");
				}
			}
			ExitCode::SUCCESS
		},
		Err(failure) => {
			if output_json {
				println!("{}", json!({ "ok": false, "error": { "kind": failure.kind.name(), "message": failure.message } }));
			}
			eprintln!("error: {failure}");
			ExitCode::from(failure.kind.exit_code())
		},
	}
}
