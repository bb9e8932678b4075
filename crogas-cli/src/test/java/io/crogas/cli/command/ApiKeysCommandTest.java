package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.cli.ExitCodes;
import io.crogas.domain.model.ApiKey;
import io.crogas.store.sqlite.SqliteApiKeys;
import io.crogas.store.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crogas apikeys} on a store file, no server needed. */
class ApiKeysCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private String store() {
    return dir.resolve("crogas.db").toString();
  }

  @Test
  void givenACreatedKey_whenListedAndRevoked_thenTheSecretIsShownOnceAndOnlyItsHashIsStored()
      throws Exception {
    CliRun created =
        CliRun.of(
            "apikeys",
            "create",
            "--label",
            "shop.example",
            "--per-minute",
            "12000",
            "--store",
            store(),
            "--json");
    JsonNode key = JSON.readTree(created.out());
    String id = key.get("id").asText();
    String secret = key.get("key").asText();

    CliRun listed = CliRun.of("apikeys", "list", "--store", store(), "--json");
    CliRun text = CliRun.of("apikeys", "list", "--store", store());
    CliRun revoked = CliRun.of("apikeys", "revoke", id, "--store", store(), "--json");
    CliRun again = CliRun.of("apikeys", "revoke", id, "--store", store());
    JsonNode afterRevoke =
        JSON.readTree(CliRun.of("apikeys", "list", "--store", store(), "--json").out());

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(id).matches("key_[0-9a-f]{16}");
    assertThat(secret).matches("crogas_[0-9a-f]{64}");
    assertThat(key.get("label").asText()).isEqualTo("shop.example");
    assertThat(key.get("perMinute").asInt()).isEqualTo(12_000);
    assertThat(listed.code()).isZero();
    assertThat(JSON.readTree(listed.out()).at("/apiKeys/0/id").asText()).isEqualTo(id);
    assertThat(JSON.readTree(listed.out()).at("/apiKeys/0/revokedAt").isNull()).isTrue();
    assertThat(listed.out() + text.out()).doesNotContain(secret.substring("crogas_".length()));
    assertThat(text.out()).contains(id, "active", "12000/min", "shop.example");
    assertThat(revoked.code()).as(revoked.err()).isZero();
    assertThat(JSON.readTree(revoked.out()).get("revoked").asText()).isEqualTo(id);
    assertThat(again.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(again.err()).contains("no active key " + id);
    assertThat(afterRevoke.at("/apiKeys/0/revokedAt").asLong()).isPositive();
    try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("crogas.db"))) {
      ApiKey stored = new SqliteApiKeys(database).list().get(0);
      assertThat(ApiKey.hashOf(secret)).contains(stored.secretHash());
      assertThat(stored.toString()).doesNotContain(secret.substring("crogas_".length()));
    }
  }

  @Test
  void givenTheStoreFromTheEnvironmentAndNoOwnLimit_whenCreated_thenServesStoreAndTheDefault()
      throws Exception {
    CliRun created =
        CliRun.of(Map.of("CROGAS_STORE", store()), "apikeys", "create", "--label", "a", "--json");
    CliRun text = CliRun.of("apikeys", "list", "--store", store());

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(JSON.readTree(created.out()).get("perMinute").isNull()).isTrue();
    assertThat(text.out()).contains("default/min");
  }

  @Test
  void givenBadInput_whenRun_thenAClearRefusalAndNothingWritten() throws Exception {
    CliRun noLabel = CliRun.of("apikeys", "create", "--store", store());
    CliRun zero =
        CliRun.of("apikeys", "create", "--label", "x", "--per-minute", "0", "--store", store());
    CliRun controls = CliRun.of("apikeys", "create", "--label", "a\nb", "--store", store());
    CliRun unknown = CliRun.of("apikeys", "revoke", "key_0123456789abcdef", "--store", store());
    CliRun listed = CliRun.of("apikeys", "list", "--store", store(), "--json");

    assertThat(noLabel.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(zero.err()).contains("1..1000000");
    assertThat(controls.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(unknown.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(JSON.readTree(listed.out()).get("apiKeys")).isEmpty();
  }
}
