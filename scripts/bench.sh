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
# What a reader downloads for a first search: the core index, the term shards
# and the summary chunks the query needs (gzipped, as a web server sends them).
echo "search index: $(du -sh "$work/public/search" | cut -f1) in $(ls "$work/public/search" | wc -l) files; core $(gzip -9c "$work/public/search/index.js" | wc -c) bytes gzipped"
title=$(sed -n 's/^title: //p' "$work/content/fn050/services/s010.md")
word=$(echo "$title" | awk '{print $3}')
REPORT_DOWNLOAD=1 node Tests/Search/check-search.js "$work/public" "$title" "$title" "$word" - "${word:0:2}" - "${word:0:3}x${word:4}" - "rule" - "service fn" - | grep -E "download|FAIL"
