package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The x402 bazaar's discovery list: resources whose successful settle requests carried the {@code
 * bazaar} extension ({@code paymentPayload.extensions.bazaar}, x402 v2), one entry per resource URL
 * with the requirements last paid and the extension as the server declared it. Kept in memory,
 * bounded: every entry costs its merchant a settled payment, and past {@value #CAPACITY} entries
 * the least recently paid goes.
 */
final class DiscoveryCatalog {
  static final int CAPACITY = 1_000;
  private static final int MAX_URL = 2_048;
  private static final int MAX_TEXT = 1_000;
  private static final int MAX_EXTENSION = 16_384;

  private final InstantSource clock;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  DiscoveryCatalog(InstantSource clock) {
    this.clock = clock;
  }

  /** One listed resource; {@code paidAt} orders the list (most recent first). */
  record Entry(String url, String type, ObjectNode item, long paidAt) {}

  /** A page of the list and how many entries match. */
  record Page(List<ObjectNode> items, int total) {}

  /**
   * Records the resource of a settle request that succeeded, if it carries the bazaar extension and
   * its resource is a plausible http(s) URL; anything else is left out, silently (the settlement
   * itself is not affected).
   */
  void settled(JsonNode request) {
    JsonNode payload = request.path("paymentPayload");
    JsonNode bazaar = payload.path("extensions").path("bazaar");
    if (!bazaar.isObject() || bazaar.toString().length() > MAX_EXTENSION) {
      return;
    }
    JsonNode resource = payload.path("resource");
    String url = resource.path("url").asText("");
    if (!isHttpUrl(url)) {
      return;
    }
    JsonNode requirements =
        request.hasNonNull("paymentRequirements")
            ? request.get("paymentRequirements")
            : payload.path("accepted");
    if (!requirements.isObject()) {
      return;
    }
    String type = bazaar.path("info").path("input").path("type").asText("http");
    ObjectNode item = Json.object();
    item.put("resource", url);
    item.put("type", type);
    item.put("x402Version", payload.path("x402Version").asInt(2));
    item.putArray("accepts").add(requirements);
    item.put("lastUpdated", clock.instant().toString());
    text(resource, "description").ifPresent(text -> item.put("description", text));
    text(resource, "mimeType").ifPresent(text -> item.put("mimeType", text));
    item.putObject("extensions").set("bazaar", bazaar);
    record(new Entry(url, type, item, clock.millis()));
  }

  private synchronized void record(Entry entry) {
    entries.remove(entry.url());
    entries.put(entry.url(), entry);
    if (entries.size() > CAPACITY) {
      entries.remove(entries.keySet().iterator().next());
    }
  }

  /** Entries of {@code type} (all when empty), most recently paid first, {@code offset} on. */
  synchronized Page list(Optional<String> type, int limit, int offset) {
    List<Entry> matching = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (type.isEmpty() || type.get().equals(entry.type())) {
        matching.add(entry);
      }
    }
    matching.sort(Comparator.comparingLong(Entry::paidAt).reversed());
    List<ObjectNode> items =
        matching.stream().skip(offset).limit(limit).map(e -> e.item().deepCopy()).toList();
    return new Page(items, matching.size());
  }

  static ObjectNode json(Page page, int limit, int offset) {
    ObjectNode body = Json.object();
    body.put("x402Version", 2);
    ArrayNode items = body.putArray("items");
    page.items().forEach(items::add);
    body.putObject("pagination")
        .put("limit", limit)
        .put("offset", offset)
        .put("total", page.total());
    return body;
  }

  private static boolean isHttpUrl(String url) {
    if (url.isEmpty() || url.length() > MAX_URL) {
      return false;
    }
    try {
      URI uri = new URI(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    String text = node.path(field).asText("");
    return text.isEmpty() || text.length() > MAX_TEXT ? Optional.empty() : Optional.of(text);
  }
}
