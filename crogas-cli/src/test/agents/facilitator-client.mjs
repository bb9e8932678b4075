// A facilitator client nobody here wrote: the reference HTTPFacilitatorClient of @x402/core, with
// the CroGas API key sent through its createAuthHeaders option (none when CROGAS_API_KEY is empty).
// Asks getSupported, then verify and settle of one payment, and prints one JSON line with each
// result or the error it threw (the client throws on any answer but 200).
//
// Environment: CROGAS_FACILITATOR (http://127.0.0.1:P/x402), CROGAS_API_KEY, PAYMENT (JSON
// {paymentPayload, paymentRequirements}).
import { HTTPFacilitatorClient } from "@x402/core/server";

const key = process.env.CROGAS_API_KEY ?? "";
const auth = { Authorization: `Bearer ${key}` };
const client = new HTTPFacilitatorClient({
  url: process.env.CROGAS_FACILITATOR,
  ...(key ? { createAuthHeaders: async () => ({ verify: auth, settle: auth, supported: auth }) } : {}),
});
const { paymentPayload, paymentRequirements } = JSON.parse(process.env.PAYMENT);

const attempt = async (call) => {
  try {
    return { ok: await call() };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
};
const supported = await attempt(() => client.getSupported());
const verify = await attempt(() => client.verify(paymentPayload, paymentRequirements));
const settle = await attempt(() => client.settle(paymentPayload, paymentRequirements));
console.log(JSON.stringify({ supported, verify, settle }));
