package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.testfixtures.Fixture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsRoutesTest {
  private final ApiHarness harness = new ApiHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void givenAHealthyChain_whenHealthIsRead_thenEveryFieldIsReported() {
    HttpResponse<String> response = harness.get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("chainId").asLong()).isEqualTo(338);
    assertThat(body.get("blockNumber").asLong()).isEqualTo(1234);
    assertThat(body.get("rpcLatencyMs").asLong()).isEqualTo(12);
    assertThat(body.at("/relayer/address").asText()).isEqualTo(Fixture.RELAYER.value());
    assertThat(body.at("/relayer/cro").asText()).isEqualTo("1.5");
    assertThat(body.at("/relayer/usdc").asText()).isEqualTo("2.500000");
    assertThat(body.at("/relayer/inRotation").asBoolean()).isTrue();
    assertThat(body.at("/relayer/outOfRotation").isMissingNode()).isTrue();
    assertThat(body.get("forwarder").asText()).isEqualTo(Fixture.FORWARDER.value());
    assertThat(body.at("/usdc/address").asText()).isEqualTo(Fixture.USDC.value());
    assertThat(body.at("/usdc/name").asText()).isEqualTo("USD Coin");
    assertThat(body.at("/usdc/version").asText()).isEqualTo("2");
    assertThat(body.at("/usdc/decimals").asInt()).isEqualTo(6);
    assertThat(body.get("version").asText()).isEqualTo("0.1.0");
    assertThat(body.get("uptimeSeconds").asLong()).isEqualTo(42);
  }

  @Test
  void givenTheChainIsDown_whenHealthIsRead_then503() {
    harness.healthStatus = HealthReport.Status.DOWN;

    HttpResponse<String> response = harness.get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).get("status").asText()).isEqualTo("down");
  }

  @Test
  void givenAnAddress_whenTheFaucetIsAsked_thenItMintsTheAmount() {
    HttpResponse<String> response =
        harness.post(
            "/faucet/usdc",
            "{\"address\":\"" + harness.fixture.user.address() + "\",\"amount\":\"5.5\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("address").asText()).isEqualTo(harness.fixture.user.address().value());
    assertThat(body.get("amount").asText()).isEqualTo("5.500000");
    assertThat(body.get("amountAtomic").asText()).isEqualTo("5500000");
    assertThat(body.get("txHash").asText()).hasSize(66);
    assertThat(harness.minted).hasSize(1);
  }

  @Test
  void givenAFaucetAmountAboveTheMaximum_whenAsked_then400() {
    HttpResponse<String> response =
        harness.post(
            "/faucet/usdc",
            "{\"address\":\"" + harness.fixture.user.address() + "\",\"amount\":\"100000\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/details/amount").asText()).contains("at most");
  }

  @Test
  void givenRequestsServed_whenMetricsAreScraped_thenPrometheusTextListsThem() {
    harness.get("/health");
    harness.get("/x402/supported");

    HttpResponse<String> response = harness.get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(response.body())
        .contains("crogas_http_requests_seconds_count{")
        .contains("route=\"/x402/supported\"")
        .contains("crogas_http_requests_seconds_bucket{")
        .contains("crogas_queue_depth 3.0");
  }

  /** Issue #9 item 10: providers put API keys in RPC URLs, which RPC errors quote. */
  @Test
  void givenTheRpcIsUnreachable_whenHealthIsRead_then503WithoutTheRpcUrl() {
    harness.healthFailure =
        new io.crogas.domain.ChainUnavailableException(
            "eth_blockNumber got no answer from https://cronos.example/v1/KEY-s3cr3t");

    HttpResponse<String> response = harness.get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).get("status").asText()).isEqualTo("down");
    assertThat(json(response).get("message").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("KEY-s3cr3t").doesNotContain("https://");
  }

  @Test
  void givenAMetricsToken_whenMetricsAreScraped_thenOnlyTheBearerOfTheTokenGetsThem() {
    try (ApiHarness guarded =
        new ApiHarness(settings -> settings, builder -> builder.metricsToken("scrape-me"))) {
      HttpResponse<String> anonymous = guarded.get("/metrics");
      HttpResponse<String> wrong = guarded.get("/metrics", "Authorization", "Bearer guess");
      HttpResponse<String> bearer = guarded.get("/metrics", "Authorization", "Bearer scrape-me");

      RelayRoutesTest.assertError(anonymous, 403, "forbidden");
      RelayRoutesTest.assertError(wrong, 403, "forbidden");
      assertThat(bearer.statusCode()).isEqualTo(200);
      assertThat(bearer.body()).contains("crogas_queue_depth");
    }
  }
}
