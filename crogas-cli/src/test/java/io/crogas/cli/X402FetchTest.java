package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crogas.cli.command.CliRun;
import io.crogas.domain.model.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crogas x402 fetch} against a stock {@code @x402/express} server (and a v1 route) whose
 * facilitator is a real CroGas on anvil: the resource is paid exactly its price, and a price above
 * the cap is refused with nothing signed. The resource that declares the bazaar extension is then
 * listed by the facilitator's discovery endpoint, as the reference bazaar client reads it.
 */
class X402FetchTest {
  private static final Map<String, String> ENV = Map.of("PW", "pw");

  @TempDir static Path dir;
  static ServedNetwork served;
  static StockMerchant merchant;
  static LocalNetwork.User payer;
  static String keystore;

  @BeforeAll
  static void start() throws Exception {
    served = ServedNetwork.start(dir, 1);
    payer = LocalNetwork.User.of(7_001);
    served.network.fund(payer.address(), 10);
    keystore = TestKeystore.of(payer.key(), dir).toString();
    merchant = StockMerchant.start(served, dir);
  }

  @AfterAll
  static void stop() {
    if (merchant != null) {
      merchant.close();
    }
    if (served != null) {
      served.close();
    }
  }

  private static CliRun fetch(String path, String... more) {
    String[] args = {
      "x402", "fetch", merchant.url(path), "--keystore", keystore, "--password-env", "PW"
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.of(ENV, all);
  }

  @Test
  void givenAStockX402Server_whenFetchingAPaidResource_thenTheBodyPrintsAndTheMerchantGetsThePrice()
      throws Exception {
    BigInteger merchantBefore = served.usdcBalance(StockMerchant.PAY_TO);
    BigInteger payerBefore = served.usdcBalance(payer.address());

    CliRun run = fetch("/paid");

    assertThat(run.code()).as("%s%nmerchant log:%n%s", run, merchant.log()).isZero();
    assertThat(run.out()).contains("\"weather\":\"sunny\"");
    assertThat(run.err())
        .contains("paid 0.010000 USDC to " + StockMerchant.PAY_TO, "transaction 0x");
    awaitBalance(StockMerchant.PAY_TO, merchantBefore.add(StockMerchant.PRICE));
    assertThat(served.usdcBalance(payer.address()))
        .isEqualTo(payerBefore.subtract(StockMerchant.PRICE));
    JsonNode discovered = merchant.bazaar();
    assertThat(discovered.path("items").findValuesAsText("resource"))
        .as("bazaar list %s", discovered)
        .contains(merchant.url("/paid"));
  }

  @Test
  void givenAPriceAboveTheCap_whenFetching_thenItIsRefusedWithNothingSigned() throws Exception {
    BigInteger payerBefore = served.usdcBalance(payer.address());
    int headersBefore = merchant.paymentHeadersSeen();

    CliRun run = fetch("/expensive", "--max-amount", "0.10");

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("price 0.500000 USDC is above the cap of 0.100000 USDC");
    assertThat(merchant.paymentHeadersSeen()).as("payment headers sent").isEqualTo(headersBefore);
    assertThat(served.usdcBalance(payer.address())).isEqualTo(payerBefore);
  }

  @Test
  void givenAnAssetAllowList_whenTheServerAsksForAnotherToken_thenItIsRefusedWithNothingSigned()
      throws Exception {
    int headersBefore = merchant.paymentHeadersSeen();

    CliRun run = fetch("/paid", "--asset", LocalNetwork.User.of(1).address().value());

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCodes.REFUSED);
    assertThat(run.err()).contains("is not accepted");
    assertThat(merchant.paymentHeadersSeen()).as("payment headers sent").isEqualTo(headersBefore);
  }

  @Test
  void givenAnX402V1Server_whenFetchingWithJson_thenItIsPaidInV1AndReportedAsOneObject()
      throws Exception {
    BigInteger merchantBefore = served.usdcBalance(StockMerchant.PAY_TO);

    CliRun run = fetch("/v1/report", "--json");

    assertThat(run.code()).as("%s%nmerchant log:%n%s", run, merchant.log()).isZero();
    JsonNode report = HttpJson.MAPPER.readTree(run.out());
    assertThat(report.path("status").asInt()).isEqualTo(200);
    assertThat(report.path("body").asText()).contains("v1 paid");
    assertThat(report.path("paid").asBoolean()).isTrue();
    assertThat(report.path("payment").path("x402Version").asInt()).isEqualTo(1);
    assertThat(report.path("payment").path("network").asText()).isEqualTo("cronos-testnet");
    assertThat(report.path("payment").path("amountAtomic").asText())
        .isEqualTo(StockMerchant.V1_PRICE.toString());
    assertThat(report.path("settlement").path("success").asBoolean()).isTrue();
    assertThat(report.path("settlement").path("transaction").asText()).startsWith("0x");
    awaitBalance(StockMerchant.PAY_TO, merchantBefore.add(StockMerchant.V1_PRICE));
  }

  private static void awaitBalance(Address owner, BigInteger expected) throws InterruptedException {
    served.awaitUsdcBalance(owner, expected);
    assertThat(served.usdcBalance(owner)).as("USDC of %s", owner).isEqualTo(expected);
  }
}
