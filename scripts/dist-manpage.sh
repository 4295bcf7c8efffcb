#!/usr/bin/env bash
# Writes remit(1) to standard output, generated from the command-line help by
# swift-argument-parser's own manual generator (generate-manual), which reads
# `remit --experimental-dump-help`: every subcommand and option, as --help has them.
# Usage: dist-manpage.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$1
SWIFT="${SWIFT:-swift}"
SCRATCH="${SCRATCH:-.build-dist}"
"$SWIFT" build -c release --product generate-manual --scratch-path "$SCRATCH" >&2
out="$SCRATCH/manual"
rm -rf "$out" && mkdir -p "$out"
date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y-%m-%d)
"$SCRATCH/release/generate-manual" "$binary" --date "$date" --section 1 --authors "Remit maintainers" --output-directory "$out" >&2
cat "$out/remit.1"
