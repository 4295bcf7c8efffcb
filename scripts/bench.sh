#!/usr/bin/env bash
# `make bench`: Remit against Hugo, and `remit check` against the cmark-gfm
# floor, on generated catalogues of realistic pages (issue #10).
#
# usage: scripts/bench.sh [REMIT]   REMIT defaults to $BENCH_REMIT, else .build/release/remit
# environment:
#   BENCH_SIZES  page counts to measure, default "1000 10000"; add 100000 for the
#                100,000-page target (slow: minutes per run, several GB of disk)
#   BENCH_RUNS   timed runs of each command, alternating with its peer; the
#                median is reported (default 3)
#   BENCH_HUGO   0 leaves Hugo out (its ratio rows then say so)
#   BENCH_DIR    where corpora, outputs and results go (default .build/bench)
#   BENCH_KEEP   1 keeps the built sites (default: removed after each size)
#   BENCH_ROWS   "builds" measures only the build and check rows (for
#                100,000 pages, where the serve, diff and versions rows would
#                take most of an hour); default: every row
#
# For each size it generates the catalogue (scripts/generate-catalogue.py,
# fixed seed, cached between runs), a Hugo site with the same bodies
# (scripts/bench-hugo-site.py) and the bodies concatenated; checks that remit
# finds no errors in it; then times, alternating, `remit build` with `hugo`,
# and `remit check` with `cmark-gfm` on the concatenated bodies. Wall time,
# CPU time (user + sys) and peak memory (maximum resident set) come from GNU
# time. The table, with the issue's targets beside the figures, is printed at
# the end and written to $BENCH_DIR/results.md; every run's raw figures stay
# in $BENCH_DIR/<size>/runs/.
#
# More rows: see "Rows to come" below; a row is a measurement and one `row` call.
set -euo pipefail
cd "$(dirname "$0")/.."

remit="${1:-${BENCH_REMIT:-.build/release/remit}}"
sizes="${BENCH_SIZES:-1000 10000}"
runs="${BENCH_RUNS:-3}"
with_hugo="${BENCH_HUGO:-1}"
bench_dir="${BENCH_DIR:-.build/bench}"
keep="${BENCH_KEEP:-0}"
today=2026-11-29
cmark_extensions=(-e table -e strikethrough -e autolink -e tagfilter -e tasklist)

[ -x "$remit" ] || { echo "bench: no remit binary at $remit (build it, or set BENCH_REMIT)" >&2; exit 2; }
remit="$(cd "$(dirname "$remit")" && pwd)/$(basename "$remit")"
mkdir -p "$bench_dir"
bench_dir="$(cd "$bench_dir" && pwd)"
# Time a copy: a build in the same tree may relink the binary mid-bench.
remit_source="$remit"
for attempt in 1 2 3 4 5; do
  if cp "$remit_source" "$bench_dir/remit.new" && "$bench_dir/remit.new" --help >/dev/null 2>&1; then break; fi
  [ "$attempt" = 5 ] && { echo "bench: cannot copy a working binary from $remit_source" >&2; exit 2; }
  sleep 10
done
binary_time="$(date -u -r "$remit_source" '+built %Y-%m-%d %H:%M UTC')"
mv "$bench_dir/remit.new" "$bench_dir/remit"
remit="$bench_dir/remit"
rows_file="$bench_dir/rows.md"
notes_file="$bench_dir/notes.md"
captions_file="$bench_dir/captions.md"
: >"$rows_file"
: >"$notes_file"
: >"$captions_file"

# ---------------------------------------------------------------- tools

ensure_tools() {
  local missing=()
  [ -x /usr/bin/time ] || missing+=(time)
  command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
  if [ "$with_hugo" = 1 ]; then command -v hugo >/dev/null || missing+=(hugo); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "bench: installing ${missing[*]} from Debian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# ---------------------------------------------------------------- measuring

# timed FILE CMD...: runs CMD once under GNU time, output to the size's log,
# and appends "wall cpu peak_kib" to FILE. A failing command stops the bench.
timed() {
  local file="$1"; shift
  local times
  times="$(mktemp)"
  if ! /usr/bin/time -f "%e %U %S %M" -o "$times" "$@" >>"$log" 2>&1; then
    echo "bench: failed ($(tail -1 "$times")): $*  -- see $log" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$times" >>"$file"
  rm -f "$times"
}

# median FILE COLUMN (1 wall, 2 cpu, 3 peak KiB)
median() {
  sort -g -k"$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# medians NAME FILE: sets NAME_wall, NAME_cpu (seconds) and NAME_peak (KiB).
medians() {
  printf -v "$1_wall" '%s' "$(median "$2" 1)"
  printf -v "$1_cpu" '%s' "$(median "$2" 2)"
  printf -v "$1_peak" '%s' "$(median "$2" 3)"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# holds A OP B: exit status of the comparison (OP is <= or <).
holds() { awk -v a="$1" -v b="$3" -v op="$2" 'BEGIN { exit !((op == "<=") ? (a <= b) : (a < b)) }'; }
verdict() { if holds "$@"; then echo "met"; else echo "**not met**"; fi; }
secs() { [ "$1" = - ] && echo "—" || awk -v v="$1" 'BEGIN { printf "%.2f s", v }'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.0f ms", v * 1000 }'; }
mib() { [ "$1" = - ] && echo "—" || awk -v v="$1" 'BEGIN { printf "%.0f MiB", v / 1024 }'; }
thousands() { printf "%s" "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta'; }

# row SIZE COMMAND WALL CPU PEAK_KIB VERSUS TARGET: one line of the table ("-" for not measured).
row() {
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$(thousands "$1")" "$2" "$(secs "$3")" "$(secs "$4")" "$(mib "$5")" "$6" "$7" >>"$rows_file"
}

# ---------------------------------------------------------------- corpus

# prepare SIZE: the catalogue, the Hugo site and the concatenated bodies, kept
# while the generator, the converter and the size are unchanged.
prepare() {
  local size="$1"
  dir="$bench_dir/$size"
  content="$dir/content"
  hugo_site="$dir/hugo"
  bodies="$dir/bodies.md"
  log="$dir/log.txt"
  mkdir -p "$dir/runs"
  rm -f "$dir"/runs/*
  : >"$log"
  local stamp
  stamp="$size $(cat scripts/generate-catalogue.py scripts/bench-hugo-site.py | sha256sum | cut -c1-16)"
  if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "bench: generating $size pages"
    rm -rf "$hugo_site" "$dir/stamp"
    python3 scripts/generate-catalogue.py "$content" "$size" --stats "$dir/stats.json"
    python3 scripts/bench-hugo-site.py "$content" "$hugo_site" --bodies "$bodies"
    echo "$stamp" >"$dir/stamp"
  fi
}

stat_of() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$dir/stats.json" "$1"; }

# validate: remit must find no errors (the corpus is meant to be valid), and
# Hugo must resolve every link; each also warms the page cache once.
validate() {
  local report="$dir/check.txt"
  if ! "$remit" check --content "$content" --today "$today" >"$report" 2>&1; then
    echo "bench: remit check reports errors in the generated catalogue:" >&2
    grep -m 10 "error:" "$report" >&2
    exit 1
  fi
  remit_warnings="$(grep -c ': warning:' "$report" || true)"
  if [ "$with_hugo" = 1 ]; then
    discard "$dir/hugo-public"
    hugo --source "$hugo_site" --destination "$dir/hugo-public" >"$dir/hugo-first.txt" 2>&1 \
      || { echo "bench: hugo failed, see $dir/hugo-first.txt" >&2; tail "$dir/hugo-first.txt" >&2; exit 1; }
    hugo_warnings="$(grep -c 'WARN' "$dir/hugo-first.txt" || true)"
  fi
}

# ---------------------------------------------------------------- measurements

# Every timed build writes a folder of its own, and what is thrown away is
# renamed aside and deleted only when the bench ends: a build that starts
# right after thousands of files were deleted pays ext4 for it (its search
# for recently deleted inodes, a fifth of a 100,000-page build's time), and
# which tool that hits first would decide the ratio.
fresh_output() { echo "$dir/out-$1-$2"; }
trash="$bench_dir/trash"
discard() {
  local path
  for path in "$@"; do
    [ -e "$path" ] || continue
    mkdir -p "$trash" && mv "$path" "$trash/$(date +%s%N)-$(basename "$path")"
  done
}
trap 'rm -rf "$trash"' EXIT
remove_outputs() { discard "$dir"/out-*; }

# warm PATH...: reads the inputs into the page cache before a timed run. At
# 100,000 pages each build writes 9.7 GB, which can push the corpus out of
# it: the next run then waited on the disk for its first ten seconds.
warm() { find "$@" -type f -print0 | xargs -0 cat >/dev/null; }

measure_build() {
  local run
  remove_outputs
  discard "$dir/public" "$dir/hugo-public"
  for run in $(seq "$runs"); do
    warm "$content"
    timed "$dir/runs/remit-build" "$remit" build --content "$content" --output "$(fresh_output remit "$run")" --today "$today"
    if [ "$with_hugo" = 1 ]; then
      warm "$hugo_site"
      timed "$dir/runs/hugo" hugo --source "$hugo_site" --destination "$(fresh_output hugo "$run")"
    fi
  done
  mv "$(fresh_output remit "$runs")" "$dir/public"
  [ "$with_hugo" = 1 ] && mv "$(fresh_output hugo "$runs")" "$dir/hugo-public"
  remove_outputs
  remit_files="$(find "$dir/public" -type f | wc -l)"
  remit_html="$(find "$dir/public" -name '*.html' | wc -l)"
  if [ "$with_hugo" = 1 ]; then
    hugo_files="$(find "$dir/hugo-public" -type f | wc -l)"
    hugo_html="$(find "$dir/hugo-public" -name '*.html' | wc -l)"
  fi
}

measure_check() {
  local run
  for run in $(seq "$runs"); do
    warm "$content"
    timed "$dir/runs/remit-check" "$remit" check --content "$content" --today "$today"
    warm "$bodies"
    timed "$dir/runs/cmark" sh -c 'exec cmark-gfm "$@" >/dev/null' cmark-gfm "${cmark_extensions[@]}" "$bodies"
  done
}

report_build_and_check() {
  local size="$1" versus target
  medians rb "$dir/runs/remit-build"
  medians rc "$dir/runs/remit-check"
  medians cm "$dir/runs/cmark"
  if [ "$with_hugo" = 1 ]; then
    medians hu "$dir/runs/hugo"
    versus="$(ratio "$rb_wall" "$hu_wall")× Hugo's wall, $(ratio "$rb_cpu" "$hu_cpu")× its CPU, $(ratio "$rb_peak" "$hu_peak")× its memory"
  else
    versus="(Hugo not run)"
  fi
  case "$size" in
    10000)
      if [ "$with_hugo" = 1 ]; then
        target="wall ≤ 0.5× Hugo's: $(verdict "$rb_wall" "<=" "$(awk -v h="$hu_wall" 'BEGIN { print h / 2 }')"); memory ≤ Hugo's: $(verdict "$rb_peak" "<=" "$hu_peak")"
      else
        target="wall ≤ 0.5× Hugo's, memory ≤ Hugo's: not measured"
      fi ;;
    100000)
      target="under 60 s: $(verdict "$rb_wall" "<" 60); under 2 GB: $(verdict "$(awk -v k="$rb_peak" 'BEGIN { print k * 1024 }')" "<" 2000000000)" ;;
    *) target="(at 10,000 pages: wall ≤ 0.5× Hugo's, memory ≤ Hugo's; at 100,000: < 60 s, < 2 GB)" ;;
  esac
  row "$size" '`remit build`' "$rb_wall" "$rb_cpu" "$rb_peak" "$versus" "$target"
  [ "$with_hugo" = 1 ] && row "$size" 'Hugo 0.111 (`hugo`)' "$hu_wall" "$hu_cpu" "$hu_peak" "" ""
  case "$size" in
    10000) target="≤ 2× the floor: $(verdict "$rc_wall" "<=" "$(awk -v c="$cm_wall" 'BEGIN { print c * 2 }')")" ;;
    *) target="(at 10,000 pages: ≤ 2× the floor)" ;;
  esac
  row "$size" '`remit check`' "$rc_wall" "$rc_cpu" "$rc_peak" "$(ratio "$rc_wall" "$cm_wall")× the floor's wall, $(ratio "$rc_cpu" "$cm_cpu")× its CPU" "$target"
  row "$size" 'cmark-gfm floor (bodies only, one process)' "$cm_wall" "$cm_cpu" "$cm_peak" "" ""
}

# What a reader downloads for a first search (gzipped, as a server sends it):
# the core index, and the shards and summaries six queries need.
note_search_download() {
  local size="$1"
  command -v node >/dev/null || return 0
  [ -d "$dir/public/search" ] || return 0
  local file title word core downloads
  file="$(find "$content" -path '*/services/*.md' | sort | sed -n "$((size / 400 + 1))p")"
  title="$(sed -n 's/^title: //p' "$file")"
  word="$(echo "$title" | awk '{ print $1 }')"
  core="$(gzip -9c "$dir/public/search/index.js" | wc -c)"
  downloads="$(REPORT_DOWNLOAD=1 node Tests/Search/check-search.js "$dir/public" "$title" - "$word" - "${word:0:2}" - "${word:0:3}x${word:4}" - "rule" - "request form" - 2>&1 \
    | sed -n 's/^download for .* \([0-9]*\) KiB gzipped$/\1/p' | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) printf "%d–%d KiB", lo, hi }' || true)"
  echo "- $(thousands "$size") pages: search index $(du -sh "$dir/public/search" | cut -f1) in $(ls "$dir/public/search" | wc -l) files; core $((core / 1024)) KiB gzipped; a first query downloads ${downloads:-?} (six queries)." >>"$notes_file"
}

# ---------------------------------------------------------------- rows to come
# Hooks for the rest of issue #10's table. Each gets the size, runs after the
# build and check rows with $dir, $content, $remit, $today and $log set, and
# adds its row with `row SIZE LABEL WALL CPU PEAK_KIB VERSUS TARGET` ("-" for
# a figure it does not measure). `timed FILE CMD...` plus `medians NAME FILE`
# give medians of $runs runs. They print nothing until written.

# Incremental rebuild latency in `remit serve` after a body edit: start
# `remit serve --port 0 --content "$content" --output "$dir/serve"`, wait for its
# first build, edit one service's body, time until the rebuilt page is written
# (or the build note is printed), $runs times; then stop it by its pid.
row_serve_body_edit() { serve_row "$1" body "a body edit" 0.1 0.3; }

# The same after a title edit (every page that lists the page changes).
row_serve_title_edit() { serve_row "$1" title "a title edit" 0.5; }

# serve_row SIZE KIND LABEL REBUILD_LIMIT [SERVED_LIMIT]: the limits, in
# seconds, are issue #10's targets at 10,000 pages.
serve_row() {
  local size="$1" kind="$2" label="$3" rebuild_limit="$4" served_limit="${5:-}" figures rebuild served rendered target
  figures="$(python3 scripts/bench-serve-latency.py "$remit" "$content" "$dir/serve" "$today" "$kind" "$runs")" || return 0
  read -r rebuild served rendered <<<"$figures"
  target="rebuild < $(ms "$rebuild_limit")"
  [ "$size" = 10000 ] && target+=": $(verdict "$rebuild" "<" "$rebuild_limit")"
  if [ -n "$served_limit" ]; then
    target+=", saved → served < $(ms "$served_limit")"
    [ "$size" = 10000 ] && target+=": $(verdict "$served" "<" "$served_limit")"
  fi
  [ "$size" = 10000 ] || target+=" (at 10,000 pages)"
  row "$size" "\`remit serve\` rebuild after $label" "$rebuild" - - "rebuild $(ms "$rebuild"), saved → served $(ms "$served"); $rendered pages rendered" "$target"
}

# `remit diff BASE HEAD` between two commits of the corpus: `git init` a copy
# of $content, commit, change a few turnarounds, rules and titles, commit, time
# the diff.
row_diff_revisions() {
  local size="$1" repo="$dir/diff-repo" git=(git -c user.name=bench -c user.email=bench@example.org -c init.defaultBranch=main)
  rm -rf "$repo" && mkdir -p "$repo" && cp -R "$content" "$repo/content"
  "${git[@]}" -C "$repo" init -q && "${git[@]}" -C "$repo" add -A && "${git[@]}" -C "$repo" commit -qm base
  # Five turnarounds longer, three rules' summaries and three services' titles (shown on other pages) changed.
  python3 - "$repo/content" <<'PY'
import pathlib, re, sys
services = sorted(pathlib.Path(sys.argv[1]).glob("*/services/*.md"))
rules = sorted(pathlib.Path(sys.argv[1]).glob("*/rules/*.md"))
for path, pattern, new in [(p, r"^turnaround: .*$", "turnaround: 20-30 business days") for p in services[:5]] + \
        [(p, r"^summary: (.*)$", r"summary: \1 Now stricter.") for p in rules[:3]] + [(p, r"^title: (.*)$", r"title: \1 (renamed)") for p in services[5:8]]:
    path.write_text(re.sub(pattern, new, path.read_text(), count=1, flags=re.M))
PY
  "${git[@]}" -C "$repo" commit -qam changes
  local run
  for run in $(seq "$runs"); do
    timed "$dir/runs/remit-diff" "$remit" diff HEAD~1 HEAD --content "$repo/content" --today "$today" --format json
  done
  medians rd "$dir/runs/remit-diff"
  row "$size" '`remit diff HEAD~1 HEAD` (11 files changed)' "$rd_wall" "$rd_cpu" "$rd_peak" "$(ratio "$rd_wall" "$rb_wall")× one \`remit build\`'s wall" \
    "under 2× one build: $(verdict "$rd_wall" "<" "$(awk -v b="$rb_wall" 'BEGIN { print b * 2 }')")"
  rm -rf "$repo"
}

# Reading a 100,000-row <function>/requests.csv: write one (a raw export: extra
# columns, ISO date-times, quoted commas and line breaks) into a copy of the
# corpus and time `remit check`, which reads and measures it as `remit build`
# does, against the same corpus without it (issue #13: 100,000 rows read and
# measured in under 1 s). Once, on the first size: the CSV's cost does not
# depend on the number of pages.
row_requests_csv() {
  [ "$1" = "${sizes%% *}" ] || return 0
  local copy="$dir/content-requests" function
  rm -rf "$copy" && cp -R "$content" "$copy"
  function="$(find "$copy" -path '*/services/*.md' | sort | sed -n 1p | awk -F/ '{ print $(NF-2) }')"
  python3 - "$copy/$function" "$today" <<'PY'
import csv, datetime, pathlib, random, sys
folder, today = pathlib.Path(sys.argv[1]), datetime.date.fromisoformat(sys.argv[2])
services, rng = sorted(p.stem for p in (folder / "services").glob("*.md")), random.Random(13)
with open(folder / "requests.csv", "w", newline="") as handle:
    out = csv.writer(handle, lineterminator="\r\n")
    out.writerow(["Number", "Service", "Requester", "Received", "Completed", "Paused", "Notes"])
    for n in range(100_000):
        received = today - datetime.timedelta(days=rng.randint(0, 120))
        done = received + datetime.timedelta(days=rng.randint(0, 20))
        out.writerow([f"INC{n:07d}", rng.choice(services), f"Requester {n}", received.isoformat() + "T09:30:00Z",
                      done.isoformat() if done <= today and rng.random() < 0.95 else "", rng.choice(["", "", "1", "2"]),
                      "Printer on floor 3, \"urgent\"\nsecond line"])
PY
  local run
  for run in $(seq "$runs"); do
    timed "$dir/runs/check-csv" "$remit" check --content "$copy" --today "$today"
    timed "$dir/runs/check-plain" "$remit" check --content "$content" --today "$today"
  done
  medians cc "$dir/runs/check-csv"
  medians cp "$dir/runs/check-plain"
  local extra extra_cpu
  extra="$(awk -v a="$cc_wall" -v b="$cp_wall" 'BEGIN { printf "%.2f", a - b }')"
  extra_cpu="$(awk -v a="$cc_cpu" -v b="$cp_cpu" 'BEGIN { printf "%.2f", a - b }')"
  row "$1" "\`remit check\` with a 100,000-row requests.csv ($(du -h "$copy/$function/requests.csv" | cut -f1))" "$cc_wall" "$cc_cpu" "$cc_peak" \
    "$(secs "$extra") wall and $(secs "$extra_cpu") CPU more than without it ($(secs "$cp_wall"))" "read and measured in under 1 s: $(verdict "$extra" "<" 1)"
  rm -rf "$copy"
}

# "Previous versions" (issue #14): the corpus in a git repository where every
# page has five versions (scripts/bench-versions.py: four commits after the
# first, each editing every page's fields or summary and one paragraph, spread
# over two years so all are shown), built against the same files committed
# once, 800 days ago (`--once`: git's dates on every page, the same `git log`,
# but no version recent enough to show), and against them outside git. The
# first difference is what the versions cost: the `git cat-file --batch`,
# every version compared, the "Previous versions" sections. Target: under 2 s
# at 10,000 pages.
row_page_versions() {
  local size="$1" repo="$dir/versions-repo" dated="$dir/versions-dated" plain="$dir/versions-plain"
  python3 scripts/bench-versions.py "$content" "$repo" "$today" >>"$log"
  python3 scripts/bench-versions.py "$repo/content" "$dated" "$today" --once >>"$log"
  rm -rf "$plain" && cp -R "$repo/content" "$plain"
  "$remit" check --content "$repo/content" --today "$today" >>"$log" 2>&1 || { echo "bench: the versions corpus has errors, see $log" >&2; return 0; }
  # Fresh folders, removed after the last run (see `fresh_output`); the three
  # take turns going first.
  local run
  remove_outputs
  for run in $(seq "$runs"); do
    local order=(versions dated plain) side
    [ $((run % 3)) = 2 ] && order=(dated plain versions)
    [ $((run % 3)) = 0 ] && order=(plain versions dated)
    for side in "${order[@]}"; do
      case "$side" in
        versions) timed "$dir/runs/versions" "$remit" build --content "$repo/content" --output "$(fresh_output versions "$run")" --today "$today" ;;
        dated) timed "$dir/runs/versions-dated" "$remit" build --content "$dated/content" --output "$(fresh_output dated "$run")" --today "$today" ;;
        plain) timed "$dir/runs/versions-plain" "$remit" build --content "$plain" --output "$(fresh_output plain "$run")" --today "$today" ;;
      esac
    done
  done
  rm -rf "$dir/versions-public" && mv "$(fresh_output versions "$runs")" "$dir/versions-public"
  local unshown
  # None, as it should be (grep finding nothing is not a failure here).
  unshown="$({ grep -l 'id="page-versions"' -r "$(fresh_output dated "$runs")" --include=index.html || true; } | wc -l)"
  remove_outputs
  medians vb "$dir/runs/versions"
  medians vd "$dir/runs/versions-dated"
  medians vp "$dir/runs/versions-plain"
  local extra outside shown
  extra="$(awk -v a="$vb_wall" -v b="$vd_wall" 'BEGIN { printf "%.2f", a - b }')"
  outside="$(awk -v a="$vb_wall" -v b="$vp_wall" 'BEGIN { printf "%.2f", a - b }')"
  shown="$(grep -l 'id="page-versions"' -r "$dir/versions-public" --include=index.html | wc -l)"
  row "$size" "\`remit build\` with 5 versions a page in git ($shown pages with previous versions)" "$vb_wall" "$vb_cpu" "$vb_peak" \
    "$(secs "$extra") more than the same files committed once 800 days ago, git's dates and no versions ($(secs "$vd_wall"), $(mib "$vd_peak"), $unshown pages with versions); $(secs "$outside") more than outside git ($(secs "$vp_wall"), $(mib "$vp_peak"))" \
    "extra cost under 2 s: $(verdict "$extra" "<" 2)"
  rm -rf "$repo" "$dated" "$plain" "$dir/versions-public"
}

row_hooks=(row_serve_body_edit row_serve_title_edit row_diff_revisions row_requests_csv row_page_versions)
[ "${BENCH_ROWS:-all}" = builds ] && row_hooks=()

# ---------------------------------------------------------------- main

ensure_tools
case "$remit_source" in
  */release/*) binary="release build" ;;
  */debug/*) binary="debug build: figures are not representative of a release" ;;
  *) binary="build type unknown" ;;
esac
hugo_version="$( [ "$with_hugo" = 1 ] && hugo version | awk '{ print $2 }' | sed 's/+.*//' || echo "not run")"
cmark_version="$(cmark-gfm --version | head -1 | awk '{ print $2 }')"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
load_before="$(cut -d' ' -f1 /proc/loadavg)"

for size in $sizes; do
  prepare "$size"
  echo "bench: $size pages: validating"
  validate
  echo "bench: $size pages: remit build and hugo, $runs runs each, alternating"
  measure_build
  echo "bench: $size pages: remit check and the cmark-gfm floor, $runs runs each, alternating"
  measure_check
  report_build_and_check "$size"
  note_search_download "$size"
  for hook in "${row_hooks[@]}"; do "$hook" "$size"; done
  printf -- '- %s pages (%s functions, %s services, %s rules, %s journeys, %s free pages): %s MB of Markdown, %s MB of it bodies (%s KB a page), %s headings and %s links a page on average; remit wrote %s files (%s HTML pages)%s; remit check: 0 errors, %s warnings (overdue reviews).\n' \
    "$(thousands "$size")" "$(stat_of functions)" "$(stat_of services)" "$(stat_of rules)" "$(stat_of journeys)" "$(stat_of free_pages)" \
    "$(awk -v b="$(stat_of bytes)" 'BEGIN { printf "%.1f", b / 1e6 }')" "$(awk -v b="$(stat_of body_bytes)" 'BEGIN { printf "%.1f", b / 1e6 }')" \
    "$(awk -v b="$(stat_of body_bytes)" -v p="$size" 'BEGIN { printf "%.1f", b / p / 1000 }')" \
    "$(awk -v h="$(stat_of headings)" -v p="$size" 'BEGIN { printf "%.1f", h / p }')" "$(awk -v l="$(stat_of links)" -v p="$size" 'BEGIN { printf "%.1f", l / p }')" \
    "$(thousands "$remit_files")" "$(thousands "$remit_html")" \
    "$( [ "$with_hugo" = 1 ] && echo ", Hugo $(thousands "$hugo_files") ($(thousands "$hugo_html") HTML; $hugo_warnings unresolved links)")" "$remit_warnings" >>"$captions_file"
  [ "$keep" = 1 ] || discard "$dir/public" "$dir/hugo-public"
done

results="$bench_dir/results.md"
{
  echo "**Remit against Hugo $hugo_version and the cmark-gfm $cmark_version floor, median of $runs alternating runs.**"
  echo "Binary: \`${remit_source#"$PWD"/}\` ($binary, $binary_time). Machine: $(nproc) cores, $cpu, $(free -g | awk '/^Mem:/ { print $2 }') GiB; load average $load_before at the start, $(cut -d' ' -f1 /proc/loadavg) at the end (other work on the machine slows every figure)."
  echo "Corpus: generated by \`scripts/generate-catalogue.py\` (seed 42), realistic back-office catalogue pages with YAML front matter"
  echo "using every field of the content model; each body about 5 KB of Markdown with 6–10 headings, bullet and numbered lists,"
  echo "a GFM table, emphasis, code spans, sometimes a task list, quote or fenced block, and 5–15 relative links to other pages'"
  echo "source files (\`x.md\`, \`../../other/rules/y.md#anchor\`, every anchor one that exists); prose from English words with"
  echo "a long tail of made-up names."
  cat "$captions_file"
  echo "Hugo builds the same bodies (front matter as Hugo YAML) with a minimal theme: baseof, single and list templates"
  echo "showing the same front-matter facts, plus a link render hook that resolves the \`.md\` links, as Remit does; it also"
  echo "writes its default RSS, sitemap and tag pages. The floor is \`cmark-gfm ${cmark_extensions[*]}\` on all bodies"
  echo "concatenated, output discarded: parsing and rendering alone, one thread. CPU is user + sys; memory is peak resident set."
  echo
  echo "| pages | command | wall | CPU | peak memory | against its peer | target (issue #10) |"
  echo "|---:|---|---:|---:|---:|---|---|"
  cat "$rows_file"
  if [ -s "$notes_file" ]; then
    echo
    cat "$notes_file"
  fi
} >"$results"
echo
cat "$results"
echo
echo "bench: written to ${results#"$PWD"/}; raw runs in ${bench_dir#"$PWD"/}/<size>/runs/"
