package io.crogas.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A facilitator client's API key as the store keeps it: never the secret, only its SHA-256. The
 * secret is 32 random bytes, so a plain hash is enough (nothing to brute-force, unlike a password)
 * and a lookup costs one hash.
 *
 * @param id the public handle ({@code key_} and 16 hex digits): what {@code list} and {@code
 *     revoke} name
 * @param secretHash SHA-256 of the secret's UTF-8 text
 * @param label the operator's note of who holds it
 * @param limits its own limits; empty parts follow the server's defaults
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked; a revoked key authenticates nothing
 */
public record ApiKey(
    String id,
    Hash32 secretHash,
    String label,
    Limits limits,
    Instant createdAt,
    Optional<Instant> revokedAt) {
  /** What every secret starts with, so secret scanners and people recognise one. */
  public static final String SECRET_PREFIX = "crogas_";

  private static final Pattern ID = Pattern.compile("key_[0-9a-f]{16}");
  private static final Pattern SECRET = Pattern.compile("crogas_[0-9a-f]{64}");
  private static final int MAX_LABEL = 200;

  public ApiKey {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("an API key id is key_ and 16 hex digits, got " + id);
    }
    if (secretHash == null || limits == null || createdAt == null || revokedAt == null) {
      throw new IllegalArgumentException(
          "secretHash, limits, createdAt and revokedAt are required");
    }
    if (label == null
        || label.length() > MAX_LABEL
        || label.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "a label has at most " + MAX_LABEL + " characters and no control characters");
    }
  }

  /** Per-key limits. */
  public record Limits(OptionalInt requestsPerMinute) {
    /** The most a key may be given: a million requests a minute. */
    public static final int MAX_PER_MINUTE = 1_000_000;

    public Limits {
      if (requestsPerMinute == null) {
        throw new IllegalArgumentException("requestsPerMinute is required (empty: the default)");
      }
      requestsPerMinute.ifPresent(
          n -> {
            if (n < 1 || n > MAX_PER_MINUTE) {
              throw new IllegalArgumentException(
                  "requests per minute is within 1.." + MAX_PER_MINUTE + ", got " + n);
            }
          });
    }

    /** The server's defaults for everything. */
    public static Limits defaults() {
      return new Limits(OptionalInt.empty());
    }
  }

  /** A new key and its secret, which exists only here: the store keeps the hash. */
  public record Issued(ApiKey key, String secret) {}

  /** Issues a key with fresh random id and secret ({@code random}: a {@code SecureRandom}). */
  public static Issued issue(String label, Limits limits, Instant now, RandomGenerator random) {
    String secret = SECRET_PREFIX + randomHex(random, 32);
    ApiKey key =
        new ApiKey(
            "key_" + randomHex(random, 8), hash(secret), label, limits, now, Optional.empty());
    return new Issued(key, secret);
  }

  /**
   * The hash a presented secret is looked up by; empty when it cannot be a secret (wrong shape), so
   * garbage costs no hashing.
   */
  public static Optional<Hash32> hashOf(String presented) {
    return presented != null && SECRET.matcher(presented).matches()
        ? Optional.of(hash(presented))
        : Optional.empty();
  }

  public boolean active() {
    return revokedAt.isEmpty();
  }

  public ApiKey revoked(Instant at) {
    return new ApiKey(id, secretHash, label, limits, createdAt, Optional.of(at));
  }

  private static Hash32 hash(String secret) {
    try {
      return Hash32.of(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String randomHex(RandomGenerator random, int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
