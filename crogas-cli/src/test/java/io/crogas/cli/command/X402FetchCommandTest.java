package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.cli.ExitCodes;
import io.crogas.cli.TestKeystore;
import io.crogas.testkit.AnvilChain;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crogas x402 fetch}'s usage and availability exit codes (the paying runs: X402FetchTest).
 */
class X402FetchCommandTest {
  private static final Map<String, String> ENV = Map.of("PW", "pw");

  @TempDir Path dir;
  private String keystore;

  @BeforeEach
  void keystore() {
    keystore = TestKeystore.of(AnvilChain.DEV_KEYS.get(2), dir).toString();
  }

  private CliRun fetch(String url, String... more) {
    String[] args = {"x402", "fetch", url, "--keystore", keystore, "--password-env", "PW"};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.of(ENV, all);
  }

  @Test
  void givenNotAnHttpUrl_whenFetching_thenUsage() {
    CliRun run = fetch("file:///etc/passwd");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("not an http(s) URL");
  }

  @Test
  void givenAMalformedHeaderOrCap_whenFetching_thenUsage() {
    assertThat(fetch("http://127.0.0.1:9/x", "-H", "no colon").code()).isEqualTo(ExitCodes.USAGE);
    CliRun cap = fetch("http://127.0.0.1:9/x", "--max-amount", "0.0000001");
    assertThat(cap.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(cap.err()).contains("more than 6 decimal places");
  }

  @Test
  void givenAnUnreachableUrl_whenFetching_thenUnavailable() {
    CliRun run = fetch("http://127.0.0.1:9/x");

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(run.out()).isEmpty();
  }
}
