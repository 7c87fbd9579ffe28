//! `fuzz`: seeded random modules and byte-level mutations of them, driven through upload,
//! instantiate, execute, query and deploy on the harness runtime (`wasm-contracts-benchmarks`).
//!
//! Modules come from `wasm-smith`: most within the ABI's rules (imports drawn from every host
//! function, so host calls get random arguments), some with forbidden proposals (floats, SIMD,
//! multi-value, threads), and a third of them mutated byte by byte. Every case checks:
//! - nothing panics;
//! - every failure is a named error of the pallet;
//! - a failed dispatch leaves the state root as it was;
//! - whatever the pallet accepts, wasmi's fully validating constructor accepts too (loading
//!   stored code unchecked is sound only then);
//! - a call takes no longer natively than [`TOLERANCE`] times its charged weight, and all
//!   calls together no longer than their charged weights together;
//! - a dispatch, run on the state committed to the database as a block finds it, records a
//!   proof no larger than the proof_size it is charged;
//! - the pallet's invariants hold after every case.
//!
//! Run: `cargo run --release -p wasm-contracts-fuzz -- [cases] [seed] [first case]` (defaults
//! 1000, 1 and 0); each case has a stream of its own, so `-- 1 <seed> <case>` runs one case
//! again. With `FUZZ_WORST=<file>` the module of the call with the largest time per charged
//! weight is written to that file. With `FUZZ_CORPUS=<directory>` every case's module (after
//! its mutation) is written there as `<seed>-<case>.wasm`, for tests that send hostile modules
//! to a node (`e2e/test/flood.test.js`).

use arbitrary::Unstructured;
use frame_support::{
	dispatch::GetDispatchInfo,
	storage::{with_transaction, TransactionOutcome},
	weights::Weight,
};
use pallet_wasm_contracts::harness::{HostFn, Metering};
use sp_runtime::{traits::Dispatchable, DispatchError, StateVersion};
use std::{collections::BTreeMap, time::Instant};
use wasm_contracts_benchmarks::runtime::{self, BlockStart, Contracts, Runtime, RuntimeCall, RuntimeOrigin, CALLER};
use wasm_smith::Config;

/// Gas limit of every call: small, so that loops end quickly by running out of gas.
const CALL_GAS: Weight = Weight::from_parts(5_000_000_000, 1024 * 1024);
/// How many times its charged weight one call may take natively before the case fails, plus
/// [`NOISE_PS`]: room for scheduling noise on a loaded machine, far below the 10x to 290x of the
/// underpricing this kind of check exists to catch. All calls together must take no longer
/// than their charged weights together.
const TOLERANCE: u128 = 4;
/// Timed runs of each call; the least counts.
const TIMINGS: usize = 3;
/// Time a call may take beyond its tolerance before the case fails (1 ms, in picoseconds).
const NOISE_PS: u128 = 1_000_000_000;
/// Index of the contracts pallet in the harness runtime.
const PALLET_INDEX: u8 = 3;

/// A splitmix64 stream: the bytes `wasm-smith` draws from, the same for the same seed.
struct Stream(u64);

impl Stream {
	/// The stream of case `case` of a run from `seed`: each case can be run alone.
	fn for_case(seed: u64, case: u64) -> Self {
		let mut stream = Stream(seed ^ case.wrapping_mul(0xa076_1d64_78bd_642f));
		stream.next();
		stream
	}

	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
		z ^ (z >> 31)
	}

	fn bytes(&mut self, len: usize) -> Vec<u8> {
		(0..len).map(|_| self.next() as u8).collect()
	}

	fn below(&mut self, bound: u64) -> u64 {
		self.next() % bound.max(1)
	}

	/// Up to 63 bytes: a message.
	fn message(&mut self) -> Vec<u8> {
		let len = self.below(64) as usize;
		self.bytes(len)
	}
}

/// A module importing every host function, from which `wasm-smith` draws imports.
fn host_imports() -> Vec<u8> {
	let ty = |types: &[wasmparser::ValType]| {
		types.iter().map(|ty| if *ty == wasmparser::ValType::I64 { "i64 " } else { "i32 " }).collect::<String>()
	};
	let imports: String = HostFn::ALL
		.iter()
		.map(|host_fn| {
			format!(
				r#"(import "env" "{}" (func (param {}) (result {})))"#,
				host_fn.name(),
				ty(host_fn.params()),
				ty(host_fn.results())
			)
		})
		.collect();
	wat::parse_str(format!("(module {imports})")).expect("the host imports parse")
}

/// The generator's configuration: within the ABI's rules unless `forbidden`.
fn config(imports: &[u8], forbidden: bool) -> Config {
	Config {
		available_imports: Some(imports.to_vec()),
		export_everything: true,
		min_funcs: 1,
		max_funcs: 40,
		max_instructions: 300,
		max_memories: 1,
		max_tables: 1,
		max_memory32_bytes: 16 * 65_536,
		max_table_elements: 4_096,
		memory64_enabled: false,
		allow_start_export: false,
		exceptions_enabled: false,
		gc_enabled: false,
		tail_call_enabled: false,
		extended_const_enabled: false,
		custom_page_sizes_enabled: false,
		wide_arithmetic_enabled: false,
		relaxed_simd_enabled: false,
		allow_floats: forbidden,
		saturating_float_to_int_enabled: forbidden,
		simd_enabled: forbidden,
		threads_enabled: forbidden,
		multi_value_enabled: forbidden,
		..Config::default()
	}
}

/// `wasm` with a few bytes flipped, inserted or cut.
fn mutate(mut wasm: Vec<u8>, stream: &mut Stream) -> Vec<u8> {
	for _ in 0..=stream.below(4) {
		if wasm.is_empty() {
			break
		}
		let at = stream.below(wasm.len() as u64) as usize;
		match stream.below(3) {
			0 => wasm[at] ^= 1 << stream.below(8),
			1 => wasm.insert(at, stream.next() as u8),
			_ => wasm.truncate(at),
		}
	}
	wasm
}

/// What the cases saw.
#[derive(Default)]
struct Tally {
	outcomes: BTreeMap<String, u64>,
	worst_time_per_weight: f64,
	worst: String,
	worst_wasm: Vec<u8>,
	worst_proof_per_charge: f64,
	worst_proof: String,
	wasm: Vec<u8>,
	seed: u64,
	case: u64,
	/// Where every case's module is written (`FUZZ_CORPUS`).
	corpus: Option<std::path::PathBuf>,
	elapsed_ps: u128,
	charged_ps: u128,
}

impl Tally {
	fn count(&mut self, what: String) {
		*self.outcomes.entry(what).or_default() += 1;
	}

	/// Where a check failed: the run's seed, the case (`-- 1 <seed> <case>` runs it again) and
	/// the step.
	fn at(&self, step: &str) -> String {
		format!("seed {}, case {}, {step}", self.seed, self.case)
	}
}

fn state_root() -> Vec<u8> {
	sp_io::storage::root(StateVersion::V1)
}

/// The name of a pallet error; panics on anything else.
fn named(step: &str, error: DispatchError) -> String {
	match error {
		DispatchError::Module(error) if error.index == PALLET_INDEX && error.message.is_some() =>
			format!("{step}: {}", error.message.unwrap_or_default()),
		other => panic!("{step} failed with an unnamed error: {other:?}"),
	}
}

/// Dispatches `call` as the caller and checks its outcome: on failure a named error and no
/// state change; its time (the least of [`TIMINGS`] runs, each rolled back, so that a busy
/// machine does not fail the case) against its charged weight; and the proof it records, on the
/// state committed to the database, against its charged proof_size.
fn dispatch(externalities: &mut sp_io::TestExternalities, tally: &mut Tally, step: &str, call: RuntimeCall) -> bool {
	let run = || call.clone().dispatch(RuntimeOrigin::signed(CALLER));
	let (elapsed_ps, declared) = externalities.execute_with(|| {
		let elapsed_ps = (0..TIMINGS)
			.map(|_| {
				with_transaction(|| {
					let started = Instant::now();
					let _ = run();
					TransactionOutcome::Rollback(Ok::<_, DispatchError>(started.elapsed().as_nanos() * 1_000))
				})
				.unwrap_or(u128::MAX)
			})
			.min()
			.unwrap_or(u128::MAX);
		// A deploy's declared weight reads the parameters.
		(elapsed_ps, call.get_dispatch_info())
	});
	let block = BlockStart::commit(externalities);
	let before = externalities.execute_with(state_root);
	let (result, recorded) = block.prove(externalities, run);
	let (post, outcome) = match result {
		Ok(post) => (post, Ok(())),
		Err(failure) => (failure.post_info, Err(failure.error)),
	};
	// What the dispatch pays for: its actual weight, or the declared one when it reports none.
	let charged = post.calc_actual_weight(&declared);
	assert!(
		u128::from(recorded) <= u128::from(charged.proof_size()),
		"{}: recorded {recorded} bytes of proof, charged {}",
		tally.at(step),
		charged.proof_size()
	);
	let proof_ratio = recorded as f64 / charged.proof_size().max(1) as f64;
	if proof_ratio > tally.worst_proof_per_charge {
		tally.worst_proof_per_charge = proof_ratio;
		tally.worst_proof = format!("case {}, {step}, {recorded} bytes for {}", tally.case, charged.proof_size());
	}
	let charged_ps = charged.ref_time() as u128;
	assert!(
		elapsed_ps <= TOLERANCE * charged_ps + NOISE_PS,
		"{}: took {elapsed_ps} ps, charged {charged_ps} ps",
		tally.at(step)
	);
	tally.elapsed_ps += elapsed_ps;
	tally.charged_ps += charged_ps;
	let ratio = elapsed_ps as f64 / charged_ps.max(1) as f64;
	if ratio > tally.worst_time_per_weight {
		tally.worst_time_per_weight = ratio;
		tally.worst = format!("case {}, {step} ({outcome:?}), {elapsed_ps} ps for {charged_ps} ps", tally.case);
		tally.worst_wasm = tally.wasm.clone();
	}
	match outcome {
		Ok(()) => {
			tally.count(format!("{step}: ok"));
			true
		},
		Err(error) => {
			assert_eq!(externalities.execute_with(state_root), before, "{}: failed and changed state", tally.at(step));
			tally.count(named(step, error));
			false
		},
	}
}

/// The exports of `wasm` that `execute` may call: functions without parameters.
fn entry_points(module: &wasmi::Module) -> Vec<String> {
	module
		.exports()
		.filter_map(|export| match export.ty() {
			wasmi::ExternType::Func(ty) if ty.params().is_empty() => Some(export.name().to_string()),
			_ => None,
		})
		.collect()
}

fn run_case(imports: &[u8], stream: &mut Stream, tally: &mut Tally) {
	let forbidden = stream.below(5) == 0;
	let entropy = stream.bytes(4_096);
	let Ok(module) = wasm_smith::Module::new(config(imports, forbidden), &mut Unstructured::new(&entropy)) else {
		tally.count("generator: no module".into());
		return
	};
	let mut wasm = module.to_bytes();
	if stream.below(3) == 0 {
		wasm = mutate(wasm, stream);
	}
	if let Some(corpus) = &tally.corpus {
		let path = corpus.join(format!("{}-{}.wasm", tally.seed, tally.case));
		std::fs::write(&path, &wasm).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
	}
	tally.wasm = wasm.clone();
	let mut externalities = runtime::new_externalities();
	run_steps(&mut externalities, wasm, stream, tally);
	externalities.execute_with(|| {
		if let Err(invariant) = pallet_wasm_contracts::invariants::check::<Runtime>() {
			panic!("{}: {invariant}", tally.at("the pallet's invariants after the case"));
		}
	});
}

/// Uploads `wasm`, instantiates it, executes and queries each of its entry points, and runs it
/// as a deploy's session, each as far as the steps before it succeeded.
fn run_steps(externalities: &mut sp_io::TestExternalities, wasm: Vec<u8>, stream: &mut Stream, tally: &mut Tally) {
	let upload = pallet_wasm_contracts::Call::<Runtime>::upload_code { code: wasm.clone(), storage_deposit_limit: None };
	if !dispatch(externalities, tally, "upload", upload.into()) {
		return
	}
	let engine = pallet_wasm_contracts::harness::new_engine(Metering::Fuel, 1);
	let checked = wasmi::Module::new(&engine, &wasm)
		.unwrap_or_else(|error| panic!("{}: uploaded code that wasmi refuses: {error}", tally.at("upload")));
	let code_id = externalities.execute_with(|| pallet_wasm_contracts::NextCodeId::<Runtime>::get() - 1);
	let instantiate = pallet_wasm_contracts::Call::<Runtime>::instantiate {
		code_id,
		init_msg: stream.message(),
		admin: None,
		value: 0,
		gas_limit: CALL_GAS,
		salt: None,
		storage_deposit_limit: None,
	};
	if dispatch(externalities, tally, "instantiate", instantiate.into()) {
		let contract = pallet_wasm_contracts::harness::instance_address::<Runtime>(code_id, 0);
		for entry in entry_points(&checked) {
			let msg = stream.message();
			let execute = pallet_wasm_contracts::Call::<Runtime>::execute {
				contract: contract.clone(),
				entry_point: entry.as_bytes().to_vec(),
				msg: msg.clone(),
				value: 0,
				gas_limit: CALL_GAS,
				storage_deposit_limit: None,
			};
			dispatch(externalities, tally, "execute", execute.into());
			externalities.execute_with(|| {
				let before = state_root();
				let query = Contracts::query(contract.clone(), entry.as_bytes().to_vec(), msg, Some(CALL_GAS));
				assert_eq!(state_root(), before, "{}: a query changed state", tally.at("query"));
				match query.result {
					Ok(_) => tally.count("query: ok".into()),
					Err(error) => tally.count(named("query", error)),
				}
			});
		}
	}
	let deploy = pallet_wasm_contracts::Call::<Runtime>::deploy {
		payment: vec![],
		session: wasm,
		payment_amount: 1_000_000_000,
		session_gas_limit: CALL_GAS,
		storage_deposit_limit: None,
	};
	dispatch(externalities, tally, "deploy", deploy.into());
}

fn main() {
	let mut args = std::env::args().skip(1);
	let cases: u64 = args.next().and_then(|cases| cases.parse().ok()).unwrap_or(1_000);
	let seed: u64 = args.next().and_then(|seed| seed.parse().ok()).unwrap_or(1);
	let first: u64 = args.next().and_then(|first| first.parse().ok()).unwrap_or(0);
	let imports = host_imports();
	let corpus = std::env::var_os("FUZZ_CORPUS").map(std::path::PathBuf::from);
	if let Some(corpus) = &corpus {
		std::fs::create_dir_all(corpus).unwrap_or_else(|error| panic!("{}: {error}", corpus.display()));
	}
	let mut tally = Tally { seed, corpus, ..Tally::default() };
	let started = Instant::now();
	for case in first..first.saturating_add(cases) {
		tally.case = case;
		run_case(&imports, &mut Stream::for_case(seed, case), &mut tally);
	}
	if let Ok(path) = std::env::var("FUZZ_WORST") {
		std::fs::write(&path, &tally.worst_wasm).unwrap_or_else(|error| panic!("{path}: {error}"));
	}
	println!(
		"{cases} cases from seed {seed} in {:.1?}; no panic, every failure named, no change on failure, no proof past its \
		 charge, invariants hold",
		started.elapsed()
	);
	for (outcome, count) in &tally.outcomes {
		println!("{count:>8}  {outcome}");
	}
	println!("largest time / charged weight of a call: {:.3}: {}", tally.worst_time_per_weight, tally.worst);
	println!("largest proof / charged proof_size of a call: {:.3}: {}", tally.worst_proof_per_charge, tally.worst_proof);
	let total = tally.elapsed_ps as f64 / tally.charged_ps.max(1) as f64;
	println!("all calls: {:.1?} measured for {:.1?} charged ({total:.3})", ps(tally.elapsed_ps), ps(tally.charged_ps));
	assert!(tally.elapsed_ps <= tally.charged_ps, "the calls together took longer than they were charged");
}

fn ps(picoseconds: u128) -> std::time::Duration {
	std::time::Duration::from_nanos((picoseconds / 1_000) as u64)
}
