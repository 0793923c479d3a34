//! A helper thread that takes the kernel's page-fault work off the front
//! end's threads.
//!
//! Why: the first write to a page of fresh memory traps into the kernel,
//! which finds and zeroes a page: about 1.8 µs per 4 KiB page on the
//! virtual machines goscope is measured on, a quarter of the CPU time of
//! `goscope check` on a big program (it touches some 80 MB). The checker
//! runs on one thread while the second core idles, so that work moves
//! there: the helper keeps [`READY_DEPTH`] bump chunks ready with every
//! page already present, and populates the tails of big blocks (the
//! checker's dense tables and arenas) ahead of the checker's writes.
//!
//! The helper never writes to memory another thread may use: a chunk is
//! its own until it is handed over through [`STATE`]'s lock, and big
//! blocks are populated with `MADV_POPULATE_WRITE`, which maps their pages
//! writable without changing a byte (a range freed or reused meanwhile is
//! harmless: the call then fails or maps pages of the new owner, whose
//! contents it leaves as they are).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// Chunks kept ready: enough that a thread which starts a chunk every few
/// milliseconds never waits, few enough that the unused ones at exit cost
/// little (each is 4 MiB of populated memory).
const READY_DEPTH: usize = 2;
/// Ranges waiting to be populated; a request beyond that is dropped (the
/// pages then fault in as usual).
const MAX_RANGES: usize = 32;

struct State {
    /// Whether the helper thread runs (it then serves requests).
    running: bool,
    ready: [usize; READY_DEPTH],
    nready: usize,
    ranges: [(usize, usize); MAX_RANGES],
    nranges: usize,
}

static STATE: Mutex<State> = Mutex::new(State {
    running: false,
    ready: [0; READY_DEPTH],
    nready: 0,
    ranges: [(0, 0); MAX_RANGES],
    nranges: 0,
});
/// Wakes the helper when a chunk was taken or a range requested.
static WAKE: Condvar = Condvar::new();

fn state() -> MutexGuard<'static, State> {
    // Nothing panics while holding the lock; a poisoned state is still
    // consistent.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Set by the first [`start`].
static STARTED: AtomicBool = AtomicBool::new(false);

/// Starts the helper thread unless it was started before. Until it runs
/// (or if it cannot be started), requests are ignored and chunks come
/// from the system.
pub fn start() {
    if STARTED.swap(true, Ordering::Relaxed) {
        return;
    }
    // Spawning allocates, and an allocation may take a chunk, which locks
    // the state: the lock is not held here.
    let spawned = std::thread::Builder::new()
        .name("prefault".into())
        .stack_size(64 << 10)
        .spawn(helper);
    if spawned.is_ok() {
        state().running = true;
    }
}

/// A populated chunk, if one is ready.
pub(super) fn take_chunk() -> Option<usize> {
    let mut s = state();
    if s.nready == 0 {
        return None;
    }
    s.nready -= 1;
    let chunk = s.ready[s.nready];
    WAKE.notify_one();
    Some(chunk)
}

/// Asks the helper to populate the whole pages of `len` bytes at `addr`,
/// memory that the calling thread allocated and is about to write.
pub(super) fn populate(addr: usize, len: usize) {
    const PAGE: usize = 4096;
    let start = addr.next_multiple_of(PAGE);
    let end = (addr + len) & !(PAGE - 1);
    if end <= start {
        return;
    }
    let mut s = state();
    if !s.running || s.nranges == MAX_RANGES {
        return;
    }
    let n = s.nranges;
    s.ranges[n] = (start, end - start);
    s.nranges += 1;
    WAKE.notify_one();
}

/// Waits until no range waits to be populated and the chunks are ready
/// (for tests).
#[cfg(test)]
pub(super) fn wait_idle() {
    for _ in 0..500 {
        {
            let s = state();
            if !s.running || (s.nranges == 0 && s.nready == READY_DEPTH) {
                return;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

enum Job {
    Range(usize, usize),
    Chunk,
}

/// The helper's loop: ranges first (a thread is about to write them),
/// then chunks up to [`READY_DEPTH`].
fn helper() {
    loop {
        let job = {
            let mut s = state();
            loop {
                if s.nranges > 0 {
                    // Oldest first: it was requested first and is the
                    // likeliest to be written soon.
                    let r = s.ranges[0];
                    let n = s.nranges;
                    s.ranges.copy_within(1..n, 0);
                    s.nranges -= 1;
                    break Job::Range(r.0, r.1);
                }
                if s.nready < READY_DEPTH {
                    break Job::Chunk;
                }
                s = WAKE.wait(s).unwrap_or_else(|e| e.into_inner());
            }
        };
        match job {
            Job::Range(addr, len) => {
                populate_write(addr, len);
            }
            Job::Chunk => {
                let Some(chunk) = super::new_chunk() else {
                    // Out of memory or address space: stop serving.
                    state().running = false;
                    return;
                };
                if !populate_write(chunk, super::CHUNK) {
                    touch_pages(chunk, super::CHUNK);
                }
                let mut s = state();
                let n = s.nready;
                s.ready[n] = chunk;
                s.nready += 1;
            }
        }
    }
}

/// Maps the pages of a range writable without writing to them; false where
/// the kernel cannot (before Linux 5.14, other systems).
fn populate_write(addr: usize, len: usize) -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: MADV_POPULATE_WRITE changes no byte of memory: it faults
        // in the pages of the range as a write would and fails (harmlessly)
        // for addresses that are not mapped writable.
        let r = unsafe { libc::madvise(addr as *mut libc::c_void, len, libc::MADV_POPULATE_WRITE) };
        r == 0
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (addr, len);
        false
    }
}

/// Writes a zero to every page of a chunk that no other thread has seen.
fn touch_pages(chunk: usize, len: usize) {
    for page in (chunk..chunk + len).step_by(4096) {
        // SAFETY: the chunk was just allocated by this thread, is `len`
        // bytes long and is handed to no one before this returns; its
        // fresh pages already read as zero.
        unsafe { std::ptr::write_volatile(page as *mut u8, 0) };
    }
}
