package io.crogas.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.CroUsdPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CoinGecko's documented simple-price answer, and its failures, from a local server. */
class CoinGeckoPriceTest {
  private final TickerServer gecko = new TickerServer();

  @AfterEach
  void stop() {
    gecko.close();
  }

  private CoinGeckoPrice source(Optional<String> key) {
    return new CoinGeckoPrice(gecko.base("/api/v3/"), key, Duration.ofMillis(500));
  }

  @Test
  void givenThePrice_whenAsked_thenUsdAtItsLastUpdateWithTheKeyInItsHeader() {
    gecko.answer(200, "{\"crypto-com-chain\": {\"usd\": 0.0915, \"last_updated_at\": 1796112000}}");

    CroUsdPrice price = source(Optional.of("CG-demo-key")).latest().orElseThrow();

    assertThat(price.usdPerCro()).isEqualByComparingTo("0.0915");
    assertThat(price.observedAt()).isEqualTo(Instant.ofEpochSecond(1_796_112_000L));
    assertThat(price.source()).isEqualTo("coingecko");
    assertThat(gecko.requests)
        .containsExactly(
            "/api/v3/simple/price?ids=crypto-com-chain&vs_currencies=usd"
                + "&include_last_updated_at=true");
    assertThat(gecko.apiKeys).containsExactly("CG-demo-key");
  }

  @Test
  void givenRateLimitedOrEmptyOrGarbage_whenAsked_thenFailures() {
    gecko.answer(429, "{\"status\": {\"error_code\": 429}}");
    assertThatThrownBy(source(Optional.empty())::latest).hasMessage("coingecko answered HTTP 429");

    for (String body :
        new String[] {
          "{}",
          "{\"crypto-com-chain\": {}}",
          "{\"crypto-com-chain\": {\"usd\": 0.09}}",
          "{\"crypto-com-chain\": {\"usd\": null, \"last_updated_at\": 1796112000}}",
          "[1, 2, 3]",
          "not json"
        }) {
      gecko.answer(200, body);

      assertThatThrownBy(source(Optional.empty())::latest)
          .as(body)
          .isInstanceOf(PriceSourceException.class);
    }
  }
}
