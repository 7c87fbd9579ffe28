//! Timing shared by the tables of `perf`, and the CPU the times belong to.

use std::time::{Duration, Instant};

/// The median of `runs` timings of `f`, after two warm-up runs.
pub fn median_time(runs: usize, mut f: impl FnMut()) -> Duration {
	median_time_prepared(runs, || (), |()| f())
}

/// Untimed runs before the timed ones of [`median_time_prepared`].
pub const WARM_UPS: usize = 2;

/// The median of `runs` timings of `run`, each given what an untimed call of `prepare` returned,
/// after [`WARM_UPS`] warm-up runs.
pub fn median_time_prepared<I>(runs: usize, mut prepare: impl FnMut() -> I, mut run: impl FnMut(I)) -> Duration {
	let mut time = || {
		let input = prepare();
		let start = Instant::now();
		run(input);
		start.elapsed()
	};
	for _ in 0..WARM_UPS {
		time();
	}
	let mut times: Vec<Duration> = (0..runs.max(1)).map(|_| time()).collect();
	times.sort();
	times[times.len() / 2]
}

/// The CPU this runs on: the `model name` of `/proc/cpuinfo` and the number of processors.
pub fn cpu() -> String {
	let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
	let model = info
		.lines()
		.find_map(|line| line.strip_prefix("model name").and_then(|rest| rest.split_once(':')))
		.map_or_else(|| "unknown".to_string(), |(_, model)| model.trim().to_string());
	let processors = info.lines().filter(|line| line.starts_with("processor")).count();
	format!("{model}, {processors} processors")
}
