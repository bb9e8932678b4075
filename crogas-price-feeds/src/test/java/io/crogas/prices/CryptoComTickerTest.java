package io.crogas.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.CroUsdPrice;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exchange's documented ticker answer, and every way it can go wrong, from a local server. */
class CryptoComTickerTest {
  private final TickerServer exchange = new TickerServer();
  private final CryptoComTicker ticker =
      new CryptoComTicker(exchange.base("/exchange/v1/"), Duration.ofMillis(500));

  @AfterEach
  void stop() {
    exchange.close();
  }

  static String tickers(String instrument, String last, long millis) {
    return """
        {"id": -1, "method": "public/get-tickers", "code": 0,
         "result": {"data": [{"i": "%s", "h": "0.0951", "l": "0.0890", "a": "%s",
           "v": "80000000", "vv": "7312000.12", "c": "0.0123", "b": "0.0915", "k": "0.0916",
           "t": %d}]}}"""
        .formatted(instrument, last, millis);
  }

  @Test
  void givenTheTicker_whenAsked_thenTheLastTradeAtTheTickerTime() {
    exchange.answer(200, tickers("CRO_USD", "0.09157", 1_796_112_000_123L));

    CroUsdPrice price = ticker.latest().orElseThrow();

    assertThat(price.usdPerCro()).isEqualByComparingTo("0.09157");
    assertThat(price.observedAt()).isEqualTo(Instant.ofEpochMilli(1_796_112_000_123L));
    assertThat(price.source()).isEqualTo("cryptocom");
    assertThat(exchange.requests)
        .containsExactly("/exchange/v1/public/get-tickers?instrument_name=CRO_USD");
  }

  @Test
  void givenAnErrorCode_whenAsked_thenTheSourceFailsNamingIt() {
    exchange.answer(200, "{\"id\": -1, \"code\": 40003, \"message\": \"BAD_REQUEST\"}");

    assertThatThrownBy(ticker::latest)
        .isInstanceOf(PriceSourceException.class)
        .hasMessage("cryptocom refused with code 40003");
  }

  @Test
  void givenAnotherInstrumentOnly_whenAsked_thenNoCroPrice() {
    exchange.answer(200, tickers("BTC_USD", "97000", 1_796_112_000_123L));

    assertThatThrownBy(ticker::latest).hasMessage("cryptocom answered no CRO_USD ticker");
  }

  @Test
  void givenGarbageOrBrokenFields_whenAsked_thenEachIsAFailureNotAPrice() {
    for (String body :
        new String[] {
          "<html>maintenance</html>",
          tickers("CRO_USD", "-0.09", 1L),
          tickers("CRO_USD", "0", 1L),
          tickers("CRO_USD", "abc", 1L),
          tickers("CRO_USD", "0.09", 0L),
          "{\"code\": 0, \"result\": {}}"
        }) {
      exchange.answer(200, body);

      assertThatThrownBy(ticker::latest).as(body).isInstanceOf(PriceSourceException.class);
    }
  }

  @Test
  void givenAServerErrorOrTimeout_whenAsked_thenFailureWithoutTheUrl() {
    exchange.answer(503, "{}");
    assertThatThrownBy(ticker::latest).hasMessage("cryptocom answered HTTP 503");

    exchange.answer(200, tickers("CRO_USD", "0.09", 1L));
    exchange.delay(Duration.ofSeconds(2));
    assertThatThrownBy(ticker::latest)
        .isInstanceOf(PriceSourceException.class)
        .hasMessageStartingWith("cryptocom did not answer")
        .hasMessageNotContaining("127.0.0.1");
  }
}
