package io.crogas.testfixtures.contracts;

import static io.crogas.testfixtures.StoreSamples.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.ApiKey;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.port.out.ApiKeys;
import io.crogas.testfixtures.StoreSamples;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ApiKeys} store must do. A store passes by extending this class and returning a
 * fresh, empty one from {@link #newApiKeys()}; a durable one also overrides {@link #reopen}.
 */
public abstract class ApiKeysContract {
  protected ApiKeys keys;

  protected abstract ApiKeys newApiKeys();

  /** The same store as a restarted process sees it; in-memory stores return it unchanged. */
  protected ApiKeys reopen(ApiKeys current) {
    return current;
  }

  @BeforeEach
  void freshStore() {
    keys = newApiKeys();
  }

  /** A key whose id and hash derive from {@code n}; its label is text a store could mangle. */
  public static ApiKey key(int n, OptionalInt perMinute) {
    return new ApiKey(
        String.format("key_%016x", n),
        StoreSamples.hash(1_000 + n),
        "shop «" + n + "» \"ünïcode\" ✓",
        new ApiKey.Limits(perMinute),
        at(n),
        Optional.empty());
  }

  @Test
  void givenKeysWithAndWithoutOwnLimits_whenAdded_thenListedOldestFirstWithEveryField() {
    ApiKey first = key(1, OptionalInt.of(12_345));
    ApiKey second = key(2, OptionalInt.empty());

    assertThat(keys.add(first)).isTrue();
    assertThat(keys.add(second)).isTrue();

    assertThat(keys.list()).containsExactly(first, second);
    assertThat(reopen(keys).list()).containsExactly(first, second);
  }

  @Test
  void givenAKey_whenAnotherHasItsIdOrItsSecretsHash_thenRefusedAndTheFirstStays() {
    ApiKey first = key(1, OptionalInt.empty());
    keys.add(first);
    ApiKey sameId =
        new ApiKey(
            first.id(),
            StoreSamples.hash(77),
            "other",
            ApiKey.Limits.defaults(),
            at(5),
            Optional.empty());
    ApiKey sameHash =
        new ApiKey(
            "key_00000000000000ff",
            first.secretHash(),
            "other",
            ApiKey.Limits.defaults(),
            at(5),
            Optional.empty());

    assertThat(keys.add(sameId)).isFalse();
    assertThat(keys.add(sameHash)).isFalse();
    assertThat(keys.list()).containsExactly(first);
  }

  @Test
  void givenAKey_whenRevokedTwice_thenTheFirstTimeStaysAndTheSecondIsRefused() {
    ApiKey key = key(1, OptionalInt.of(60));
    keys.add(key);
    keys.add(key(2, OptionalInt.empty()));

    assertThat(keys.revoke(key.id(), at(10))).isTrue();
    assertThat(keys.revoke(key.id(), at(20))).isFalse();

    keys = reopen(keys);
    assertThat(keys.list()).containsExactly(key.revoked(at(10)), key(2, OptionalInt.empty()));
    assertThat(keys.list().get(0).active()).isFalse();
    assertThat(keys.revoke(key.id(), at(30))).isFalse();
  }

  @Test
  void givenNoSuchKey_whenRevoked_thenRefused() {
    assertThat(keys.revoke("key_0123456789abcdef", at(1))).isFalse();
    assertThat(keys.list()).isEmpty();
  }

  @Test
  void givenAnIssuedKey_whenStored_thenItsSecretFindsItByHash() {
    ApiKey.Issued issued =
        ApiKey.issue("merchant", ApiKey.Limits.defaults(), at(0), new java.util.Random(7));
    keys.add(issued.key());

    Optional<Hash32> presented = ApiKey.hashOf(issued.secret());

    assertThat(presented).isPresent();
    assertThat(keys.list())
        .filteredOn(k -> k.secretHash().equals(presented.get()))
        .containsExactly(issued.key());
  }
}
