//! `perf`: runs each workload natively and through the pallet's executor with fuel metering,
//! without metering, and with `wasm-instrument`'s injected gas counter, and prints one table:
//! each time as a ratio to native, and the weight the chain charges (fuel) divided by the time
//! measured here (≥ 1 means never undercharged on this machine).
//!
//! Run: `cargo run --release -p wasm-contracts-benchmarks --bin perf` (`RUNS` sets the samples).

use wasm_contracts_benchmarks::{runtime, uploads, workloads};

use pallet_wasm_contracts::{
	storage::ContractTrie,
	vm::engine::Metering,
	weight_info::WeightInfo,
	weights::SubstrateWeight,
};
use runtime::Runtime;
use std::time::{Duration, Instant};
use wasm_instrument::{
	gas_metering::{self, host_function, ConstantCostRules},
	parity_wasm::{deserialize_buffer, serialize},
};
use workloads::Workload;

/// The median of `runs` timings of `f`, after two warm-up runs.
fn median_time(runs: usize, mut f: impl FnMut()) -> Duration {
	f();
	f();
	let mut times: Vec<Duration> = (0..runs)
		.map(|_| {
			let start = Instant::now();
			f();
			start.elapsed()
		})
		.collect();
	times.sort();
	times[times.len() / 2]
}

/// The module with a call to `env.gas(units)` at the start of every metered block.
fn instrumented(wasm: &[u8]) -> Vec<u8> {
	let module = deserialize_buffer(wasm).expect("workload modules parse");
	let injected = gas_metering::inject(module, host_function::Injector::new("env", "gas"), &ConstantCostRules::default())
		.unwrap_or_else(|_| panic!("the workload cannot be instrumented"));
	serialize(injected).expect("instrumented modules serialise")
}

struct Row {
	name: &'static str,
	native: Duration,
	fuel: Duration,
	unmetered: Duration,
	injected: Duration,
	charged_ps: u64,
}

/// The workload's contract under each strategy (fuel, none, injected counter), each from its
/// own stored code and with the workload's setup call made, ready for calls of its entry point.
fn contracts(workload: &Workload) -> [(Metering, runtime::AccountId); 3] {
	let wasm = wat::parse_str(&workload.wat).expect("workload WAT parses");
	let metered_code = runtime::store_code(wasm.clone());
	let injected_code = runtime::store_code(instrumented(&wasm));
	let strategies =
		[(metered_code, Metering::Fuel), (metered_code, Metering::Unmetered), (injected_code, Metering::InjectedCounter)];
	strategies.map(|(code_id, metering)| {
		let contract = runtime::instantiate(code_id, metering);
		if let Some((entry, input)) = &workload.setup {
			runtime::call(metering, &contract, entry, input);
		}
		(metering, contract)
	})
}

fn measure(workload: &Workload, runs: usize) -> Row {
	let mut externalities = runtime::new_externalities();
	externalities.execute_with(|| {
		let [fuel, unmetered, injected] = contracts(workload);
		let time_of = |(metering, contract): &(Metering, runtime::AccountId)| {
			median_time(runs, || {
				runtime::call(*metering, contract, workload.entry, &workload.input);
			})
		};
		let gas = runtime::call(Metering::Fuel, &fuel.1, workload.entry, &workload.input);
		let base = <SubstrateWeight<Runtime> as WeightInfo>::execute(workload.input.len() as u32);
		let trie = ContractTrie::new(&[0xbe; 32]);
		let native = median_time(runs, || (workload.native)(&trie));
		Row {
			name: workload.name,
			native,
			fuel: time_of(&fuel),
			unmetered: time_of(&unmetered),
			injected: time_of(&injected),
			charged_ps: base.saturating_add(gas).ref_time(),
		}
	})
}

fn ratio(time: Duration, native: Duration) -> String {
	let native = native.as_secs_f64().max(1e-9);
	format!("{:.1}x", time.as_secs_f64() / native)
}

fn main() {
	let runs = std::env::var("RUNS").ok().and_then(|runs| runs.parse().ok()).unwrap_or(15);
	println!(
		"{:<24} {:>12} {:>12} {:>12} {:>12} {:>12} {:>18}",
		"workload", "native", "fuel", "no metering", "injected", "fuel time", "charged/measured"
	);
	for workload in workloads::all() {
		let row = measure(&workload, runs);
		let measured_ps = row.fuel.as_nanos() as f64 * 1_000.0;
		println!(
			"{:<24} {:>12} {:>12} {:>12} {:>12} {:>12} {:>18}",
			row.name,
			format!("{:.1?}", row.native),
			ratio(row.fuel, row.native),
			ratio(row.unmetered, row.native),
			ratio(row.injected, row.native),
			format!("{:.1?}", row.fuel),
			format!("{:.1}", row.charged_ps as f64 / measured_ps),
		);
	}
	println!();
	println!("{:<32} {:>10} {:>12} {:>18}", "upload", "bytes", "validation", "charged/measured");
	for upload in uploads::all() {
		let time = median_time(runs, || uploads::validate(&upload));
		let measured_ps = time.as_nanos() as f64 * 1_000.0;
		println!(
			"{:<32} {:>10} {:>12} {:>18}",
			upload.name,
			upload.wasm.len(),
			format!("{time:.1?}"),
			format!("{:.1}", uploads::charged_ps(&upload) as f64 / measured_ps),
		);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Gas one call of `workload` consumes under each strategy: fuel, none, injected counter.
	fn gas_per_strategy(workload: &Workload) -> [u64; 3] {
		runtime::new_externalities().execute_with(|| {
			contracts(workload).map(|(metering, contract)| {
				runtime::call(metering, &contract, workload.entry, &workload.input).ref_time()
			})
		})
	}

	#[test]
	fn every_workload_runs_under_every_strategy_and_metering_charges_for_instructions() {
		for workload in workloads::all() {
			let [fuel, unmetered, injected] = gas_per_strategy(&workload);
			assert!(fuel > unmetered, "{}: fuel {fuel} vs unmetered {unmetered}", workload.name);
			assert!(injected > unmetered, "{}: injected {injected} vs unmetered {unmetered}", workload.name);
		}
	}
}
