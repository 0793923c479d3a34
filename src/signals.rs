//! Fatal signals reported as goscope internal errors.
//!
//! The VM checks nil pointers, bounds and divisors itself, so a Go program's
//! nil dereference is a Go panic raised by an instruction, never a signal.
//! A SIGSEGV, SIGBUS, SIGILL or SIGFPE in the process therefore means
//! goscope itself went wrong (a miscompiled program reaching an unchecked
//! load, a Rust stack overflow). The handler says so in one line and exits
//! 3, as a Rust panic does (docs/vm.md section 6), instead of the shell's
//! "Segmentation fault" and status 139.

use std::ffi::{c_int, c_void};

/// The signals that mean goscope (not the Go program) failed.
const FATAL: [(c_int, &str); 4] = [
    (libc::SIGSEGV, "SIGSEGV"),
    (libc::SIGBUS, "SIGBUS"),
    (libc::SIGILL, "SIGILL"),
    (libc::SIGFPE, "SIGFPE"),
];

/// The signature of an SA_SIGINFO handler.
type Handler = extern "C" fn(c_int, *mut libc::siginfo_t, *mut c_void);

/// Installs the reporting handler for every fatal signal. Call it on the
/// main thread before starting the worker thread: the handler runs on the
/// alternate signal stack Rust's runtime gives each thread it spawns, so a
/// stack overflow is reported too.
pub fn install() {
    for (sig, _) in FATAL {
        // SAFETY: `action` is fully initialised (zeroed, then the handler,
        // flags and an emptied mask set) before sigaction reads it; the
        // handler has the three-argument form SA_SIGINFO requires and only
        // makes async-signal-safe calls.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            let handler: Handler = on_fatal_signal;
            action.sa_sigaction = handler as libc::sighandler_t;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(sig, &action, std::ptr::null_mut());
        }
    }
}

/// Writes `goscope: internal error: fatal signal SIGSEGV (fault address
/// 0x...)` to stderr and exits 3. Only write(2) and _exit(2) are called;
/// the text is built in a stack buffer (no allocation in a signal handler).
extern "C" fn on_fatal_signal(sig: c_int, info: *mut libc::siginfo_t, _context: *mut c_void) {
    let mut msg = MessageBuf::default();
    msg.push(b"goscope: internal error: fatal signal ");
    let name = FATAL
        .iter()
        .find(|(s, _)| *s == sig)
        .map_or("?", |(_, n)| n);
    msg.push(name.as_bytes());
    if !info.is_null() {
        // SAFETY: the kernel passes a valid siginfo_t to an SA_SIGINFO
        // handler; si_addr is defined for the four signals handled here.
        let addr = unsafe { (*info).si_addr() } as usize;
        msg.push(b" (fault address 0x");
        msg.push_hex(addr);
        msg.push(b")");
    }
    msg.push(b"\n");
    // SAFETY: write(2) and _exit(2) are async-signal-safe; the buffer is
    // valid for `msg.len` bytes.
    unsafe {
        libc::write(2, msg.bytes.as_ptr().cast(), msg.len);
        libc::_exit(3);
    }
}

/// A fixed-size text buffer that needs no allocation.
struct MessageBuf {
    bytes: [u8; 160],
    len: usize,
}

impl Default for MessageBuf {
    fn default() -> Self {
        MessageBuf {
            bytes: [0; 160],
            len: 0,
        }
    }
}

impl MessageBuf {
    fn push(&mut self, s: &[u8]) {
        for &b in s {
            if self.len < self.bytes.len() {
                self.bytes[self.len] = b;
                self.len += 1;
            }
        }
    }

    fn push_hex(&mut self, mut v: usize) {
        let mut digits = [0u8; 16];
        let mut n = 0;
        loop {
            digits[n] = b"0123456789abcdef"[v & 15];
            n += 1;
            v >>= 4;
            if v == 0 {
                break;
            }
        }
        digits[..n].reverse();
        self.push(&digits[..n]);
    }
}

#[cfg(test)]
mod tests {
    use super::MessageBuf;

    #[test]
    fn message_buffer_formats_hex_and_truncates() {
        let mut m = MessageBuf::default();
        m.push(b"at 0x");
        m.push_hex(0xdead_beef);
        assert_eq!(&m.bytes[..m.len], b"at 0xdeadbeef");
        let mut m = MessageBuf::default();
        m.push_hex(0);
        assert_eq!(&m.bytes[..m.len], b"0");
        m.push(&[b'x'; 300]);
        assert_eq!(m.len, 160);
    }
}
