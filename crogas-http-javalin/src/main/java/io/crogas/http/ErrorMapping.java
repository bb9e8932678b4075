package io.crogas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.StoreUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes {@code {"error", "message", "details"}}: refusals with their status, an
 * unreachable chain as 503, Javalin's own answers (unknown route, body too large) in the same
 * shape, a store that cannot be used as 503, and anything unexpected as a 500 without a stack trace
 * (logged with the request id).
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(ApiException.class, ErrorMapping::answer);
    routes.exception(
        ChainUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("chain unavailable: {}", e.getMessage());
          write(ctx, 503, "unavailable", "the chain cannot be reached now; retry later", Map.of());
        });
    routes.exception(
        StoreUnavailableException.class,
        (e, ctx) -> {
          // The message names the store's file: logged for the operator, never answered.
          LOG.error("store unavailable: {}", e.getMessage());
          write(ctx, 503, "unavailable", "the store cannot be used now; retry later", Map.of());
        });
    routes.exception(HttpResponseException.class, ErrorMapping::framework);
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          write(ctx, 500, "internal_error", "unexpected failure; see the server log", Map.of());
        });
    routes.error(404, "*", ctx -> notFound(ctx));
  }

  private static void answer(ApiException e, Context ctx) {
    if (ApiException.UNAUTHORIZED.equals(e.code())) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    e.retryAfter()
        .ifPresent(
            wait ->
                ctx.header(
                    "Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
    write(ctx, e.status(), e.code(), e.getMessage(), e.details());
  }

  /** Javalin's own refusals: unknown routes, bodies over the limit, malformed requests. */
  private static void framework(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    write(ctx, status, code(status), Json.shorten(e.getMessage()), Map.of());
  }

  /** The error code of a status the server or its framework chose by itself. */
  static String code(int status) {
    return switch (status) {
      case 404 -> "not_found";
      case 413 -> "payload_too_large";
      case 429 -> "rate_limited";
      case 503 -> "unavailable";
      default -> status < 500 ? "invalid_request" : "internal_error";
    };
  }

  private static void notFound(Context ctx) {
    if (ctx.result() == null || !ctx.result().startsWith("{")) {
      write(
          ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), Map.of());
    }
  }

  static void write(
      Context ctx, int status, String code, String message, Map<String, String> details) {
    Json.write(ctx, status, body(code, message, details));
  }

  /** {@code {"error", "message", "details"}}. */
  static ObjectNode body(String code, String message, Map<String, String> details) {
    ObjectNode body = Json.object().put("error", code).put("message", message);
    ObjectNode detailNode = body.putObject("details");
    details.forEach(detailNode::put);
    return body;
  }
}
