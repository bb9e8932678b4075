#!/usr/bin/env bash
# Installs the pinned JavaScript toolchain (package-lock.json) when node_modules is missing or stale.
# Idempotent and quiet when nothing changed; called by the Maven build and by the test kit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ -x node_modules/.bin/anvil ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "npm is required (Node.js 18+): install it with your package manager" >&2; exit 1; }
echo "Installing the pinned JavaScript toolchain (npm ci)..."
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
