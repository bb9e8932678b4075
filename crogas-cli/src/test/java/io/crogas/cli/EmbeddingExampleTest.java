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

/** The library example of docs/library.md runs, and the docs show it as it is compiled. */
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
  void givenTheLibraryDocs_whenRead_thenTheyShowTheCompiledExampleVerbatim() throws Exception {
    String source =
        Files.readString(
            Toolchain.root()
                .resolve("crogas-cli/src/test/java/io/crogas/cli/EmbeddingExample.java"),
            StandardCharsets.UTF_8);
    String example =
        source.substring(
            source.indexOf('\n', source.indexOf("[start:example]")) + 1,
            source.lastIndexOf('\n', source.indexOf("// --8<-- [end:example]")) + 1);
    String docs =
        Files.readString(Toolchain.root().resolve("docs/library.md"), StandardCharsets.UTF_8);

    String unindented =
        example
            .lines()
            .map(line -> line.startsWith("    ") ? line.substring(4) : line.strip())
            .collect(java.util.stream.Collectors.joining("\n"));

    assertThat(docs).contains(unindented);
  }
}
