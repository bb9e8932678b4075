package io.crogas.cli.serve;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The environment and, optionally, a properties file; the environment wins. A key in the file that
 * is no {@link Setting} is refused (a typo would otherwise be silently ignored).
 */
public record SettingsSource(Map<String, String> environment, Map<String, String> file) {
  public SettingsSource {
    environment = Map.copyOf(environment);
    file = Map.copyOf(file);
  }

  public static SettingsSource of(Map<String, String> environment, Optional<Path> propertiesFile) {
    return new SettingsSource(
        environment, propertiesFile.map(SettingsSource::read).orElse(Map.of()));
  }

  /** The setting's value, blank counting as absent. */
  public Optional<String> value(Setting setting) {
    return Optional.ofNullable(environment.get(setting.variable()))
        .filter(value -> !value.isBlank())
        .or(() -> Optional.ofNullable(file.get(setting.property())).filter(v -> !v.isBlank()))
        .map(String::strip);
  }

  private static Map<String, String> read(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new InvalidSettingsException(List.of("cannot read the config file " + path + ": " + e));
    }
    Map<String, String> values = new TreeMap<>();
    List<String> unknown =
        properties.stringPropertyNames().stream()
            .filter(key -> Setting.ofProperty(key).isEmpty())
            .sorted()
            .map(key -> path + ": unknown setting " + key)
            .toList();
    if (!unknown.isEmpty()) {
      throw new InvalidSettingsException(unknown);
    }
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }
}
