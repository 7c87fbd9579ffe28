//! `perf peers`: the same contract workloads on this project's pallet and on two peer pallets of
//! polkadot-sdk, each in a mock runtime of its own with RocksDB's database weights:
//!
//! - `pallet-wasm-contracts` (this project), `peers/token_ours.wat`, and the Rust token of
//!   `contracts/examples/token` (built by `contracts/build.sh`) for the transfers;
//! - `pallet-revive` 0.20.2, with `peers/Token.evm` (EVM) and `peers/Token.polkavm` (PolkaVM);
//! - `pallet-contracts` 51.0.0, with `peers/token_contracts.wasm`.
//!
//! Every contract implements the same token and workloads (`peers/README.md`). Each pallet
//! instantiates it once with its upload-and-instantiate dispatchable, mints the sender and the
//! recipient tokens and writes the 100 data keys once, so that the measured transfers overwrite
//! two existing balances and the measured writes overwrite existing values. Then, for each
//! workload, it dry-runs the call as a client would, builds the pallet's `call` extrinsic with the
//! gas limit (and storage deposit limit) the dry run asks for, and dispatches it `runs` times
//! after two warm-ups. A row is the weight the extrinsic declares before dispatch (its base
//! weight plus that gas limit), the weight its `PostDispatchInfo` reports after dispatch, and the
//! median time of a dispatch.

pub mod contracts;
pub mod ours;
pub mod revive;

use crate::{
	runtime::HarnessDbWeight,
	timing::{cpu, median_time_prepared, WARM_UPS},
};
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	weights::{RuntimeDbWeight, Weight},
};
use sp_runtime::traits::Dispatchable;
use std::time::Duration;

/// Rounds of the hash loop, the same on every pallet: one host-level hash of 32 bytes each
/// (Keccak-256 on pallet-revive, Blake2-256 on the others). `Token.polkavm` bounds it: each
/// round of its `hashRounds` takes 64 bytes of resolc's 64 KiB heap, which are never given back,
/// and past about 1,015 rounds the call fails with `OutOfBounds`.
pub const HASH_ROUNDS: u32 = 1_000;
/// Tokens minted to the sender before the transfers.
pub const SENDER_TOKENS: u128 = 1_000_000_000;
/// Tokens minted to the recipient before the transfers, so that each transfer overwrites its
/// balance.
pub const RECIPIENT_TOKENS: u128 = 1_000;
/// Tokens each measured transfer moves.
pub const TRANSFER_AMOUNT: u128 = 1;
/// The sum of the ten data keys a fresh contract holds (1 + 2 + ... + 10), which `read_keys`
/// returns.
const READ_KEYS_SUM: u128 = 55;
/// The fewest dispatches a row's median is taken over.
pub const MIN_RUNS: usize = 10;

/// One of the token's holders.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Holder {
	/// The account that instantiates the contract (its minter) and sends every call.
	Sender,
	/// The account the transfers go to.
	Recipient,
}

/// A message to the token contract, whatever the contract's ABI.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Message {
	/// `mint(to, amount)`: the minter credits `to`.
	Mint(Holder, u128),
	/// `transfer(to, amount)` from the sender.
	Transfer(Holder, u128),
	/// `balance_of(who)`, which returns an amount.
	BalanceOf(Holder),
	/// Does nothing.
	Noop,
	/// Reads the 10 data keys and returns their sum.
	ReadKeys,
	/// Writes the 100 data keys.
	WriteKeys,
	/// That many rounds of `h = hash(h)`.
	HashRounds(u32),
}

/// The workloads of the table, in its order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Workload {
	/// A transfer of [`TRANSFER_AMOUNT`] to a recipient that holds tokens already, the first
	/// call of its block.
	Transfer,
	/// The same transfer after another in the same block, as in a block full of transfers.
	TransferInBlock,
	/// A call that does nothing.
	Noop,
	/// A call reading 10 existing keys.
	ReadKeys,
	/// A call overwriting 100 existing keys.
	WriteKeys,
	/// [`HASH_ROUNDS`] rounds of a hash.
	HashRounds,
}

impl Workload {
	/// Every workload, in the table's order.
	pub const ALL: [Workload; 6] = [
		Workload::Transfer,
		Workload::TransferInBlock,
		Workload::Noop,
		Workload::ReadKeys,
		Workload::WriteKeys,
		Workload::HashRounds,
	];

	/// Name in the table.
	pub fn name(self) -> String {
		match self {
			Workload::Transfer => "token transfer".into(),
			Workload::TransferInBlock => "token transfer, 2nd in block".into(),
			Workload::Noop => "no-op call".into(),
			Workload::ReadKeys => "storage: read 10 keys".into(),
			Workload::WriteKeys => "storage: write 100 keys".into(),
			Workload::HashRounds => format!("cpu: {} hash rounds", HASH_ROUNDS),
		}
	}

	/// Whether each measured dispatch follows another of the same message in its block; else
	/// each is the first of a block of its own.
	pub fn follows_in_block(self) -> bool {
		self == Workload::TransferInBlock
	}

	/// Dispatches of it that move tokens, for `runs` measured ones.
	fn transfers(self, runs: usize) -> usize {
		match self {
			Workload::Transfer => runs + WARM_UPS,
			Workload::TransferInBlock => runs + WARM_UPS + 1,
			_ => 0,
		}
	}

	/// The message that runs it.
	pub fn message(self) -> Message {
		match self {
			Workload::Transfer | Workload::TransferInBlock => Message::Transfer(Holder::Recipient, TRANSFER_AMOUNT),
			Workload::Noop => Message::Noop,
			Workload::ReadKeys => Message::ReadKeys,
			Workload::WriteKeys => Message::WriteKeys,
			Workload::HashRounds => Message::HashRounds(HASH_ROUNDS),
		}
	}
}

/// A pallet running the token contract, inside its runtime's externalities.
pub trait Peer {
	/// The runtime's call.
	type Call: Dispatchable<PostInfo = PostDispatchInfo> + GetDispatchInfo + Clone;

	/// Instantiates the contract with the sender as its minter, through the pallet's
	/// dispatchable that uploads and instantiates, with the gas its dry run asks for.
	fn deploy(&mut self) -> Result<(), String>;

	/// The pallet's `call` extrinsic sending `message` from the sender to the contract, with the
	/// gas limit and storage deposit limit that its dry run asks for, and what the dry run
	/// returned. A dry run that fails or reverts is an error.
	fn call(&self, message: Message) -> Result<(Self::Call, Vec<u8>), String>;

	/// The sender's signed origin.
	fn origin(&self) -> <Self::Call as Dispatchable>::RuntimeOrigin;

	/// The amount in what `balance_of` or `read_keys` returned.
	fn amount(&self, output: &[u8]) -> Option<u128>;

	/// Run before a dispatch, untimed, to make it the first of a new block: empties the block's
	/// events and starts the pallet's per-block state afresh.
	fn start_block(&self);

	/// Run before a dispatch that follows another in the same block, untimed: empties the
	/// block's events, so that each dispatch finds the same number around it.
	fn reset_events(&self);

	/// The workloads its contract implements; all of them unless it is a token alone.
	fn workloads(&self) -> &'static [Workload] {
		&Workload::ALL
	}
}

/// One row of the table.
pub struct Row {
	/// The pallet (and backend).
	pub pallet: &'static str,
	/// The workload.
	pub workload: Workload,
	/// The weight the extrinsic declares before dispatch: its base weight and the gas limit the
	/// dry run asked for.
	pub before: Weight,
	/// The weight its `PostDispatchInfo` reports (the largest of the runs).
	pub after: Weight,
	/// Database reads and writes in the weight charged after dispatch ([`db_reads_writes`]).
	pub db_reads_writes: (u64, u64),
	/// The median time of a dispatch.
	pub time: Duration,
	/// Instructions of one dispatch under callgrind ([`instructions`]), when they were counted.
	pub instructions: Option<u64>,
}

/// Dispatches `call` once from `origin` as the first call of a block; a failed dispatch is an
/// error.
fn dispatch<P: Peer>(peer: &P, call: P::Call) -> Result<PostDispatchInfo, String> {
	peer.start_block();
	call.dispatch(peer.origin()).map_err(|error| format!("{:?}", error.error))
}

/// Dispatches `call` from `origin`: the measured dispatches of [`measure`], the only code whose
/// instructions callgrind counts when [`instructions`] runs the harness under it
/// (`--toggle-collect`), which finds it by this name.
#[inline(never)]
fn counted_dispatch<C: Dispatchable<PostInfo = PostDispatchInfo>>(
	call: C,
	origin: C::RuntimeOrigin,
) -> sp_runtime::DispatchResultWithInfo<PostDispatchInfo> {
	call.dispatch(origin)
}

/// How much dearer [`db_reads_writes`] makes a read, then a write: 1 µs.
const DB_PROBE: u64 = 1_000_000;

/// The weight `workload` is charged after a dispatch made as [`measure`] makes them, with the
/// database costs `db`, from a fresh dry run; rolled back.
fn charged_with<P: Peer>(peer: &P, workload: Workload, db: RuntimeDbWeight) -> Result<Weight, String> {
	let usual = HarnessDbWeight::get();
	HarnessDbWeight::set(db);
	sp_io::storage::start_transaction();
	let charged = (|| {
		peer.start_block();
		if workload.follows_in_block() {
			let (earlier, _) = peer.call(workload.message())?;
			earlier.dispatch(peer.origin()).map_err(|error| format!("dispatch failed: {:?}", error.error))?;
			peer.reset_events();
		}
		let (call, _) = peer.call(workload.message())?;
		let before = call.get_dispatch_info().call_weight;
		let post = call.dispatch(peer.origin()).map_err(|error| format!("dispatch failed: {:?}", error.error))?;
		Ok(post.actual_weight.unwrap_or(before))
	})();
	sp_io::storage::rollback_transaction();
	HarnessDbWeight::set(usual);
	charged
}

/// The database reads and writes in the weight `workload` is charged after dispatch: how much
/// more it is charged, in units of [`DB_PROBE`], when a read and then a write cost that much
/// more. Each pallet prices its reads and writes with the runtime's `DbWeight`.
fn db_reads_writes<P: Peer>(peer: &P, workload: Workload) -> Result<(u64, u64), String> {
	let usual = HarnessDbWeight::get();
	let charged = charged_with(peer, workload, usual)?.ref_time();
	let count = |db: RuntimeDbWeight| -> Result<u64, String> {
		let probed = charged_with(peer, workload, db)?.ref_time();
		let extra = probed.checked_sub(charged).ok_or("a dearer database made the call cheaper")?;
		Ok((extra + DB_PROBE / 2) / DB_PROBE)
	};
	let reads = count(RuntimeDbWeight { read: usual.read + DB_PROBE, write: usual.write })?;
	let writes = count(RuntimeDbWeight { read: usual.read, write: usual.write + DB_PROBE })?;
	Ok((reads, writes))
}

/// Sends `message` once, for the set-up.
fn send<P: Peer>(peer: &P, message: Message) -> Result<(), String> {
	let (call, _) = peer.call(message)?;
	dispatch(peer, call).map(|_| ()).map_err(|error| format!("{message:?}: {error}"))
}

/// The amount a read-only `message` returns, by its dry run.
fn query<P: Peer>(peer: &P, message: Message) -> Result<u128, String> {
	let (_, output) = peer.call(message)?;
	peer.amount(&output).ok_or_else(|| format!("{message:?} returned {output:?}, not an amount"))
}

/// Measures one workload: the weight before and after dispatch, and the median time of `runs`
/// dispatches.
fn measure<P: Peer>(pallet: &'static str, peer: &P, workload: Workload, runs: usize) -> Result<Row, String> {
	let (call, _) = peer.call(workload.message())?;
	let before = call.get_dispatch_info().call_weight;
	let db_reads_writes = db_reads_writes(peer, workload)?;
	if workload.follows_in_block() {
		dispatch(peer, call.clone())?;
	}
	let mut outcomes = Vec::with_capacity(runs + WARM_UPS);
	let time = median_time_prepared(
		runs,
		|| {
			if workload.follows_in_block() {
				peer.reset_events();
			} else {
				peer.start_block();
			}
			(call.clone(), peer.origin())
		},
		|(call, origin)| outcomes.push(counted_dispatch(call, origin)),
	);
	let mut after = Weight::zero();
	for outcome in outcomes {
		let post = outcome.map_err(|error| format!("dispatch failed: {:?}", error.error))?;
		after = after.max(post.actual_weight.unwrap_or(before));
	}
	Ok(Row { pallet, workload, before, after, db_reads_writes, time, instructions: None })
}

/// The rows of one pallet: `peer` is made, deployed, set up and measured inside `externalities`,
/// every workload of its contract or `only` that one. Checks that the contract works as the
/// table assumes: the ten keys hold their seeded sum, and every transfer moved its tokens.
pub fn measure_peer<P: Peer>(
	pallet: &'static str,
	mut externalities: sp_io::TestExternalities,
	make: impl FnOnce() -> P,
	runs: usize,
	only: Option<Workload>,
) -> Result<Vec<Row>, String> {
	externalities.execute_with(|| {
		let mut peer = make();
		peer.deploy().map_err(|error| format!("deploy: {error}"))?;
		send(&peer, Message::Mint(Holder::Sender, SENDER_TOKENS))?;
		send(&peer, Message::Mint(Holder::Recipient, RECIPIENT_TOKENS))?;
		let workloads: Vec<Workload> = peer.workloads().iter().copied().filter(|workload| only.is_none_or(|only| only == *workload)).collect();
		if peer.workloads().contains(&Workload::ReadKeys) {
			send(&peer, Message::WriteKeys)?;
			let sum = query(&peer, Message::ReadKeys)?;
			if sum != READ_KEYS_SUM {
				return Err(format!("read_keys returned {sum}, not {READ_KEYS_SUM}"))
			}
		}
		let rows = workloads
			.iter()
			.map(|&workload| measure(pallet, &peer, workload, runs).map_err(|error| format!("{}: {error}", workload.name())))
			.collect::<Result<Vec<_>, _>>()?;
		// Every transfer dispatched (the warm-ups too) moved its tokens.
		let transferred = workloads.iter().map(|workload| workload.transfers(runs)).sum::<usize>() as u128 * TRANSFER_AMOUNT;
		let balances = (query(&peer, Message::BalanceOf(Holder::Sender))?, query(&peer, Message::BalanceOf(Holder::Recipient))?);
		if balances != (SENDER_TOKENS - transferred, RECIPIENT_TOKENS + transferred) {
			return Err(format!("after {transferred} tokens transferred, the balances are {balances:?}"))
		}
		Ok(rows)
	})
}

/// Where each pallet's weights come from.
pub fn weight_sources() -> Vec<(&'static str, String)> {
	vec![
		(ours::PALLET, ours::weight_source()),
		// From the headers of their `src/weights.rs`, whose `SubstrateWeight` the mocks use.
		("pallet-revive", "its weights.rs, measured on `Intel(R) Xeon(R) CPU @ 2.60GHz` (2026-08-26)".into()),
		("pallet-contracts", "its weights.rs, measured on `Intel(R) Xeon(R) CPU @ 2.60GHz` (2025-02-21)".into()),
	]
}

/// The rows of one pallet (one backend), every workload of its contract or only the one given.
type PalletRows = fn(usize, Option<Workload>) -> Result<Vec<Row>, String>;

/// Every pallet of the table, in its order.
const PALLETS: [(&str, PalletRows); 5] = [
	(ours::PALLET, |runs, only| ours::rows(ours::Token::Wat, runs, only)),
	(ours::PALLET_RUST_TOKEN, |runs, only| ours::rows(ours::Token::Rust, runs, only)),
	(revive::PALLET_EVM, |runs, only| revive::rows(revive::Backend::Evm, runs, only)),
	(revive::PALLET_PVM, |runs, only| revive::rows(revive::Backend::PolkaVm, runs, only)),
	(contracts::PALLET, contracts::rows),
];

/// One row of the table: a pallet and a workload.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct RowId {
	/// The pallet's name in the table.
	pub pallet: &'static str,
	/// The workload.
	pub workload: Workload,
}

impl RowId {
	/// How the row is named in [`ONLY_VAR`]: the pallet, `/` and the workload's index in
	/// [`Workload::ALL`].
	fn encode(self) -> String {
		let index = Workload::ALL.iter().position(|workload| *workload == self.workload).unwrap_or_default();
		format!("{}/{index}", self.pallet)
	}

	fn decode(text: &str) -> Option<Self> {
		let (pallet, index) = text.rsplit_once('/')?;
		let pallet = PALLETS.iter().map(|(name, _)| *name).find(|name| *name == pallet)?;
		let workload = *Workload::ALL.get(index.parse::<usize>().ok()?)?;
		Some(Self { pallet, workload })
	}
}

/// The environment variable with which `perf peers` measures one row alone ([`RowId::encode`]):
/// how [`instructions`] runs it under callgrind.
pub const ONLY_VAR: &str = "PEERS_ONLY";

/// The row [`ONLY_VAR`] names, if it is set; an error if it names none.
pub fn only_from_env() -> Result<Option<RowId>, String> {
	match std::env::var(ONLY_VAR) {
		Ok(text) => RowId::decode(&text).map(Some).ok_or_else(|| format!("{ONLY_VAR}={text} names no row of the table")),
		Err(_) => Ok(None),
	}
}

/// Every pallet's rows (or `only` that row), or the error that stopped the pallet.
pub fn all(runs: usize, only: Option<RowId>) -> Vec<(&'static str, Result<Vec<Row>, String>)> {
	let runs = runs.max(MIN_RUNS);
	PALLETS
		.iter()
		.filter(|(pallet, _)| only.is_none_or(|only| only.pallet == *pallet))
		.map(|(pallet, rows)| (*pallet, rows(runs, only.map(|only| only.workload))))
		.collect()
}

/// The instructions one dispatch of `row` executes: this program runs again under
/// `valgrind --tool=callgrind`, measuring that row alone ([`ONLY_VAR`]) with [`MIN_RUNS`] runs,
/// and counting only inside [`counted_dispatch`] (`--toggle-collect`); the count is divided by
/// the dispatches made there, the warm-ups included. Unlike the time, it does not depend on the
/// machine's load.
pub fn instructions(row: RowId) -> Result<u64, String> {
	let program = std::env::current_exe().map_err(|error| format!("this program's path: {error}"))?;
	let out = std::env::temp_dir().join(format!("perf-peers-{}.callgrind", std::process::id()));
	let output = std::process::Command::new("valgrind")
		.arg("--tool=callgrind")
		.arg("--toggle-collect=*counted_dispatch*")
		.arg(format!("--callgrind-out-file={}", out.display()))
		.arg(program)
		.arg("peers")
		.env(ONLY_VAR, row.encode())
		.env("RUNS", MIN_RUNS.to_string())
		.output()
		.map_err(|error| format!("valgrind: {error} (install valgrind to count instructions)"))?;
	let profile = std::fs::read_to_string(&out);
	let _ = std::fs::remove_file(&out);
	if !output.status.success() {
		return Err(format!("valgrind exited with {}: {}", output.status, String::from_utf8_lossy(&output.stderr).trim()))
	}
	let profile = profile.map_err(|error| format!("{}: {error}", out.display()))?;
	let total = profile
		.lines()
		.find_map(|line| line.strip_prefix("summary:").or_else(|| line.strip_prefix("totals:")))
		.and_then(|count| count.trim().parse::<u64>().ok())
		.ok_or("callgrind's profile has no total")?;
	Ok(total / (MIN_RUNS + WARM_UPS) as u64)
}

fn micros(ref_time: u64) -> String {
	format!("{:.1}", ref_time as f64 / 1e6)
}

fn kib(bytes: u64) -> String {
	format!("{:.1}", bytes as f64 / 1024.0)
}

fn thousands(count: u64) -> String {
	let digits = count.to_string();
	let mut out = String::new();
	for (index, digit) in digits.chars().enumerate() {
		if index > 0 && (digits.len() - index) % 3 == 0 {
			out.push(',');
		}
		out.push(digit);
	}
	out
}

/// Prints the table, with the instructions of a dispatch (under callgrind) when `count`;
/// returns whether every pallet ran every workload (and every count succeeded).
pub fn print(runs: usize, count: bool) -> bool {
	let runs = runs.max(MIN_RUNS);
	let only = match only_from_env() {
		Ok(only) => only,
		Err(error) => {
			eprintln!("{error}");
			return false
		},
	};
	println!("Peers: the same workloads as signed `call` extrinsics in mock runtimes with RocksDB database weights");
	println!("CPU: {}; time: median of {runs} dispatches; hash rounds: {HASH_ROUNDS}", cpu());
	if count {
		println!("instructions: of one dispatch under valgrind --tool=callgrind, {} dispatches each", MIN_RUNS + WARM_UPS);
	}
	println!("Weights charged come from each pallet's own benchmarks:");
	for (pallet, source) in weight_sources() {
		println!("  {pallet}: {source}");
	}
	println!(
		"{:<28} {:<26} {:>14} {:>11} {:>14} {:>11} {:>8} {:>11} {:>16}{}",
		"pallet", "workload", "before µs", "before KiB", "after µs", "after KiB", "db r/w", "time", "charged/measured",
		if count { format!(" {:>14}", "instructions") } else { String::new() },
	);
	let mut succeeded = true;
	for (pallet, rows) in all(runs, only) {
		match rows {
			Ok(rows) =>
				for mut row in rows {
					if count {
						match instructions(RowId { pallet: row.pallet, workload: row.workload }) {
							Ok(instructions) => row.instructions = Some(instructions),
							Err(error) => {
								eprintln!("{pallet}, {}: counting instructions: {error}", row.workload.name());
								succeeded = false;
							},
						}
					}
					let measured_ps = row.time.as_nanos() as f64 * 1_000.0;
					println!(
						"{:<28} {:<26} {:>14} {:>11} {:>14} {:>11} {:>8} {:>11} {:>16}{}",
						row.pallet,
						row.workload.name(),
						micros(row.before.ref_time()),
						kib(row.before.proof_size()),
						micros(row.after.ref_time()),
						kib(row.after.proof_size()),
						format!("{}/{}", row.db_reads_writes.0, row.db_reads_writes.1),
						format!("{:.1?}", row.time),
						format!("{:.1}", row.after.ref_time() as f64 / measured_ps),
						row.instructions.map_or(String::new(), |count| format!(" {:>14}", thousands(count))),
					);
				},
			Err(error) => {
				eprintln!("{pallet}: {error}");
				succeeded = false;
			},
		}
	}
	succeeded
}

#[cfg(test)]
mod tests {
	#[test]
	fn every_workload_runs_on_every_pallet() {
		use super::{ours, Workload};
		for (pallet, rows) in super::all(super::MIN_RUNS, None) {
			let rows = rows.unwrap_or_else(|error| panic!("{pallet}: {error}"));
			let expected: &[Workload] = if pallet == ours::PALLET_RUST_TOKEN { &ours::RUST_TOKEN_WORKLOADS } else { &Workload::ALL };
			assert_eq!(rows.iter().map(|row| row.workload).collect::<Vec<_>>(), expected, "{pallet}");
			for row in rows {
				assert!(row.after.all_lte(row.before), "{pallet}, {:?}: {:?} after > {:?} before", row.workload, row.after, row.before);
			}
		}
	}
}
