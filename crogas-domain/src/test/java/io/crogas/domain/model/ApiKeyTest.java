package io.crogas.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void givenAnIssuedKey_whenItsSecretIsPresented_thenItHashesToTheStoredHashAndNothingElseDoes() {
    ApiKey.Issued issued =
        ApiKey.issue("shop", new ApiKey.Limits(OptionalInt.of(100)), NOW, new SecureRandom());

    assertThat(issued.secret()).matches("crogas_[0-9a-f]{64}");
    assertThat(issued.key().id()).matches("key_[0-9a-f]{16}");
    assertThat(issued.key().active()).isTrue();
    assertThat(ApiKey.hashOf(issued.secret())).contains(issued.key().secretHash());
    assertThat(issued.key().toString()).doesNotContain(issued.secret().substring(7));
    String other = issued.secret().substring(0, 70) + (issued.secret().endsWith("0") ? "1" : "0");
    assertThat(ApiKey.hashOf(other)).isPresent().get().isNotEqualTo(issued.key().secretHash());
  }

  @Test
  void givenTextThatCannotBeASecret_whenPresented_thenNoHashIsComputed() {
    assertThat(ApiKey.hashOf(null)).isEmpty();
    assertThat(ApiKey.hashOf("")).isEmpty();
    assertThat(ApiKey.hashOf("crogas_abc")).isEmpty();
    assertThat(ApiKey.hashOf("Bearer crogas_" + "0".repeat(64))).isEmpty();
    assertThat(ApiKey.hashOf("crogas_" + "0".repeat(64) + "\n")).isEmpty();
  }

  @Test
  void givenTwoIssues_whenCompared_thenIdsAndSecretsDiffer() {
    SecureRandom random = new SecureRandom();
    ApiKey.Issued a = ApiKey.issue("a", ApiKey.Limits.defaults(), NOW, random);
    ApiKey.Issued b = ApiKey.issue("a", ApiKey.Limits.defaults(), NOW, random);

    assertThat(a.key().id()).isNotEqualTo(b.key().id());
    assertThat(a.secret()).isNotEqualTo(b.secret());
  }

  @Test
  void givenBadParts_whenBuilt_thenRefused() {
    assertThatThrownBy(() -> new ApiKey.Limits(OptionalInt.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ApiKey.Limits(OptionalInt.of(1_000_001)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ApiKey.issue("line\nbreak", ApiKey.Limits.defaults(), NOW, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ApiKey.issue("x".repeat(201), ApiKey.Limits.defaults(), NOW, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
