#!/bin/sh
# Regenerates the expected outputs of examples/*.go from gc 1.19 (X.out,
# X.err, X.code) with the same recipe as tests/run/gen.sh, which it runs
# in this directory. Usage: examples/gen.sh [X.go ...]
set -e
cd "$(dirname "$0")"
GEN_DIR="$PWD" exec ../tests/run/gen.sh "$@"
