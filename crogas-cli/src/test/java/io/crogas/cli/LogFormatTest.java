package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {
  @Test
  void givenDev_whenNothingElseIsSaid_thenPlainTextForThePersonAtTheTerminal() {
    assertThat(LogFormat.choose(new String[] {"dev", "--port", "1"}, Map.of()))
        .isEqualTo(LogFormat.TEXT);
  }

  @Test
  void givenServeOrAnyOtherCommand_whenNothingElseIsSaid_thenJsonForTheCollector() {
    assertThat(LogFormat.choose(new String[] {"serve"}, Map.of())).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.choose(new String[] {}, Map.of())).isEqualTo(LogFormat.JSON);
  }

  @Test
  void givenTheOption_whenChoosing_thenItWinsOverTheVariableAndTheDefault() {
    Map<String, String> env = Map.of("CROGAS_LOG_FORMAT", "text");

    assertThat(LogFormat.choose(new String[] {"dev", "--log-format", "json"}, env))
        .isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.choose(new String[] {"serve", "--log-format=TEXT"}, Map.of()))
        .isEqualTo(LogFormat.TEXT);
    assertThat(LogFormat.choose(new String[] {"serve"}, env)).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void givenAValueThatIsNoFormat_whenChoosing_thenTheDefaultIsKeptForPicocliToReport() {
    assertThat(LogFormat.choose(new String[] {"dev", "--log-format", "xml"}, Map.of()))
        .isEqualTo(LogFormat.TEXT);
  }
}
