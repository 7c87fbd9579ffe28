//! A contract crate on disk: `new` writes one from the template, `build` turns one into a module
//! and its metadata, wherever the crate lives. The profile, target, code-generation flags and the
//! `wasm-opt` step are this tool's, so that a contract crate needs nothing of this repository but
//! the SDK.

use crate::error::{io, Failure, Kind, Outcome};
use serde::Deserialize;
use std::{
	path::{Path, PathBuf},
	process::Command,
};

/// Where `build` puts its output, under the crate's cargo target directory.
pub const OUTPUT_DIR: &str = "wasm-contracts";

/// The SDK this tool was built with: the default dependency of a new crate.
fn own_sdk() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("../contracts")
}

/// Where the SDK a new crate depends on comes from.
pub enum SdkSource {
	/// The folder holding `sdk` and `sandbox` (this repository's `contracts`).
	Path(PathBuf),
	/// A git repository holding this one, at a revision.
	Git { url: String, rev: Option<String> },
}

impl SdkSource {
	/// The folder of the SDK this tool was built from.
	pub fn own() -> Self {
		Self::Path(own_sdk())
	}

	fn dependency(&self, package: &str, folder: &str) -> String {
		match self {
			Self::Path(path) => format!("{package} = {{ path = {:?} }}", path.join(folder).display().to_string()),
			Self::Git { url, rev: Some(rev) } => format!("{package} = {{ git = {url:?}, rev = {rev:?} }}"),
			Self::Git { url, rev: None } => format!("{package} = {{ git = {url:?} }}"),
		}
	}
}

/// Writes a new contract crate `name` in folder `dir`: a counter with an event, its sandbox test,
/// and a lockfile of the versions the SDK is tested with.
pub fn new_crate(dir: &Path, name: &str, sdk: &SdkSource) -> Outcome<()> {
	let valid = name.chars().next().is_some_and(|first| first.is_ascii_alphabetic()) &&
		name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
	if !valid {
		return Err(Failure::new(Kind::Usage, format!("`{name}` is not a crate name: a letter, then letters, digits, `_` or `-`")))
	}
	if dir.exists() && dir.read_dir().map_err(io(dir))?.next().is_some() {
		return Err(Failure::new(Kind::Io, format!("{}: the folder exists and is not empty", dir.display())))
	}
	let lib_name = name.replace('-', "_");
	let files = [
		("Cargo.toml", include_str!("../template/Cargo.toml.template")),
		("src/lib.rs", include_str!("../template/lib.rs.template")),
		("tests/sandbox.rs", include_str!("../template/sandbox.rs.template")),
		(".gitignore", "/target\n"),
	];
	for (file, template) in files {
		let text = template
			.replace("{{name}}", name)
			.replace("{{lib_name}}", &lib_name)
			.replace("{{sdk}}", &sdk.dependency("wasm-contracts-sdk", "sdk"))
			.replace("{{sandbox}}", &sdk.dependency("wasm-contracts-sandbox", "sandbox"));
		let path = dir.join(file);
		if let Some(parent) = path.parent() {
			std::fs::create_dir_all(parent).map_err(io(parent))?;
		}
		std::fs::write(&path, text).map_err(io(&path))?;
	}
	// The versions this repository tests the SDK with (for a git SDK, those of the tool's own
	// checkout); cargo drops what the crate does not use and resolves what is missing.
	let lock = own_sdk().join("../Cargo.lock");
	if lock.exists() {
		std::fs::copy(&lock, dir.join("Cargo.lock")).map_err(io(&lock))?;
	}
	Ok(())
}

/// What `cargo metadata` says of a contract crate.
pub struct Crate {
	/// The package's name.
	pub name: String,
	/// Its library's name (`-` as `_`).
	pub lib_name: String,
	pub manifest: PathBuf,
	/// The folder of its `Cargo.toml`.
	pub dir: PathBuf,
	/// Its workspace's root, where `Cargo.lock` lives.
	pub workspace_root: PathBuf,
	/// Its cargo target directory.
	pub target_dir: PathBuf,
	/// How it depends on the SDK, as a `Cargo.toml` dependency's value.
	pub sdk_dependency: String,
}

#[derive(Deserialize)]
struct CargoMetadata {
	packages: Vec<Package>,
	workspace_root: PathBuf,
	target_directory: PathBuf,
	resolve: Option<Resolve>,
}

#[derive(Deserialize)]
struct Package {
	id: String,
	name: String,
	source: Option<String>,
	manifest_path: PathBuf,
	targets: Vec<Target>,
}

#[derive(Deserialize)]
struct Target {
	name: String,
	crate_types: Vec<String>,
}

#[derive(Deserialize)]
struct Resolve {
	root: Option<String>,
}

impl Crate {
	/// The contract crate of `manifest` (a `Cargo.toml`, or the folder holding one).
	pub fn locate(manifest: &Path) -> Outcome<Self> {
		let manifest = if manifest.is_dir() { manifest.join("Cargo.toml") } else { manifest.to_path_buf() };
		if !manifest.exists() {
			return Err(Failure::new(Kind::Io, format!("{}: no Cargo.toml there (`--manifest-path` names one)", manifest.display())))
		}
		let output = Command::new(cargo())
			.args(["metadata", "--format-version", "1", "--manifest-path"])
			.arg(&manifest)
			.output()
			.map_err(|error| Failure::new(Kind::Build, format!("cargo metadata: {error}")))?;
		if !output.status.success() {
			return Err(Failure::new(Kind::Build, format!("cargo metadata: {}", last_line(&output.stderr))))
		}
		let metadata: CargoMetadata = serde_json::from_slice(&output.stdout)
			.map_err(|error| Failure::new(Kind::Build, format!("cargo metadata printed what this tool does not read: {error}")))?;
		let manifest = manifest.canonicalize().map_err(io(&manifest))?;
		let root_id = metadata.resolve.and_then(|resolve| resolve.root);
		let package = metadata
			.packages
			.iter()
			.find(|package| Some(&package.id) == root_id.as_ref() || package.manifest_path == manifest)
			.ok_or_else(|| Failure::new(Kind::Build, format!("{}: a workspace without a package; name a contract crate", manifest.display())))?;
		let lib = package
			.targets
			.iter()
			.find(|target| target.crate_types.iter().any(|kind| kind == "cdylib"))
			.ok_or_else(|| {
				Failure::new(Kind::Build, format!("{}: not a contract crate; its [lib] needs crate-type [\"cdylib\", \"rlib\"]", package.name))
			})?;
		if !lib.crate_types.iter().any(|kind| kind == "rlib" || kind == "lib") {
			return Err(Failure::new(
				Kind::Build,
				format!("{}: its metadata is read from a native build; add \"rlib\" to its [lib] crate-type", package.name),
			))
		}
		let sdk = metadata.packages.iter().find(|candidate| candidate.name == "wasm-contracts-sdk").ok_or_else(|| {
			Failure::new(Kind::Build, format!("{}: does not depend on wasm-contracts-sdk", package.name))
		})?;
		Ok(Self {
			name: package.name.clone(),
			lib_name: lib.name.clone(),
			dir: manifest.parent().map(Path::to_path_buf).unwrap_or_default(),
			manifest,
			workspace_root: metadata.workspace_root,
			target_dir: metadata.target_directory,
			sdk_dependency: sdk_dependency(sdk)?,
		})
	}

	/// Where `build` puts the module and metadata.
	pub fn output_dir(&self) -> PathBuf {
		self.target_dir.join(OUTPUT_DIR)
	}
}

/// The SDK package as a dependency of the metadata generator: the same source as the contract's.
fn sdk_dependency(sdk: &Package) -> Outcome<String> {
	let dir = sdk.manifest_path.parent().map(Path::to_path_buf).unwrap_or_default();
	match sdk.source.as_deref() {
		None => Ok(format!("{{ path = {:?}, features = [\"metadata\"] }}", dir.display().to_string())),
		Some(source) if source.starts_with("git+") => {
			let url = source.trim_start_matches("git+");
			let (url, commit) = url.split_once('#').unwrap_or((url, ""));
			let url = url.split('?').next().unwrap_or(url);
			Ok(format!("{{ git = {url:?}, rev = {commit:?}, features = [\"metadata\"] }}"))
		},
		Some(source) if source.starts_with("registry+") => {
			let version = sdk.id.rsplit(['@', '#']).next().unwrap_or("*");
			Ok(format!("{{ version = \"={version}\", features = [\"metadata\"] }}"))
		},
		Some(other) => Err(Failure::new(Kind::Build, format!("wasm-contracts-sdk from {other}: a source this tool does not know"))),
	}
}

/// The host's cargo (the one running this tool as a subcommand, if it does).
fn cargo() -> PathBuf {
	std::env::var_os("CARGO").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("cargo"))
}

/// The toolchain directory whose cargo builds the wasm32 standard library (`scripts/setup.sh`).
fn wasm_toolchain() -> Outcome<PathBuf> {
	let dir = std::env::var_os("WASM_BUILD_TOOLCHAIN").map(PathBuf::from).or_else(|| {
		std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache/wasm-contracts-toolchain"))
	});
	match dir {
		Some(dir) if dir.join("bin/cargo").exists() => Ok(dir),
		_ => Err(Failure::new(
			Kind::Build,
			"no wasm32 toolchain: run wasm-contracts' scripts/setup.sh (Debian's rustc-web, rust-web-src and binaryen), \
			 or set WASM_BUILD_TOOLCHAIN",
		)),
	}
}

/// What `build` produced.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Built {
	pub name: String,
	pub module: PathBuf,
	pub metadata: PathBuf,
	pub size: u64,
	/// blake2-256 of the module, `0x`-prefixed: the code hash the chain reports.
	pub code_hash: String,
}

/// Options of a build.
pub struct BuildOptions {
	/// Refuse to change `Cargo.lock`.
	pub locked: bool,
	/// Where the module and metadata go (default: the target directory's `wasm-contracts`).
	pub output_dir: Option<PathBuf>,
	/// The cargo target directory of the wasm32 build (default: the crate's, `wasm32` below it).
	pub wasm_target_dir: Option<PathBuf>,
}

/// Builds `krate` for wasm32 with the contract profile, optimises it with `wasm-opt`, and writes
/// its metadata (with the module's code hash) next to it.
pub fn build(krate: &Crate, options: &BuildOptions) -> Outcome<Built> {
	let toolchain = wasm_toolchain()?;
	let wasm_target = options.wasm_target_dir.clone().unwrap_or_else(|| krate.target_dir.join(OUTPUT_DIR).join("wasm32"));
	let out = options.output_dir.clone().unwrap_or_else(|| krate.output_dir());
	std::fs::create_dir_all(&out).map_err(io(&out))?;

	let mut cargo = Command::new(toolchain.join("bin/cargo"));
	cargo
		.arg("build")
		.args(["--quiet", "--profile", PROFILE, "--target", "wasm32-unknown-unknown", "-Z", "build-std-features=optimize_for_size"])
		.args(profile_config())
		.arg("--manifest-path")
		.arg(&krate.manifest)
		.arg("--target-dir")
		.arg(&wasm_target)
		.env("RUSTC", toolchain.join("bin/rustc"))
		.env("RUSTFLAGS", rustflags(&krate.workspace_root))
		.env_remove("CARGO_ENCODED_RUSTFLAGS");
	if options.locked {
		cargo.arg("--locked");
	}
	run(&mut cargo, "cargo build (wasm32)")?;
	let raw = wasm_target.join("wasm32-unknown-unknown").join(PROFILE).join(format!("{}.wasm", krate.lib_name));
	let module = out.join(format!("{}.wasm", krate.name));
	run(
		Command::new("wasm-opt")
			.args(["-Oz", "--enable-mutable-globals", "--enable-sign-ext", "--enable-bulk-memory"])
			.arg(&raw)
			.arg("-o")
			.arg(&module),
		"wasm-opt (binaryen)",
	)?;
	let code = std::fs::read(&module).map_err(io(&module))?;
	let code_hash = format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(&code)));
	let metadata = out.join(format!("{}.metadata.json", krate.name));
	write_metadata(krate, &code_hash, &metadata, options.locked)?;
	Ok(Built { name: krate.name.clone(), module, metadata, size: code.len() as u64, code_hash })
}

/// The build profile of contracts, defined on the command line so that a crate needs none.
const PROFILE: &str = "wasm-contract";

/// Opt-level 2 with `wasm-opt -Oz` after it gives smaller modules than the compiler's size
/// levels, and less gas; overflow checks stay on.
fn profile_config() -> Vec<String> {
	[
		"inherits=\"release\"",
		"opt-level=2",
		"lto=true",
		"codegen-units=1",
		"panic=\"abort\"",
		"strip=true",
		"overflow-checks=true",
		"debug=false",
		"incremental=false",
	]
	.iter()
	.flat_map(|setting| ["--config".to_string(), format!("profile.{PROFILE}.{setting}")])
	.collect()
}

/// The wasm features the chain accepts and no others, a 32 KiB stack, no source locations in
/// panics, and paths remapped so that where the source sits does not reach the module.
fn rustflags(workspace_root: &Path) -> String {
	let mut flags = vec![
		"-C target-cpu=mvp".to_string(),
		"-C target-feature=+mutable-globals,+sign-ext,+bulk-memory".to_string(),
		"-C link-arg=-zstack-size=32768".to_string(),
		"-Z location-detail=none".to_string(),
		format!("--remap-path-prefix={}=/contract", workspace_root.display()),
	];
	if let Some(home) = std::env::var_os("HOME") {
		flags.push(format!("--remap-path-prefix={}=/home", PathBuf::from(home).display()));
	}
	flags.join(" ")
}

/// Writes the metadata of `krate` to `path`, from a native build of a small generator crate that
/// calls the contract's `metadata()` with the SDK's `metadata` feature.
fn write_metadata(krate: &Crate, code_hash: &str, path: &Path, locked: bool) -> Outcome<()> {
	let generator = krate.target_dir.join(OUTPUT_DIR).join("metadata-gen").join(&krate.name);
	let src = generator.join("src");
	std::fs::create_dir_all(&src).map_err(io(&src))?;
	let manifest = format!(
		"[package]\nname = \"metadata-gen\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
		 [dependencies]\ncontract = {{ package = {:?}, path = {:?} }}\nwasm-contracts-sdk = {}\nserde_json = \"1\"\n\n[workspace]\n",
		krate.name,
		krate.dir.display().to_string(),
		krate.sdk_dependency,
	);
	write_if_changed(&generator.join("Cargo.toml"), &manifest)?;
	let main = format!(
		"fn main() {{\n\tlet mut metadata = contract::metadata();\n\tmetadata.code_hash = Some({code_hash:?}.into());\n\t\
		 println!(\"{{}}\", serde_json::to_string_pretty(&metadata).expect(\"metadata serialises\"));\n}}\n"
	);
	write_if_changed(&src.join("main.rs"), &main)?;
	// The contract's own lockfile, so that the generator builds the versions the contract does.
	let lock = krate.workspace_root.join("Cargo.lock");
	if lock.exists() {
		let text = std::fs::read_to_string(&lock).map_err(io(&lock))?;
		write_if_changed(&generator.join("Cargo.lock"), &text)?;
	}
	let mut cargo = Command::new(cargo());
	// A target directory of its own: cargo names a `cdylib` crate's native library without a
	// hash, so the crate's own `cargo test` (the SDK without `metadata`) and this build would
	// overwrite each other's `lib<name>.rlib` and each find the other's fresh.
	cargo
		.args(["run", "--quiet", "--manifest-path"])
		.arg(generator.join("Cargo.toml"))
		.arg("--target-dir")
		.arg(krate.target_dir.join(OUTPUT_DIR).join("metadata-target"))
		.env_remove("RUSTFLAGS")
		.env_remove("RUSTC");
	if locked {
		// The generator's own package joins the copied lockfile; nothing else may change.
		cargo.arg("--offline");
	}
	let output = cargo.output().map_err(|error| Failure::new(Kind::Build, format!("cargo run (metadata): {error}")))?;
	if !output.status.success() {
		let stderr = String::from_utf8_lossy(&output.stderr);
		let hint = if stderr.contains("cannot find function `metadata`") || stderr.contains("not found in `contract`") {
			"; the crate needs an `entry_points!` block".to_string()
		} else {
			String::new()
		};
		return Err(Failure::new(Kind::Build, format!("writing the metadata failed{hint}: {}", last_error(&stderr))))
	}
	std::fs::write(path, &output.stdout).map_err(io(path))
}

/// Writes `text` to `path` unless it already holds it, so that cargo sees nothing new.
fn write_if_changed(path: &Path, text: &str) -> Outcome<()> {
	if std::fs::read_to_string(path).ok().as_deref() == Some(text) {
		return Ok(())
	}
	std::fs::write(path, text).map_err(io(path))
}

/// Runs `command`; a failure carries the last lines it printed.
fn run(command: &mut Command, what: &str) -> Outcome<()> {
	let output = command.output().map_err(|error| {
		Failure::new(Kind::Build, format!("{what}: {error}{}", if what.starts_with("wasm-opt") { "; install binaryen" } else { "" }))
	})?;
	if !output.status.success() {
		return Err(Failure::new(Kind::Build, format!("{what} failed: {}", last_error(&String::from_utf8_lossy(&output.stderr)))))
	}
	Ok(())
}

/// The first `error` line of a compiler's output with the line after it, else its last line.
fn last_error(stderr: &str) -> String {
	let lines: Vec<&str> = stderr.lines().collect();
	match lines.iter().position(|line| line.starts_with("error")) {
		Some(at) => lines[at..].iter().take(3).map(|line| line.trim()).collect::<Vec<_>>().join(" "),
		None => lines.last().map(|line| line.trim().to_string()).unwrap_or_default(),
	}
}

fn last_line(bytes: &[u8]) -> String {
	last_error(&String::from_utf8_lossy(bytes))
}

/// The module `build` wrote for `krate`; a failure when there is none or when the crate's source
/// changed after it, so that stale code is never uploaded.
pub fn fresh_module(krate: &Crate) -> Outcome<PathBuf> {
	let module = krate.output_dir().join(format!("{}.wasm", krate.name));
	let built = std::fs::metadata(&module).and_then(|metadata| metadata.modified()).map_err(|_| {
		Failure::new(Kind::Build, format!("{} is not built yet: run `cargo wasm-contracts build` first", krate.name))
	})?;
	for source in [krate.dir.join("src"), krate.manifest.clone()] {
		if newest_change(&source).is_some_and(|changed| changed > built) {
			return Err(Failure::new(
				Kind::Build,
				format!("{} is older than {}: run `cargo wasm-contracts build` again", module.display(), source.display()),
			))
		}
	}
	Ok(module)
}

/// When `path`, or anything under it, last changed.
fn newest_change(path: &Path) -> Option<std::time::SystemTime> {
	let own = std::fs::metadata(path).and_then(|metadata| metadata.modified()).ok()?;
	let inside = std::fs::read_dir(path).into_iter().flatten().filter_map(Result::ok).filter_map(|entry| newest_change(&entry.path()));
	inside.chain([own]).max()
}
