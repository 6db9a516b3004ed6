#!/usr/bin/env bash
# Installs what the whole test suite needs on a fresh machine: the package with its test extras, and
# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium; we never run
# `playwright install`, which would download a browser). Without root or apt, chromium is skipped and
# the browser tests skip with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    else
        echo "note: chromium not installed (needs root + apt-get); browser tests will be skipped" >&2
    fi
fi
pip install -q -e ".[test,build]"
