package io.crogas.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, for requests that never reach a route (a malformed request line, headers
 * over the limit, a bad {@code Expect}, broken framing), in the error shape instead of Jetty's HTML
 * page, whatever the method or {@code Accept}. An unknown HTTP version is 400, not Jetty's 505: the
 * request is malformed, and a 5xx is kept for the server's own failures (what operators alert on).
 */
final class ProtocolErrors extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object message = request.getAttribute(ERROR_MESSAGE);
    if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException refusal) {
      status = refusal.getCode();
      message = message == null ? refusal.getReason() : message;
    }
    if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
      status = HttpStatus.BAD_REQUEST_400;
    }
    String text = message == null ? HttpStatus.getMessage(status) : message.toString();
    response.setStatus(status);
    response.getHeaders().put(ERROR_CACHE_CONTROL);
    if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
      callback.succeeded();
      return true;
    }
    byte[] body =
        ErrorMapping.body(ErrorMapping.code(status), Json.shorten(text), Map.of())
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
