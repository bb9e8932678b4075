package io.crogas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every request goes through before and after its handler: a request id (echoed when the
 * client sends a sane one) on the response and in the logging MDC, the body size limit, who the
 * caller is and its rate limit ({@link Callers}), and the request metrics.
 */
final class RequestEdge {
  static final String REQUEST_ID = "X-Request-Id";
  private static final String STARTED = "crogas.started";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /** Probes and scrapers poll these; a busy dashboard must not lock them out. */
  private static final Logger LOG = LoggerFactory.getLogger("io.crogas.http.requests");

  private static final long DRAIN_LIMIT = 1024 * 1024;
  private static final Set<String> UNLIMITED = Set.of("/health", "/metrics");

  private final Callers callers;
  private final ApiMetrics metrics;
  private final long maxBodyBytes;

  RequestEdge(Callers callers, ApiMetrics metrics, long maxBodyBytes) {
    this.callers = callers;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
  }

  void register(RoutesConfig routes) {
    routes.before(this::before);
    routes.after(this::after);
  }

  private void before(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
    String given = ctx.header(REQUEST_ID);
    String id = given != null && SANE_ID.matcher(given).matches() ? given : newId();
    ctx.header(REQUEST_ID, id);
    MDC.put("requestId", id);
    long length = ctx.contentLength();
    if (length > maxBodyBytes) {
      drain(ctx, length);
      throw new ApiException(
          413,
          "payload_too_large",
          "the request body is limited to " + maxBodyBytes + " bytes",
          Map.of("body", "larger than " + maxBodyBytes + " bytes"));
    }
    if (!UNLIMITED.contains(ctx.path()) && !"OPTIONS".equals(ctx.method().name())) {
      callers.admit(ctx);
    }
  }

  /**
   * A random (version 4) UUID from the thread's generator: an id ties log lines together and guards
   * nothing, so it need not come from {@code SecureRandom}, whose shared source every request
   * thread would queue on.
   */
  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * Reads and drops a too-large body that is still moderate before answering 413: a server that
   * answers while the client is still sending resets the connection, and the client loses the
   * answer. Bodies beyond {@link #DRAIN_LIMIT} are not read; the connection is closed instead.
   */
  private static void drain(Context ctx, long length) {
    if (length > DRAIN_LIMIT) {
      ctx.header("Connection", "close");
      return;
    }
    try (InputStream body = ctx.req().getInputStream()) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      ctx.header("Connection", "close");
    }
  }

  private void after(Context ctx) {
    Long started = ctx.attribute(STARTED);
    String route = ctx.attribute(RouteTable.ROUTE_ATTRIBUTE);
    Duration took = Duration.ofNanos(started == null ? 0 : System.nanoTime() - started);
    metrics.request(
        ctx.method().name(), route == null ? "unmatched" : route, ctx.status().getCode(), took);
    // One line per request; bodies (signatures) are never logged, only what routing saw.
    var line =
        LOG.atInfo()
            .setMessage("request")
            .addKeyValue("method", ctx.method().name())
            .addKeyValue("route", route == null ? "unmatched" : route)
            .addKeyValue("status", ctx.status().getCode())
            .addKeyValue("ms", took.toMillis());
    // The key's id, never the key: who made the request, for the operator.
    Callers.keyId(ctx).ifPresent(id -> line.addKeyValue("apiKey", id));
    line.log();
    MDC.remove("requestId");
  }
}
