package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static io.crogas.http.RelayRoutesTest.assertError;
import static io.crogas.http.RelayRoutesTest.facilitateBody;
import static io.crogas.http.RelayRoutesTest.quoteRequest;
import static io.crogas.http.RelayRoutesTest.signedFromQuote;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.http.X402Payments.Payment;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.Keys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit counts only work the address's owner signed (relay requests accepted, x402
 * settlements sent), so that requests which merely name an address, unsigned, forged or replayed,
 * can never lock its owner out.
 */
class AddressLimitTest {
  private static final Keys ATTACKER = Keys.of(66);
  private static final int PER_ADDRESS = 3;

  private final ApiHarness harness =
      new ApiHarness(
          s ->
              s.withAccess(
                  s.access()
                      .withLimits(
                          new ApiSettings.RateLimits(
                              ApiSettings.RateLimit.perMinute(10_000),
                              ApiSettings.RateLimit.perMinute(10_000),
                              ApiSettings.RateLimit.perMinute(PER_ADDRESS),
                              ApiSettings.RateLimit.perMinute(100)))));
  private final Fixture fixture = harness.fixture;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void givenManyUnsignedForgedAndReplayedRequestsNamingAVictim_whenTheVictimSigns_thenNever429() {
    // The victim settles one payment of its own: one of its three.
    ObjectNode settled = X402Payments.body(X402Format.V2, payment(fixture.user), 1000);
    assertThat(json(harness.post("/x402/settle", settled)).get("success").asBoolean()).isTrue();
    List<Integer> attack = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // A quote names any address; nobody signs it.
      attack.add(harness.post("/x402/quote", quoteRequest(fixture)).statusCode());
      // A relay request for the victim's address, signed by someone else.
      attack.add(harness.post("/x402/facilitate", facilitateBody(forgedRelay())).statusCode());
      // x402 payments from the victim's address, signed by someone else.
      ObjectNode forged = X402Payments.body(X402Format.V2, payment(ATTACKER), 1000);
      attack.add(harness.post("/x402/verify", forged).statusCode());
      attack.add(harness.post("/x402/settle", forged).statusCode());
      // The victim's settled payment again (its signature is public on chain): a duplicate.
      attack.add(harness.post("/x402/settle", settled).statusCode());
      attack.add(harness.post("/x402/verify", settled).statusCode());
    }

    HttpResponse<String> quote = harness.post("/x402/quote", quoteRequest(fixture));
    assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
    HttpResponse<String> relayed =
        harness.post("/x402/facilitate", facilitateBody(signedFromQuote(fixture, json(quote))));
    ObjectNode own = X402Payments.body(X402Format.V2, payment(fixture.user), 1000);
    HttpResponse<String> verified = harness.post("/x402/verify", own);

    assertThat(attack).doesNotContain(429);
    assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(200);
    assertThat(json(relayed).get("success").asBoolean()).isTrue();
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    assertThat(json(verified).get("isValid").asBoolean()).isTrue();
  }

  @Test
  void givenAnAddressThatSettledItsBudget_whenItAsksForMore_then429ButItsSettlesStillGoThrough() {
    for (int i = 0; i < PER_ADDRESS; i++) {
      ObjectNode body = X402Payments.body(X402Format.V2, payment(fixture.user), 1000);
      assertThat(json(harness.post("/x402/settle", body)).get("success").asBoolean()).isTrue();
    }
    ObjectNode next = X402Payments.body(X402Format.V2, payment(fixture.user), 1000);

    HttpResponse<String> verify = harness.post("/x402/verify", next);
    HttpResponse<String> quote = harness.post("/x402/quote", quoteRequest(fixture));
    HttpResponse<String> settle = harness.post("/x402/settle", next);

    assertError(verify, 429, "rate_limited");
    assertThat(json(verify).at("/details/scope").asText()).isEqualTo("address");
    // Three a minute refill one every 20 s.
    assertThat(verify.headers().firstValue("Retry-After")).hasValue("20");
    assertError(quote, 429, "rate_limited");
    // A merchant settles after serving: refusing now would leave it unpaid. It counts, though.
    assertThat(json(settle).get("success").asBoolean()).as(settle.body()).isTrue();
    fixture.clock.advance(Duration.ofSeconds(20));
    assertError(harness.post("/x402/quote", quoteRequest(fixture)), 429, "rate_limited");
    fixture.clock.advance(Duration.ofSeconds(20));
    assertThat(harness.post("/x402/quote", quoteRequest(fixture)).statusCode()).isEqualTo(200);
  }

  @Test
  void givenAcceptedRelayRequests_whenCounted_thenTheySpendTheBudgetButTheirRepliesDoNot() {
    for (int i = 0; i < PER_ADDRESS; i++) {
      JsonNode quote = json(harness.post("/x402/quote", quoteRequest(fixture)));
      RelayRequest signed = signedFromQuote(fixture, quote);
      HttpResponse<String> accepted = harness.post("/x402/facilitate", facilitateBody(signed));
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
      if (i == 0) {
        // The same signed request again is its first answer, not new work, however often.
        for (int replay = 0; replay < 5; replay++) {
          assertThat(harness.post("/x402/facilitate", facilitateBody(signed)).statusCode())
              .isEqualTo(200);
        }
      }
      // The forwarder took the call: the next quote signs the next nonce.
      fixture.chain.forwarderNonces.merge(
          fixture.user.address(), java.math.BigInteger.ONE, java.math.BigInteger::add);
    }

    HttpResponse<String> refused = harness.post("/x402/quote", quoteRequest(fixture));

    assertError(refused, 429, "rate_limited");
    assertThat(json(refused).at("/details/scope").asText()).isEqualTo("address");
  }

  private Payment payment(Keys signer) {
    return X402Payments.payment(fixture, 1000, signer);
  }

  /** The victim's address and a call of its, signed by the attacker (fee too). */
  private RelayRequest forgedRelay() {
    MetaTransaction call = fixture.call(0);
    TransferAuthorization fee =
        new TransferAuthorization(
            fixture.user.address(),
            Fixture.FORWARDER,
            java.math.BigInteger.valueOf(1_000_000),
            java.math.BigInteger.ZERO,
            call.deadline(),
            call.digest(fixture.forwarder));
    return new RelayRequest(
        fixture.user.address(),
        call,
        ATTACKER.sign(call.digest(fixture.forwarder)),
        Optional.of(new SignedAuthorization(fee, ATTACKER.sign(fee.receiveDigest(fixture.usdc)))));
  }
}
