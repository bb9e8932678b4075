package io.crogas.domain.port.out;

import java.net.URI;
import java.util.Map;

/** Sends one signed delivery to a receiver and says how it answered. Must not throw. */
@FunctionalInterface
public interface WebhookTransport {

  Answer post(URI url, Map<String, String> headers, String body);

  /** A 2xx is accepted; any other status refused; no answer at all unreachable. */
  sealed interface Answer permits Answer.Accepted, Answer.Refused, Answer.Unreachable {
    record Accepted(int status) implements Answer {}

    record Refused(int status) implements Answer {}

    record Unreachable(String reason) implements Answer {}
  }
}
