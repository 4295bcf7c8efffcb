#!/usr/bin/env bash
# `make sanitize`: the Swift test suite (unit and end-to-end) built and run
# under ThreadSanitizer (.build-tsan), then AddressSanitizer (.build-asan).
# SANITIZERS="thread" runs one. Exits non-zero on any failing test or report.
#
# SwiftPM's --sanitize instruments the C targets too (Yams' libyaml, NIO's
# shims) and links the runtime; cmark-gfm is Debian's library and is not
# instrumented, so a race inside it is invisible (its parse is serialised
# behind a lock in MarkdownRenderer, which TSan does see).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SANITIZERS=${SANITIZERS:-thread address}

# Reports go to stderr and fail the run (exitcode), and are not drowned by
# Swift's backtracer, which would otherwise handle the sanitizer's signal too.
export SWIFT_BACKTRACE=enable=no
symbolizer=$(dirname "$(readlink -f "$(command -v swiftc)")")/llvm-symbolizer
# halt_on_error: the first report stops the run, with its stack, instead of
# scrolling past among passing tests. second_deadlock_stack: both lock orders.
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 external_symbolizer_path=$symbolizer suppressions=$PWD/scripts/tsan.supp ${TSAN_OPTIONS:-}"
# detect_leaks=0: LeakSanitizer reports Swift's lazily initialised globals
# and metadata caches as leaks (tried here: dozens per run, none real).
export ASAN_OPTIONS="detect_leaks=0 halt_on_error=1 external_symbolizer_path=$symbolizer ${ASAN_OPTIONS:-}"

for sanitizer in $SANITIZERS; do
    case $sanitizer in
        thread) scratch=.build-tsan ;;
        address) scratch=.build-asan ;;
        *) echo "sanitize.sh: unknown sanitizer '$sanitizer' (thread or address)" >&2; exit 2 ;;
    esac
    echo "== sanitize: building the tests with -sanitize=$sanitizer in $scratch"
    start=$(date +%s)
    flags=()
    # With libFuzzer's coverage flags (scripts/fuzz.sh's), so that `make fuzz
    # FUZZ_CONFIG=debug FUZZ_SCRATCH=.build-asan` links its harnesses against
    # this build instead of building everything again in release (CI does).
    [[ $sanitizer == address ]] && flags=(-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
        -Xcc -fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp)
    nice -n 10 "$SWIFT" build --build-tests --scratch-path "$scratch" --sanitize "$sanitizer" "${flags[@]}"
    built=$(date +%s)
    echo "== sanitize: running the tests under -sanitize=$sanitizer"
    # Wall-clock bounds: a sanitizer slows code 2-15 times. TimeBoundTests'
    # budgets are for plain builds and run in `make test` only. CheckTests'
    # hostile inputs (a loose 10 s each) pass under TSan alone in 3 s, but not
    # while every other suite shares the 2 cores, so they run afterwards on
    # their own, one at a time. FuzzRegressionTests scale their 2 s by this:
    export REMIT_TEST_TIME_SCALE=10
    "$SWIFT" test --skip-build --scratch-path "$scratch" --disable-xctest --skip 'TimeBoundTests|hostileInputGetsADiagnosticQuickly'
    "$SWIFT" test --skip-build --scratch-path "$scratch" --disable-xctest --filter hostileInputGetsADiagnosticQuickly --no-parallel
    if [[ $sanitizer == thread ]]; then
        # The CLI and `remit serve` themselves (threads, NIO, the reload hub):
        # the checks `make test` runs on the plain binary, on the instrumented
        # one. The scripts drop the server's stderr, so reports go to files
        # and any file fails the run.
        echo "== sanitize: the sample site, output safety and the preview server with the instrumented remit"
        reports=$PWD/$scratch/reports
        rm -rf "$reports" && mkdir -p "$reports"
        remit=$("$SWIFT" build --scratch-path "$scratch" --show-bin-path)/remit
        status=0
        TSAN_OPTIONS="$TSAN_OPTIONS log_path=$reports/report" bash -c '
            bash scripts/check-sample-site.sh "$1" && bash scripts/check-output-safety.sh "$1" && python3 scripts/check-preview-server.py "$1"' _ "$remit" || status=$?
        if compgen -G "$reports/report*" > /dev/null; then
            cat "$reports"/report*
            echo "sanitize: ThreadSanitizer reports from remit above (also in $reports)" >&2
            exit 1
        fi
        ((status == 0)) || exit "$status"
    fi
    echo "== sanitize: $sanitizer: build $((built - start)) s, tests $(($(date +%s) - built)) s"
done
