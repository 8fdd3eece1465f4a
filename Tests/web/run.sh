#!/usr/bin/env bash
# The web page's browser test: installs what it needs when missing (Debian's chromium and
# chromium-driver, selenium and pytest from PyPI), builds the debug rotor and drives the page.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi
python3 -c 'import selenium, pytest' 2>/dev/null || python3 -m pip install -q selenium pytest
swift build --product rotor
python3 -m pytest -q Tests/web/test_page.py
