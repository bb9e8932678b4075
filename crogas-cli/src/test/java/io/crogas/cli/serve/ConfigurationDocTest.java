package io.crogas.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.testkit.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md's settings table against {@link Setting} and {@link ServeSettings}. */
class ConfigurationDocTest {
  private static final Pattern ROW = Pattern.compile("^\\| `(CROGAS_[A-Z0-9_]+)` \\| (.*)$");
  private static final Pattern LITERAL = Pattern.compile("`([^`]+)`");

  @Test
  void givenThePage_whenListingItsSettings_thenEverySettingIsThereAndNothingElse()
      throws IOException {
    assertThat(documentedDefaults().keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Setting.values()).map(Setting::variable).toList());
  }

  /**
   * Reading a documented default explicitly must give what leaving the setting out gives, with a
   * fixed price and with market sources (so the price settings are not ignored).
   */
  @Test
  void givenEachDocumentedDefault_whenSetExplicitly_thenTheSettingsAreThoseOfLeavingItOut()
      throws IOException {
    List<Map<String, String>> bases = List.of(ServeSettingsTest.minimal(), marketPrices());
    int checked = 0;
    for (Map.Entry<String, Optional<String>> row : documentedDefaults().entrySet()) {
      if (row.getValue().isEmpty()) {
        continue;
      }
      for (Map<String, String> base : bases) {
        Map<String, String> explicit = new LinkedHashMap<>(base);
        explicit.put(row.getKey(), row.getValue().get());

        assertThat(read(explicit))
            .as("%s documented as %s", row.getKey(), row.getValue().get())
            .isEqualTo(read(base));
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(25);
  }

  private static Map<String, String> marketPrices() {
    Map<String, String> env = ServeSettingsTest.minimal();
    env.remove("CROGAS_PRICE_USD");
    env.put("CROGAS_PRICE_SOURCES", "cryptocom,coingecko");
    return env;
  }

  private static ServeSettings read(Map<String, String> environment) {
    return ServeSettings.read(SettingsSource.of(environment, Optional.empty()));
  }

  /** Each row's variable and its default when the page gives one as a single literal. */
  private static Map<String, Optional<String>> documentedDefaults() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Toolchain.root().resolve("docs/configuration.md"), StandardCharsets.UTF_8);
    Map<String, Optional<String>> rows = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        String defaults = row.group(2).split(" \\| ", -1)[1].strip();
        Matcher literal = LITERAL.matcher(defaults);
        rows.put(
            row.group(1), literal.matches() ? Optional.of(literal.group(1)) : Optional.empty());
      }
    }
    return rows;
  }
}
