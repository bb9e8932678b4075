package io.crogas.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * CroGas's release version, the project version Maven filters into {@code version.properties}: the
 * one source for {@code /health}, {@code crogas --version} and the MCP server's info.
 */
public final class CroGasVersion {
  private static final String RESOURCE = "version.properties";
  private static final String CURRENT = read();

  private CroGasVersion() {}

  /** The version this build was made as, e.g. {@code 0.1.0}. */
  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = CroGasVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from crogas-node's jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (version.isBlank() || version.startsWith("${")) {
        throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + version);
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
