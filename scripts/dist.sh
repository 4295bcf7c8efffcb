#!/usr/bin/env bash
# make dist: a release build of remit that runs on a Debian or Ubuntu machine
# with neither Swift nor cmark-gfm installed, packaged two ways in dist/:
#   remit-VERSION-linux-ARCH.tar.gz  remit-VERSION-linux-ARCH/{bin/remit, share/man/man1/remit.1.gz, share/doc/remit/README.md}
#   remit_VERSION_DEBARCH.deb         /usr/bin/remit, /usr/share/man/man1/remit.1.gz
# The Swift standard library and Foundation are linked statically
# (--static-swift-stdlib), and so are cmark-gfm (Debian's .a files) and the C++
# library; the theme
# is compiled in. The version comes from the binary (RemitVersion, one place).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT="${SWIFT:-swift}"
SCRATCH="${SCRATCH:-.build-dist}"
DIST="${DIST:-dist}"

# cmark-gfm statically: a pkg-config file of the same name, found first, whose
# only library folder holds the two .a files (so the linker cannot pick the .so).
libdir=$(pkg-config --variable=libdir libcmark-gfm)
static="$PWD/$SCRATCH/static-cmark-gfm"
mkdir -p "$static/lib"
for lib in libcmark-gfm.a libcmark-gfm-extensions.a; do
  [ -f "$libdir/$lib" ] || { echo "dist: $libdir/$lib is missing (apt-get install libcmark-gfm-dev libcmark-gfm-extensions-dev)" >&2; exit 2; }
  cp -p "$libdir/$lib" "$static/lib/$lib"
done
# The C++ library too (Swift's runtime and Dispatch use it): libstdc++.a in the
# same folder wins over the .so. Left dynamic: the C library and libgcc_s, which
# libc6 itself depends on.
stdcxx=$(${CC:-cc} -print-file-name=libstdc++.a)
[ -f "$stdcxx" ] || { echo "dist: libstdc++.a not found (apt-get install libstdc++-12-dev)" >&2; exit 2; }
cp -p "$stdcxx" "$static/lib/libstdc++.a"
cat > "$static/libcmark-gfm.pc" <<PC
Name: libcmark-gfm
Description: cmark-gfm, linked statically by make dist
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$static/lib -lcmark-gfm-extensions -lcmark-gfm
Cflags: $(pkg-config --cflags libcmark-gfm)
PC

echo "dist: building remit (release, static Swift runtime and cmark-gfm)…" >&2
PKG_CONFIG_PATH="$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
  "$SWIFT" build -c release --product remit --scratch-path "$SCRATCH" --static-swift-stdlib
binary="$SCRATCH/release/remit"

version=$("$binary" --version | sed -n 's/^remit //p')
[ -n "$version" ] || { echo "dist: cannot read the version from $binary --version" >&2; exit 1; }
arch=$(uname -m)
debarch=$(dpkg --print-architecture)

# Nothing but the C library and its companions may be left to load.
needed=$(objdump -p "$binary" | awk '/NEEDED/ {print $2}')
for lib in $needed; do
  case "$lib" in
    libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | libutil.so.* | ld-linux*.so.* | libgcc_s.so.*) ;;
    *) echo "dist: $binary still needs $lib" >&2; exit 1 ;;
  esac
done

stage="$SCRATCH/dist-stage"
rm -rf "$stage" && mkdir -p "$stage"

# The man page, from the command-line help of every subcommand.
man="$stage/remit.1"
bash scripts/dist-manpage.sh "$binary" > "$man"
gzip -9n < "$man" > "$man.gz"

mkdir -p "$DIST"
# The tarball.
name="remit-$version-linux-$arch"
tree="$stage/$name"
install -D -m 0755 "$binary" "$tree/bin/remit"
strip --strip-unneeded "$tree/bin/remit"
install -D -m 0644 "$man.gz" "$tree/share/man/man1/remit.1.gz"
mkdir -p "$tree/share/doc/remit"
cat > "$tree/share/doc/remit/README.md" <<TXT
# remit $version

\`bin/remit\` is the whole program: copy it anywhere on PATH (or unpack this
folder into /usr/local with \`tar -xzf $name.tar.gz -C /usr/local --strip-components 1\`).
It needs only the C library (glibc $(objdump -T "$tree/bin/remit" | grep -o 'GLIBC_[0-9.]*' | sort -t. -k2,2n -k3,3n -u | tail -1 | sed 's/GLIBC_//') or later).
\`remit init\` starts a catalogue; \`man share/man/man1/remit.1.gz\` or \`remit --help\`.
TXT
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" \
  -C "$stage" -czf "$DIST/$name.tar.gz" "$name"

# The .deb: Depends from the libraries the binary loads (dpkg-shlibdeps).
pkg="$stage/deb"
install -D -m 0755 "$tree/bin/remit" "$pkg/usr/bin/remit"
install -D -m 0644 "$man.gz" "$pkg/usr/share/man/man1/remit.1.gz"
mkdir -p "$pkg/DEBIAN" "$pkg/debian"
printf 'Source: remit\n\nPackage: remit\nArchitecture: any\n' > "$pkg/debian/control"
depends=$(cd "$pkg" && dpkg-shlibdeps -O usr/bin/remit 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
rm -rf "$pkg/debian"
[ -n "$depends" ] || { echo "dist: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: remit
Version: $version
Architecture: $debarch
Maintainer: Remit maintainers <remit@example.org>
Depends: $depends
Section: web
Priority: optional
Installed-Size: $(du -sk "$pkg/usr" | cut -f1)
Homepage: https://github.com/OWNER/remit
Description: static-site generator for back-office services catalogues
 Remit turns Markdown with YAML front matter into an accessible intranet
 site saying what each corporate team provides, how long it takes, when it
 needs its clients' input and why each rule exists. The default theme is
 built in; remit init starts a catalogue with a CI recipe.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$DIST/remit_${version}_${debarch}.deb" >/dev/null

echo "dist: ldd $tree/bin/remit:" >&2
ldd "$tree/bin/remit" | sed 's/^/  /' >&2
echo "dist: Depends: $depends" >&2
ls -l "$DIST/$name.tar.gz" "$DIST/remit_${version}_${debarch}.deb"
