#!/bin/sh
# Regenerates NAME.gc: gc 1.19's diagnostics for each file of files.txt
# (paths relative to the Go distribution's test directory).
# Run from this directory: ./regen-gc.sh   (needs golang-1.19-go).
GO=${GO:-/usr/lib/go-1.19/bin/go}
TEST=${GOTEST:-/usr/share/go-1.19/test}
here=$(pwd)
while read -r f; do
	out="$here/$(echo "$f" | tr / _).gc"
	(cd "$TEST" && "$GO" tool compile -e -o /tmp/goscope-regen.o -p p "$f" > "$out" 2>&1)
done < files.txt
rm -f /tmp/goscope-regen.o
