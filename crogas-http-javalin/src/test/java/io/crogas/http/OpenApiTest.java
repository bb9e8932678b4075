package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiTest {
  private final ApiHarness harness = new ApiHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void givenTheServedDescription_thenEveryRegisteredRouteIsInIt() {
    HttpResponse<String> response = harness.get("/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = ApiHarness.json(response);
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    // 12 of PRODUCT §5, the Cronos Labs drop-in 4, /balance, the discovery list, /stats/activity
    assertThat(harness.api.routes()).hasSize(19);
    for (HttpApi.Route route : harness.api.routes()) {
      assertThat(doc.get("paths").has(route.path())).as(route.path()).isTrue();
      assertThat(doc.get("paths").get(route.path()).has(route.method().toLowerCase(Locale.ROOT)))
          .as(route.toString())
          .isTrue();
    }
  }

  @Test
  void givenTheDescription_thenEveryReferenceResolves() {
    JsonNode doc = ApiHarness.json(harness.get("/openapi.json"));
    JsonNode schemas = doc.at("/components/schemas");

    doc.findValues("$ref")
        .forEach(
            ref ->
                assertThat(schemas.has(ref.asText().replace("#/components/schemas/", "")))
                    .as(ref.asText())
                    .isTrue());
  }
}
