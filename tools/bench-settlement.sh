#!/usr/bin/env bash
# Settlement throughput benchmark (docs/benchmarks.md, "Settlement throughput"): runs
# io.crogas.cli.SettlementThroughput (crogas-cli's test sources) in a JVM of its own, so that its
# CPU and RSS figures are the node's and its clients', not Maven's. It starts its own anvil.
#
#   tools/bench-settlement.sh                         # burst 3 400 400, then steady 3 16 20
#   tools/bench-settlement.sh burst KEYS COUNT CLIENTS
#   tools/bench-settlement.sh steady KEYS CLIENTS SECONDS
#   tools/bench-settlement.sh sustained KEYS CLIENTS SECONDS  # more in flight than a block holds
#   tools/bench-settlement.sh instances               # SQLite x 1, Redis x 1, Redis x 2: 2 keys, 400 400
#   tools/bench-settlement.sh instances STORE INSTANCES KEYS COUNT CLIENTS    # STORE sqlite|redis
#
# `instances` runs io.crogas.cli.InstancesThroughput: the same burst against one instance and
# against several on one store, each instance a JVM of its own (-Dbench.childJava="..." sets their
# options); redis needs redis-server (tools/install-redis.sh).
#
# BENCH_JAVA_OPTIONS are JVM options (e.g. -Xmx128m; -Dbench.warmUp=N settlements before the
# measured ones, 400 by default; -Dbench.countRpc=true to count JSON-RPC calls through a proxy;
# -Dbench.gasLimit=N for the block gas limit, anvil's 30,000,000 by default).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -o -q -pl crogas-cli -am install -DskipTests -Dforge.skip=true >&2
classpath_file="$root/crogas-cli/target/bench-settlement.classpath" # absolute: Maven resolves it in the module
./mvnw -o -q -pl crogas-cli dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$classpath_file" >&2
program=io.crogas.cli.SettlementThroughput
if [ "${1:-}" = instances ]; then
  program=io.crogas.cli.InstancesThroughput
  shift
fi
# shellcheck disable=SC2086 # options are words
exec java ${BENCH_JAVA_OPTIONS:-} \
  -cp "crogas-cli/target/test-classes:crogas-cli/target/classes:$(cat "$classpath_file")" \
  "$program" "$@"
