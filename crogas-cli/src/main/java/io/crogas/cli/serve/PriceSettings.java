package io.crogas.cli.serve;

import io.crogas.domain.model.ChainId;
import io.crogas.domain.policy.PriceConsensus;
import io.crogas.domain.port.out.PriceFeed;
import io.crogas.node.FixedPriceFeed;
import io.crogas.node.prices.MarketPriceSettings;
import io.crogas.node.prices.MarketPrices;
import io.crogas.node.prices.PriceSourceSpec;
import io.crogas.prices.CoinGeckoPrice;
import io.crogas.prices.CryptoComTicker;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code serve} takes CRO/USD from: a fixed price (dev and testnets only) or market sources
 * combined as a median ({@code CROGAS_PRICE_*}, docs/configuration.md).
 */
public sealed interface PriceSettings {
  /** A configured price, observed "now" on every read. */
  record Fixed(BigDecimal usdPerCro) implements PriceSettings {}

  /** Exchange tickers and/or an on-chain aggregator. */
  record Market(MarketPriceSettings settings) implements PriceSettings {}

  /** The feed these settings describe, started (a market feed polls until the node closes it). */
  default PriceFeed start(String rpcUrl, InstantSource clock) {
    if (this instanceof Fixed fixed) {
      return new FixedPriceFeed(fixed.usdPerCro(), clock);
    }
    return MarketPrices.start(((Market) this).settings(), rpcUrl, clock);
  }

  static Optional<PriceSettings> read(SettingsReader in, Optional<Long> chainId) {
    var fixed = in.ifSet(Setting.PRICE_USD, SettingParsers::positiveDecimal);
    var sources = in.optional(Setting.PRICE_SOURCES, "", PriceSettings::sources);
    var minSources = in.ifSet(Setting.PRICE_MIN_SOURCES, SettingParsers.integer(1, 10));
    var deviation =
        in.optional(Setting.PRICE_MAX_DEVIATION_BPS, "200", SettingParsers.integer(0, 10_000));
    var maxAge =
        in.optional(Setting.PRICE_MAX_AGE_SECONDS, "300", SettingParsers.seconds(5, 86_400));
    var poll = in.optional(Setting.PRICE_POLL_SECONDS, "15", SettingParsers.seconds(1, 3_600));
    var cryptoCom =
        in.optional(
            Setting.PRICE_CRYPTOCOM_URL,
            CryptoComTicker.DEFAULT_BASE.toString(),
            PriceSettings::base);
    var coinGecko =
        in.optional(
            Setting.PRICE_COINGECKO_URL,
            CoinGeckoPrice.DEFAULT_BASE.toString(),
            PriceSettings::base);
    var coinGeckoKey = in.raw(Setting.PRICE_COINGECKO_KEY);
    boolean fixedSet = in.raw(Setting.PRICE_USD).isPresent();
    boolean sourcesSet = in.raw(Setting.PRICE_SOURCES).filter(text -> !text.isBlank()).isPresent();
    if (fixedSet == sourcesSet) {
      in.problem(
          "set exactly one of "
              + Setting.PRICE_USD.label()
              + " (a fixed price) and "
              + Setting.PRICE_SOURCES.label()
              + " (market sources)");
      return Optional.empty();
    }
    if (fixedSet) {
      if (fixed.isEmpty()) {
        return Optional.empty();
      }
      if (chainId.filter(id -> id == ChainId.CRONOS_MAINNET.value()).isPresent()) {
        in.problem(
            Setting.PRICE_USD.label()
                + ": a fixed price is for dev and testnets; Cronos mainnet needs "
                + Setting.PRICE_SOURCES.label());
        return Optional.empty();
      }
      return Optional.of(new Fixed(fixed.get()));
    }
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    int count = sources.get().size();
    int needed = minSources.map(Long::intValue).orElse(Math.min(2, count));
    if (needed > count) {
      in.problem(
          Setting.PRICE_MIN_SOURCES.label()
              + ": "
              + needed
              + " fresh prices needed but only "
              + count
              + " sources are set");
      return Optional.empty();
    }
    if (deviation.isEmpty()
        || maxAge.isEmpty()
        || poll.isEmpty()
        || cryptoCom.isEmpty()
        || coinGecko.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Market(
            new MarketPriceSettings(
                sources.get(),
                new PriceConsensus(maxAge.get(), needed, deviation.get().intValue()),
                poll.get(),
                Duration.ofSeconds(5),
                cryptoCom.get(),
                coinGecko.get(),
                coinGeckoKey)));
  }

  private static List<PriceSourceSpec> sources(String text) {
    List<PriceSourceSpec> sources =
        SettingParsers.list(text).stream().map(PriceSourceSpec::parse).toList();
    if (sources.stream().distinct().count() != sources.size()) {
      throw new IllegalArgumentException("a source is named twice: " + text);
    }
    return sources;
  }

  /** A base URL that relative paths resolve under: always ending in a slash. */
  private static URI base(String text) {
    String url = SettingParsers.httpUrl(text);
    return URI.create(url.endsWith("/") ? url : url + "/");
  }
}
