package io.crogas.cli.dev;

import io.crogas.cli.CliFailure;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CroGas checkout's pinned JavaScript tools (node_modules/.bin), installed with {@code bash
 * tools/npm-ci.sh} when missing, and the Debian tools its scripts install (redis-server). The
 * checkout is the {@code crogas.root} system property (the {@code ./crogas} launcher sets it), else
 * the nearest directory above the working directory or above this code's jar that has
 * package-lock.json and tools/npm-ci.sh.
 */
public final class ProjectToolchain {
  private final Path root;

  private ProjectToolchain(Path root) {
    this.root = root;
  }

  public static ProjectToolchain locate() {
    String configured = System.getProperty("crogas.root");
    if (configured != null && !configured.isBlank()) {
      return new ProjectToolchain(Path.of(configured).toAbsolutePath().normalize());
    }
    return Stream.of(Optional.of(Path.of("").toAbsolutePath()), codeLocation())
        .flatMap(Optional::stream)
        .map(ProjectToolchain::checkoutAbove)
        .flatMap(Optional::stream)
        .findFirst()
        .map(ProjectToolchain::new)
        .orElseThrow(
            () ->
                new CliFailure(
                    "cannot find the CroGas checkout (for its pinned anvil): run from inside it or"
                        + " set -Dcrogas.root=DIR"));
  }

  /** The executable {@code node_modules/.bin/NAME}, running {@code tools/npm-ci.sh} if needed. */
  public Path bin(String name) {
    Path bin = root.resolve("node_modules/.bin").resolve(name);
    if (!Files.isExecutable(bin)) {
      run("tools/npm-ci.sh", "is npm installed?");
    }
    if (!Files.isExecutable(bin)) {
      throw new CliFailure(name + " not found at " + bin + " after tools/npm-ci.sh");
    }
    return bin;
  }

  /**
   * The executable {@code name} on the PATH or in /usr/bin, else after running {@code
   * installScript} (e.g. tools/install-redis.sh, which installs the Debian package): only a command
   * that needs it asks, so {@code crogas dev} on SQLite runs without it.
   */
  public Path systemTool(String name, String installScript) {
    Optional<Path> found = onPath(name);
    if (found.isEmpty()) {
      run(installScript, "it installs a Debian package: root or sudo, and Debian's mirrors");
      found = onPath(name);
    }
    return found.orElseThrow(
        () -> new CliFailure(name + " not found on the PATH after " + installScript));
  }

  private static Optional<Path> onPath(String name) {
    return Stream.concat(
            Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(Path::of),
            Stream.of(Path.of("/usr/bin")))
        .map(dir -> dir.resolve(name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private void run(String script, String hint) {
    // The script's output goes to standard error: standard output is for results.
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", "exec bash " + script + " 1>&2")
            .directory(root.toFile())
            .inheritIO();
    try {
      int code = bash.start().waitFor();
      if (code != 0) {
        throw new CliFailure(script + " failed with exit code " + code + " (" + hint + ")");
      }
    } catch (IOException e) {
      throw new CliFailure("cannot run bash " + script + " in " + root, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure("interrupted while running " + script, e);
    }
  }

  private static Optional<Path> checkoutAbove(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("package-lock.json"))
          && Files.isRegularFile(dir.resolve("tools/npm-ci.sh"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(
          Path.of(
              ProjectToolchain.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
