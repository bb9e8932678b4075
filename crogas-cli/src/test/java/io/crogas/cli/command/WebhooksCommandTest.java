package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.cli.ExitCodes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crogas webhooks} on a store file, no chain needed. */
class WebhooksCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private String store() {
    return dir.resolve("crogas.db").toString();
  }

  @Test
  void givenAnAddedWebhook_whenListedAndRemoved_thenTheSecretIsShownOnlyAtAdd() throws Exception {
    CliRun added =
        CliRun.of(
            "webhooks",
            "add",
            "https://hooks.example/crogas",
            "--events",
            "settlement.confirmed,RELAY.failed",
            "--store",
            store(),
            "--json");
    JsonNode webhook = JSON.readTree(added.out());
    String id = webhook.get("id").asText();

    CliRun listed = CliRun.of("webhooks", "list", "--store", store(), "--json");
    CliRun text = CliRun.of("webhooks", "list", "--store", store());
    CliRun removed = CliRun.of("webhooks", "remove", id, "--store", store());
    CliRun afterRemove = CliRun.of("webhooks", "list", "--store", store(), "--json");

    assertThat(added.code()).as(added.err()).isZero();
    assertThat(id).matches("wh_[0-9a-f]{16}");
    assertThat(webhook.get("secret").asText()).matches("whsec_[0-9a-f]{64}");
    assertThat(webhook.get("events"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("settlement.confirmed", "relay.failed");
    assertThat(listed.code()).isZero();
    assertThat(JSON.readTree(listed.out()).at("/webhooks/0/id").asText()).isEqualTo(id);
    assertThat(listed.out()).doesNotContain(webhook.get("secret").asText());
    assertThat(text.out()).contains(id, "https://hooks.example/crogas", "0 pending, 0 failed");
    assertThat(removed.code()).isZero();
    assertThat(JSON.readTree(afterRemove.out()).get("webhooks")).isEmpty();
  }

  @Test
  void givenTheStoreFromTheEnvironment_whenAdded_thenServesStoreIsUsed() throws Exception {
    Map<String, String> env = Map.of("CROGAS_STORE", store());

    CliRun added =
        CliRun.of(env, "webhooks", "add", "http://127.0.0.1:9000/h", "--events", "all", "--json");
    CliRun listed = CliRun.of("webhooks", "list", "--store", store(), "--json");

    assertThat(added.code()).as(added.err()).isZero();
    assertThat(JSON.readTree(listed.out()).at("/webhooks/0/events")).hasSize(5);
  }

  @Test
  void givenBadInput_whenRun_thenAClearRefusalAndNothingWritten() throws Exception {
    CliRun unknownEvent =
        CliRun.of(
            "webhooks",
            "add",
            "https://h.example/x",
            "--events",
            "payment.done",
            "--store",
            store());
    CliRun notHttp =
        CliRun.of("webhooks", "add", "ftp://h.example/x", "--events", "all", "--store", store());
    CliRun noEvents = CliRun.of("webhooks", "add", "https://h.example/x", "--store", store());
    CliRun removeUnknown = CliRun.of("webhooks", "remove", "wh_nope", "--store", store());
    CliRun redeliverUnknown = CliRun.of("webhooks", "redeliver", "nope", "--store", store());
    CliRun listed = CliRun.of("webhooks", "list", "--store", store(), "--json");

    assertThat(unknownEvent.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(unknownEvent.err()).contains("unknown event(s) payment.done", "relay.confirmed");
    assertThat(notHttp.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(notHttp.err()).contains("http(s)");
    assertThat(noEvents.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(removeUnknown.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(removeUnknown.err()).contains("no webhook wh_nope");
    assertThat(redeliverUnknown.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(JSON.readTree(listed.out()).get("webhooks")).isEmpty();
  }
}
