#!/bin/sh
# Regenerates the expected outputs of tests/run/*.go from gc 1.19:
# X.out (stdout), X.err (stderr), X.code (exit status). Each program is
# built with `go build` and run directly, so stderr has no `exit status`
# line of go run's. Usage: tests/run/gen.sh [X.go ...]
# (GEN_DIR=dir: the programs of another directory, as examples/gen.sh does.)
set -e
cd "${GEN_DIR:-$(dirname "$0")}"
GO=/usr/lib/go-1.19/bin/go
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files="$*"
[ -n "$files" ] || files=$(ls *.go)
for f in $files; do
	b=${f%.go}
	cp "$f" "$tmp/main.go"
	(cd "$tmp" && GO111MODULE=off GOCACHE="$tmp/cache" $GO build -o "$tmp/prog" main.go)
	set +e
	(cd "$tmp" && ./prog >"$tmp/out" 2>"$tmp/err")
	code=$?
	set -e
	cp "$tmp/out" "$b.out"
	sed "s#$tmp/main.go#$b.go#g" "$tmp/err" >"$b.err"
	echo "$code" >"$b.code"
done
