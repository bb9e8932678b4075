package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisclosurePolicyTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "reverts before sending: Paused() | reverts before sending: Paused()",
        "the relayer has too little CRO for gas | the relayer has too little CRO for gas",
        "relayer nonce 7 was no longer available | relayer nonce 7 was no longer available",
        "eth_call got no answer from https://rpc.example/v1/abc123 | eth_call got no answer from <url>",
        "wss://node.example:8546/?apikey=abc123 down | <url> down",
        "cannot open /home/crogas/.crogas/crogas.db (denied) | cannot open <path> (denied)",
        "cannot open C:\\\\Users\\\\ops\\\\crogas.db | cannot open <path>",
        "internal error: java.lang.IllegalStateException: boom | internal error: boom",
        "internal error: null | internal error: null",
      })
  void givenAFailureText_whenMadePublic_thenUrlsPathsAndClassNamesAreGone(
      String raw, String expected) {
    assertThat(DisclosurePolicy.publicText(raw)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void givenAStackTrace_whenMadePublic_thenOnlyTheFirstLineWithoutFramesIsKept() {
    String raw =
        "failed at io.crogas.chain.JsonRpc.send(JsonRpc.java:65)\n\tat java.base/Thread.run";

    assertThat(DisclosurePolicy.publicText(raw)).isEqualTo("failed");
  }

  @org.junit.jupiter.api.Test
  void givenAVeryLongText_whenMadePublic_thenItIsCut() {
    assertThat(DisclosurePolicy.publicText("x".repeat(5_000))).hasSizeLessThanOrEqualTo(300);
  }
}
