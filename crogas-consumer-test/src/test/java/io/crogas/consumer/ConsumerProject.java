package io.crogas.consumer;

import io.crogas.testkit.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The throwaway project, as docs/library.md tells an embedder to write it: {@code library} imports
 * crogas-bom and depends on crogas-node, with the page's example and a main that runs it; {@code
 * full} adds both optional modules, crogas-http-javalin and crogas-secp256k1-native. Plugins at the
 * versions this build uses, so that the offline run finds them.
 */
final class ConsumerProject {
  private ConsumerProject() {}

  static Path create(Path dir, String version) throws Exception {
    Map<String, String> plugins =
        Pom.read(Toolchain.root().resolve("pom.xml")).managedPlugins().stream()
            .collect(Collectors.toMap(p -> p.get("artifactId"), p -> p.get("version")));
    write(
        dir.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>example</groupId>
          <artifactId>consumer</artifactId>
          <version>1.0</version>
          <packaging>pom</packaging>
          <modules>
            <module>library</module>
            <module>full</module>
          </modules>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
          </properties>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>io.crogas</groupId>
                <artifactId>crogas-bom</artifactId>
                <version>%s</version>
                <type>pom</type>
                <scope>import</scope>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <build>
            <pluginManagement>
              <plugins>
                %s
                %s
                %s
              </plugins>
            </pluginManagement>
          </build>
        </project>
        """
            .formatted(
                version,
                plugin("maven-resources-plugin", plugins),
                plugin("maven-compiler-plugin", plugins),
                plugin("maven-dependency-plugin", plugins)));
    write(dir.resolve("library/pom.xml"), module("library", "crogas-node"));
    write(
        dir.resolve("full/pom.xml"),
        module("full", "crogas-node", "crogas-http-javalin", "crogas-secp256k1-native"));

    Path sources = dir.resolve("library/src/main/java/example");
    write(sources.resolve("EmbeddingExample.java"), "package example;\n\n" + pagesExample());
    write(
        sources.resolve("RelayOnce.java"),
        """
        package example;

        import io.crogas.domain.model.Address;
        import io.crogas.domain.model.Calldata;
        import java.math.BigInteger;
        import java.nio.file.Path;

        public final class RelayOnce {
          public static void main(String[] args) throws Exception {
            System.out.println(
                EmbeddingExample.relayOnce(
                        args[0],
                        Address.parse(args[1]),
                        Address.parse(args[2]),
                        args[3],
                        Path.of(args[4]),
                        new BigInteger(args[5], 16),
                        Address.parse(args[6]),
                        new Calldata(args[7]))
                    .state());
          }
        }
        """);
    return dir;
  }

  /** The page's Java block: a whole file but for its package line. */
  private static String pagesExample() throws IOException {
    String page =
        Files.readString(Toolchain.root().resolve("docs/library.md"), StandardCharsets.UTF_8);
    int start = page.indexOf("```java\nimport ") + "```java\n".length();
    return page.substring(start, page.indexOf("```", start));
  }

  private static String module(String name, String... crogasArtifacts) {
    StringBuilder dependencies = new StringBuilder();
    for (String artifact : crogasArtifacts) {
      dependencies.append(
          """
              <dependency>
                <groupId>io.crogas</groupId>
                <artifactId>%s</artifactId>
              </dependency>
          """
              .formatted(artifact));
    }
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>example</groupId>
            <artifactId>consumer</artifactId>
            <version>1.0</version>
          </parent>
          <artifactId>%s</artifactId>
          <dependencies>
        %s  </dependencies>
        </project>
        """
        .formatted(name, dependencies);
  }

  private static String plugin(String artifact, Map<String, String> versions) {
    return """
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>%s</artifactId>
          <version>%s</version>
        </plugin>"""
        .formatted(artifact, versions.get(artifact));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
