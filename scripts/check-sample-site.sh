#!/usr/bin/env bash
# Builds the sample catalogue at the site root and under a sub-path, then checks
# every link, anchor and the absence of script in each; and checks it --strict.
set -euo pipefail
remit="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --strict fails with exactly the one broken promise the sample shows on purpose.
bash scripts/check-sample-content.sh "$remit"
"$remit" build --content content --templates templates --output "$work/root" --base-url /
python3 scripts/check_links.py "$work/root" /
"$remit" build --content content --templates templates --output "$work/sub" --base-url https://intranet.example.org/services/
python3 scripts/check_links.py "$work/sub" /services/
python3 scripts/check_feeds.py "$work/sub"
# A catalogue the project has never seen, built by a copy of the binary outside
# the repository, in a folder holding only content/ (the built-in theme is used).
mkdir -p "$work/bin" "$work/elsewhere"
cp "$remit" "$work/bin/remit"
cp -R Tests/EndToEndTests/Fixtures/unseen/content "$work/elsewhere/content"
(cd "$work/elsewhere" && "$work/bin/remit" build)
python3 scripts/check_links.py "$work/elsewhere/public" /shared/

# Exit codes and output formats of `remit check`: 0 clean, 1 errors, 2 usage.
mkdir -p "$work/broken"
cp -R Tests/EndToEndTests/Fixtures/unseen/content "$work/broken/content"
printf -- '---\ntitle: Repairs\nsummary: s\nturnaround: soonish\n---\n' > "$work/broken/content/facilities/services/repairs.md"
expect_exit() { local want=$1; shift; set +e; "$@" >"$work/out" 2>&1; local got=$?; set -e
  if [ "$got" != "$want" ]; then echo "expected exit $want, got $got: $*"; cat "$work/out"; exit 1; fi; }
expect_exit 0 "$remit" check --content "$work/elsewhere/content"
expect_exit 1 "$remit" check --content "$work/broken/content"
grep -q "^content/facilities/services/repairs.md:4:13: error: 'turnaround' is not a valid duration" "$work/out"
grep -q "^                ^$" "$work/out"
expect_exit 1 "$remit" check --content "$work/broken/content" --format github
grep -q "^::error file=content/facilities/services/repairs.md,line=4,col=13::" "$work/out"
expect_exit 1 "$remit" check --content "$work/broken/content" --format json
"$remit" check --content "$work/broken/content" --format json 2>/dev/null >"$work/json" || true
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[0]['line']==4 and d[0]['column']==13, d" "$work/json"
expect_exit 1 "$remit" build --content "$work/broken/content" --output "$work/elsewhere/public"
expect_exit 2 "$remit" check --content "$work/no-such-folder"
expect_exit 2 "$remit" check --content "$work/elsewhere/content" --format xml
expect_exit 2 "$remit" build --content "$work/elsewhere/content" --today 2026-02-30
expect_exit 2 "$remit" new rule x
echo "remit check: exit codes 0/1/2 and text, github and json formats as documented"

# Exit codes of `remit diff`: 0 compared (changes or none), 1 a side has errors, 2 usage.
git -C "$work/elsewhere" init -q
git -C "$work/elsewhere" add content
git -C "$work/elsewhere" -c user.name=check -c user.email=check@example.org commit -qm base
expect_exit 0 "$remit" diff HEAD --content "$work/elsewhere/content"
grep -q "Nothing changes for clients" "$work/out"
expect_exit 2 "$remit" diff no-such-revision --content "$work/elsewhere/content"
grep -q "error: unknown revision 'no-such-revision'" "$work/out"
expect_exit 2 "$remit" diff HEAD --content "$work/broken/content"
grep -q "is not inside a git repository" "$work/out"
expect_exit 2 "$remit" diff HEAD --content "$work/elsewhere/content" --format yaml
cp "$work/broken/content/facilities/services/repairs.md" "$work/elsewhere/content/facilities/services/repairs.md"
expect_exit 1 "$remit" diff HEAD --content "$work/elsewhere/content" --format json
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert not d['compared'] and d['head']['errors'][0]['line']==4, d" "$work/out"
expect_exit 0 "$remit" diff HEAD HEAD --content "$work/elsewhere/content" --strict
echo "remit diff: exit codes 0/1/2 as documented"

# `remit digest` on the calendar fixture for a fixed day: the golden files the
# Swift tests check, written by the binary itself; its exit codes.
golden=Tests/EndToEndTests/Fixtures/calendar/golden
for format in markdown:md html:html text:txt; do
  "$remit" digest --content Tests/EndToEndTests/Fixtures/calendar/content --today 2026-11-30 --from 2026-10-01 \
    --format "${format%%:*}" > "$work/digest.${format##*:}"
  diff -u "$golden/digest.${format##*:}" "$work/digest.${format##*:}"
done
"$remit" digest --content content --today 2026-11-29 --format html > "$work/sample-digest.html"
grep -q "Announced since 22 November 2026" "$work/sample-digest.html"
expect_exit 1 "$remit" digest --content "$work/broken/content"
expect_exit 2 "$remit" digest --content content --weeks 0
expect_exit 2 "$remit" digest --content content --today 2026-11-29 --from 2026-12-01
expect_exit 2 "$remit" digest --content content --format pdf
echo "remit digest: the golden files in three formats, exit codes 0/1/2"

pages=$(find "$work/root" -name '*.html' | wc -l)
functions=$(find content -mindepth 2 -maxdepth 2 -name index.md | grep -v -e '^content/pages/' -e '^content/journeys/' | wc -l)
echo "sample site: $functions functions, $pages pages"
[ "$functions" -ge 10 ] && [ "$pages" -ge 60 ]
