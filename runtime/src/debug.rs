//! runtime/debug.go: GOMAXPROCS and NumGoroutine.
//!
//! goscope runs one goroutine on one thread for now, so NumGoroutine is 1;
//! GOMAXPROCS keeps gc's setting (the CPU count, or $GOMAXPROCS) so that
//! programs printing it agree with gc on the same machine.

use std::sync::atomic::{AtomicI64, Ordering};

/// The current setting; 0 until first read.
static PROCS: AtomicI64 = AtomicI64::new(0);

/// gc's initial GOMAXPROCS: $GOMAXPROCS when a positive number, else the
/// number of CPUs.
fn initial() -> i64 {
    std::env::var("GOMAXPROCS")
        .ok()
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() as i64))
}

/// runtime.GOMAXPROCS(n): returns the previous setting and sets `n` when
/// it is at least 1.
pub fn gomaxprocs(n: i64) -> i64 {
    let mut cur = PROCS.load(Ordering::Relaxed);
    if cur == 0 {
        cur = initial();
        PROCS.store(cur, Ordering::Relaxed);
    }
    if n >= 1 {
        PROCS.store(n, Ordering::Relaxed);
    }
    cur
}

/// runtime.NumGoroutine.
pub fn num_goroutine() -> i64 {
    1
}

#[cfg(test)]
mod tests {
    #[test]
    fn gomaxprocs_returns_the_previous_setting() {
        let first = super::gomaxprocs(0);
        assert!(first >= 1);
        assert_eq!(super::gomaxprocs(3), first);
        assert_eq!(super::gomaxprocs(0), 3);
        assert_eq!(super::gomaxprocs(first), 3);
    }
}
