package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.cli.command.CliRun;
import io.crogas.node.CroGasVersion;
import org.junit.jupiter.api.Test;

class CroGasCliTest {
  @Test
  void givenVersionOption_whenRun_thenTheBuildsVersionIsPrinted() {
    CliRun run = CliRun.of("--version");

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("crogas " + CroGasVersion.current() + System.lineSeparator());
  }
}
