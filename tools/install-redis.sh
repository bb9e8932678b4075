#!/usr/bin/env bash
# Installs Debian's redis-server for the tests of crogas-store-redis (crogas-testkit's RedisServer
# starts its own on 127.0.0.1 with a temporary directory; the package's service is not used).
# Idempotent: does nothing when redis-server is already on the PATH. Needs root (or sudo) and
# Debian's package mirrors.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
source "$(dirname "$0")/lib/debian.sh"
debian_install redis-server "the Redis store's tests"
redis-server --version
