#!/usr/bin/env bash
# Measures the forwarder's real transaction gas on a throwaway anvil (chain id 338, loopback):
# deploys the stack with script/MeasureGas.s.sol and prints each transaction's receipt gasUsed.
# The figures are recorded in docs/gas.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=../node_modules/.bin
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$bin/anvil" --host 127.0.0.1 --port "$port" --chain-id 338 --silent &
anvil_pid=$!
trap 'kill "$anvil_pid"' EXIT
for _ in $(seq 50); do "$bin/cast" chain-id --rpc-url "http://127.0.0.1:$port" >/dev/null 2>&1 && break; sleep 0.2; done

# forge warns that chain 338 may lack PUSH0 (EIP-3855): its chain table does not list Cronos; see
# docs/contracts.md for why "shanghai" is the target. The log is kept for when the script fails.
mkdir -p target/forge
"$bin/forge" script script/MeasureGas.s.sol --rpc-url "http://127.0.0.1:$port" --broadcast --slow \
  >target/forge/measure-gas.log 2>&1 || { cat target/forge/measure-gas.log; exit 1; }
node -e '
  const run = require(process.argv[1]);
  for (const [i, tx] of run.transactions.entries()) {
    const receipt = run.receipts[i];
    const what = tx.transactionType === "CREATE" ? `deploy ${tx.contractName}` : `${tx.contractName}.${tx.function}`;
    const fn = what.replace(/[(].*$/, "");
    console.log(`${String(parseInt(receipt.gasUsed, 16)).padStart(9)}  ${fn}  (calldata ${(tx.transaction.input.length - 2) / 2} bytes)`);
  }' "$PWD/target/forge/broadcast/MeasureGas.s.sol/338/run-latest.json"
