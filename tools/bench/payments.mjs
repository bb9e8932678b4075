// Writes the request bodies tools/bench-facilitator.sh sends to both facilitators: COUNT x402 v2
// verify bodies ({x402Version, paymentPayload, paymentRequirements}, what HTTPFacilitatorClient
// posts), each an EIP-3009 TransferWithAuthorization of AMOUNT to PAY_TO with its own random nonce,
// signed by PAYER_KEY (valid.jsonl), and the same authorizations signed by OTHER_KEY, a well-formed
// signature of the wrong account (invalid.jsonl): recovery runs in full and finds another signer.
// One JSON body a line.
//
// Environment: USDC_ADDRESS, USDC_NAME, USDC_VERSION, CHAIN_ID, PAY_TO, PAYER_KEY, OTHER_KEY,
// COUNT, AMOUNT (atomic), OUT_DIR.
import { Wallet, hexlify, randomBytes } from "ethers";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const chainId = Number(env("CHAIN_ID"));
const asset = env("USDC_ADDRESS");
const payTo = env("PAY_TO");
const amount = env("AMOUNT");
const payer = new Wallet(env("PAYER_KEY"));
const other = new Wallet(env("OTHER_KEY"));
const domain = { name: env("USDC_NAME"), version: env("USDC_VERSION"), chainId, verifyingContract: asset };
const types = {
  TransferWithAuthorization: [
    { name: "from", type: "address" },
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "validAfter", type: "uint256" },
    { name: "validBefore", type: "uint256" },
    { name: "nonce", type: "bytes32" },
  ],
};
const requirements = {
  scheme: "exact",
  network: `eip155:${chainId}`,
  amount,
  asset,
  payTo,
  maxTimeoutSeconds: 60,
  extra: { name: domain.name, version: domain.version },
};
// Valid for a day: the benchmark must not outlive its payments.
const validBefore = String(Math.floor(Date.now() / 1000) + 86_400);

const body = (authorization, signature) =>
  JSON.stringify({
    x402Version: 2,
    paymentPayload: {
      x402Version: 2,
      resource: { url: "http://bench.invalid/report", description: "bench", mimeType: "application/json" },
      accepted: requirements,
      payload: { signature, authorization },
    },
    paymentRequirements: requirements,
  });

const valid = [];
const invalid = [];
for (let i = 0; i < Number(env("COUNT")); i++) {
  const authorization = {
    from: payer.address,
    to: payTo,
    value: amount,
    validAfter: "0",
    validBefore,
    nonce: hexlify(randomBytes(32)),
  };
  valid.push(body(authorization, await payer.signTypedData(domain, types, authorization)));
  invalid.push(body(authorization, await other.signTypedData(domain, types, authorization)));
}
writeFileSync(join(env("OUT_DIR"), "valid.jsonl"), valid.join("\n") + "\n");
writeFileSync(join(env("OUT_DIR"), "invalid.jsonl"), invalid.join("\n") + "\n");
