package io.crogas.http;

import static io.crogas.http.ApiHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Wei;
import io.crogas.testfixtures.Fixture;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivityRoutesTest {
  private final ApiHarness harness = new ApiHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void givenAMinuteAndABalanceSample_whenAsked_thenTheSeriesTheDashboardDraws() {
    harness.activity =
        new Activity(
            List.of(
                new Activity.Minute(
                    Instant.ofEpochSecond(1_796_112_000L), 3, 1, new BigDecimal("0.000069"))),
            List.of(
                new Activity.BalanceSample(
                    Instant.ofEpochSecond(1_796_112_030L),
                    Map.of(Fixture.RELAYER, Wei.of(12).times(java.math.BigInteger.TEN.pow(17))))));

    HttpResponse<String> response = harness.get("/stats/activity");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.at("/minutes/0/start").asLong()).isEqualTo(1_796_112_000L);
    assertThat(body.at("/minutes/0/confirmed").asLong()).isEqualTo(3);
    assertThat(body.at("/minutes/0/failed").asLong()).isEqualTo(1);
    assertThat(body.at("/minutes/0/usdc").asText()).isEqualTo("0.000069");
    assertThat(body.at("/balances/0/at").asLong()).isEqualTo(1_796_112_030L);
    assertThat(body.at("/balances/0/cro").get(Fixture.RELAYER.value()).asText()).isEqualTo("1.2");
  }
}
