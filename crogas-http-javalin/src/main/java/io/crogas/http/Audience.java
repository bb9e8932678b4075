package io.crogas.http;

/** Who a POST endpoint serves, which decides whether it answers callers without an API key. */
enum Audience {
  /** Wallets and dApps: quote, facilitate, the faucet. */
  RELAY,
  /** x402 resource servers (merchants): verify and settle. */
  FACILITATOR
}
