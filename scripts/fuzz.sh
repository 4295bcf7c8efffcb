#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets in Fuzz/ and runs each for
# FUZZ_SECONDS (default 600) with -timeout=2, so an input slower than 2 s is a
# failure like a crash. Exits non-zero if any target crashed, timed out or
# broke a property; the input is kept in $SCRATCH/findings/<target>/.
#
#   FUZZ_SECONDS=30 scripts/fuzz.sh                  every target, 30 s each
#   FUZZ_TARGETS="markdown" scripts/fuzz.sh          one target
#   scripts/fuzz.sh --build-only                     build, write seeds, run nothing
#   scripts/fuzz.sh --run FILE...  (FUZZ_TARGETS=t)  replay inputs, e.g. a finding
#   FUZZ_CONFIG=debug FUZZ_SCRATCH=.build-asan        reuse `make sanitize`'s
#       AddressSanitizer build (built with the same coverage flags) instead of
#       a release build of its own: CI does, to save the build; inputs run
#       several times slower, which a 30 s smoke run can afford
#
# How it is built (a SwiftPM executable target with -sanitize=fuzzer does not
# link: SwiftPM supplies main, libFuzzer does too):
#  1. SwiftPM builds the `remit` product in release with AddressSanitizer and
#     libFuzzer's coverage instrumentation (inline 8-bit counters, PC table,
#     comparison tracing), Swift and C (Yams' libyaml) alike; cmark-gfm is
#     Debian's library and is not instrumented;
#  2. each harness Fuzz/<target>.swift is compiled with
#     `swiftc -sanitize=fuzzer,address` and linked with every object `remit`
#     links except remit's own (its main), with the module maps and libraries
#     SwiftPM used, read from its build manifest.
# Seeds are made at run time from the sample content/ into
# $SCRATCH/seeds/<target>; what libFuzzer adds is kept in $SCRATCH/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
CONFIG=${FUZZ_CONFIG:-release}
FUZZ_SECONDS=${FUZZ_SECONDS:-600}
TARGETS=${FUZZ_TARGETS:-front-matter durations markdown url-policy site-files}
COVERAGE=inline-8bit-counters,pc-table,trace-cmp
SWIFT=${SWIFT:-swift}

mode=fuzz
if [[ ${1:-} == --build-only ]]; then mode=build; shift; fi
if [[ ${1:-} == --run ]]; then mode=run; shift; fi

# The largest input each target is given. Markdown and front matter need room
# for the complexity guard's limits (2,000 '[' in a body) to be approached.
max_len() {
    case $1 in
        markdown) echo 65536 ;;
        front-matter) echo 32768 ;;
        *) echo 4096 ;;
    esac
}

echo "== fuzz: building the libraries ($CONFIG, ASan, coverage) in $SCRATCH"
# The build runs the EmbedTheme plugin's tool, instrumented too: its exit must
# not fail on LeakSanitizer's report. scripts/sanitize.sh builds .build-asan
# with these same flags (keep them equal, or FUZZ_SCRATCH=.build-asan rebuilds).
ASAN_OPTIONS=detect_leaks=0 nice -n 10 "$SWIFT" build --scratch-path "$SCRATCH" -c "$CONFIG" --product remit \
    --sanitize address -Xswiftc -sanitize-coverage=edge,$COVERAGE -Xcc -fsanitize-coverage=$COVERAGE
BIN=$("$SWIFT" build --scratch-path "$SCRATCH" -c "$CONFIG" --show-bin-path)
mkdir -p "$BIN/fuzz"

# What SwiftPM compiled the remit module with (module maps, include paths) and
# linked it with (libraries), from its manifest.
python3 - "$SCRATCH/$CONFIG.yaml" "$BIN/fuzz/flags" <<'EOF'
import json, re, sys
manifest, out = sys.argv[1], sys.argv[2]
text = open(manifest).read()
compile_args = link_args = None
for match in re.finditer(r'^  "([^"]+)":\n((?:    .*\n)+)', text, re.M):
    name, body = match.groups()
    args = re.search(r'^    args: (\[.*\])$', body, re.M)
    if not args:
        continue
    if name.startswith('C.remit-') and name.endswith('.module'):
        compile_args = json.loads(args.group(1))
    elif name.startswith('C.remit-') and name.endswith('.exe'):
        link_args = json.loads(args.group(1))
if compile_args is None or link_args is None:
    sys.exit('fuzz.sh: the remit module or executable is not in ' + manifest)
flags = []
for i, arg in enumerate(compile_args):
    if arg == '-Xcc' and i + 1 < len(compile_args):
        nxt = compile_args[i + 1]
        if nxt.startswith('-fmodule-map-file='):
            flags += ['-Xcc', nxt]
        elif nxt == '-I' and i + 3 < len(compile_args):
            flags += ['-Xcc', '-I', '-Xcc', compile_args[i + 3]]
    elif arg == '-I' and i + 1 < len(compile_args) and compile_args[i + 1] != '-Xcc':
        flags += ['-I', compile_args[i + 1]]
flags += [a for a in link_args if a.startswith('-l') or (a.startswith('-L') and len(a) > 2)]
with open(out, 'w') as f:
    f.write('\n'.join(flags) + '\n')
EOF
mapfile -t FLAGS < "$BIN/fuzz/flags"
# remit's own objects hold its main; the response file quotes paths with spaces.
grep -v '/remit\.build/' "$BIN/remit.product/Objects.LinkFileList" > "$BIN/fuzz/objects"

for target in $TARGETS; do
    [[ -f Fuzz/$target.swift ]] || { echo "fuzz.sh: no harness Fuzz/$target.swift" >&2; exit 2; }
    # remit is relinked whenever one of the objects changes.
    if [[ ! -x $BIN/fuzz/$target || Fuzz/$target.swift -nt $BIN/fuzz/$target || Fuzz/Support.swift -nt $BIN/fuzz/$target || $BIN/remit -nt $BIN/fuzz/$target ]]; then
        echo "== fuzz: linking $BIN/fuzz/$target"
        nice -n 10 swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name "FuzzHarness" \
            "${FLAGS[@]}" "Fuzz/$target.swift" Fuzz/Support.swift "@$BIN/fuzz/objects" -o "$BIN/fuzz/$target" \
            2> >(grep -v "Cannot export local symbol '__asan" >&2)
    fi
done

echo "== fuzz: seeds from content/ into $SCRATCH/seeds"
python3 - "$SCRATCH/seeds" <<'EOF'
import hashlib, os, re, sys
from pathlib import Path
out = Path(sys.argv[1])
content = Path('content')
seeds = {t: set() for t in ['front-matter', 'durations', 'markdown', 'url-policy', 'site-files']}

# front-matter: one byte choosing the file FuzzEntryPoints.frontMatterFiles lists, then a file of that kind.
kinds = ['services', 'rules', 'index', 'journeys', 'pages', 'catalogue', 'glossary']
def kind(path):
    parts = path.relative_to(content).parts
    if path.name in ('catalogue.yml', 'glossary.yml'): return kinds.index(path.stem)
    if parts[0] in ('journeys', 'pages'): return kinds.index(parts[0])
    if path.name == 'index.md': return kinds.index('index')
    if len(parts) == 3 and parts[1] in ('services', 'rules'): return kinds.index(parts[1])
    return None
texts = {}
for path in sorted(content.rglob('*')):
    if path.suffix in ('.md', '.yml') and path.is_file():
        texts[path] = path.read_bytes()
        k = kind(path)
        if k is not None:
            seeds['front-matter'].add(bytes([k]) + texts[path])

# markdown: every page body.
for path, data in texts.items():
    if path.suffix == '.md':
        parts = data.split(b'\n---\n', 1)
        seeds['markdown'].add(parts[1] if len(parts) == 2 else data)

# durations: turnaround, input_by, a date, the working week, the holidays.
catalogue = texts[content / 'catalogue.yml'].decode()
holidays = re.findall(r'^\s*-\s*(\d{4}-\d{2}-\d{2})', catalogue, re.M)
dates = sorted(set(re.findall(rb'\d{4}-\d{2}-\d{2}', b'\n'.join(texts.values()))))
for i, (path, data) in enumerate(texts.items()):
    text = data.decode()
    turnaround = re.search(r'^turnaround:\s*(.+)$', text, re.M)
    input_by = re.search(r'^input_by:\s*(.+)$', text, re.M)
    if turnaround or input_by:
        date = dates[i % len(dates)].decode()
        week = ['mon,tue,wed,thu,fri', 'mon,tue,wed,thu,fri,sat', 'sun,mon,tue,wed,thu'][i % 3]
        lines = [turnaround.group(1).strip('"') if turnaround else '', input_by.group(1).strip('"') if input_by else '', date, week]
        seeds['durations'].add('\n'.join(lines + holidays[: 1 + i % len(holidays)]).encode())

# url-policy: every URL, address and link destination the sample writes, and a few attacks.
for data in texts.values():
    text = data.decode()
    for url in re.findall(r'(?:https?://|mailto:|tel:)[^\s)"\'>]+', text):
        seeds['url-policy'].add(url.encode())
    for url in re.findall(r'\]\(([^)\s]+)', text):
        seeds['url-policy'].add(url.encode())
    for address in re.findall(r'^\s*email:\s*(\S+)', text, re.M):
        seeds['url-policy'].add(address.encode())
for attack in ['javascript:alert(1)', 'java\tscript:alert(1)', ' \x01javascript:x', 'JaVaScRiPt:x', 'data:text/html,<b>',
               'vbscript:x', '//evil.example/', '/\\evil.example', 'https:evil', 'https:///x', '/services/', 'a@b.example']:
    seeds['url-policy'].add(attack.encode())

# site-files: the sample site's addresses, as served at / and under /services/, and the traversal attempts the tests make.
routes = ['/', '/remit.css', '/search/index.js', '/hr/services/x/', '/a%20b/', '/%C3%A9/', '/100%25.txt', '/leak.txt', '/up/secret.txt', '/inside/services/x/']
for path in texts:
    parts = path.relative_to(content).with_suffix('').parts
    if path.suffix == '.md':
        routes.append('/' + '/'.join(p for p in parts if p != 'index') + '/')
tests = Path('Tests/RemitServerTests/SiteFilesTests.swift').read_text()
routes += [s.replace('\\\\', '\\') for s in re.findall(r'"(/[^"]*)"', tests)]
for route in routes:
    seeds['site-files'].add(route.encode())
    seeds['site-files'].add(('/services' + route).encode())

# Dictionaries: the tokens each grammar is made of, so mutations speak it.
dicts = {
    'front-matter': ['---', '...', ': ', '- ', '\n  ', '&a ', '*a', '<<: ', '{', '}', '[', ']', '? ', '|', '>-', '!!str ', '!!map', '"', "'", '#',
                     '~', 'null', 'true', '2026-02-29', '10 business days', ' before ', 'active', 'superseded', 'draft', 'proposed', 'retired',
                     '## Why this rule exists'],
    'markdown': ['[', '](', '![', ']: ', '<?', '<!', '<!--', '-->', '|', '|---|', '```', '~~~', '# ', '## ', '- [ ] ', '- [x] ', '*', '**', '_', '~~',
                 '\\', '&#x', '&amp;', '<', '>', 'http://', 'https://', 'mailto:', 'javascript:', 'data:', '../', './', '.md', '#why-this-rule-exists',
                 '../rules/vacancy-control.md', '../forms/new-starter-form.pdf', '<https://x>', '    ', '\t'],
    'durations': ['same day', 'next business day', ' hours', ' business days', ' calendar days', ' weeks', ' to ', '-', '–', ' before ',
                  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', '9999-12-31', '0001-01-01', '2026-12-25'],
}
out.mkdir(parents=True, exist_ok=True)
fields = sorted(set(re.findall(r'FieldSchema\("([a-z_]+)"', Path('Sources/RemitCore/Model/Schema.swift').read_text())))
dicts['front-matter'] += [f + ': ' for f in fields]
for target, tokens in dicts.items():
    with open(out / (target + '.dict'), 'w') as f:
        for token in tokens:
            f.write('"' + ''.join(chr(b) if 32 <= b < 127 and b not in b'"\\' else '\\x%02x' % b for b in token.encode()) + '"\n')

for target, inputs in seeds.items():
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for data in inputs:
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f'  {target}: {len(inputs)} seeds')
EOF

[[ $mode == build ]] && exit 0

# libFuzzer and ASan report crashes themselves: Swift's backtracer would wait
# on its own handler (and hold the output) instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(dirname "$(readlink -f "$(command -v swiftc)")")/llvm-symbolizer}
export REMIT_FUZZ_CONTENT=$PWD/content
# LeakSanitizer reports Swift's lazily initialised globals (schema tables,
# metadata caches) as leaks on the first input: dozens, none real. A leak is
# not a memory-safety bug; the sanitizers that matter here stay on.
export ASAN_OPTIONS="detect_leaks=0 ${ASAN_OPTIONS:-}"

if [[ $mode == run ]]; then
    for target in $TARGETS; do "$BIN/fuzz/$target" -timeout=2 -rss_limit_mb=4096 -detect_leaks=0 "$@"; done
    exit
fi

failed=()
mkdir -p "$SCRATCH/logs"
for target in $TARGETS; do
    corpus=$SCRATCH/corpus/$target findings=$SCRATCH/findings/$target log=$SCRATCH/logs/$target.log
    mkdir -p "$corpus" "$findings"
    echo "== fuzz: $target for ${FUZZ_SECONDS}s (log: $log)"
    status=0
    touch "$SCRATCH/logs/$target.start"
    nice -n 10 "$BIN/fuzz/$target" "$corpus" "$SCRATCH/seeds/$target" \
        -max_total_time="$FUZZ_SECONDS" -timeout=2 -rss_limit_mb=4096 -max_len="$(max_len "$target")" -detect_leaks=0 \
        -artifact_prefix="$findings/" -print_final_stats=1 \
        $([[ -f $SCRATCH/seeds/$target.dict ]] && echo "-dict=$SCRATCH/seeds/$target.dict") ${FUZZ_FLAGS:-} > "$log" 2>&1 || status=$?
    # INITED/DONE lines, or with -fork=N (FUZZ_FLAGS) the last "#N: cov: …" line.
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^#[0-9]+: cov:' "$log" | tail -2 | sed 's/^/   /' || true
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | awk '!seen[$0]++' | sed 's/^/   /' || true
    # What this run left in findings/ decides, not only the exit status (with
    # FUZZ_FLAGS="-fork=1 -ignore_crashes=1" libFuzzer goes on and exits 0).
    # A timeout on a busy machine may be the machine: each is replayed alone
    # at normal priority and counts only if it is still over 2 s (the inputs
    # stay in findings/ either way).
    new=$(find "$findings" -type f -newer "$SCRATCH/logs/$target.start" ! -name '*.replay')
    if [[ -n $new ]]; then
        if grep -qv '/timeout-[0-9a-f]*$' <<< "$new"; then
            ((status != 0)) || status=1
        else
            status=0
        fi
        for input in $(grep '/timeout-[0-9a-f]*$' <<< "$new"); do
            if "$BIN/fuzz/$target" -timeout=2 -runs=1 -detect_leaks=0 "$input" > "$input.replay" 2>&1; then
                echo "   timeout not reproduced alone (machine load?): $input"
            else
                echo "   timeout reproduced alone: $input"
                status=70
            fi
        done
        grep -v '/timeout-[0-9a-f]*$' <<< "$new" | sed 's/^/   found: /' || true
    fi
    if [[ $status -ne 0 ]]; then
        failed+=("$target")
        echo "   FAILED (exit $status): $(grep -E '^==[0-9]+==|^==ERROR|ALARM|property broken|Test unit written' "$log" | head -5 | tr '\n' ' ')"
        grep -E -A40 'ERROR: (libFuzzer|AddressSanitizer)|property broken|ALARM' "$log" | head -60 | sed 's/^/   | /' || true
    fi
done

if ((${#failed[@]})); then
    echo "fuzz: FAILED: ${failed[*]}; inputs in $SCRATCH/findings/<target>/, full logs in $SCRATCH/logs/."
    echo "Add each input to Tests/Fuzz/regressions/<target>/ (FuzzRegressionTests replays them)."
    exit 1
fi
echo "fuzz: no crash, timeout or broken property in ${FUZZ_SECONDS}s per target ($TARGETS)"
