package io.crogas.domain.port.out;

/**
 * Signs a delivery: the value of the {@code CroGas-Signature} header for {@code body} sent at
 * {@code unixSeconds} to a webhook holding {@code secret} (HMAC-SHA256 in the CLI's adapter; the
 * core keeps to the JDK's plain types).
 */
@FunctionalInterface
public interface WebhookSigner {
  /** The header every delivery's signature is in. */
  String HEADER = "CroGas-Signature";

  String sign(String secret, long unixSeconds, String body);
}
