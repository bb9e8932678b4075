package io.crogas.store.json;

import io.crogas.domain.model.WebhookEvent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A webhook's events as the stores keep them: their names, sorted, comma-separated. Names this
 * release does not know (written by a newer one) are skipped on reading.
 */
public final class EventNames {
  private EventNames() {}

  public static String write(Set<WebhookEvent> events) {
    return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  public static EnumSet<WebhookEvent> read(String names) {
    List<String> listed = Arrays.asList(names.split(","));
    EnumSet<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    Arrays.stream(WebhookEvent.values())
        .filter(e -> listed.contains(e.name()))
        .forEach(events::add);
    return events;
  }
}
