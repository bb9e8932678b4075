// A merchant nobody here wrote the payment side of: a stock @x402/express server (x402 v2) whose
// facilitator is the CroGas under test, plus a v1 route that answers the x402 v1 JSON 402 and
// verifies/settles through the reference HTTPFacilitatorClient (the stock v1 middleware, x402-express
// 1.x, knows no Cronos network). Prints "listening PORT" when ready. GET /stats (free) tells how many
// requests carried a payment header, so a test can check that nothing was signed; GET /bazaar
// (free) lists the facilitator's discovery resources through the reference bazaar client.
//
// Environment: CROGAS_FACILITATOR (http://127.0.0.1:P/x402), MERCHANT_PAY_TO, USDC_ADDRESS,
// USDC_NAME, USDC_VERSION, PRICE_ATOMIC (v2 /paid), EXPENSIVE_ATOMIC (/expensive), V1_PRICE_ATOMIC.
import express from "express";
import { paymentMiddleware, x402ResourceServer } from "@x402/express";
import { ExactEvmScheme } from "@x402/evm/exact/server";
import { HTTPFacilitatorClient } from "@x402/core/server";
import {
  bazaarResourceServerExtension,
  declareDiscoveryExtension,
  withBazaar,
} from "@x402/extensions/bazaar";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const network = "eip155:338";
const payTo = env("MERCHANT_PAY_TO");
const asset = env("USDC_ADDRESS");
const extra = { name: env("USDC_NAME"), version: env("USDC_VERSION") };
const price = (atomic) => ({ amount: atomic, asset, extra });

const facilitator = new HTTPFacilitatorClient({ url: env("CROGAS_FACILITATOR") });
const resourceServer = new x402ResourceServer(facilitator)
  .register(network, new ExactEvmScheme())
  .registerExtension(bazaarResourceServerExtension);

const stats = { paymentHeaders: 0, served: 0 };
const app = express();
app.use((req, _res, next) => {
  if (req.get("PAYMENT-SIGNATURE") || req.get("X-PAYMENT")) stats.paymentHeaders++;
  next();
});
app.get("/stats", (_req, res) => res.json(stats));
// The facilitator's discovery list as the reference bazaar client reads it.
app.get("/bazaar", async (_req, res) => {
  try {
    res.json(await withBazaar(facilitator).extensions.bazaar.listResources({ type: "http", limit: 10 }));
  } catch (error) {
    res.status(502).json({ error: String(error) });
  }
});

app.use(
  paymentMiddleware(
    {
      "GET /paid": {
        accepts: { scheme: "exact", network, payTo, price: price(env("PRICE_ATOMIC")) },
        description: "A weather report, paid per request",
        mimeType: "application/json",
        extensions: declareDiscoveryExtension({
          method: "GET",
          output: { example: { weather: "sunny", temperature: 21 } },
        }),
      },
      "GET /expensive": {
        accepts: { scheme: "exact", network, payTo, price: price(env("EXPENSIVE_ATOMIC")) },
        description: "Costs more than an agent's cap",
        mimeType: "application/json",
      },
    },
    resourceServer,
  ),
);
app.get("/paid", (_req, res) => {
  stats.served++;
  res.json({ weather: "sunny", temperature: 21 });
});
app.get("/expensive", (_req, res) => {
  stats.served++;
  res.json({ secret: "expensive" });
});

// x402 v1: the 402 is a JSON body, the payment comes in X-PAYMENT, the settlement goes back in
// X-PAYMENT-RESPONSE; verify and settle go through the reference facilitator client.
app.get("/v1/report", async (req, res) => {
  const requirements = {
    scheme: "exact",
    network: "cronos-testnet",
    maxAmountRequired: env("V1_PRICE_ATOMIC"),
    resource: `http://${req.get("host")}/v1/report`,
    description: "A v1 report",
    mimeType: "application/json",
    payTo,
    maxTimeoutSeconds: 60,
    asset,
    extra,
  };
  const refuse = (error) => res.status(402).json({ x402Version: 1, error, accepts: [requirements] });
  const header = req.get("X-PAYMENT");
  if (!header) return refuse("X-PAYMENT header is required");
  let payment;
  try {
    payment = JSON.parse(Buffer.from(header, "base64").toString("utf8"));
  } catch {
    return refuse("X-PAYMENT is not base64 JSON");
  }
  const verified = await facilitator.verify(payment, requirements);
  if (!verified.isValid) return refuse(verified.invalidReason ?? "invalid payment");
  const settled = await facilitator.settle(payment, requirements);
  if (!settled.success) return refuse(settled.errorReason ?? "settlement failed");
  stats.served++;
  res.set("X-PAYMENT-RESPONSE", Buffer.from(JSON.stringify(settled)).toString("base64"));
  res.json({ report: "v1 paid" });
});

const server = app.listen(Number(process.env.MERCHANT_PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
