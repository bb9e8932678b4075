package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.domain.model.Address;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crogas mcp} driven by the TypeScript MCP client
 * (crogas-cli/src/test/agents/mcp-client.mjs) that spawns it over stdio: the tools are listed with
 * their schemas, a gasless call executes on the demo target, a stock x402 resource is paid, and the
 * session's caps refuse what is above them with nothing signed.
 */
class McpSessionTest {
  @TempDir Path dir;

  @Test
  void givenAnAgentSession_whenItQuotesExecutesAndPays_thenCallsLandAndTheCapsHoldAcrossCalls()
      throws Exception {
    try (ServedNetwork served = ServedNetwork.start(dir, 1);
        StockMerchant merchant = StockMerchant.start(served, dir)) {
      LocalNetwork.User agent = LocalNetwork.User.of(7_002);
      served.network.fund(agent.address(), 10);
      String keystore = TestKeystore.of(agent.key(), dir).toString();
      BigInteger merchantBefore = served.usdcBalance(StockMerchant.PAY_TO);
      BigInteger agentBefore = served.usdcBalance(agent.address());
      Address demo = served.network.deployment.demoTarget();

      List<String> server = new ArrayList<>();
      server.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      server.addAll(
          List.of("-cp", System.getProperty("java.class.path"), CroGasCli.class.getName()));
      server.addAll(
          List.of(
              "mcp",
              "--api",
              served.server.url(),
              "--keystore",
              keystore,
              "--password-env",
              "AGENT_PW",
              "--max-per-call",
              "0.10",
              "--max-total",
              "0.03"));
      String output;
      try (NodeScript client =
          NodeScript.start(
              "mcp-client.mjs",
              Map.of(
                  "CROGAS_MCP_COMMAND", server.get(0),
                  "CROGAS_MCP_ARGS",
                      HttpJson.MAPPER.writeValueAsString(server.subList(1, server.size())),
                  "AGENT_PW", "pw",
                  "DEMO_TARGET", demo.value(),
                  "DEMO_CALLDATA", LocalNetwork.store(42).hex(),
                  "PAID_URL", merchant.url("/paid"),
                  "EXPENSIVE_URL", merchant.url("/expensive"),
                  "V1_URL", merchant.url("/v1/report")),
              dir.resolve("mcp-client.log"))) {
        output = client.finish(Duration.ofSeconds(120));
      }
      Files.writeString(
          Path.of("target", "mcp-session-transcript.json"), output, StandardCharsets.UTF_8);
      JsonNode transcript = HttpJson.MAPPER.readTree(output).path("transcript");

      List<String> tools = new ArrayList<>();
      transcript.get(0).path("listTools").forEach(tool -> tools.add(tool.path("name").asText()));
      assertThat(tools)
          .containsExactlyInAnyOrder(
              "crogas_quote",
              "crogas_execute",
              "crogas_status",
              "crogas_balance",
              "x402_fetch",
              "x402_discover");
      transcript
          .get(0)
          .path("listTools")
          .forEach(
              tool ->
                  assertThat(tool.path("inputSchema").path("type").asText()).isEqualTo("object"));

      JsonNode quote = call(transcript, 1, "crogas_quote");
      assertThat(quote.path("isError").asBoolean()).as("%s", quote).isFalse();
      assertThat(quote.path("structuredContent").path("amount").asText()).isNotEmpty();

      JsonNode execute = call(transcript, 2, "crogas_execute");
      assertThat(execute.path("isError").asBoolean()).as("%s", execute).isFalse();
      assertThat(execute.path("structuredContent").path("status").asText()).isEqualTo("confirmed");
      assertThat(Address.of(lastWord(served.network.call(demo, "lastSender()"))))
          .isEqualTo(agent.address());
      BigInteger fee =
          new BigDecimal(execute.path("structuredContent").path("payment").path("amount").asText())
              .movePointRight(6)
              .toBigIntegerExact();

      JsonNode balance = call(transcript, 3, "crogas_balance");
      assertThat(balance.path("isError").asBoolean()).as("%s", balance).isFalse();

      JsonNode paid = call(transcript, 4, "x402_fetch");
      assertThat(paid.path("isError").asBoolean()).as("%s", paid).isFalse();
      assertThat(paid.path("structuredContent").path("body").asText()).contains("sunny");
      assertThat(paid.path("structuredContent").path("paid").asBoolean()).isTrue();

      JsonNode expensive = call(transcript, 5, "x402_fetch");
      assertThat(expensive.path("isError").asBoolean()).isTrue();
      assertThat(expensive.path("text").asText()).contains("above the cap of 0.100000 USDC");

      JsonNode overTotal = call(transcript, 6, "x402_fetch");
      assertThat(overTotal.path("isError").asBoolean()).isTrue();
      assertThat(overTotal.path("text").asText()).contains("above its cap of 0.030000 USDC");

      JsonNode discovered = call(transcript, 7, "x402_discover");
      assertThat(discovered.path("isError").asBoolean()).as("%s", discovered).isFalse();
      assertThat(discovered.path("structuredContent").path("items").findValuesAsText("resource"))
          .contains(merchant.url("/paid"));

      JsonNode badId = call(transcript, 8, "crogas_status");
      assertThat(badId.path("isError").asBoolean()).isTrue();

      assertThat(merchant.log()).doesNotContain("Error");
      served.awaitUsdcBalance(StockMerchant.PAY_TO, merchantBefore.add(StockMerchant.PRICE));
      assertThat(served.usdcBalance(StockMerchant.PAY_TO))
          .isEqualTo(merchantBefore.add(StockMerchant.PRICE));
      assertThat(served.usdcBalance(agent.address()))
          .as("the agent paid the relay fee and one resource, nothing more")
          .isEqualTo(agentBefore.subtract(StockMerchant.PRICE).subtract(fee));
    }
  }

  private static JsonNode call(JsonNode transcript, int index, String tool) {
    JsonNode entry = transcript.get(index);
    assertThat(entry.path("call").asText()).isEqualTo(tool);
    return entry;
  }

  private static byte[] lastWord(byte[] word) {
    byte[] address = new byte[20];
    System.arraycopy(word, word.length - 20, address, 0, 20);
    return address;
  }
}
