package io.crogas.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the repository checkout and the pinned JavaScript tools installed under it. */
public final class Toolchain {
  private Toolchain() {}

  /**
   * The repository root: the {@code crogas.root} system property, else the nearest ancestor with a
   * package-lock.json.
   */
  public static Path root() {
    String configured = System.getProperty("crogas.root");
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath().normalize();
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("package-lock.json"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "cannot find the CroGas repository root (no package-lock.json above the working directory)");
    }
    return dir;
  }

  /**
   * Path to an executable from node_modules/.bin, installing the pinned toolchain first if needed.
   */
  public static Path bin(String name) {
    Path bin = root().resolve("node_modules/.bin").resolve(name);
    if (!Files.isExecutable(bin)) {
      install();
    }
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(name + " not found at " + bin + " after npm ci");
    }
    return bin;
  }

  private static synchronized void install() {
    try {
      Process npm =
          new ProcessBuilder("bash", root().resolve("tools/npm-ci.sh").toString())
              .inheritIO()
              .start();
      if (npm.waitFor() != 0) {
        throw new IllegalStateException("tools/npm-ci.sh failed with exit code " + npm.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run tools/npm-ci.sh", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing the toolchain", e);
    }
  }
}
