package io.crogas.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CroGasVersionTest {
  private static final Pattern PARENT_VERSION =
      Pattern.compile("<artifactId>crogas-parent</artifactId>\\s*<version>([^<]+)</version>");

  @Test
  void givenTheBuild_whenAskingTheVersion_thenItIsTheVersionOfTheProjectPom() throws IOException {
    String pom = Files.readString(Path.of(System.getProperty("crogas.root"), "pom.xml"));
    Matcher version = PARENT_VERSION.matcher(pom);

    assertThat(version.find()).isTrue();
    assertThat(CroGasVersion.current()).isEqualTo(version.group(1));
  }
}
