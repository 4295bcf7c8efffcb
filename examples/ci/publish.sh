#!/bin/sh
# Publishes a Remit catalogue from any runner: Jenkins, cron, a systemd timer.
# Copy it beside your catalogue (`remit init --ci shell` does) or onto the web
# server, set the variables below, and run it. Each run:
#
#   1. gets remit: downloads REMIT_URL once (a release tarball or .deb) into
#      REMIT_CACHE and unpacks it there; later runs reuse it;
#   2. fetches the catalogue: clones REPO (full history, for "Last updated")
#      into WORK_DIR, or fetches BRANCH and resets to it;
#   3. checks it: `remit check --strict`;
#   4. builds it into a new folder under RELEASES_DIR;
#   5. swaps it in whole: SITE_DIR is a symbolic link, pointed at the new
#      folder in one rename, so the web server never serves half a site;
#      the last KEEP releases stay for going back (`ln -sfn OLD SITE_DIR`).
#
# Whenever a step fails, SITE_DIR is left exactly as it was. Exit codes:
#   0 published   1 the catalogue has problems (listed above it)
#   2 usage or configuration error   3 fetching remit or the catalogue failed
#   4 building or swapping in failed   5 another run is still going
#
# Serve SITE_DIR with any web server, e.g. nginx:
#   location /services/ { alias /srv/remit/site/; try_files $uri $uri/ =404; }
set -eu

# Where remit comes from: point it at your own release or artifact store
# (https://…, or file:///… on a share).
REMIT_URL="${REMIT_URL:-https://github.com/OWNER/remit/releases/download/v0.1.0/remit-0.1.0-linux-x86_64.tar.gz}"
# The catalogue's git repository, and the branch to publish.
REPO="${REPO:-}"
BRANCH="${BRANCH:-main}"
# The link the web server serves; the releases it points to are kept beside it.
SITE_DIR="${SITE_DIR:-/srv/remit/site}"
RELEASES_DIR="${RELEASES_DIR:-$(dirname "$SITE_DIR")/releases}"
KEEP="${KEEP:-3}"
# Working folders: the checkout, and the downloaded remit.
WORK_DIR="${WORK_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/remit-publish/checkout}"
REMIT_CACHE="${REMIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/remit-publish/remit}"
# Optional: build for another address than base_url in catalogue.yml.
BASE_URL="${BASE_URL:-}"

say() { printf 'publish: %s\n' "$*" >&2; }
fail() { code=$1; shift; say "$* (exit $code; $SITE_DIR unchanged)"; exit "$code"; }

[ -n "$REPO" ] || fail 2 "set REPO to the catalogue's git repository"
case "$KEEP" in '' | *[!0-9]*) fail 2 "KEEP must be a number, found '$KEEP'" ;; esac
[ "$KEEP" -ge 2 ] || fail 2 "KEEP must be at least 2 (the new site and the previous one)"
if [ -e "$SITE_DIR" ] && [ ! -L "$SITE_DIR" ]; then
  fail 2 "$SITE_DIR exists and is not a symbolic link; move it away once (mv $SITE_DIR $SITE_DIR.old) and run again"
fi
for tool in git tar; do
  command -v "$tool" >/dev/null 2>&1 || fail 2 "$tool is not installed"
done
mkdir -p "$RELEASES_DIR" "$REMIT_CACHE" "$(dirname "$WORK_DIR")" "$(dirname "$SITE_DIR")" ||
  fail 2 "cannot create the working folders"

# One run at a time: cron can start the next before this one ends.
lock="$RELEASES_DIR/.publish.lock"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$lock"
  flock -n 9 || fail 5 "another publish is running (it holds $lock)"
fi

# 1. remit
file="$REMIT_CACHE/$(basename "$REMIT_URL")"
if [ ! -s "$file" ]; then
  say "downloading $REMIT_URL"
  command -v curl >/dev/null 2>&1 || fail 2 "curl is not installed"
  curl --fail --silent --show-error --location --retry 3 --output "$file.part" "$REMIT_URL" ||
    { rm -f "$file.part"; fail 3 "cannot download $REMIT_URL"; }
  mv "$file.part" "$file"
fi
unpacked="$file.d"
if [ ! -x "$unpacked/bin/remit" ]; then
  rm -rf "$unpacked" "$unpacked.deb" && mkdir -p "$unpacked"
  case "$file" in
    *.deb) { dpkg-deb --extract "$file" "$unpacked.deb" && mv "$unpacked.deb/usr/bin" "$unpacked/bin" && rm -rf "$unpacked.deb"; } ||
      { rm -rf "$unpacked"; fail 3 "cannot unpack $file"; } ;;
    *) tar --extract --gzip --file "$file" --directory "$unpacked" --strip-components 1 ||
      { rm -rf "$unpacked"; fail 3 "cannot unpack $file"; } ;;
  esac
fi
remit="$unpacked/bin/remit"
"$remit" --version >/dev/null 2>&1 || fail 3 "$remit does not run on this machine"

# 2. the catalogue
if [ -d "$WORK_DIR/.git" ]; then
  git -C "$WORK_DIR" remote set-url origin "$REPO" || fail 3 "cannot use $WORK_DIR"
  git -C "$WORK_DIR" fetch --quiet origin "$BRANCH" || fail 3 "cannot fetch $BRANCH from $REPO"
  git -C "$WORK_DIR" reset --quiet --hard FETCH_HEAD || fail 3 "cannot check out $BRANCH"
  git -C "$WORK_DIR" clean --quiet -d --force -x || fail 3 "cannot clean $WORK_DIR"
else
  rm -rf "$WORK_DIR"
  git clone --quiet --branch "$BRANCH" "$REPO" "$WORK_DIR" || fail 3 "cannot clone $REPO"
fi
revision=$(git -C "$WORK_DIR" rev-parse --short HEAD)
say "checking $REPO $BRANCH at $revision"

# 3. check
cd "$WORK_DIR"
status=0
"$remit" check --strict || status=$?
[ "$status" -eq 0 ] || fail 1 "the catalogue at $revision has problems"

# 4. build into a new release folder (remit build never leaves half a site)
release="$RELEASES_DIR/$(date -u +%Y%m%dT%H%M%SZ)-$revision"
"$remit" build --strict --output "$release" ${BASE_URL:+--base-url "$BASE_URL"} >&2 ||
  { rm -rf "$release"; fail 4 "building $revision failed"; }
[ -f "$release/index.html" ] || { rm -rf "$release"; fail 4 "the build wrote no index.html"; }

# 5. swap it in: a new link beside SITE_DIR, renamed over it (rename is atomic)
next="$SITE_DIR.next.$$"
ln -s "$release" "$next" && mv -T "$next" "$SITE_DIR" ||
  { rm -f "$next"; rm -rf "$release"; fail 4 "cannot point $SITE_DIR at $release"; }
say "published $revision: $SITE_DIR -> $release"

# Keep the newest KEEP releases (the one just published among them).
ls -1d "$RELEASES_DIR"/*-* 2>/dev/null | sort -r | tail -n +"$((KEEP + 1))" | while read -r old; do
  [ "$old" = "$release" ] || rm -rf "$old"
done
exit 0
