package io.crogas.node.webhooks;

import io.crogas.domain.port.out.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code CroGas-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}
 * keyed with the webhook's secret. The time is inside the signed text, so a receiver that refuses
 * old timestamps and delivery ids it has seen cannot be fed a recorded delivery again.
 */
public final class WebhookSignature implements WebhookSigner {

  @Override
  public String sign(String secret, long unixSeconds, String body) {
    return header(secret, unixSeconds, body);
  }

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  /**
   * Whether {@code header} signs {@code body} with {@code secret} at a time within {@code
   * toleranceSeconds} of {@code nowSeconds}: the check a receiver makes.
   */
  public static boolean verify(
      String secret, String header, String body, long nowSeconds, long toleranceSeconds) {
    Optional<Long> time = Optional.empty();
    Optional<String> signature = Optional.empty();
    for (String part : header.split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("[0-9]{1,18}")) {
        time = Optional.of(Long.parseLong(pair[1]));
      } else if (pair.length == 2 && pair[0].equals("v1")) {
        signature = Optional.of(pair[1]);
      }
    }
    if (time.isEmpty() || signature.isEmpty()) {
      return false;
    }
    if (Math.abs(nowSeconds - time.get()) > toleranceSeconds) {
      return false;
    }
    byte[] expected = hmac(secret, time.get() + "." + body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.get().getBytes(StandardCharsets.US_ASCII));
  }

  static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
