package io.crogas.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.model.Address;
import io.crogas.domain.policy.PriceConsensus;
import io.crogas.node.prices.MarketPriceSettings;
import io.crogas.node.prices.PriceSourceSpec;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceSettingsTest {
  private static final String AGGREGATOR = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

  private static ServeSettings read(Map<String, String> env) {
    return ServeSettings.read(SettingsSource.of(env, Optional.empty()));
  }

  private static Map<String, String> market(String sources) {
    Map<String, String> env = ServeSettingsTest.minimal();
    env.remove("CROGAS_PRICE_USD");
    env.put("CROGAS_PRICE_SOURCES", sources);
    return env;
  }

  @Test
  void givenThreeSources_whenRead_thenTwoFreshWithinTwoPercentAndFiveMinutesByDefault() {
    PriceSettings prices =
        read(market("cryptocom, coingecko, chainlink:" + AGGREGATOR.toLowerCase())).prices();

    assertThat(prices)
        .isEqualTo(
            new PriceSettings.Market(
                new MarketPriceSettings(
                    List.of(
                        new PriceSourceSpec.CryptoCom(),
                        new PriceSourceSpec.CoinGecko(),
                        new PriceSourceSpec.Chainlink(Address.parse(AGGREGATOR))),
                    new PriceConsensus(Duration.ofMinutes(5), 2, 200),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(5),
                    URI.create("https://api.crypto.com/exchange/v1/"),
                    URI.create("https://api.coingecko.com/api/v3/"),
                    Optional.empty())));
  }

  @Test
  void givenOneSourceAndItsSettings_whenRead_thenOneFreshIsEnoughAndTheUrlsAreBases() {
    Map<String, String> env = market("coingecko");
    env.put("CROGAS_PRICE_COINGECKO_URL", "http://127.0.0.1:9999/api/v3");
    env.put("CROGAS_PRICE_COINGECKO_KEY", "CG-key");
    env.put("CROGAS_PRICE_MAX_AGE_SECONDS", "60");

    MarketPriceSettings market = ((PriceSettings.Market) read(env).prices()).settings();

    assertThat(market.consensus()).isEqualTo(new PriceConsensus(Duration.ofSeconds(60), 1, 200));
    assertThat(market.coinGeckoBase()).isEqualTo(URI.create("http://127.0.0.1:9999/api/v3/"));
    assertThat(market.coinGeckoKey()).contains("CG-key");
  }

  @Test
  void givenBothOrNeither_whenRead_thenExactlyOneIsAskedFor() {
    Map<String, String> both = market("cryptocom");
    both.put("CROGAS_PRICE_USD", "0.09");
    Map<String, String> neither = ServeSettingsTest.minimal();
    neither.remove("CROGAS_PRICE_USD");

    for (Map<String, String> env : List.of(both, neither)) {
      assertThatThrownBy(() -> read(env))
          .isInstanceOf(InvalidSettingsException.class)
          .hasMessageContaining(
              "set exactly one of CROGAS_PRICE_USD (crogas.price.usd) (a fixed price) and"
                  + " CROGAS_PRICE_SOURCES");
    }
  }

  @Test
  void givenAFixedPriceOnMainnet_whenRead_thenRefused() {
    Map<String, String> env = ServeSettingsTest.minimal();
    env.put("CROGAS_CHAIN_ID", "25");

    assertThatThrownBy(() -> read(env))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageContaining("a fixed price is for dev and testnets");
  }

  @Test
  void givenBadSourcesOrBounds_whenRead_thenEachIsNamed() {
    Map<String, String> env = market("cryptocom, binance, cryptocom");
    Map<String, String> tooMany = market("cryptocom");
    tooMany.put("CROGAS_PRICE_MIN_SOURCES", "2");
    tooMany.put("CROGAS_PRICE_MAX_DEVIATION_BPS", "20000");

    assertThatThrownBy(() -> read(env))
        .hasMessageContaining("CROGAS_PRICE_SOURCES (crogas.price.sources): expected cryptocom");
    assertThatThrownBy(() -> read(tooMany))
        .hasMessageContaining("2 fresh prices needed but only 1 sources are set")
        .hasMessageContaining("CROGAS_PRICE_MAX_DEVIATION_BPS");
  }
}
