//! `cargo wasm-contracts`: contract authors' tool, from a new crate to a contract on a chain.
//!
//! Results go to standard output (JSON with `--output-json`), progress to standard error; every
//! kind of failure exits with a code of its own (`error::Kind`).

mod abi;
mod calls;
mod chain;
mod error;
mod project;
mod report;

use abi::Metadata;
use clap::{Args, Parser, Subcommand};
use error::{Failure, Kind, Outcome};
use report::Report;
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
	/// Upload the contract's module (dry run unless -x); prints its code id.
	Upload {
		#[command(flatten)]
		project: ProjectArgs,
		/// The module to upload (default: the one `build` wrote for the crate).
		#[arg(long)]
		wasm: Option<PathBuf>,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
	/// Instantiate a contract of an uploaded code id (dry run unless -x); prints its address.
	Instantiate {
		/// The code id.
		code_id: u64,
		/// The `instantiate` message: one value, or the fields of a tuple or struct in order.
		args: Vec<String>,
		/// The admin, who may migrate the contract (SS58 or hex).
		#[arg(long)]
		admin: Option<String>,
		/// A salt, as hex: the address then follows from the creator, code and salt only.
		#[arg(long)]
		salt: Option<String>,
		/// What to send to the new contract.
		#[arg(long, default_value_t = 0)]
		value: u128,
		#[command(flatten)]
		contract: ContractArgs,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
	/// Run an `execute` entry point (dry run unless -x); prints its decoded output and events.
	#[command(alias = "call")]
	Execute {
		/// The contract (SS58 or hex).
		contract_address: String,
		/// The entry point.
		entry_point: String,
		/// Its message: one value, or the fields of a tuple or struct in order.
		args: Vec<String>,
		/// What to send to the contract.
		#[arg(long, default_value_t = 0)]
		value: u128,
		#[command(flatten)]
		contract: ContractArgs,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
	/// Run a `query` entry point read-only; prints its decoded output.
	Query {
		/// The contract (SS58 or hex).
		contract_address: String,
		/// The entry point.
		entry_point: String,
		/// Its message.
		args: Vec<String>,
		#[command(flatten)]
		contract: ContractArgs,
		#[command(flatten)]
		chain: ChainArgs,
	},
	/// Move a contract to new code, running its `migrate` entry point; only the admin may (dry
	/// run unless -x). `--metadata`/`--manifest-path` describe the new code.
	Migrate {
		/// The contract (SS58 or hex).
		contract_address: String,
		/// The code id to move it to.
		new_code_id: u64,
		/// The `migrate` message.
		args: Vec<String>,
		#[command(flatten)]
		contract: ContractArgs,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
	/// Change or clear a contract's admin (dry run unless -x).
	Admin {
		#[command(subcommand)]
		change: AdminChange,
	},
	/// Run a deploy: a payment module, then a session module, with the signer's account (dry run
	/// unless -x).
	Deploy {
		/// The session module.
		session: PathBuf,
		/// The payment module (default: the standard payment of `--payment-amount`).
		#[arg(long)]
		payment: Option<PathBuf>,
		/// What the payment pays for the session's gas.
		#[arg(long)]
		payment_amount: u128,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
	/// A contract's code history, oldest first.
	History {
		/// The contract (SS58 or hex).
		contract_address: String,
		/// The first entry.
		#[arg(long, default_value_t = 0)]
		start: u32,
		/// How many entries (at most 100).
		#[arg(long, default_value_t = 100)]
		limit: u32,
		#[command(flatten)]
		chain: ChainArgs,
	},
	/// The value under a key of a contract's storage: raw, or decoded as a type of its metadata.
	Storage {
		/// The contract (SS58 or hex).
		contract_address: String,
		/// The key: `0x…` hex, else its UTF-8 bytes (`count`).
		key: String,
		/// Decode the value as this type of the contract's metadata (`u64`, `Counted`, ...).
		#[arg(long = "as")]
		as_type: Option<String>,
		#[command(flatten)]
		contract: ContractArgs,
		#[command(flatten)]
		chain: ChainArgs,
	},
	/// Remove an unused code id (its uploader only; dry run unless -x).
	RemoveCode {
		code_id: u64,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
	/// Build the crate and check that the module is the code of a code id on chain.
	Verify {
		/// The code id.
		code_id: u64,
		#[command(flatten)]
		project: ProjectArgs,
		#[command(flatten)]
		chain: ChainArgs,
	},
	/// What the chain records about a code id or a contract.
	Info {
		#[command(subcommand)]
		what: InfoWhat,
	},
	/// List the contract's entry points and events, with their types and docs.
	Describe {
		#[command(flatten)]
		contract: ContractArgs,
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

#[derive(Subcommand)]
enum AdminChange {
	/// Make another account the admin.
	Set {
		/// The contract (SS58 or hex).
		contract_address: String,
		/// The new admin (SS58 or hex).
		new_admin: String,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
	/// Clear the admin: the contract can no longer be migrated.
	Clear {
		/// The contract (SS58 or hex).
		contract_address: String,
		#[command(flatten)]
		chain: ChainArgs,
		#[command(flatten)]
		submit: SubmitArgs,
	},
}

#[derive(Subcommand)]
enum InfoWhat {
	/// A code id: its module's hash, uploader and size.
	Code {
		code_id: u64,
		#[command(flatten)]
		chain: ChainArgs,
	},
	/// A contract: its code id, creator, admin and history length.
	Contract {
		/// SS58 or hex.
		address: String,
		#[command(flatten)]
		chain: ChainArgs,
	},
}

/// The node and the signer.
#[derive(Args)]
struct ChainArgs {
	/// The node's RPC address.
	#[arg(long, default_value = "ws://127.0.0.1:9944", env = "WASM_CONTRACTS_URL")]
	url: String,
	/// The signer's secret URI (`//Alice`, or a mnemonic with derivations). Default: //Alice.
	#[arg(short = 's', long, conflicts_with = "keystore")]
	suri: Option<String>,
	/// A polkadot.js JSON keystore of the signer (sr25519); the password is asked for, or taken
	/// from WASM_CONTRACTS_KEYSTORE_PASSWORD.
	#[arg(long)]
	keystore: Option<PathBuf>,
}

impl ChainArgs {
	async fn connect(&self) -> Outcome<chain::Chain> {
		chain::Chain::connect(&self.url).await
	}

	fn signer(&self) -> Outcome<subxt_signer::sr25519::Keypair> {
		chain::signer(self.suri.as_deref(), self.keystore.as_deref())
	}
}

/// Whether and how to submit.
#[derive(Args)]
struct SubmitArgs {
	/// Submit the transaction; without it, only the dry run runs and nothing changes.
	#[arg(short = 'x', long)]
	execute: bool,
	/// Wait for the block to be finalized, not only included.
	#[arg(long)]
	finalized: bool,
	/// Gas: REF_TIME or REF_TIME:PROOF_SIZE (default: what the dry run needed).
	#[arg(long)]
	gas: Option<String>,
	/// The most storage deposit the call may take (default: what the dry run took).
	#[arg(long)]
	storage_deposit_limit: Option<u128>,
}

impl SubmitArgs {
	fn submission(&self) -> Outcome<calls::Submission> {
		Ok(calls::Submission {
			execute: self.execute,
			wait: if self.finalized { chain::Wait::Finalized } else { chain::Wait::InBlock },
			gas: self.gas.as_deref().map(|gas| chain::Weight::parse(gas, DEFAULT_PROOF_SIZE)).transpose()?,
			storage_deposit_limit: self.storage_deposit_limit,
		})
	}
}

/// The proof size of `--gas REF_TIME` without one: 1 MiB.
const DEFAULT_PROOF_SIZE: u64 = 1024 * 1024;

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

async fn run(command: Command) -> Outcome<Report> {
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
		Command::Upload { project, wasm, chain, submit } => {
			let path = match wasm {
				Some(path) => path,
				None => {
					let krate = project::Crate::locate(&project.manifest_path)?;
					project::fresh_module(&krate)?
				},
			};
			let code = std::fs::read(&path).map_err(error::io(&path))?;
			let (signer, submission) = (chain.signer()?, submit.submission()?);
			calls::upload(&chain.connect().await?, &signer, code, &submission).await
		},
		Command::Instantiate { code_id, args, admin, salt, value, contract, chain, submit } => {
			let metadata = contract.load()?;
			let admin = admin.as_deref().map(chain::parse_account).transpose()?;
			let salt = salt
				.map(|salt| {
					hex::decode(salt.trim_start_matches("0x"))
						.map_err(|error| Failure::new(Kind::BadArgument, format!("`--salt {salt}` is not hex: {error}")))
				})
				.transpose()?;
			let (signer, submission) = (chain.signer()?, submit.submission()?);
			let call = calls::Instantiation { code_id, args, value, admin, salt };
			calls::instantiate(&chain.connect().await?, &signer, &metadata, call, &submission).await
		},
		Command::Execute { contract_address, entry_point, args, value, contract, chain, submit } => {
			let metadata = contract.load()?;
			let address = chain::parse_account(&contract_address)?;
			let (signer, submission) = (chain.signer()?, submit.submission()?);
			let call = calls::Execution { contract: address, entry_point, args, value };
			calls::execute(&chain.connect().await?, &signer, &metadata, call, &submission).await
		},
		Command::Query { contract_address, entry_point, args, contract, chain } => {
			let metadata = contract.load()?;
			let address = chain::parse_account(&contract_address)?;
			calls::query(&chain.connect().await?, &metadata, &address, &entry_point, &args).await
		},
		Command::Migrate { contract_address, new_code_id, args, contract, chain, submit } => {
			let metadata = contract.load()?;
			let address = chain::parse_account(&contract_address)?;
			let (signer, submission) = (chain.signer()?, submit.submission()?);
			calls::migrate(&chain.connect().await?, &signer, &metadata, &address, new_code_id, &args, &submission).await
		},
		Command::Admin { change } => {
			let (call, args, chain, submit) = match change {
				AdminChange::Set { contract_address, new_admin, chain, submit } => (
					"update_admin",
					vec![
						chain::account_value(&chain::parse_account(&contract_address)?),
						chain::account_value(&chain::parse_account(&new_admin)?),
					],
					chain,
					submit,
				),
				AdminChange::Clear { contract_address, chain, submit } =>
					("clear_admin", vec![chain::account_value(&chain::parse_account(&contract_address)?)], chain, submit),
			};
			let (signer, submission) = (chain.signer()?, submit.submission()?);
			calls::plain_call(&chain.connect().await?, &signer, call, args, &submission).await
		},
		Command::Deploy { session, payment, payment_amount, chain, submit } => {
			let session = std::fs::read(&session).map_err(error::io(&session))?;
			let payment = match payment {
				Some(path) => std::fs::read(&path).map_err(error::io(&path))?,
				None => Vec::new(),
			};
			let (signer, submission) = (chain.signer()?, submit.submission()?);
			calls::deploy(&chain.connect().await?, &signer, calls::Deploy { payment, session, payment_amount }, &submission).await
		},
		Command::History { contract_address, start, limit, chain } => {
			let address = chain::parse_account(&contract_address)?;
			calls::history(&chain.connect().await?, &address, start, limit).await
		},
		Command::Storage { contract_address, key, as_type, contract, chain } => {
			let address = chain::parse_account(&contract_address)?;
			let key = match key.strip_prefix("0x") {
				Some(hex) => hex::decode(hex).map_err(|error| Failure::new(Kind::BadArgument, format!("`{key}` is not hex: {error}")))?,
				None => key.into_bytes(),
			};
			let metadata = as_type.as_ref().map(|_| contract.load()).transpose()?;
			let typed = metadata.as_ref().zip(as_type.as_deref());
			calls::storage(&chain.connect().await?, &address, &key, typed).await
		},
		Command::RemoveCode { code_id, chain, submit } => {
			let (signer, submission) = (chain.signer()?, submit.submission()?);
			calls::plain_call(&chain.connect().await?, &signer, "remove_code", vec![scale_value::Value::u128(code_id.into())], &submission)
				.await
		},
		Command::Verify { code_id, project, chain } => {
			let krate = project::Crate::locate(&project.manifest_path)?;
			eprintln!("Building {} to compare ...", krate.name);
			// A target directory of its own, so that the comparison is of a clean build.
			let options = project::BuildOptions {
				locked: true,
				output_dir: Some(krate.output_dir().join("verify")),
				wasm_target_dir: Some(krate.output_dir().join("verify-target")),
			};
			let built = project::build(&krate, &options)?;
			calls::verify(&chain.connect().await?, code_id, &built.code_hash).await
		},
		Command::Info { what } => match what {
			InfoWhat::Code { code_id, chain } => {
				let connected = chain.connect().await?;
				calls::info(&connected, "code_info", scale_value::Value::u128(code_id.into()), &format!("code id {code_id}")).await
			},
			InfoWhat::Contract { address, chain } => {
				let account = chain::parse_account(&address)?;
				let connected = chain.connect().await?;
				calls::info(&connected, "contract_info", chain::account_value(&account), &format!("contract at {address}")).await
			},
		},
		Command::Describe { contract } => {
			let metadata = contract.load()?;
			Ok(Report { text: metadata.describe_all(), json: metadata.summary() })
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
			Ok(Report { text: vec![abi::to_text(&value, &metadata.types)], json: abi::to_json(&value, &metadata.types) })
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
	let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
		Ok(runtime) => runtime,
		Err(error) => {
			eprintln!("error: cannot start the async runtime: {error}");
			return ExitCode::from(Kind::Io.exit_code())
		},
	};
	match runtime.block_on(run(cli.command)) {
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
