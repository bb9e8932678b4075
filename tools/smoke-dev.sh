#!/usr/bin/env bash
# What a new user does with the README's run command, on this checkout: `./crogas dev` on spare
# ports (building what is missing), wait for /health, encrypt the printed demo key with
# `./crogas keys encrypt`, relay a call on the demo target with `./crogas exec --wait`, check it is
# confirmed and that the demo account paid exactly the quoted fee, then stop `crogas dev` with
# SIGTERM and check that none of its processes (anvil, Java) is left. Any failure prints the dev log.
# Called by .ci/run after deleting io/crogas from the local Maven repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# shellcheck source=tools/lib/processes.sh
source "$root/tools/lib/processes.sh"

for tool in curl jq pgrep; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is required" >&2; exit 1; }
done

work="$(mktemp -d)"
dev_pid=""
dev_tree=""

fail() {
  echo "smoke: FAILED: $*" >&2
  echo "----- crogas dev log ($work/dev.log) -----" >&2
  cat "$work/dev.log" >&2 || true
  echo "----- crogas dev output -----" >&2
  cat "$work/dev.out" >&2 || true
  if [ -n "$dev_pid" ]; then
    for pid in $(descendants "$dev_pid"); do kill -9 "$pid" 2>/dev/null || true; done
  fi
  exit 1
}

rpc() { # method, params JSON -> result
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":$2}" "$rpc_url" | jq -r .result
}

usdc_balance() { # decimal atomic units of $1
  local owner="${1#0x}" hex
  hex="$(rpc eth_call "[{\"to\":\"$usdc\",\"data\":\"0x70a08231000000000000000000000000$owner\"},\"latest\"]")"
  echo $((16#${hex#0x}))
}

api_port="$(spare_port)"
chain_port="$(spare_port)"
while [ "$chain_port" = "$api_port" ]; do chain_port="$(spare_port)"; done
started=$SECONDS

echo "smoke: ./crogas dev --port $api_port --chain-port $chain_port"
./crogas dev --port "$api_port" --chain-port "$chain_port" --data-dir "$work/data" --json \
  >"$work/dev.out" 2>"$work/dev.log" &
dev_pid=$!

api="http://127.0.0.1:$api_port"
until curl -sf "$api/health" >"$work/health.json" 2>/dev/null; do
  kill -0 "$dev_pid" 2>/dev/null || fail "crogas dev exited before serving /health"
  [ $((SECONDS - started)) -lt 600 ] || fail "no /health within 600 s"
  sleep 1
done
echo "smoke: /health answered after $((SECONDS - started)) s: $(jq -r .status "$work/health.json")"
[ "$(jq -r .status "$work/health.json")" = ok ] || fail "health is not ok: $(cat "$work/health.json")"

summary="$(head -1 "$work/dev.out")"
rpc_url="$(jq -r .rpcUrl <<<"$summary")"
usdc="$(jq -r .contracts.usdc <<<"$summary")"
target="$(jq -r .contracts.demoTarget <<<"$summary")"
demo="$(jq -r .demoAccount.address <<<"$summary")"
export SMOKE_DEMO_KEY SMOKE_PASSWORD
SMOKE_DEMO_KEY="$(jq -r .demoAccount.privateKey <<<"$summary")"
SMOKE_PASSWORD="smoke-$RANDOM$RANDOM"

./crogas keys encrypt --private-key-env SMOKE_DEMO_KEY --password-env SMOKE_PASSWORD \
  --out "$work/keys" --light --json >"$work/key.json" || fail "keys encrypt"
keystore="$(jq -r .file "$work/key.json")"
[ "$(jq -r .address "$work/key.json")" = "$demo" ] || fail "the keystore is not the demo account's"

before="$(usdc_balance "$demo")"
calldata="0x6057361d$(printf '%064x' 42)" # DemoTarget.store(42)
./crogas exec --api "$api" --keystore "$keystore" --password-env SMOKE_PASSWORD \
  --target "$target" --calldata "$calldata" --wait --json >"$work/exec.json" \
  || fail "exec: $(cat "$work/exec.json")"
after="$(usdc_balance "$demo")"

status="$(jq -r .status "$work/exec.json")"
fee="$(jq -r .payment.amountAtomic "$work/exec.json")"
tx="$(jq -r .transaction.txHash "$work/exec.json")"
[ "$status" = confirmed ] || fail "exec ended $status: $(cat "$work/exec.json")"
[ "$(rpc eth_getTransactionReceipt "[\"$tx\"]" | jq -r .status)" = 0x1 ] \
  || fail "transaction $tx has no successful receipt"
[ $((before - after)) -eq "$fee" ] || fail "demo account paid $((before - after)), quoted $fee"
echo "smoke: exec confirmed in $tx; the demo account paid the quoted $fee atomic USDC"

grep -qE '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3} INFO ' "$work/dev.log" \
  || fail "crogas dev printed no plain-text log line"
! grep -q '^{' "$work/dev.log" || fail "crogas dev printed JSON log lines"

dev_tree="$(descendants "$dev_pid")"
kill -TERM "$dev_pid"
for _ in $(seq 1 60); do kill -0 "$dev_pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$dev_pid" 2>/dev/null && fail "crogas dev still runs 30 s after SIGTERM"
wait "$dev_pid" || true
for pid in $dev_tree; do
  kill -0 "$pid" 2>/dev/null && fail "process $pid ($(ps -o comm= -p "$pid")) outlived crogas dev"
done
(exec 3<>"/dev/tcp/127.0.0.1/$chain_port") 2>/dev/null && fail "anvil still listens on $chain_port"
dev_pid=""
echo "smoke: crogas dev stopped; no process of it left ($(wc -w <<<"$dev_tree") checked)"
echo "smoke: passed in $((SECONDS - started)) s"
grep -E ' (INFO|WARN|ERROR) ' "$work/dev.log" | head -5 | sed 's/^/smoke: dev log: /' || true
rm -rf "$work"
