#!/usr/bin/env bash
# `make check`, and the first step of scripts/check-sample-site.sh: the sample
# catalogue, checked strictly.
#
# The sample shows on purpose what a broken promise looks like: IT's new user
# accounts promise 3-5 business days, and content/it/requests.csv (written by
# scripts/generate-requests.py) shows most take longer. That is a warning, so
# the site builds, and --strict makes it an error. So:
#   1. on the day the sample's exports are measured against (--today below),
#      `remit check` passes with exactly that one warning, and `remit check
#      --strict` fails with exactly that one diagnostic;
#   2. on today's date (as `make site` builds), `remit check --strict` reports
#      nothing else: only that warning, or nothing once the exports are older
#      than the window.
# usage: scripts/check-sample-content.sh REMIT
set -euo pipefail
remit="$1"
content=content
measured_on=2026-11-29
expected="content/it/services/new-user-account.md:4:13: warning: 'turnaround' promises 5 business days, but 9 in 10 of the last 110 requests took up to 8: change the promise or the service"
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# run EXPECTED_EXIT ARGS...: remit check with ARGS; prints its diagnostics' first lines.
run() {
  local want=$1; shift
  set +e; "$remit" check --content "$content" "$@" >"$out" 2>&1; local got=$?; set -e
  if [ "$got" != "$want" ]; then
    echo "check-sample-content: remit check $* exited $got, expected $want:" >&2
    cat "$out" >&2
    exit 1
  fi
  grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning): ' "$out" || true
}

fail() { echo "check-sample-content: $*" >&2; cat "$out" >&2; exit 1; }

[ "$(run 0 --today "$measured_on")" = "$expected" ] || fail "on $measured_on, remit check must report exactly: $expected"
[ "$(run 1 --today "$measured_on" --strict)" = "$expected" ] || fail "on $measured_on, remit check --strict must fail with exactly: $expected"
set +e; "$remit" check --content "$content" --strict >"$out" 2>&1; set -e
others=$(grep -E '^[^ ].*:[0-9]+:[0-9]+: (error|warning): ' "$out" | grep -v "^content/it/services/new-user-account.md:4:13: warning: 'turnaround' promises " || true)
[ -z "$others" ] || fail "remit check --strict today reports more than the intended broken promise"
echo "sample catalogue: remit check --strict reports only the intended broken promise (IT's new user accounts)"
