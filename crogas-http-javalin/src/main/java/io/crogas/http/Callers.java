package io.crogas.http;

import io.crogas.domain.model.ApiKey;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is calling: a facilitator client by its API key ({@code Authorization: Bearer <key>}), or an
 * anonymous caller by its IP address; each request counts against that caller's limit. A key that
 * is unknown or revoked is 401 wherever it is presented; a route for an {@link Audience} that
 * anonymous callers may not use is 401 without a key.
 */
final class Callers {
  private static final String KEY = "crogas.apiKey";
  private static final String FORWARDED_FOR = "X-Forwarded-For";
  private static final String BEARER = "bearer ";

  private final ApiKeyCache keys;
  private final RateLimiter limiter;
  private final ApiSettings.Access access;

  Callers(ApiKeyCache keys, RateLimiter limiter, ApiSettings.Access access) {
    this.keys = keys;
    this.limiter = limiter;
    this.access = access;
  }

  /**
   * Identifies the caller and counts the request: against its key, or against its IP (a bad key
   * counts against the IP too, so guessing keys runs into 429).
   */
  void admit(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || authorization.isBlank()) {
      limiter.ip(client(ctx));
      return;
    }
    Optional<ApiKey> key = bearer(authorization).flatMap(keys::find);
    if (key.isEmpty()) {
      limiter.ip(client(ctx));
      throw unauthorized("the API key is unknown or revoked", "invalid");
    }
    ctx.attribute(KEY, key.get());
    limiter.key(key.get());
  }

  /** 401 for an anonymous caller on a route whose audience needs a key. */
  void require(Context ctx, Audience audience) {
    if (ctx.attribute(KEY) == null && !access.anonymous().allows(audience)) {
      throw unauthorized(
          "this endpoint needs an API key: send Authorization: Bearer <key>", "missing");
    }
  }

  /** The id of the key the request was made with, for the request log. */
  static Optional<String> keyId(Context ctx) {
    ApiKey key = ctx.attribute(KEY);
    return Optional.ofNullable(key).map(ApiKey::id);
  }

  private String client(Context ctx) {
    if (access.trustedProxies().ranges().isEmpty()) {
      return ctx.ip();
    }
    return access
        .trustedProxies()
        .client(ctx.ip(), Collections.list(ctx.req().getHeaders(FORWARDED_FOR)));
  }

  private static Optional<String> bearer(String authorization) {
    String value = authorization.strip();
    return value.length() > BEARER.length()
            && value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
        ? Optional.of(value.substring(BEARER.length()).strip())
        : Optional.empty();
  }

  private static ApiException unauthorized(String message, String problem) {
    return new ApiException(
        401, ApiException.UNAUTHORIZED, message, Map.of("authorization", problem));
  }
}
