#!/usr/bin/env bash
# Installs Debian's redis-server for the tests of crogas-store-redis (crogas-testkit's RedisServer
# starts it on 127.0.0.1 with a temporary directory) and for `crogas dev --store redis`.
# Idempotent: does nothing when redis-server is already on the PATH. Needs root (or sudo) and
# Debian's package mirrors. The package's own service is not what the tests use: they start
# their own server on a spare port.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-redis.sh: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian redis-server for the Redis store's tests..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends redis-server >/dev/null
redis-server --version
