package io.crogas.domain.model;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A URL an operator registered to be told about {@code events}, and the secret its deliveries are
 * signed with (shown once, when it is added).
 */
public record Webhook(
    String id, URI url, Set<WebhookEvent> events, String secret, Instant createdAt) {
  public Webhook {
    if (id == null || id.isBlank() || url == null || secret == null || createdAt == null) {
      throw new IllegalArgumentException("id, url, secret and createdAt are required");
    }
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        || url.getHost() == null) {
      throw new IllegalArgumentException("a webhook URL is http(s)://host..., got " + url);
    }
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("a webhook needs at least one event");
    }
    if (secret.length() < 16) {
      throw new IllegalArgumentException("a webhook secret has at least 16 characters");
    }
    events = Set.copyOf(EnumSet.copyOf(events));
  }

  public boolean wants(WebhookEvent event) {
    return events.contains(event);
  }
}
