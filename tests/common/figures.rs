//! How the benchmarks print their timings.

use std::time::Duration;

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median, 95th percentile and minimum, in ms.
pub fn figures(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |p: f64| ms(times[((times.len() - 1) as f64 * p).round() as usize]);
    format!(
        "median {:>7.2} ms  p95 {:>7.2} ms  min {:>7.2} ms  (n={})",
        at(0.5),
        at(0.95),
        ms(times[0]),
        times.len()
    )
}
