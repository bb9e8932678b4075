package io.crogas.node.prices;

import io.crogas.domain.model.Address;
import java.util.Locale;

/**
 * One CRO/USD source a relayer can be configured with, as {@code CROGAS_PRICE_SOURCES} names it.
 */
public sealed interface PriceSourceSpec {
  /** The Crypto.com Exchange public ticker for {@code CRO_USD}. */
  record CryptoCom() implements PriceSourceSpec {}

  /** CoinGecko's simple price for {@code crypto-com-chain}. */
  record CoinGecko() implements PriceSourceSpec {}

  /** A Chainlink-style aggregator contract on the relayer's own chain. */
  record Chainlink(Address aggregator) implements PriceSourceSpec {}

  /** How the setting, the logs and the metrics name this source. */
  default String label() {
    if (this instanceof Chainlink chainlink) {
      return "chainlink:" + chainlink.aggregator().value();
    }
    return this instanceof CryptoCom ? "cryptocom" : "coingecko";
  }

  /** {@code cryptocom}, {@code coingecko} or {@code chainlink:0x…}. */
  static PriceSourceSpec parse(String text) {
    String name = text.strip().toLowerCase(Locale.ROOT);
    if (name.equals("cryptocom")) {
      return new CryptoCom();
    }
    if (name.equals("coingecko")) {
      return new CoinGecko();
    }
    if (name.startsWith("chainlink:")) {
      return new Chainlink(Address.parse(text.strip().substring("chainlink:".length())));
    }
    throw new IllegalArgumentException(
        "expected cryptocom, coingecko or chainlink:0x<aggregator>, got " + text.strip());
  }
}
