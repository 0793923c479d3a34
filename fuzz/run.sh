#!/bin/sh
# Runs one fuzz target for a while, in libFuzzer's fork mode (one worker)
# so that crashes, timeouts (1 s of CPU per input: the targets' own
# watchdog, see src/lib.rs; libFuzzer's -timeout deadlocks without a
# sanitizer) and 2 GB memory blowups are all recorded in
# fuzz/artifacts/<target>/ and the run goes on.
#
#   fuzz/run.sh TARGET [SECONDS]      (targets: lexer parser check structured)
#
# Stable Rust works: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags;
# no sanitizer is needed (the front end has no unsafe code), which keeps
# the executions fast. Run fuzz/seed.sh once first.
set -e
t=${1:?target}
secs=${2:-600}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
mkdir -p "$here/corpus/$t" "$here/artifacts/$t" "$here/logs"
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none "$t"
exec nice -n 19 cargo fuzz run -s none "$t" -- \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -timeout=0 -rss_limit_mb=2048 -max_len=65536 \
    -max_total_time="$secs" -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/$t/" \
    >"$here/logs/$t.log" 2>&1
