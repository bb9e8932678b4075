package io.crogas.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebPagesTest {
  private final ApiHarness harness = new ApiHarness();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void givenTheServer_whenThePagesAreRequested_thenEachIsServedAsHtml() {
    for (String path : new String[] {"/", "/dashboard", "/execute"}) {
      HttpResponse<String> page = harness.get(path);

      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .as(path)
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(page.body()).as(path).contains("CroGas");
    }
  }

  @Test
  void givenThePages_whenTheirScriptsAndStylesAreRequested_thenServedWithTypesBrowsersRun() {
    HttpResponse<String> script = harness.get("/execute.js");
    HttpResponse<String> style = harness.get("/app.css");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("javascript"));
    assertThat(style.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
  }

  @Test
  void givenAnUnknownPath_whenRequested_thenTheJsonNotFoundAnswerNotAPage() {
    HttpResponse<String> missing = harness.get("/nope");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(ApiHarness.json(missing).get("error").asText()).isEqualTo("not_found");
  }
}
