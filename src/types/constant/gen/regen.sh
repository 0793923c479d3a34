#!/bin/sh
# Regenerates the constant package's Go-derived files with Go 1.19:
# isprint.rs (strconv.IsPrint's table) and testdata/*.expect (expected
# results computed by go/constant, go/types and gc). Run from anywhere.
set -e
GO=${GO:-/usr/lib/go-1.19/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
export GOCACHE=${GOCACHE:-/tmp/goscope-gocache} GO111MODULE=off
(cd "$here/isprint" && "$GO" run main.go) > "$here/../isprint.rs"
(cd "$here/expect" && "$GO" run . "$here/../testdata")
