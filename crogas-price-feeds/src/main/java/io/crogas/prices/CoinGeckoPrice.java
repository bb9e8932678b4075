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
 * CRO/USD from CoinGecko's simple price ({@code GET /api/v3/simple/price?ids=crypto-com-chain
 * &vs_currencies=usd&include_last_updated_at=true}): {@code usd}, observed at {@code
 * last_updated_at} (seconds). An API key, when given, goes in CoinGecko's demo-key header.
 */
public final class CoinGeckoPrice implements PriceFeed {
  /** The public API base. */
  public static final URI DEFAULT_BASE = URI.create("https://api.coingecko.com/api/v3/");

  static final String COIN = "crypto-com-chain";

  private final TickerEndpoint endpoint;

  public CoinGeckoPrice(URI base, Optional<String> apiKey, Duration timeout) {
    this.endpoint =
        new TickerEndpoint(
            "coingecko",
            base.resolve(
                "simple/price?ids=" + COIN + "&vs_currencies=usd&include_last_updated_at=true"),
            apiKey.map(key -> Map.of("x-cg-demo-api-key", key)).orElse(Map.of()),
            timeout);
  }

  @Override
  public Optional<CroUsdPrice> latest() {
    JsonNode coin = endpoint.get().path(COIN);
    if (!coin.isObject()) {
      throw endpoint.failure("answered no " + COIN + " price", null);
    }
    return Optional.of(
        new CroUsdPrice(
            endpoint.price(coin.path("usd"), "usd price"),
            endpoint.source(),
            Instant.ofEpochSecond(
                endpoint.epoch(coin.path("last_updated_at"), "last_updated_at"))));
  }
}
