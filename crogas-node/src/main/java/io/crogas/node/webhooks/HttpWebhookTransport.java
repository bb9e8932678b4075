package io.crogas.node.webhooks;

import io.crogas.domain.port.out.WebhookTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts deliveries with the JDK's HTTP client. Redirects are not followed (a receiver that moved is
 * re-registered by its operator, and a redirect must not carry signed events elsewhere).
 */
public final class HttpWebhookTransport implements WebhookTransport {
  private final HttpClient client;
  private final Duration timeout;

  public HttpWebhookTransport(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Answer post(URI url, Map<String, String> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("User-Agent", "CroGas-Webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      int status =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? new Answer.Accepted(status) : new Answer.Refused(status);
    } catch (IOException e) {
      return new Answer.Unreachable(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer.Unreachable("interrupted while sending (the node is stopping)");
    } catch (IllegalArgumentException e) {
      return new Answer.Unreachable("cannot send to " + url + ": " + e.getMessage());
    }
  }
}
