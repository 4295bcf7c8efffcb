#!/usr/bin/env bash
# Nothing an editor owns is ever lost: every way of pointing `remit build` (or
# `remit serve`) at the wrong folder is refused with exit 2 before anything is
# written, and leaves the folders it protects byte-identical. Also: a symlinked
# output is written through, killed builds leave nothing behind, and a full or
# read-only disk is exit 2 with a plain message.
set -euo pipefail
remit="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fixture="$(pwd)/Tests/EndToEndTests/Fixtures/unseen/content"
work=$(mktemp -d)
mounts=()
cleanup() { for m in "${mounts[@]:-}"; do [ -n "$m" ] && umount "$m" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# A catalogue checkout: content, templates, notes and a .git folder.
new_catalogue() {
  rm -rf "$work/cat" && mkdir -p "$work/cat/templates" "$work/cat/.git"
  cp -R "$fixture" "$work/cat/content"
  echo "<p>custom</p>" > "$work/cat/templates/404.mustache"
  echo "my notes" > "$work/cat/notes.txt"
  echo "[core]" > "$work/cat/.git/config"
}
# Every file under a folder with its bytes' hash, and every folder, sorted.
tree_hash() { (cd "$1" && find . -print0 | sort -z | xargs -0 -I{} sh -c 'if [ -f "{}" ]; then sha256sum "{}"; else echo "dir {}"; fi') | sha256sum; }
fail() { echo "FAIL: $*"; cat "$work/out" 2>/dev/null; exit 1; }
expect_refused() { # description, then the command, run in $work/cat
  local what=$1; shift
  local before; before=$(tree_hash "$work/cat")
  set +e; (cd "$work/cat" && "$@") >"$work/out" 2>&1; local code=$?; set -e
  [ "$code" = 2 ] || fail "$what: expected exit 2, got $code"
  grep -q "^error: the output" "$work/out" || fail "$what: no plain message naming the output"
  [ "$(wc -l < "$work/out")" -le 2 ] || fail "$what: more than a short message"
  [ "$(tree_hash "$work/cat")" = "$before" ] || fail "$what: the catalogue folder changed"
  echo "refused: $what — $(head -1 "$work/out")"
}

new_catalogue
expect_refused "--output ." "$remit" build --output .
expect_refused "--output content" "$remit" build --output content
expect_refused "--output templates" "$remit" build --output templates
expect_refused "--output content/public" "$remit" build --output content/public
expect_refused "--output notes.txt (a file)" "$remit" build --output notes.txt
expect_refused "--output .. (an ancestor of content)" "$remit" build --output ..
mkdir -p "$work/cat/mine" && echo "keep me" > "$work/cat/mine/thesis.docx"
expect_refused "--output mine (a folder Remit did not write)" "$remit" build --output mine
expect_refused "serve --output content/public" "$remit" serve --output content/public --port 0
ln -s content "$work/cat/sneaky"
expect_refused "--output sneaky (a link to content)" "$remit" build --output sneaky
rm "$work/cat/sneaky"
# --content site/content --output site, from outside the catalogue.
before=$(tree_hash "$work/cat")
set +e; (cd "$work" && "$remit" build --content cat/content --templates cat/templates --output cat) >"$work/out" 2>&1; code=$?; set -e
[ "$code" = 2 ] && [ "$(tree_hash "$work/cat")" = "$before" ] || fail "--content cat/content --output cat: exit $code"
echo "refused: --content cat/content --output cat"

# --force replaces a folder Remit did not write; the next build needs no --force.
(cd "$work/cat" && "$remit" build --output mine --force) >"$work/out" 2>&1 || fail "--force"
[ -f "$work/cat/mine/.remit-site" ] && [ ! -e "$work/cat/mine/thesis.docx" ] || fail "--force did not replace mine/"
(cd "$work/cat" && "$remit" build --output mine) >"$work/out" 2>&1 || fail "a second build into a folder Remit wrote"
echo "--force replaces a foreign folder once; Remit's own folder is replaced without it"

# A symbolic-link output is written through: the link stays, its target gets the site.
mkdir -p "$work/www/site" && : > "$work/www/site/.remit-site"
ln -s "$work/www/site" "$work/cat/public"
(cd "$work/cat" && "$remit" build) >"$work/out" 2>&1 || fail "build through a symlink"
[ -L "$work/cat/public" ] && [ -f "$work/www/site/index.html" ] || fail "the symlinked output was replaced by a folder"
echo "a symlinked output keeps its link and its target gets the site"
rm "$work/cat/public"

# A killed build (SIGKILL) leaves its staging folder; the next build removes it.
# SIGINT and SIGTERM clean up at once, and leave the previous site as it was.
(cd "$work/cat" && "$remit" build) >/dev/null 2>&1
site_before=$(tree_hash "$work/cat/public")
for sig in INT TERM KILL; do
  (cd "$work/cat" && exec "$remit" build --output public) >/dev/null 2>&1 &
  pid=$!
  # Kill it while it is writing: wait for its staging folder to appear.
  for _ in $(seq 1 400); do compgen -G "$work/cat/.public.remit-new-*" >/dev/null && break; sleep 0.005; done
  kill -s "$sig" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ "$sig" != KILL ]; then
    leftovers=$(find "$work/cat" -maxdepth 1 -name '.public.remit-*' | wc -l)
    [ "$leftovers" = 0 ] || fail "SIG$sig left $leftovers staging folders"
  fi
  [ -d "$work/cat/public" ] || fail "SIG$sig lost the previous site"
done
(cd "$work/cat" && "$remit" build) >"$work/out" 2>&1 || fail "build after kills"
[ "$(find "$work/cat" -maxdepth 1 -name '.public.remit-*' | wc -l)" = 0 ] || fail "stale staging folders were not removed"
echo "SIGINT and SIGTERM clean up; a SIGKILLed build's leftovers go with the next build"
[ -n "$site_before" ]

# A full disk and a read-only folder: exit 2, one plain line, the previous site kept.
if mkdir -p "$work/small" && mount -t tmpfs -o size=64k tmpfs "$work/small" 2>/dev/null; then
  mounts+=("$work/small")
  set +e; (cd "$work/cat" && "$remit" build --output "$work/small/public") >"$work/out" 2>&1; code=$?; set -e
  [ "$code" = 2 ] || fail "disk full: exit $code"
  grep -q "No space left on device" "$work/out" || fail "disk full: no plain message"
  ! grep -q "NSCocoaErrorDomain" "$work/out" || fail "disk full: Foundation's raw error text"
  [ "$(find "$work/small" -mindepth 1 | wc -l)" = 0 ] || fail "disk full: staging left behind"
  echo "disk full: exit 2 — $(grep error: "$work/out")"
  mkdir -p "$work/ro" && mount -t tmpfs -o size=4m tmpfs "$work/ro" && mounts+=("$work/ro")
  (cd "$work/cat" && "$remit" build --output "$work/ro/public") >/dev/null 2>&1
  ro_before=$(tree_hash "$work/ro")
  mount -o remount,ro "$work/ro"
  set +e; (cd "$work/cat" && "$remit" build --output "$work/ro/public") >"$work/out" 2>&1; code=$?; set -e
  [ "$code" = 2 ] && grep -q "Read-only file system" "$work/out" || fail "read-only: exit $code"
  [ "$(tree_hash "$work/ro")" = "$ro_before" ] || fail "read-only: the site changed"
  echo "read-only output: exit 2 — $(grep error: "$work/out")"
else
  echo "skipped disk-full and read-only checks: cannot mount tmpfs here"
fi

# Ports: one in use is exit 2 with a plain message.
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(30)" > "$work/port" &
holder=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.05; done
set +e; (cd "$work/cat" && timeout 20 "$remit" serve --port "$(cat "$work/port")" --output "$work/served") >"$work/out" 2>&1; code=$?; set -e
kill "$holder" 2>/dev/null || true
[ "$code" = 2 ] && grep -q "^error: cannot serve on 127.0.0.1:[0-9]*: Address already in use$" "$work/out" || fail "port in use: exit $code"
echo "port in use: exit 2 — $(grep error: "$work/out")"

# SOURCE_DATE_EPOCH is range-checked like --today.
set +e; (cd "$work/cat" && SOURCE_DATE_EPOCH=-86400 "$remit" check) >"$work/out" 2>&1; code=$?; set -e
[ "$code" = 2 ] || fail "negative SOURCE_DATE_EPOCH: exit $code"
echo "output safety: every case refused or handled as documented"
