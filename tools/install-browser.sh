#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests of the web pages (crogas-http-javalin/src/test/web).
# Idempotent: does nothing when /usr/bin/chromium is already there. Needs root (or sudo) and
# Debian's package mirrors; no browser is ever downloaded from elsewhere (no `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-browser.sh: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
