package io.crogas.secp256k1.nativelib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fresh JVM chooses with this module on its class path: libsecp256k1 when the native library
 * loads, BouncyCastle with a warning when the jar has no library for the platform or the library
 * cannot be extracted (a read-only or noexec temporary directory).
 */
class LibSecp256k1FallbackTest {
  /** The jars that hold the native libraries: -linux, -darwin and -mingw. */
  private static final Pattern NATIVE_JARS =
      Pattern.compile(".*secp256k1-kmp-jni-jvm-(linux|darwin|mingw)-[^" + File.separator + "]*");

  @TempDir Path dir;

  @Test
  void givenTheNativeLibraryForThisPlatform_whenAJvmStarts_thenItRecoversWithLibsecp256k1()
      throws Exception {
    Probe probe = run(testClassPath(), List.of());

    assertThat(probe.stdout()).isEqualTo("libsecp256k1 (JNI)|signer");
  }

  @Test
  void givenNoNativeLibraryForThisPlatform_whenAJvmStarts_thenItFallsBackToBouncyCastle()
      throws Exception {
    List<String> withoutNatives =
        testClassPath().stream().filter(entry -> !NATIVE_JARS.matcher(entry).matches()).toList();
    assertThat(withoutNatives).hasSize(testClassPath().size() - 3);

    Probe probe = run(withoutNatives, List.of());

    assertThat(probe.stdout()).isEqualTo("BouncyCastle (pure Java)|signer");
    assertThat(probe.stderr())
        .contains("a secp256k1 backend failed to load, not used")
        .contains("No native library found");
  }

  @Test
  void givenATempDirectoryTheLibraryCannotBeWrittenTo_whenAJvmStarts_thenItFallsBackToBouncyCastle()
      throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "");

    Probe probe = run(testClassPath(), List.of("-Dfr.acinq.secp256k1.tmpdir=" + notADirectory));

    assertThat(probe.stdout()).isEqualTo("BouncyCastle (pure Java)|signer");
    assertThat(probe.stderr()).contains("a secp256k1 backend failed to load, not used");
  }

  private record Probe(String stdout, String stderr) {}

  private Probe run(List<String> classPath, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", String.join(File.pathSeparator, classPath), RecoveryProbe.class.getName()));
    Path out = dir.resolve("probe.out");
    Path err = dir.resolve("probe.err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish within 60 s");
    }
    Probe probe = new Probe(Files.readString(out).strip(), Files.readString(err));
    assertThat(process.exitValue()).as(probe.stderr()).isZero();
    return probe;
  }

  private static List<String> testClassPath() {
    return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
  }
}
