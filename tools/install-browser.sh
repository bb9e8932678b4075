#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests of the web pages (crogas-http-javalin/src/test/web).
# Idempotent: does nothing when /usr/bin/chromium is already there. Needs root (or sudo) and
# Debian's package mirrors; no browser is ever downloaded from elsewhere (no `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
source "$(dirname "$0")/lib/debian.sh"
debian_install chromium "the browser tests"
/usr/bin/chromium --version
