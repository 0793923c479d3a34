#!/bin/sh
# Regenerates the golden files: gc 1.19's `go build -gcflags='-m -l'`
# report for each program, sorted by position (gc emits it unsorted).
#   examples/escape/gen.sh [FILE.go...]
set -e
cd "$(dirname "$0")"
GO=${GO:-/usr/lib/go-1.19/bin/go}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in ${@:-*.go}; do
  b=$(basename "$f" .go)
  rm -rf "$tmp/$b"; mkdir -p "$tmp/$b"; cp "$f" "$tmp/$b/"
  printf 'module x\ngo 1.19\n' > "$tmp/$b/go.mod"
  (cd "$tmp/$b" && GOFLAGS=-mod=mod "$GO" build -gcflags='-m -l' -o "$tmp/$b.out" . 2>&1 || true) |
    grep -v '^#' | sed 's|^\./||' | sort -t: -k2,2n -k3,3n -s > "$tmp/$b.m"
  { echo "# gc 1.19: go build -gcflags='-m -l' $f (sorted by position); regenerate with examples/escape/gen.sh"; cat "$tmp/$b.m"; } > "$b.out"
done
