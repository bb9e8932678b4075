package io.crogas.node.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "whsec_0123456789abcdef0123456789abcdef";
  private static final String BODY = "{\"id\":\"d-1\",\"event\":\"relay.confirmed\"}";

  @Test
  void givenRfc4231Case2_whenHashed_thenTheKnownHmacSha256() {
    assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void givenASignedBody_whenTheHeaderIsRead_thenItCarriesTheTimeAndTheHmacOfTimeDotBody() {
    String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);

    assertThat(header)
        .isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac(SECRET, "1700000000." + BODY));
    assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_700_000_100L, 300)).isTrue();
  }

  @Test
  void givenATamperedBodyAnotherSecretOrAnOldTime_whenVerified_thenRefused() {
    String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
    String movedTime = header.replace("t=1700000000", "t=1700000200");

    assertThat(WebhookSignature.verify(SECRET, header, BODY + " ", 1_700_000_000L, 300)).isFalse();
    assertThat(
            WebhookSignature.verify("whsec_another-secret-000", header, BODY, 1_700_000_000L, 300))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, header, BODY, 1_700_000_301L, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, movedTime, BODY, 1_700_000_200L, 300)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "v1=abc", BODY, 1_700_000_000L, 300)).isFalse();
  }
}
