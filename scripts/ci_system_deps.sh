#!/usr/bin/env bash
# System and Python packages the web app's tests need on CI (called from .ci/run before pytest).
# chromium comes from Debian; playwright is only the Python driver: never run `playwright install`
# (it downloads its own browser). The browser tests launch /usr/bin/chromium and skip without it.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
pip install -q "fastapi>=0.110" "uvicorn>=0.29" "jinja2>=3.1" "httpx>=0.27" "countryinfo>=1.0" "playwright>=1.40"
