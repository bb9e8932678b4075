package io.crogas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * crogas-cli/src/test/agents/merchant.mjs: a stock {@code @x402/express} server (and a v1 route)
 * whose facilitator is the {@link ServedNetwork}'s CroGas, selling {@code /paid} at {@link #PRICE},
 * {@code /expensive} at {@link #EXPENSIVE} and {@code /v1/report} at {@link #V1_PRICE} to {@link
 * #PAY_TO}.
 */
final class StockMerchant implements AutoCloseable {
  static final BigInteger PRICE = BigInteger.valueOf(10_000);
  static final BigInteger EXPENSIVE = BigInteger.valueOf(500_000);
  static final BigInteger V1_PRICE = BigInteger.valueOf(20_000);
  static final Address PAY_TO = LocalNetwork.User.of(9_402).address();

  private final NodeScript script;
  private final String url;

  private StockMerchant(NodeScript script, int port) {
    this.script = script;
    this.url = "http://127.0.0.1:" + port;
  }

  static StockMerchant start(ServedNetwork served, Path dir) throws Exception {
    NodeScript script =
        NodeScript.start(
            "merchant.mjs",
            Map.of(
                "CROGAS_FACILITATOR", served.server.url() + "/x402",
                "MERCHANT_PAY_TO", PAY_TO.value(),
                "USDC_ADDRESS", served.node.usdc().token().value(),
                "USDC_NAME", served.node.usdc().name(),
                "USDC_VERSION", served.node.usdc().version(),
                "PRICE_ATOMIC", PRICE.toString(),
                "EXPENSIVE_ATOMIC", EXPENSIVE.toString(),
                "V1_PRICE_ATOMIC", V1_PRICE.toString()),
            dir.resolve("merchant.log"));
    try {
      return new StockMerchant(script, script.port(Duration.ofSeconds(30)));
    } catch (Exception e) {
      script.close();
      throw e;
    }
  }

  String url(String path) {
    return url + path;
  }

  /**
   * How many requests carried a payment header ({@code PAYMENT-SIGNATURE} or {@code X-PAYMENT}).
   */
  int paymentHeadersSeen() throws IOException {
    JsonNode stats = new HttpJson(url).get("/stats").json();
    return stats.path("paymentHeaders").asInt();
  }

  /**
   * The facilitator's discovery list as the reference bazaar client ({@code withBazaar}) read it.
   */
  JsonNode bazaar() {
    HttpJson.Answer answer = new HttpJson(url).get("/bazaar");
    if (answer.status() != 200) {
      throw new IllegalStateException("GET /bazaar: " + answer);
    }
    return answer.json();
  }

  String log() {
    return script.log();
  }

  @Override
  public void close() {
    script.close();
  }
}
