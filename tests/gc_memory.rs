//! The collector bounds memory: tests/gc/churn.go allocates 10 GB over
//! its life with a small live set; its output must be gc's (churn.out)
//! and its peak resident set (VmHWM, polled from /proc while it runs)
//! must stay far below what it allocates.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Peak RSS allowed, in kB: the live set (~0.3 MB), the GOGC=100 headroom
/// over the 4 MB minimum goal, one 1 MB slice, and the binary itself.
const MAX_PEAK_KB: u64 = 48 * 1024;

/// VmHWM of process `pid` in kB, while it is alive.
fn vm_hwm(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn ten_gigabytes_of_garbage_run_in_bounded_memory() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gc");
    let mut child = Command::new(env!("CARGO_BIN_EXE_goscope"))
        .arg("run")
        .arg("churn.go")
        .current_dir(&dir)
        .env_remove("GOGC")
        .env_remove("GOSCOPE_GCSTRESS")
        .stdout(Stdio::piped())
        .spawn()
        .expect("run goscope");
    let mut peak = 0;
    loop {
        if let Some(kb) = vm_hwm(child.id()) {
            peak = peak.max(kb);
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().expect("output");
    let want = std::fs::read_to_string(dir.join("churn.out")).expect("churn.out");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    assert!(out.status.success());
    assert!(peak > 0, "no VmHWM read");
    assert!(
        peak < MAX_PEAK_KB,
        "peak RSS {peak} kB, want < {MAX_PEAK_KB} kB"
    );
}
