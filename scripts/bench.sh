#!/usr/bin/env bash
# Builds a generated 10,000-page catalogue with a release build of remit and
# reports wall time and peak memory (best of three), plus `remit check`.
set -euo pipefail
remit="$1"
pages="${PAGES:-10000}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/generate-catalogue.py "$work/content" "$pages"
for run in 1 2 3; do
  /usr/bin/env time -f "build run $run: %e s wall, %M KiB peak" "$remit" build --content "$work/content" --output "$work/public" --today 2026-11-29 >/dev/null
done
for run in 1 2 3; do
  /usr/bin/env time -f "check run $run: %e s wall, %M KiB peak" "$remit" check --content "$work/content" --today 2026-11-29 2>&1 >/dev/null | tail -1
done
echo "pages: $(find "$work/public" -name '*.html' | wc -l), output: $(du -sh "$work/public" | cut -f1)"
