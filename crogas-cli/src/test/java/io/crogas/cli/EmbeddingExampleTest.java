package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.testkit.AnvilChain;
import io.crogas.testkit.Toolchain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library example of docs/library.md runs, and the page shows it as it is compiled. (The
 * consumer test in crogas-consumer-test compiles and runs the page's copy in a project that depends
 * on crogas-node alone.)
 */
class EmbeddingExampleTest {
  @TempDir Path dir;

  @Test
  void givenTheDocumentedExample_whenRunAgainstAChain_thenTheCallIsRelayed() throws Exception {
    try (LocalNetwork network = LocalNetwork.start()) {
      LocalNetwork.User user = LocalNetwork.User.of(77);
      network.fund(user.address(), 5);

      RelayRecord record =
          EmbeddingExample.relayOnce(
              network.anvil.rpcUrl(),
              network.deployment.forwarder(),
              network.deployment.usdc(),
              AnvilChain.DEV_KEYS.get(1),
              dir.resolve("embedded.db"),
              user.key(),
              network.deployment.demoTarget(),
              LocalNetwork.store(7));

      assertThat(record.state()).isEqualTo(RelayState.CONFIRMED);
      assertThat(new BigInteger(1, network.call(network.deployment.demoTarget(), "lastValue()")))
          .isEqualTo(BigInteger.valueOf(7));
    }
  }

  @Test
  void givenTheLibraryDocs_whenRead_thenTheyShowTheCompiledExampleWithItsImports()
      throws Exception {
    String source =
        Files.readString(
            Toolchain.root()
                .resolve("crogas-cli/src/test/java/io/crogas/cli/EmbeddingExample.java"),
            StandardCharsets.UTF_8);
    // Everything but the package line: the page's block is a file an embedder can copy as it is.
    String example = source.substring(source.indexOf("\nimport ") + 1);
    String docs =
        Files.readString(Toolchain.root().resolve("docs/library.md"), StandardCharsets.UTF_8);

    assertThat(docs).contains("```java\n" + example + "```\n");
  }
}
