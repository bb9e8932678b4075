// The reference x402 facilitator, for tools/bench-facilitator.sh: the stock x402Facilitator
// (@x402/core) with the stock ExactEvmScheme (@x402/evm) on one chain, behind Express with the
// routes of the x402 repository's example facilitator, under /x402 as CroGas serves them:
// POST /x402/verify, POST /x402/settle ({paymentPayload, paymentRequirements}), GET /x402/supported.
// Its signer is a viem wallet client on RPC_URL (viem is what @x402/evm is built on). Prints
// "listening PORT" when ready.
//
// Environment: RPC_URL, CHAIN_ID, SIGNER_KEY (a funded account's private key), PORT (0: any).
import express from "express";
import { x402Facilitator } from "@x402/core/facilitator";
import { toFacilitatorEvmSigner } from "@x402/evm";
import { ExactEvmScheme } from "@x402/evm/exact/facilitator";
import { createWalletClient, defineChain, http, publicActions } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const chainId = Number(env("CHAIN_ID"));
const rpcUrl = env("RPC_URL");
const chain = defineChain({
  id: chainId,
  name: `chain ${chainId}`,
  nativeCurrency: { name: "CRO", symbol: "CRO", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});
const account = privateKeyToAccount(env("SIGNER_KEY"));
const client = createWalletClient({ account, chain, transport: http(rpcUrl) }).extend(publicActions);

// As the x402 repository's example facilitator wires a viem client into the signer.
const signer = toFacilitatorEvmSigner({
  address: account.address,
  getCode: (args) => client.getCode(args),
  readContract: (args) => client.readContract({ ...args, args: args.args || [] }),
  verifyTypedData: (args) => client.verifyTypedData(args),
  writeContract: (args) => client.writeContract({ ...args, args: args.args || [] }),
  sendTransaction: (args) => client.sendTransaction(args),
  waitForTransactionReceipt: (args) => client.waitForTransactionReceipt(args),
});
const facilitator = new x402Facilitator().register(`eip155:${chainId}`, new ExactEvmScheme(signer));

const app = express();
app.use(express.json({ limit: "64kb" }));

const handle = (operation) => async (req, res) => {
  const { paymentPayload, paymentRequirements } = req.body ?? {};
  if (!paymentPayload || !paymentRequirements) {
    return res.status(400).json({ error: "Missing paymentPayload or paymentRequirements" });
  }
  try {
    res.json(await facilitator[operation](paymentPayload, paymentRequirements));
  } catch (error) {
    res.status(500).json({ error: error instanceof Error ? error.message : String(error) });
  }
};
app.post("/x402/verify", handle("verify"));
app.post("/x402/settle", handle("settle"));
app.get("/x402/supported", (_req, res) => res.json(facilitator.getSupported()));

const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
