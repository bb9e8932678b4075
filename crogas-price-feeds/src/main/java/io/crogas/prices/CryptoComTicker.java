package io.crogas.prices;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.CroUsdPrice;
import io.crogas.domain.port.out.PriceFeed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * CRO/USD from the Crypto.com Exchange public ticker ({@code GET
 * /exchange/v1/public/get-tickers?instrument_name=CRO_USD}): the last trade price {@code a},
 * observed at the ticker's time {@code t} (milliseconds), inside the {@code {code: 0, result:
 * {data: [...]}}} envelope. Any other answer is a {@link PriceSourceException}.
 */
public final class CryptoComTicker implements PriceFeed {
  /** The public REST base of the exchange. */
  public static final URI DEFAULT_BASE = URI.create("https://api.crypto.com/exchange/v1/");

  static final String INSTRUMENT = "CRO_USD";

  private final TickerEndpoint endpoint;

  public CryptoComTicker(URI base, Duration timeout) {
    this.endpoint =
        new TickerEndpoint(
            "cryptocom",
            base.resolve("public/get-tickers?instrument_name=" + INSTRUMENT),
            Map.of(),
            timeout);
  }

  @Override
  public Optional<CroUsdPrice> latest() {
    JsonNode answer = endpoint.get();
    if (answer.path("code").asInt(-1) != 0) {
      throw endpoint.failure("refused with code " + answer.path("code"), null);
    }
    for (JsonNode ticker : answer.path("result").path("data")) {
      if (INSTRUMENT.equals(ticker.path("i").asText())) {
        return Optional.of(
            new CroUsdPrice(
                endpoint.price(ticker.path("a"), "last price"),
                endpoint.source(),
                Instant.ofEpochMilli(endpoint.epoch(ticker.path("t"), "ticker"))));
      }
    }
    throw endpoint.failure("answered no " + INSTRUMENT + " ticker", null);
  }
}
