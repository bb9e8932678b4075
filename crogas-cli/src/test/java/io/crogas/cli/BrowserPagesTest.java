package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.node.CroGasNode;
import io.crogas.node.HttpServerLauncher;
import io.crogas.node.ServerLauncher;
import io.crogas.testkit.Toolchain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web pages in a real headless Chromium against the real server and chain: the browser test
 * (crogas-http-javalin/src/test/web/pages.test.mjs, playwright-core) loads /, /dashboard and
 * /execute, signs both documents through an injected wallet that anvil answers for, submits, and
 * checks the call landed on chain.
 */
class BrowserPagesTest {
  /** Anvil's dev account 9: unlocked in anvil, so anvil signs for the injected wallet. */
  private static final Address USER = Address.parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

  @TempDir Path dir;

  @Test
  void givenTheServerAndAChain_whenAPersonUsesThePages_thenTheCallExecutesGaslessly()
      throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("Chromium for the browser test: run tools/install-browser.sh (the ./test script does)")
        .exists();
    try (LocalNetwork network = LocalNetwork.start();
        CroGasNode node = CroGasNode.start(network.config(1, dir.resolve("web.db")).build())) {
      network.fund(USER, 100);
      ServerLauncher.ApiEndpoint endpoint =
          new ServerLauncher.ApiEndpoint("127.0.0.1", ServedNetwork.freePort(), Optional.empty());
      try (ServerLauncher.RunningServer server = new HttpServerLauncher().start(node, endpoint)) {
        Path log = dir.resolve("browser.log");
        ProcessBuilder test =
            new ProcessBuilder(
                    "node",
                    Toolchain.root()
                        .resolve("crogas-http-javalin/src/test/web/pages.test.mjs")
                        .toString())
                .directory(Toolchain.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        test.environment().put("CROGAS_URL", server.url());
        test.environment().put("CROGAS_RPC_URL", network.anvil.rpcUrl());
        test.environment().put("CROGAS_USER", USER.value());
        test.environment().put("CROGAS_DEMO_TARGET", network.deployment.demoTarget().value());
        test.environment().put("CROGAS_FAUCET", "off");
        test.environment().put("CROGAS_SCREENSHOTS", dir.resolve("screenshots").toString());
        Process browser = test.start();
        boolean finished = browser.waitFor(150, TimeUnit.SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
          browser.destroyForcibly();
        }
        assertThat(finished).as("browser test finished in time; output:%n%s", output).isTrue();
        assertThat(browser.exitValue()).as("browser test output:%n%s", output).isZero();
      }
    }
  }
}
