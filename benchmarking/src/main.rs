//! `perf`: runs each workload natively and through the pallet's executor with fuel metering,
//! without metering, and with `wasm-instrument`'s injected gas counter, and prints one table:
//! each time as a ratio to native, the weight the chain charges (fuel) divided by the time
//! measured here (≥ 1 means never undercharged on this machine), and the proof one call records
//! with everything it reads in the database, next to the proof_size it is charged.
//!
//! A second table times each upload shape (`uploads`) through the upload path against what
//! `upload_code` charges for it.
//!
//! Run: `cargo run --release -p wasm-contracts-benchmarks --bin perf` (`RUNS` sets the samples;
//! `WORKLOADS` keeps only the workloads whose names contain it).
//! With `--check` it exits with an error when any row is charged less time than it measured, or
//! less proof than it recorded.
//!
//! `perf translation` prints only how long each shape of function body takes to translate per
//! byte (`translation`), against the shape the `translate` benchmark measures.
//!
//! `perf peers` prints only the comparison with the peer pallets (`peers`): the same contract
//! workloads on this pallet, pallet-revive (EVM and PolkaVM) and pallet-contracts, dispatched as
//! their `call` extrinsics. It exits with an error when any workload fails on any pallet.

#[cfg(feature = "peers")]
use wasm_contracts_benchmarks::peers;
use wasm_contracts_benchmarks::{
	runtime::{self, BlockStart},
	timing::median_time,
	uploads, workloads,
};

use pallet_wasm_contracts::{
	harness::Metering,
	weight_info::WeightInfo,
	ContractTrie,
	weights::SubstrateWeight,
};
use frame_support::weights::Weight;
use runtime::Runtime;
use std::time::Duration;
use wasm_instrument::{
	gas_metering::{self, host_function, ConstantCostRules},
	parity_wasm::{deserialize_buffer, elements::Module, serialize},
};
use workloads::Workload;

/// The module with a call to `env.gas(units)` at the start of every metered block, when
/// `wasm-instrument` can read it (it predates bulk memory) and it exports no `allocate`, whose
/// injected calls of `env.gas` the host would refuse inside `allocate`.
fn instrumented(wasm: &[u8]) -> Option<Vec<u8>> {
	let module: Module = deserialize_buffer(wasm).ok()?;
	let exports = module.export_section().map_or(&[][..], |section| section.entries());
	if exports.iter().any(|export| export.field() == wasm_contracts_primitives::abi::ALLOCATE_EXPORT) {
		return None
	}
	let injected =
		gas_metering::inject(module, host_function::Injector::new("env", "gas"), &ConstantCostRules::default()).ok()?;
	serialize(injected).ok()
}

struct Row {
	name: &'static str,
	native: Duration,
	fuel: Duration,
	unmetered: Option<Duration>,
	injected: Option<Duration>,
	charged_ps: u64,
	/// Bytes of the proof one call records.
	proof: u64,
	/// The proof_size that call is charged.
	charged_proof: u64,
}

/// The workload's contract under each strategy (fuel, none, injected counter), each from its
/// own stored code and with the workload's setup call made, ready for calls of its entry point.
/// Without metering a workload that runs until it is out of gas would never end, so it has none
/// then; nor has the injected counter a module it cannot instrument ([`instrumented`]).
fn contracts(workload: &Workload) -> [Option<(Metering, runtime::AccountId)>; 3] {
	let wasm = wat::parse_str(&workload.wat).expect("workload WAT parses");
	let metered_code = Some(runtime::store_code(wasm.clone()));
	let unmetered_code = metered_code.filter(|_| workload.gas_limit.is_none());
	let injected_code = instrumented(&wasm).map(runtime::store_code);
	let strategies =
		[(metered_code, Metering::Fuel), (unmetered_code, Metering::Unmetered), (injected_code, Metering::InjectedCounter)];
	strategies.map(|(code_id, metering)| {
		let contract = runtime::instantiate(code_id?, metering);
		if let Some((entry, input)) = &workload.setup {
			runtime::call(metering, &contract, entry, input);
		}
		Some((metering, contract))
	})
}

/// Gas of one call of `workload` under `metering`.
fn gas_of(workload: &Workload, metering: Metering, contract: &runtime::AccountId) -> Weight {
	runtime::call_limited(metering, contract, workload.entry, &workload.input, workload.gas_limit)
}

/// The weight a call of `workload` is charged: the `execute` base weight and the `gas` it used.
fn charged(workload: &Workload, gas: Weight) -> Weight {
	<SubstrateWeight<Runtime> as WeightInfo>::execute(workload.input.len() as u32).saturating_add(gas)
}

/// The proof one call of `workload` on `contract` records, with everything the state holds in
/// the database as a block finds it, and the proof_size the call is charged.
fn proof_of(externalities: &mut sp_io::TestExternalities, workload: &Workload, contract: &runtime::AccountId) -> (u64, u64) {
	let block = BlockStart::commit(externalities);
	let (gas, recorded) = block.prove(externalities, || gas_of(workload, Metering::Fuel, contract));
	(recorded, charged(workload, gas).proof_size())
}

fn measure(workload: &Workload, runs: usize) -> Row {
	let mut externalities = runtime::new_externalities();
	let (row, contract) = externalities.execute_with(|| {
		let [fuel, unmetered, injected] = contracts(workload);
		let fuel = fuel.expect("every workload runs with fuel");
		let time_of = |(metering, contract): &(Metering, runtime::AccountId)| {
			median_time(runs, || {
				gas_of(workload, *metering, contract);
			})
		};
		let gas = gas_of(workload, Metering::Fuel, &fuel.1);
		let trie = ContractTrie::new(&[0xbe; 32]);
		let native = median_time(runs, || (workload.native)(&trie));
		let row = Row {
			name: workload.name,
			native,
			fuel: time_of(&fuel),
			unmetered: unmetered.as_ref().map(time_of),
			injected: injected.as_ref().map(time_of),
			charged_ps: charged(workload, gas).ref_time(),
			proof: 0,
			charged_proof: 0,
		};
		(row, fuel.1)
	});
	let (proof, charged_proof) = proof_of(&mut externalities, workload, &contract);
	Row { proof, charged_proof, ..row }
}

fn kib(bytes: u64) -> String {
	format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn ratio(time: Option<Duration>, native: Duration) -> String {
	let native = native.as_secs_f64().max(1e-9);
	time.map_or("-".into(), |time| format!("{:.1}x", time.as_secs_f64() / native))
}

const USAGE: &str = "\
usage: perf [--check] [peers [--instructions]] [translation] [--help]

  (no argument)  the execution strategies table and the upload table
  --check        exit with an error when a row is charged less time than it measured, or less
                 proof than it recorded
  peers          only the comparison with the peer pallets: the same contract workloads on this
                 pallet, pallet-revive (EVM, PolkaVM) and pallet-contracts, as `call` extrinsics;
                 exits with an error when a workload fails on a pallet
  --instructions with peers: also the instructions of one dispatch of each row, counted by
                 running each row again under valgrind --tool=callgrind (about a minute)
  translation    only the translation table: how long wasmi takes per byte to translate each
                 shape of function body, against the shape the `translate` benchmark measures
  --help         this text

environment: RUNS, the timings each row's median is taken over (default 15; at least 10 for peers)";

/// `perf peers`, which needs the peer pallets compiled in (the `peers` feature).
#[cfg(feature = "peers")]
fn print_peers(runs: usize, count_instructions: bool) {
	if !peers::print(runs, count_instructions) {
		std::process::exit(1);
	}
}

#[cfg(not(feature = "peers"))]
fn print_peers(_runs: usize, _count_instructions: bool) {
	eprintln!("perf was built without the peer pallets: run it with `--features peers`");
	std::process::exit(2);
}

fn main() {
	let runs = std::env::var("RUNS").ok().and_then(|runs| runs.parse().ok()).unwrap_or(15);
	let args: Vec<String> = std::env::args().skip(1).collect();
	if let Some(unknown) = args.iter().find(|arg| !["--check", "peers", "--instructions", "translation", "--help", "-h"].contains(&arg.as_str())) {
		eprintln!("unknown argument: {unknown}\n{USAGE}");
		std::process::exit(2);
	}
	if args.iter().any(|arg| arg == "--help" || arg == "-h") {
		println!("{USAGE}");
		return
	}
	if args.iter().any(|arg| arg == "translation") {
		wasm_contracts_benchmarks::translation::print(runs);
		return
	}
	if args.iter().any(|arg| arg == "peers") {
		print_peers(runs, args.iter().any(|arg| arg == "--instructions"));
		return
	}
	let check = args.iter().any(|arg| arg == "--check");
	let mut undercharged = Vec::new();
	println!(
		"{:<24} {:>12} {:>12} {:>12} {:>12} {:>12} {:>18} {:>12} {:>14}",
		"workload", "native", "fuel", "no metering", "injected", "fuel time", "charged/measured", "proof", "proof charged"
	);
	let only = std::env::var("WORKLOADS").unwrap_or_default();
	for workload in workloads::all().into_iter().filter(|workload| workload.name.contains(only.as_str())) {
		let mut row = measure(&workload, runs);
		if (row.charged_ps as f64) < row.fuel.as_nanos() as f64 * 1_000.0 {
			// Load on the machine only ever adds time: a row charged below its time is measured
			// again, and the lower median stands. A real undercharge fails both times.
			let again = measure(&workload, runs * 3);
			if again.fuel < row.fuel {
				row = Row { fuel: again.fuel, ..row };
			}
		}
		let measured_ps = row.fuel.as_nanos() as f64 * 1_000.0;
		println!(
			"{:<24} {:>12} {:>12} {:>12} {:>12} {:>12} {:>18} {:>12} {:>14}",
			row.name,
			format!("{:.1?}", row.native),
			ratio(Some(row.fuel), row.native),
			ratio(row.unmetered, row.native),
			ratio(row.injected, row.native),
			format!("{:.1?}", row.fuel),
			format!("{:.1}", row.charged_ps as f64 / measured_ps),
			kib(row.proof),
			kib(row.charged_proof),
		);
		if (row.charged_ps as f64) < measured_ps {
			undercharged.push(row.name.to_string());
		}
		if row.charged_proof < row.proof {
			undercharged.push(format!("{} (proof)", row.name));
		}
	}
	println!();
	println!("{:<32} {:>10} {:>12} {:>18}", "upload", "bytes", "validation", "charged/measured");
	for upload in uploads::all() {
		let mut time = median_time(runs, || uploads::validate(&upload));
		if (uploads::charged_ps(&upload) as f64) < time.as_nanos() as f64 * 1_000.0 {
			time = time.min(median_time(runs * 3, || uploads::validate(&upload)));
		}
		let measured_ps = time.as_nanos() as f64 * 1_000.0;
		println!(
			"{:<32} {:>10} {:>12} {:>18}",
			upload.name,
			upload.wasm.len(),
			format!("{time:.1?}"),
			format!("{:.1}", uploads::charged_ps(&upload) as f64 / measured_ps),
		);
		if (uploads::charged_ps(&upload) as f64) < measured_ps {
			undercharged.push(upload.name.to_string());
		}
	}
	if check && !undercharged.is_empty() {
		eprintln!("charged less than measured or recorded: {}", undercharged.join(", "));
		std::process::exit(1);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Gas one call of `workload` consumes under each strategy it runs with: fuel, none,
	/// injected counter.
	fn gas_per_strategy(workload: &Workload) -> [Option<u64>; 3] {
		runtime::new_externalities().execute_with(|| {
			contracts(workload).map(|strategy| {
				let (metering, contract) = strategy?;
				Some(gas_of(workload, metering, &contract).ref_time())
			})
		})
	}

	#[test]
	fn every_workload_runs_under_every_strategy_and_metering_charges_for_instructions() {
		for workload in workloads::all() {
			let [fuel, unmetered, injected] = gas_per_strategy(&workload);
			let fuel = fuel.expect("every workload runs with fuel");
			if let Some(unmetered) = unmetered {
				assert!(fuel > unmetered, "{}: fuel {fuel} vs unmetered {unmetered}", workload.name);
				if let Some(injected) = injected {
					assert!(injected > unmetered, "{}: injected {injected} vs unmetered {unmetered}", workload.name);
				}
			}
		}
	}

	#[test]
	fn the_proof_column_holds_the_code_a_call_loads() {
		let workload = workloads::all().into_iter().find(|workload| workload.name == "no-op, 100 KB code").expect("a workload");
		let code = wat::parse_str(&workload.wat).expect("workload WAT parses").len() as u64;
		let mut externalities = runtime::new_externalities();
		let [fuel, ..] = externalities.execute_with(|| contracts(&workload));
		let (proof, charged) = proof_of(&mut externalities, &workload, &fuel.expect("every workload runs with fuel").1);
		assert!(proof > code, "the module ({code} bytes) is in the proof: {proof}");
		assert!(proof <= charged, "recorded {proof} bytes of proof, charged {charged}");
	}

	#[test]
	fn every_upload_shape_is_accepted() {
		runtime::new_externalities().execute_with(|| uploads::all().iter().for_each(uploads::validate));
	}
}
