package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DiscoveryCatalogTest {
  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
  private final DiscoveryCatalog catalog = new DiscoveryCatalog(clock);

  private static ObjectNode settle(String url, boolean bazaar, String type) {
    ObjectNode request = Json.object();
    ObjectNode payload = request.putObject("paymentPayload").put("x402Version", 2);
    payload.putObject("resource").put("url", url).put("description", "weather");
    if (bazaar) {
      payload
          .putObject("extensions")
          .putObject("bazaar")
          .putObject("info")
          .putObject("input")
          .put("type", type);
    }
    request.putObject("paymentRequirements").put("scheme", "exact").put("amount", "10000");
    return request;
  }

  private void settled(JsonNode request) {
    now.addAndGet(1_000);
    catalog.settled(request);
  }

  @Test
  void givenSettlesWithAndWithoutBazaar_whenListing_thenOnlyTheDeclaredResourcesAppear() {
    settled(settle("http://shop/a", true, "http"));
    settled(settle("http://shop/b", false, "http"));
    settled(settle("javascript:alert(1)", true, "http"));
    settled(settle("http://shop/c", true, "mcp"));

    DiscoveryCatalog.Page page = catalog.list(Optional.of("http"), 20, 0);

    assertThat(page.total()).isEqualTo(1);
    JsonNode item = page.items().get(0);
    assertThat(item.path("resource").asText()).isEqualTo("http://shop/a");
    assertThat(item.path("accepts").get(0).path("amount").asText()).isEqualTo("10000");
    assertThat(item.path("description").asText()).isEqualTo("weather");
    assertThat(item.path("extensions").has("bazaar")).isTrue();
    assertThat(catalog.list(Optional.empty(), 20, 0).total()).isEqualTo(2);
  }

  @Test
  void givenAResourcePaidTwice_whenListing_thenItIsOneEntryMovedToTheFront() {
    settled(settle("http://shop/a", true, "http"));
    settled(settle("http://shop/b", true, "http"));
    settled(settle("http://shop/a", true, "http"));

    DiscoveryCatalog.Page page = catalog.list(Optional.empty(), 20, 0);

    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items().get(0).path("resource").asText()).isEqualTo("http://shop/a");
    assertThat(catalog.list(Optional.empty(), 1, 1).items().get(0).path("resource").asText())
        .isEqualTo("http://shop/b");
  }

  @Test
  void givenMoreResourcesThanTheCapacity_whenRecording_thenTheLeastRecentlyPaidGo() {
    for (int i = 0; i <= DiscoveryCatalog.CAPACITY; i++) {
      settled(settle("http://shop/" + i, true, "http"));
    }

    DiscoveryCatalog.Page page = catalog.list(Optional.empty(), 100, 0);

    assertThat(page.total()).isEqualTo(DiscoveryCatalog.CAPACITY);
    assertThat(page.items().get(0).path("resource").asText())
        .isEqualTo("http://shop/" + DiscoveryCatalog.CAPACITY);
    assertThat(catalog.list(Optional.empty(), 100, DiscoveryCatalog.CAPACITY - 1).items())
        .extracting(item -> item.path("resource").asText())
        .containsExactly("http://shop/1");
  }
}
