#!/usr/bin/env bash
# Installs what the whole test suite needs on a fresh machine: the package with its test extras,
# Debian's chromium for the browser tests (Playwright drives /usr/bin/chromium; we never run
# `playwright install`, which would download a browser) and Debian's PostgreSQL server binaries for
# the PostgreSQL store tests (tests/pg_server.py runs a throwaway server; the Debian cluster is not
# used). Without root or apt, what is missing is skipped and those tests skip with a reason.
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
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    else
        echo "note: PostgreSQL server not installed (needs root + apt-get); PostgreSQL tests will be skipped" >&2
    fi
fi
pip install -q -e ".[test,build]"
