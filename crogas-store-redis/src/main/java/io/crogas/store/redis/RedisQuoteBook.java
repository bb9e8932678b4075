package io.crogas.store.redis;

import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.port.out.QuoteBook;
import io.crogas.store.json.FeeQuoteJson;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The {@link QuoteBook} in Redis: the latest quote of each meta-transaction digest ({@code
 * quote:<digest>}, its JSON), overwritten by the next one. Each expires a day after the quote does
 * (by {@code clock}; at least a day from now), for an operator looking into a dispute, so the
 * quotes of one day's traffic is what Redis holds.
 */
public final class RedisQuoteBook implements QuoteBook {
  /** How long an expired quote is kept. */
  static final Duration RETENTION = Duration.ofDays(1);

  private final RedisStore store;
  private final InstantSource clock;

  public RedisQuoteBook(RedisStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void save(FeeQuote quote) {
    Duration valid = Duration.between(clock.instant(), quote.expiresAt());
    Duration keep = RETENTION.plus(valid.isNegative() ? Duration.ZERO : valid);
    store.call(
        redis ->
            redis.set(
                key(quote.digest()),
                FeeQuoteJson.write(quote),
                SetArgs.Builder.px(keep.toMillis())));
  }

  @Override
  public Optional<FeeQuote> latestFor(Hash32 digest) {
    return Optional.ofNullable(store.call(redis -> redis.get(key(digest))))
        .map(json -> FeeQuoteJson.read(json, "Redis quote " + digest.hex()));
  }

  private String key(Hash32 digest) {
    return store.key("quote:" + digest.hex());
  }
}
