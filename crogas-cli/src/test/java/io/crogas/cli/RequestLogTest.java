package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped logback.xml's request lines (batched on their own thread, written a batch at a time):
 * every line reaches standard error whole and soon, with the process still running and nothing else
 * logged after them, in both formats.
 */
class RequestLogTest {
  private static final int LINES = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void givenJsonLogs_whenRequestsAreLoggedAndTheProcessIdles_thenEveryLineIsWrittenWhole()
      throws Exception {
    List<String> lines = logged("json");

    List<String> requests = requestLines(lines, "\"request\"");
    for (int i = 0; i < LINES; i++) {
      JsonNode line = JSON.readTree(requests.get(i));
      assertThat(line.get("mdc").get("requestId").asText()).isEqualTo("probe-" + i);
      assertThat(line.get("level").asText()).isEqualTo("INFO");
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("probe done"));
  }

  @Test
  void givenTextLogs_whenRequestsAreLoggedAndTheProcessIdles_thenEveryLineIsWrittenWhole()
      throws Exception {
    List<String> requests = requestLines(logged("text"), " request ");
    assertThat(requests.get(LINES - 1))
        .contains("INFO  requests [probe-" + (LINES - 1) + "] request status=\"200\"");
  }

  private static List<String> requestLines(List<String> lines, String marker) {
    List<String> requests = lines.stream().filter(line -> line.contains(marker)).toList();
    assertThat(requests).hasSize(LINES);
    return requests;
  }

  /** The probe's standard error once its request lines are all there (the process still runs). */
  private List<String> logged(String format) throws Exception {
    Path err = dir.resolve(format + ".err");
    Path config = Path.of("src/main/resources/logback.xml").toAbsolutePath();
    Process probe =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + config,
                "-D" + LogFormat.PROPERTY + "=" + format.toUpperCase(java.util.Locale.ROOT),
                "-cp",
                System.getProperty("java.class.path"),
                RequestLogProbe.class.getName(),
                Integer.toString(LINES))
            .redirectError(err.toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).as("stderr in " + err).isEqualTo("logged");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.readAllLines(err).size() >= LINES + 1);
      assertThat(probe.isAlive()).isTrue();
      return Files.readAllLines(err);
    } finally {
      probe.destroyForcibly();
    }
  }
}
