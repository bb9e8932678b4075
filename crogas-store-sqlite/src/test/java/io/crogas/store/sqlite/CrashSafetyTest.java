package io.crogas.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a writing process with SIGKILL in the middle of its work and checks what the file holds: a
 * process crash must lose nothing that was reported as committed, and leave no damage.
 */
class CrashSafetyTest {
  private static final int REPORTED_BEFORE_KILL = 150;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} writing threads")
  @ValueSource(ints = {1, 8})
  void givenAWriterKilledMidWay_whenTheFileIsReopened_thenEveryCommittedRecordIsThere(int threads)
      throws Exception {
    Path file = dir.resolve("crogas.db");
    Process child = startWriter(file, threads);
    Output output = new Output(child.getInputStream());
    Thread reading = new Thread(output, "crashing-writer-stdout");
    reading.start();
    await(REPORTED_BEFORE_KILL + " commits reported")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () -> {
              if (!child.isAlive()) {
                throw new AssertionError(
                    "the writer stopped early: " + Files.readString(dir.resolve("writer.err")));
              }
              return output.lines() >= REPORTED_BEFORE_KILL;
            });

    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    reading.join(TimeUnit.SECONDS.toMillis(30));

    List<String> committed = output.completeLines();
    try (SqliteDatabase database = SqliteDatabase.open(file)) {
      SqliteJournal journal = new SqliteJournal(database);
      String integrity = database.read(c -> SqliteDatabase.pragma(c, "integrity_check"));
      assertThat(committed).hasSizeGreaterThanOrEqualTo(REPORTED_BEFORE_KILL);
      assertThat(committed).allSatisfy(id -> assertThat(journal.find(id)).isPresent());
      assertThat(integrity).isEqualTo("ok");
    }
  }

  private Process startWriter(Path file, int threads) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CrashingWriter.class.getName(),
            file.toString(),
            Integer.toString(threads))
        .redirectError(dir.resolve("writer.err").toFile())
        .start();
  }

  /**
   * The writer's stdout, read on its own thread until the kill closes it. Reading stops quietly
   * when the stream is closed under it: ids still in the pipe are simply not checked.
   */
  private static final class Output implements Runnable {
    private final Reader in;
    private final StringBuilder text = new StringBuilder();

    Output(InputStream in) {
      this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public void run() {
      char[] buffer = new char[8192];
      try {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          synchronized (this) {
            text.append(buffer, 0, read);
          }
        }
      } catch (IOException closedByTheKill) {
        // The stream ends either way; what was read is complete up to its last newline.
      }
    }

    synchronized long lines() {
      return text.chars().filter(ch -> ch == '\n').count();
    }

    /** Every line the writer finished printing, without one the kill cut short. */
    synchronized List<String> completeLines() {
      List<String> lines = new ArrayList<>(List.of(text.toString().split("\n", -1)));
      lines.remove(lines.size() - 1);
      return lines;
    }
  }
}
