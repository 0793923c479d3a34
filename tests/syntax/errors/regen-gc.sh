#!/bin/sh
# Regenerates the .gc files: gc 1.19's own diagnostics for each .go file.
# Run from this directory: ./regen-gc.sh  (needs golang-1.19-go).
GO=${GO:-/usr/lib/go-1.19/bin/go}
for f in *.go; do
	"$GO" tool compile -e -o /tmp/goscope-regen.o -p p "$f" > "${f%.go}.gc" 2>&1
done
rm -f /tmp/goscope-regen.o
