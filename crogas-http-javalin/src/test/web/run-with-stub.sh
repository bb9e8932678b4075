#!/usr/bin/env bash
# Runs pages.test.mjs against the stub server (stub-server.mjs) with a throwaway anvil as the signer:
# for working on the pages without a real CroGas server. Everything listens on 127.0.0.1 and is
# stopped on exit. Screenshots go to $CROGAS_SCREENSHOTS (default: a new temp directory).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
bash "$root/tools/npm-ci.sh"
node "$root/tools/copy-web-vendor.mjs"
bash "$root/tools/install-browser.sh"
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
anvil_port="$(free_port)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
"$root/node_modules/.bin/anvil" --host 127.0.0.1 --port "$anvil_port" --chain-id 338 --silent &
pids+=($!)
log="$(mktemp)"
node "$here/stub-server.mjs" --port 0 >"$log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" || true)"
  if [ -n "$url" ] && curl -sf -o /dev/null "http://127.0.0.1:$anvil_port" -X POST -H 'Content-Type: application/json' \
      -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}'; then
    break
  fi
  sleep 0.2
done
[ -n "${url:-}" ] || { echo "run-with-stub: the stub server did not start:" >&2; cat "$log" >&2; exit 1; }
export CROGAS_URL="$url" CROGAS_RPC_URL="http://127.0.0.1:$anvil_port" CROGAS_STUB=1 CROGAS_FAUCET=off
export CROGAS_USER="${CROGAS_USER:-0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266}"   # anvil's first dev account
export CROGAS_DEMO_TARGET="${CROGAS_DEMO_TARGET:-0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0}"
node "$here/pages.test.mjs"
