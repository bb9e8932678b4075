package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.out.Chain;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.EthCall;

class JsonRpcTest {
  private static final Address SOMEONE =
      Address.parse("0x00000000000000000000000000000000000000a1");
  private static final List<Consumer<Chain>> EVERY_READ =
      List.of(
          chain -> chain.forwarderNonce(SOMEONE),
          chain -> chain.tokenBalance(SOMEONE, SOMEONE),
          chain -> chain.authorizationUsed(SOMEONE, SOMEONE, new Hash32("0x" + "00".repeat(32))),
          chain -> chain.nativeBalance(SOMEONE),
          Chain::feeMarket,
          Chain::blockNumber,
          chain -> chain.paymentState(transfer()),
          chain -> chain.simulateCall(SOMEONE, SOMEONE, new Calldata("0x")));

  @Test
  void givenNothingListensOnThePort_whenReadingAnything_thenTheChainIsUnavailable()
      throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
      closedPort = socket.getLocalPort();
    }
    try (JsonRpc rpc = JsonRpc.connect("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2))) {
      assertEveryReadIsUnavailable(rpc, "failed");
    }
  }

  @Test
  void givenTheNodeAnswersHttp503_whenReadingAnything_thenTheChainIsUnavailable()
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.start();
    try (JsonRpc rpc = JsonRpc.connect(url(server), Duration.ofSeconds(2))) {
      assertEveryReadIsUnavailable(rpc, "503");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void givenTheNodeNeverAnswers_whenReading_thenTheTimeoutBoundsTheWait() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
    try (JsonRpc rpc = JsonRpc.connect(url(server), Duration.ofMillis(300))) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> chain(rpc).nativeBalance(SOMEONE))
          .isInstanceOf(ChainUnavailableException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      release.countDown();
      server.stop(0);
    }
  }

  @Test
  void givenTheNodeAnswersNonsense_whenReading_thenTheChainIsUnavailable() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (JsonRpc rpc = JsonRpc.connect(url(server), Duration.ofSeconds(2))) {
      assertEveryReadIsUnavailable(rpc, "");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void givenTheNodeAnswersABatchOutOfOrder_whenCallsAreBatched_thenEachAnswerMeetsItsCallById()
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String request =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher ids = Pattern.compile("\"id\":(\\d+)").matcher(request);
          List<String> asked = new ArrayList<>();
          while (ids.find()) {
            asked.add(ids.group(1));
          }
          byte[] body =
              ("[{\"jsonrpc\":\"2.0\",\"id\":"
                      + asked.get(1)
                      + ",\"error\":{\"code\":3,\"message\":\"execution reverted\","
                      + "\"data\":\"0xdeadbeef\"}},"
                      + "{\"jsonrpc\":\"2.0\",\"id\":"
                      + asked.get(0)
                      + ",\"result\":\"0x01\"}]")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try (JsonRpc rpc = JsonRpc.connect(url(server), Duration.ofSeconds(2))) {
      List<EthCall> answers =
          rpc.callBatch(
              List.of(
                  new JsonRpc.RawCall(null, SOMEONE, new byte[] {1}),
                  new JsonRpc.RawCall(SOMEONE, SOMEONE, new byte[] {2})));

      assertThat(answers.get(0).getValue()).isEqualTo("0x01");
      assertThat(answers.get(0).hasError()).isFalse();
      // web3j keeps an error's data as its JSON text (quotes included); the revert decoding
      // expects that form, so the lean batch keeps it too.
      assertThat(answers.get(1).getError().getData()).isEqualTo("\"0xdeadbeef\"");
      assertThat(answers.get(1).getError().getMessage()).isEqualTo("execution reverted");
      assertThat(answers.get(1).getError().getCode()).isEqualTo(3);
    } finally {
      server.stop(0);
    }
  }

  private static RelayJob.TokenTransfer transfer() {
    TransferAuthorization authorization =
        new TransferAuthorization(
            SOMEONE,
            SOMEONE,
            BigInteger.ONE,
            BigInteger.ZERO,
            BigInteger.TEN,
            new Hash32("0x" + "00".repeat(32)));
    return new RelayJob.TokenTransfer(
        TokenDomain.of("USDC", "2", new ChainId(338), SOMEONE, 6),
        new SignedAuthorization(authorization, new Signature("0x" + "11".repeat(65))));
  }

  private static void assertEveryReadIsUnavailable(JsonRpc rpc, String message) {
    Chain chain = chain(rpc);
    for (Consumer<Chain> read : EVERY_READ) {
      assertThatThrownBy(() -> read.accept(chain))
          .isInstanceOf(ChainUnavailableException.class)
          .hasMessageContaining(message);
    }
  }

  private static Chain chain(JsonRpc rpc) {
    return new Web3jChain(
        rpc, NetworkProfile.eip1559(new ChainId(338)), SOMEONE, () -> List.of(SOMEONE));
  }

  private static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
