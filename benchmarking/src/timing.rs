//! Timing shared by the tables of `perf`.

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
