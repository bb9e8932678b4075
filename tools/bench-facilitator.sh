#!/usr/bin/env bash
# Load benchmark of the x402 facilitator (docs/benchmarks.md, "x402 facilitator under load"): starts
# its own anvil (chain id 338), deploys the contracts with `./crogas deploy`, runs `./crogas serve`
# and the reference facilitator (tools/bench/reference-facilitator.mjs: @x402/core's
# x402Facilitator with @x402/evm's ExactEvmScheme behind Express) on that chain, and drives both,
# one after the other, with wrk and the same request bodies:
#   verify-valid     POST /x402/verify, valid EIP-3009 payments (a pool of distinct nonces, sent
#                    in turn: with the default 4,096 and 1-second blocks a payment comes back only
#                    in a later block, so every verify reads the chain, as a resource server's
#                    verify of a fresh payment does; a small pool, e.g. --payments 64, measures
#                    repeated verifies within a block instead)
#   verify-invalid   POST /x402/verify, the same authorizations signed by the wrong account
#   supported        GET  /x402/supported
# Each run has a warm-up (not counted) and a measured part; every answer is checked (isValid as
# expected), so wrong answers show up as "unexpected". Prints a side-by-side table (markdown), the
# CPU time per request of CroGas's JVM and of anvil over each measured CroGas run (steadier than
# latency on a shared machine), and CroGas's resident memory after the load (VmHWM, the peak, from
# /proc/<pid>/status), and stops every process it started, on success, failure or Ctrl-C.
#
#   tools/bench-facilitator.sh [--duration S] [--warmup S] [--connections N] [--threads N]
#                              [--payments N] [--block-time S] [--runs LIST] [--out FILE]
#
# Defaults: 10 s measured and 5 s warm-up per run, 16 connections, 2 wrk threads, 4096 payments,
# 1-second blocks (0: anvil's automine), all three runs (--runs verify-valid,supported: some).
# --out also writes the table to FILE.
#
# CroGas is driven as a facilitator client is: with an API key (`crogas apikeys create`, made here
# with the highest limit, 1,000,000 a minute, so that no run meets it). `crogas serve` inherits the
# environment, so any other CROGAS_* setting (docs/configuration.md) reaches it; the script's own
# (chain, contracts, relayer key, port, store) win; CROGAS_JAVA_OPTIONS replaces the launcher's
# JVM options (heap and collector). BENCH_JAVA_OPTIONS are JVM options added for `crogas serve`
# only (a Flight Recorder recording:
# -XX:StartFlightRecording=filename=serve.jfr,settings=profile); with BENCH_KEEP=1 the work
# directory (logs of every process, request bodies) is kept. Needs java 17+, node/npm, curl, jq;
# installs Debian's wrk when it is missing (root or sudo). On a shared machine run it under the
# build lock so that no compilation competes for the CPU:
# `flock /tmp/crogas-mvn.lock tools/bench-facilitator.sh`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=tools/lib/processes.sh
source "$root/tools/lib/processes.sh"

duration=10
warmup=5
connections=16
threads=2
payments=4096
block_time=1
runs="verify-valid,verify-invalid,supported"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --payments) payments="$2"; shift 2 ;;
    --block-time) block_time="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h | --help) sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# anvil's public dev accounts ("test test ... junk"): never use them on a real network.
DEPLOYER_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 # 0: contracts
RELAYER_KEY=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d  # 1: CroGas
RELAYER=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
REFERENCE_KEY=0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba # 5: reference
PAYER_KEY=0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e     # 6: pays
PAYER=0x976EA74026E726554dB657fA54763abd0C3a0aa9
OTHER_KEY=0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356     # 7: wrong signer
PAY_TO=0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f                                # 8: merchant
CHAIN_ID=338
AMOUNT=10000 # 0.01 USDC per payment

say() { echo "bench: $*" >&2; }

work="$(mktemp -d)"
started=() # pids of the processes this script started

stop_all() {
  local pid tree=()
  for pid in "${started[@]}"; do
    # shellcheck disable=SC2207
    tree+=($(descendants "$pid"))
  done
  [ ${#tree[@]} -gt 0 ] || return 0
  kill -TERM "${tree[@]}" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "${tree[@]}" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL "${tree[@]}" 2>/dev/null || true
  started=()
}

fail() {
  say "FAILED: $*"
  for log in "$work"/*.log; do
    [ -f "$log" ] || continue
    echo "----- $(basename "$log") (last 30 lines) -----" >&2
    tail -30 "$log" >&2
  done
  exit 1
}

cleanup() {
  stop_all
  if [ -n "${BENCH_KEEP:-}" ]; then
    say "kept the logs and bodies in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

scenarios=()
for scenario in \
  "verify-valid|/x402/verify|$work/valid.jsonl|\"isValid\":true" \
  "verify-invalid|/x402/verify|$work/invalid.jsonl|\"isValid\":false" \
  "supported|/x402/supported||\"kinds\""; do
  [[ ",$runs," != *",${scenario%%|*},"* ]] || scenarios+=("$scenario")
done
[ ${#scenarios[@]} -gt 0 ] || fail "--runs names none of verify-valid, verify-invalid, supported"

wait_for() { # what, seconds, command...
  local what="$1" limit="$2" begin=$SECONDS
  shift 2
  until "$@" >/dev/null 2>&1; do
    [ $((SECONDS - begin)) -lt "$limit" ] || fail "no $what within $limit s"
    sleep 0.2
  done
}

for tool in curl jq node npm java pgrep; do
  command -v "$tool" >/dev/null || { say "$tool is required"; exit 1; }
done
if ! command -v wrk >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "wrk is missing: run as root or install sudo"; exit 1; }
    sudo="sudo"
  fi
  say "installing Debian's wrk..."
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq wrk >/dev/null
fi
tools/npm-ci.sh
./crogas --version >/dev/null # builds the command line when it is missing or stale

# --- the chain and the contracts ---------------------------------------------------------------
chain_port="$(spare_port)"
rpc_url="http://127.0.0.1:$chain_port"
anvil_args=(--host 127.0.0.1 --port "$chain_port" --chain-id "$CHAIN_ID")
[ "$block_time" = 0 ] || anvil_args+=(--block-time "$block_time")
say "anvil on $rpc_url (block time $block_time s; 0 is automine)"
node_modules/.bin/anvil "${anvil_args[@]}" >"$work/anvil.log" 2>&1 &
started+=($!)
anvil_pid=$!
chain_id_is() {
  curl -sf -H 'Content-Type: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$rpc_url" | grep -q result
}
wait_for "anvil RPC" 60 chain_id_is

export BENCH_DEPLOYER_KEY="$DEPLOYER_KEY" BENCH_RELAYER_KEY="$RELAYER_KEY"
export BENCH_PASSWORD="bench-$RANDOM$RANDOM"
say "deploying the contracts..."
./crogas deploy --rpc "$rpc_url" --chain-id "$CHAIN_ID" --key-env BENCH_DEPLOYER_KEY \
  --relayer "$RELAYER" --json >"$work/deploy.json" 2>"$work/deploy.log" || fail "deploy"
usdc="$(jq -r .usdc "$work/deploy.json")"
forwarder="$(jq -r .forwarder "$work/deploy.json")"
cast() { node_modules/.bin/cast "$@" --rpc-url "$rpc_url"; }
usdc_name="$(cast call "$usdc" 'name()(string)' | jq -r .)"
usdc_version="$(cast call "$usdc" 'version()(string)' | jq -r .)"
cast send --private-key "$DEPLOYER_KEY" "$usdc" 'mint(address,uint256)' "$PAYER" 1000000000000 \
  >"$work/mint.log" 2>&1 || fail "mint"

# --- CroGas ------------------------------------------------------------------------------------
./crogas apikeys create --label bench --per-minute 1000000 --store "$work/crogas.db" --json \
  >"$work/apikey.json" 2>"$work/apikey.log" || fail "apikeys create"
authorization="Bearer $(jq -r .key "$work/apikey.json")"
./crogas keys encrypt --private-key-env BENCH_RELAYER_KEY --password-env BENCH_PASSWORD \
  --out "$work/keys" --light --json >"$work/key.json" 2>"$work/keys.log" || fail "keys encrypt"
crogas_port="$(spare_port)"
crogas_url="http://127.0.0.1:$crogas_port"
say "crogas serve on $crogas_url"
CROGAS_NETWORK="" CROGAS_RPC_URL="$rpc_url" CROGAS_CHAIN_ID="$CHAIN_ID" \
  CROGAS_FORWARDER="$forwarder" CROGAS_USDC="$usdc" \
  CROGAS_KEYSTORES="$(jq -r .file "$work/key.json")" CROGAS_KEYSTORE_PASSWORD_FILE="" \
  CROGAS_KEYSTORE_PASSWORD_ENV=BENCH_PASSWORD CROGAS_HOST=127.0.0.1 CROGAS_PORT="$crogas_port" \
  CROGAS_STORE="$work/crogas.db" CROGAS_PRICE_USD=0.10 CROGAS_PRICE_SOURCES="" \
  JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} ${BENCH_JAVA_OPTIONS:-}" ./crogas serve >"$work/crogas.out" 2>"$work/crogas.log" &
crogas_pid=$! # ./crogas execs the JVM: this is the server's own process
started+=($crogas_pid)
wait_for "CroGas /health" 120 curl -sf "$crogas_url/health"

# --- the reference facilitator -----------------------------------------------------------------
reference_port="$(spare_port)"
reference_url="http://127.0.0.1:$reference_port"
say "reference facilitator on $reference_url"
RPC_URL="$rpc_url" CHAIN_ID="$CHAIN_ID" SIGNER_KEY="$REFERENCE_KEY" PORT="$reference_port" \
  node tools/bench/reference-facilitator.mjs >"$work/reference.log" 2>&1 &
started+=($!)
wait_for "reference /x402/supported" 60 curl -sf "$reference_url/x402/supported"

# --- the payments ------------------------------------------------------------------------------
say "signing $payments payments..."
USDC_ADDRESS="$usdc" USDC_NAME="$usdc_name" USDC_VERSION="$usdc_version" CHAIN_ID="$CHAIN_ID" \
  PAY_TO="$PAY_TO" PAYER_KEY="$PAYER_KEY" OTHER_KEY="$OTHER_KEY" COUNT="$payments" \
  AMOUNT="$AMOUNT" OUT_DIR="$work" node tools/bench/payments.mjs || fail "signing the payments"

for target in "$reference_url" "$crogas_url"; do # one answer each, before any load
  extra=()
  [ "$target" = "$reference_url" ] || extra=(-H "Authorization: $authorization")
  for kind in valid invalid; do
    answer="$(head -1 "$work/$kind.jsonl" | curl -s "${extra[@]}" \
      -H 'Content-Type: application/json' --data-binary @- "$target/x402/verify" || true)"
    expected=true
    [ "$kind" = valid ] || expected=false
    [ "$(jq -r .isValid <<<"$answer" 2>/dev/null)" = "$expected" ] \
      || fail "$target/x402/verify of a $kind payment answered: $answer"
  done
done

# --- the runs ----------------------------------------------------------------------------------
run() { # url path bodies expect seconds -> RESULT fields
  local url="$1" path="$2" bodies="$3" expect="$4" seconds="$5" key=""
  [ "$url" = "$reference_url" ] || key="$authorization"
  BENCH_BODIES="$bodies" BENCH_EXPECT="$expect" BENCH_AUTHORIZATION="$key" \
    BENCH_THREADS="$threads" \
    wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 5s -s tools/bench/wrk.lua \
    "$url$path" 2>&1 | awk '/^RESULT /{ $1=""; print substr($0, 2) }
      /^UNEXPECTED /{ print "bench: first unexpected answer: " substr($0, 12) > "/dev/stderr" }'
}

cpu_ticks() { # pid -> user + system clock ticks of the process and its children (all threads)
  local pid total=0
  for pid in $(descendants "$1"); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

declare -A results cpu
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name path bodies expect <<<"$scenario"
  for side in reference crogas; do
    url="$reference_url"
    [ "$side" = reference ] || url="$crogas_url"
    say "$name on $side: ${warmup} s warm-up, ${duration} s measured, $connections connections"
    [ "$warmup" = 0 ] || run "$url" "$path" "$bodies" "$expect" "$warmup" >/dev/null
    server_before="$(cpu_ticks "$crogas_pid")" anvil_before="$(cpu_ticks "$anvil_pid")"
    results["$name.$side"]="$(run "$url" "$path" "$bodies" "$expect" "$duration")"
    if [ "$side" = crogas ]; then # CPU per request of the measured part: steadier than latency
      requests="$(awk '{ print $7 }' <<<"${results["$name.$side"]}")"
      cpu["$name"]="$(awk -v s="$(($(cpu_ticks "$crogas_pid") - server_before))" \
        -v a="$(($(cpu_ticks "$anvil_pid") - anvil_before))" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { if (n > 0) printf "%.3f %.3f", 1000 * s / hz / n, 1000 * a / hz / n }')"
    fi
    [ -n "${results["$name.$side"]}" ] || fail "wrk printed no result for $name on $side"
  done
done

# The server's resident memory once the load is over: its peak (VmHWM) and what it holds now.
memory() { # field of /proc/<pid>/status -> MB
  awk -v field="$1:" '$1 == field { printf "%.0f", $2 / 1024 }' "/proc/$crogas_pid/status"
}
rss_peak="$(memory VmHWM)"
rss_now="$(memory VmRSS)"
[ -n "$rss_peak" ] || fail "CroGas (pid $crogas_pid) is gone before its memory could be read"

# --- the table ---------------------------------------------------------------------------------
{
  echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(java -version 2>&1 | head -1), node $(node --version), $(node_modules/.bin/anvil --version | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2);"
  echo "$connections connections, $threads wrk threads, ${duration} s measured after ${warmup} s warm-up, $payments payments, block time ${block_time} s."
  echo
  echo "| run | reference req/s | p50 ms | p99 ms | non-2xx | CroGas req/s | p50 ms | p99 ms | non-2xx | CroGas / reference |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for scenario in "${scenarios[@]}"; do
    name="${scenario%%|*}"
    read -r r_rps r_p50 r_p99 r_non2xx r_errors r_wrong _ <<<"${results["$name.reference"]}"
    read -r c_rps c_p50 c_p99 c_non2xx c_errors c_wrong _ <<<"${results["$name.crogas"]}"
    ratio="$(awk -v c="$c_rps" -v r="$r_rps" 'BEGIN { if (r > 0) printf "%.1f×", c / r; else print "-" }')"
    echo "| $name | $r_rps | $r_p50 | $r_p99 | $r_non2xx | $c_rps | $c_p50 | $c_p99 | $c_non2xx | $ratio |"
    [ "$r_errors$r_wrong$c_errors$c_wrong" = 0000 ] \
      || echo "  ($name: socket errors reference $r_errors, CroGas $c_errors; unexpected answers reference $r_wrong, CroGas $c_wrong)"
  done
  echo
  for scenario in "${scenarios[@]}"; do
    name="${scenario%%|*}"
    read -r c_server c_anvil <<<"${cpu["$name"]:-}"
    echo "CPU per request, $name on CroGas: CroGas JVM ${c_server:-?} ms, anvil ${c_anvil:-?} ms."
  done
  echo "CroGas RSS at the end of the load: peak (VmHWM) $rss_peak MB, now (VmRSS) $rss_now MB."
} | tee "${out:-/dev/null}"
