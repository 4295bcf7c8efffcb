#!/usr/bin/env bash
# make dist-test: proves dist/'s tarball and .deb on a clean Debian root
# (debootstrap --variant=minbase bookworm), which has neither Swift nor
# cmark-gfm. In one fresh copy of the root the .deb is installed with apt; in
# another the tarball is only unpacked. With each: remit --version, build the
# sample catalogue (content/, with the built-in theme), the exit codes of
# remit check (0 clean, 1 on a broken file, 2 on a usage error), and remit
# serve answering on 127.0.0.1. The root is made once and cached in
# REMIT_DIST_TEST_CACHE (default /var/cache/remit-dist-test).
set -euo pipefail
cd "$(dirname "$0")/.."

DIST="${DIST:-dist}"
CACHE="${REMIT_DIST_TEST_CACHE:-/var/cache/remit-dist-test}"
SUITE="${SUITE:-bookworm}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

shopt -s nullglob
tarballs=("$DIST"/remit-*-linux-*.tar.gz)
debs=("$DIST"/remit_*.deb)
[ ${#tarballs[@]} -eq 1 ] && [ ${#debs[@]} -eq 1 ] || { echo "dist-test: expected one tarball and one .deb in $DIST/ (run make dist)" >&2; exit 2; }
tarball=$(readlink -f "${tarballs[0]}")
deb=$(readlink -f "${debs[0]}")
version=$(basename "$tarball" | sed -E 's/^remit-(.*)-linux-.*$/\1/')

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect() { # expect WHAT CODE COMMAND…: the command exits with CODE
  local what=$1 code=$2; shift 2
  local actual=0
  "$@" > "$work/last.log" 2>&1 || actual=$?
  if [ "$actual" -eq "$code" ]; then ok "$what (exit $code)"; else bad "$what: exit $actual, expected $code"; sed 's/^/    /' "$work/last.log" | tail -20; fi
}

# The clean root, made once.
base="$CACHE/$SUITE"
if [ ! -f "$base/.remit-dist-test-ready" ]; then
  command -v debootstrap >/dev/null || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq debootstrap >/dev/null; }
  echo "dist-test: making a minimal Debian $SUITE root in $base (once)…" >&2
  $SUDO rm -rf "$base.tmp" && $SUDO mkdir -p "$CACHE"
  $SUDO debootstrap --variant=minbase "$SUITE" "$base.tmp" >"$CACHE/debootstrap.log" 2>&1 ||
    { echo "dist-test: debootstrap failed; see $CACHE/debootstrap.log" >&2; exit 2; }
  $SUDO touch "$base.tmp/.remit-dist-test-ready"
  $SUDO rm -rf "$base" && $SUDO mv "$base.tmp" "$base"
fi

work=$(mktemp -d /tmp/remit-dist-test.XXXXXX)
mounted=()
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  local m
  for m in "${mounted[@]}"; do $SUDO umount "$m" 2>/dev/null || $SUDO umount -l "$m" 2>/dev/null || true; done
  # Never follow a mount that could not be undone (such as proc) while deleting.
  if ! grep -q " $work/" /proc/mounts; then $SUDO rm -rf --one-file-system "$work"; else echo "dist-test: $work still has mounts; left in place" >&2; fi
}
trap cleanup EXIT

in_root() { # in_root ROOT COMMAND…: run in the root with a clean environment
  local root=$1; shift
  $SUDO chroot "$root" /usr/bin/env -i PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb "$@"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

fresh_root() { # sets root: a throw-away copy of the cached root, with the sample catalogue in /srv
  root="$work/$1"
  $SUDO cp -a "$base" "$root"
  if $SUDO mount -t proc proc "$root/proc" 2>/dev/null; then mounted+=("$root/proc"); fi
  $SUDO mkdir -p "$root/srv/catalogue"
  $SUDO cp -r content "$root/srv/catalogue/content"
  # A copy with one broken file, for remit check's exit code.
  $SUDO cp -r content "$root/srv/catalogue/broken"
  $SUDO sed -i 's/^turnaround: .*/turnaround: soonish/' "$root/srv/catalogue/broken/hr/services/new-starter-setup.md"
}

exercise() { # exercise ROOT REMIT: the checks every way of installing must pass
  local root=$1 remit=$2 how=$3
  local found
  found=$(in_root "$root" sh -c 'ls /usr/lib/*/libcmark-gfm* /usr/lib/*/libswiftCore* 2>/dev/null; command -v swift swiftc' || true)
  if [ -z "$found" ]; then ok "$how: the root has no Swift and no cmark-gfm"; else bad "$how: the root has $found"; fi
  if in_root "$root" "$remit" --version > "$work/version.txt" 2>&1 && grep -qx "remit $version" "$work/version.txt" && grep -q '^cmark-gfm ' "$work/version.txt"; then
    ok "$how: remit --version says $(tr '\n' ' ' < "$work/version.txt")"
  else
    bad "$how: remit --version"; cat "$work/version.txt"
  fi
  echo "$how: ldd $remit:"; { in_root "$root" ldd "$remit" || true; } | sed 's/^/    /'
  expect "$how: remit build of the sample catalogue, built-in theme" 0 \
    in_root "$root" sh -c "cd /srv/catalogue && $remit build --content content --output public --today 2026-11-30"
  if [ -f "$root/srv/catalogue/public/index.html" ] && [ -f "$root/srv/catalogue/public/assets/remit.css" ] &&
     [ -f "$root/srv/catalogue/public/hr/services/new-starter-setup/index.html" ]; then
    ok "$how: the site has its pages and the theme's stylesheet ($(find "$root/srv/catalogue/public" -name index.html | wc -l) pages)"
  else
    bad "$how: pages missing from public/"
  fi
  expect "$how: remit check on the sample catalogue" 0 in_root "$root" sh -c "cd /srv/catalogue && $remit check --content content --today 2026-11-30"
  expect "$how: remit check on a broken file" 1 in_root "$root" sh -c "cd /srv/catalogue && $remit check --content broken --today 2026-11-30"
  if grep -q 'broken/hr/services/new-starter-setup.md:[0-9]*:[0-9]*: error:' "$work/last.log"; then ok "$how: which names the file and line"; else bad "$how: no file:line in the output"; fi
  expect "$how: remit check on a missing folder" 2 in_root "$root" sh -c "cd /srv/catalogue && $remit check --content nowhere"
  local port
  port=$(free_port)
  in_root "$root" sh -c "cd /srv/catalogue && exec $remit serve --content content --output /tmp/served --port $port --today 2026-11-30" > "$work/serve.log" 2>&1 &
  serve_pid=$!
  local answered=""
  for _ in $(seq 1 100); do
    if answered=$(python3 - "$port" <<'PY' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=2) as r:
    body = r.read().decode()
    print(r.status, "Harbour City Council" in body)
PY
    ); then break; fi
    sleep 0.2
  done
  if [ "$answered" = "200 True" ]; then ok "$how: remit serve answers on 127.0.0.1:$port"; else bad "$how: remit serve did not answer ($answered)"; sed 's/^/    /' "$work/serve.log" | tail -20; fi
  # remit serve runs as a child of chroot; stop it, then the chroot.
  $SUDO pkill -TERM -P "$serve_pid" 2>/dev/null || true
  kill "$serve_pid" 2>/dev/null || true
  wait "$serve_pid" 2>/dev/null || true
  serve_pid=""
}

started=$SECONDS

# 1. The .deb, installed with apt (which resolves its Depends from the root alone).
fresh_root deb
$SUDO cp "$deb" "$root/tmp/"
expect ".deb: apt-get install ./$(basename "$deb")" 0 \
  in_root "$root" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y /tmp/$(basename "$deb")"
expect ".deb: dpkg says remit $version is installed" 0 in_root "$root" sh -c "dpkg-query -W -f='\${Status} \${Version}' remit | grep -qx 'install ok installed $version'"
if [ -f "$root/usr/share/man/man1/remit.1.gz" ] && zcat "$root/usr/share/man/man1/remit.1.gz" | grep -q '^\.Dt REMIT 1' &&
   zcat "$root/usr/share/man/man1/remit.1.gz" | grep -q '^\.It Em init'; then
  ok ".deb: installs the man page /usr/share/man/man1/remit.1.gz"
else
  bad ".deb: no man page"
fi
exercise "$root" /usr/bin/remit ".deb"
expect ".deb: apt-get remove remit" 0 in_root "$root" sh -c "DEBIAN_FRONTEND=noninteractive apt-get remove -y remit && test ! -e /usr/bin/remit"

# 2. The tarball, only unpacked.
fresh_root tarball
$SUDO tar -xzf "$tarball" -C "$root/opt"
unpacked="/opt/$(basename "$tarball" .tar.gz)"
count=$(find "$root$unpacked" -type f -perm -u+x | wc -l)
if [ "$count" -eq 1 ]; then ok "tarball: one executable, $unpacked/bin/remit"; else bad "tarball: $count executables"; fi
exercise "$root" "$unpacked/bin/remit" "tarball"

echo "dist-test: $(basename "$tarball") $(du -k "$tarball" | cut -f1) KiB, $(basename "$deb") $(du -k "$deb" | cut -f1) KiB; $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
