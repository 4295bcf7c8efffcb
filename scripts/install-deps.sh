#!/usr/bin/env bash
# Installs what Remit needs to build on Debian: the cmark-gfm C library and its
# GFM extensions, plus pkg-config. Does nothing when they are already there.
set -euo pipefail

if pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev >/dev/null
