#!/bin/sh
# Fills fuzz/seeds (the structure-aware mutator's dictionary) and the
# starting corpora fuzz/corpus/<target> with valid Go programs: the Go 1.19
# test suite's runnable programs (shared/tools/go-suite.valid) and
# goscope's own tests/ and examples/. Files over 64 KB are left out.
set -e
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
suite=${GO_TEST_DIR:-/usr/share/go-1.19/test}
list=${GO_SUITE_VALID:-$repo/../shared/tools/go-suite.valid}
[ -f "$list" ] || list=/work/shared/tools/go-suite.valid
mkdir -p "$here/seeds"
n=0
add() {
    [ -f "$1" ] || return 0
    [ "$(wc -c <"$1")" -le 65536 ] || return 0
    name=$(printf '%s' "$2" | tr '/' '_')
    cp "$1" "$here/seeds/$name"
    n=$((n + 1))
}
if [ -f "$list" ]; then
    while read -r f; do add "$suite/$f" "go_$f"; done <"$list"
fi
for f in $(cd "$repo" && find tests examples -name '*.go' | sort); do
    add "$repo/$f" "$f"
done
for t in lexer parser check structured split; do
    mkdir -p "$here/corpus/$t"
    cp -n "$here/seeds/"* "$here/corpus/$t/" 2>/dev/null || true
done
echo "seed.sh: $n seed files in $here/seeds"
