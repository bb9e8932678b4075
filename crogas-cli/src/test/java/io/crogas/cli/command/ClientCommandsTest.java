package io.crogas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crogas.chain.KeystoreFiles;
import io.crogas.chain.KeystorePassword;
import io.crogas.cli.client.FakeApi;
import io.crogas.cli.client.FakeApi.Reply;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.eip712.Recovery;
import io.crogas.eip712.Secp256k1;
import io.crogas.eip712.TypedDataJson;
import io.crogas.testkit.AnvilChain;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quote, exec, status and faucet against a fake server that checks what they send. */
class ClientCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ChainId CHAIN = new ChainId(338);
  private static final Address FORWARDER =
      Address.parse("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
  private static final TokenDomain USDC =
      TokenDomain.of(
          "Bridged USDC (Stargate)",
          "1",
          CHAIN,
          Address.parse("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
          6);
  private static final Address TARGET = Address.parse("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
  private static final String CALLDATA =
      "0x6057361d000000000000000000000000000000000000000000000000000000000000002a";
  private static final Address USER = Address.parse(AnvilChain.DEV_ADDRESSES.get(3));
  private static final BigInteger DEADLINE = BigInteger.valueOf(4_000_000_000L);
  private static final Map<String, String> ENV = Map.of("PW", "pw");

  @TempDir Path dir;
  private FakeApi api;
  private String keystore;

  @BeforeEach
  void start() {
    api = new FakeApi();
    keystore =
        KeystoreFiles.encrypt(
                AnvilChain.DEV_KEYS.get(3),
                dir,
                KeystorePassword.of("pw"),
                KeystoreFiles.Strength.LIGHT)
            .file()
            .toString();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static MetaTransaction meta(Address target) {
    return new MetaTransaction(
        target, new Calldata(CALLDATA), "normal", BigInteger.valueOf(7), DEADLINE);
  }

  private static TransferAuthorization fee(MetaTransaction meta) {
    return new TransferAuthorization(
        USER,
        FORWARDER,
        BigInteger.valueOf(12_345),
        BigInteger.ZERO,
        DEADLINE,
        meta.digest(ForwarderDomain.of(CHAIN, FORWARDER)));
  }

  /** A quote as the server answers it, for a meta-transaction calling {@code target}. */
  private static String quote(Address target) {
    MetaTransaction meta = meta(target);
    return "{\"quoteId\":\"q-1\",\"amount\":\"0.012345\",\"amountAtomic\":\"12345\",\"gasLimit\":\"200000\","
        + "\"typedData\":{\"metaTransaction\":"
        + TypedDataJson.write(meta.typedData(ForwarderDomain.of(CHAIN, FORWARDER)))
        + ",\"payment\":"
        + TypedDataJson.write(fee(meta).receiveTypedData(USDC))
        + "}}";
  }

  private static Address signer(Hash32 digest, String signature) {
    Recovery recovery = Secp256k1.recover(digest.bytes(), new Signature(signature).bytes());
    return Address.parse(((Recovery.Recovered) recovery).address());
  }

  private static final String RESULT =
      "{\"id\":\"r-1\",\"success\":true,\"status\":\"confirmed\",\"transaction\":{\"txHash\":\"0x"
          + "ab".repeat(32)
          + "\",\"blockNumber\":5,\"status\":\"confirmed\"},\"payment\":{\"amount\":\"0.012345\"}}";

  private String[] exec(String... extra) {
    String[] base = {
      "exec",
      "--api",
      api.url(),
      "--keystore",
      keystore,
      "--password-env",
      "PW",
      "--target",
      TARGET.value(),
      "--calldata",
      CALLDATA,
      "--json"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return args;
  }

  @Test
  void givenAQuoteRequest_whenQuoting_thenTheRequestHasTheApiShapeAndTheQuotePrints()
      throws Exception {
    api.on("POST", "/x402/quote", r -> new Reply(200, quote(TARGET)));

    CliRun run =
        CliRun.of(
            "quote",
            "--api",
            api.url(),
            "--user",
            USER.value(),
            "--target",
            TARGET.value(),
            "--calldata",
            CALLDATA,
            "--gas-level",
            "fast");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("q-1", "0.012345");
    JsonNode sent = api.received().get(0).body();
    assertThat(sent)
        .isEqualTo(
            JSON.readTree(
                "{\"userAddress\":\""
                    + USER
                    + "\",\"target\":\""
                    + TARGET
                    + "\",\"calldata\":\""
                    + CALLDATA
                    + "\",\"gasLevel\":\"fast\"}"));
  }

  @Test
  void givenAKeystore_whenExecuting_thenBothDocumentsAreSignedByItsKeyAndSubmittedInTheSeedShape()
      throws Exception {
    api.on("POST", "/x402/quote", r -> new Reply(200, quote(TARGET)));
    api.on("POST", "/x402/facilitate", r -> new Reply(200, RESULT));

    CliRun run = CliRun.of(ENV, exec("--wait"));

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(RESULT));
    FakeApi.Received submitted = api.received().get(1);
    assertThat(submitted.path()).isEqualTo("/x402/facilitate");
    assertThat(submitted.header("Prefer")).isEmpty();
    JsonNode body = submitted.body();
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "target",
            "calldata",
            "gasLevel",
            "userAddress",
            "signature",
            "deadline",
            "nonce",
            "payment");
    assertThat(body.get("userAddress").asText()).isEqualTo(USER.value());
    assertThat(body.get("nonce").asText()).isEqualTo("7");
    assertThat(body.get("deadline").asText()).isEqualTo(DEADLINE.toString());
    MetaTransaction meta = meta(TARGET);
    TransferAuthorization fee = fee(meta);
    assertThat(
            signer(
                meta.digest(ForwarderDomain.of(CHAIN, FORWARDER)), body.get("signature").asText()))
        .isEqualTo(USER);
    JsonNode authorization = body.get("payment").get("authorization");
    assertThat(authorization.get("value").asText()).isEqualTo("12345");
    assertThat(authorization.get("nonce").asText()).isEqualTo(fee.nonce().hex());
    assertThat(authorization.get("to").asText()).isEqualTo(FORWARDER.value());
    assertThat(signer(fee.receiveDigest(USDC), body.get("payment").get("signature").asText()))
        .isEqualTo(USER);
  }

  @Test
  void givenNoWait_whenExecuting_thenTheServerIsAskedToAnswerAtOnce() {
    api.on("POST", "/x402/quote", r -> new Reply(200, quote(TARGET)));
    api.on(
        "POST",
        "/x402/facilitate",
        r -> new Reply(202, "{\"id\":\"r-2\",\"status\":\"validated\"}"));

    CliRun run = CliRun.of(ENV, exec());

    assertThat(run.code()).isZero();
    assertThat(api.received().get(1).header("Prefer")).isEqualTo("respond-async");
    assertThat(run.out()).contains("r-2");
  }

  @Test
  void givenAQuoteForAnotherTarget_whenExecuting_thenNothingIsSignedOrSubmitted() {
    api.on("POST", "/x402/quote", r -> new Reply(200, quote(FORWARDER)));

    CliRun run = CliRun.of(ENV, exec("--wait"));

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("refusing to sign", "target");
    assertThat(api.received()).hasSize(1);
  }

  @Test
  void givenRefusalsAndOutages_whenCalling_thenExitCodesOneAndThree() {
    api.on(
        "POST",
        "/x402/quote",
        r -> new Reply(402, "{\"error\":\"insufficient_balance\",\"message\":\"USDC balance 0\"}"));
    api.on(
        "GET",
        "/x402/transactions/r-9",
        r -> new Reply(503, "{\"error\":\"unavailable\",\"message\":\"RPC down\"}"));

    CliRun refused = CliRun.of(ENV, exec("--wait"));
    CliRun unavailable = CliRun.of("status", "--api", api.url(), "r-9");
    CliRun unreachable = CliRun.of("status", "--api", "http://127.0.0.1:1", "r-9");
    CliRun badAddress = CliRun.of("faucet", "--api", api.url(), "0x12");
    CliRun wrongPassword = CliRun.of(Map.of("PW", "nope"), exec());

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("402 insufficient_balance: USDC balance 0");
    assertThat(refused.out()).contains("\"error\":\"insufficient_balance\"");
    assertThat(unavailable.code()).isEqualTo(3);
    assertThat(unreachable.code()).isEqualTo(3);
    assertThat(badAddress.code()).isEqualTo(2);
    assertThat(wrongPassword.code()).isEqualTo(1);
    assertThat(api.received())
        .extracting(FakeApi.Received::path)
        .containsExactly("/x402/quote", "/x402/transactions/r-9");
  }

  @Test
  void givenAnId_whenAskingStatus_thenItGetsTheTransactionPath() {
    api.on("GET", "/x402/transactions/r-1", r -> new Reply(200, RESULT));

    CliRun run = CliRun.of("status", "--api", api.url(), "r-1");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("confirmed", "ab".repeat(32));
  }

  @Test
  void givenAnAddress_whenAskingTheFaucet_thenTheBodyNamesItAndTheAmount() throws Exception {
    api.on(
        "POST",
        "/faucet/usdc",
        r ->
            new Reply(
                200,
                "{\"address\":\""
                    + USER
                    + "\",\"amount\":\"25\",\"amountAtomic\":\"25000000\",\"txHash\":\"0x01\"}"));

    CliRun run = CliRun.of("faucet", "--api", api.url(), USER.value(), "--amount", "25", "--json");

    assertThat(run.code()).isZero();
    assertThat(JSON.readTree(run.out()).get("amountAtomic").asText()).isEqualTo("25000000");
    assertThat(api.received().get(0).body())
        .isEqualTo(JSON.readTree("{\"address\":\"" + USER + "\",\"amount\":\"25\"}"));
  }

  @Test
  void givenAnApiKeyInTheEnvironment_whenAClientCommandAsks_thenItSendsItAsABearer() {
    api.on("GET", "/x402/transactions/r-1", r -> new Reply(200, RESULT));
    api.on("POST", "/faucet/usdc", r -> new Reply(401, "{\"error\":\"unauthorized\"}"));

    CliRun keyed =
        CliRun.of(Map.of("CROGAS_API_KEY", "crogas_k3y"), "status", "--api", api.url(), "r-1");
    CliRun anonymous = CliRun.of("status", "--api", api.url(), "r-1");
    CliRun refused = CliRun.of("faucet", "--api", api.url(), USER.value());

    assertThat(keyed.code()).isZero();
    assertThat(api.received().get(0).header("Authorization")).isEqualTo("Bearer crogas_k3y");
    assertThat(keyed.out() + keyed.err()).doesNotContain("crogas_k3y");
    assertThat(anonymous.code()).isZero();
    assertThat(api.received().get(1).header("Authorization")).isEmpty();
    assertThat(refused.code()).isEqualTo(io.crogas.cli.ExitCodes.REFUSED);
    assertThat(refused.err()).contains("401", "unauthorized");
  }
}
