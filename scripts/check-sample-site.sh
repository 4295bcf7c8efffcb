#!/usr/bin/env bash
# Builds the sample catalogue at the site root and under a sub-path, then checks
# every link, anchor and the absence of script in each; and checks it --strict.
set -euo pipefail
remit="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$remit" check --content content --strict
"$remit" build --content content --templates templates --output "$work/root" --base-url /
python3 scripts/check_links.py "$work/root" /
"$remit" build --content content --templates templates --output "$work/sub" --base-url https://intranet.example.org/services/
python3 scripts/check_links.py "$work/sub" /services/
# A catalogue the project has never seen, built by a copy of the binary outside
# the repository, in a folder holding only content/ (the built-in theme is used).
mkdir -p "$work/bin" "$work/elsewhere"
cp "$remit" "$work/bin/remit"
cp -R Tests/EndToEndTests/Fixtures/unseen/content "$work/elsewhere/content"
(cd "$work/elsewhere" && "$work/bin/remit" build)
python3 scripts/check_links.py "$work/elsewhere/public" /shared/

pages=$(find "$work/root" -name '*.html' | wc -l)
functions=$(find content -mindepth 2 -maxdepth 2 -name index.md | grep -v -e '^content/pages/' -e '^content/journeys/' | wc -l)
echo "sample site: $functions functions, $pages pages"
[ "$functions" -ge 10 ] && [ "$pages" -ge 60 ]
