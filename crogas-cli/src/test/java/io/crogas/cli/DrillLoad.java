package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.StoreUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.port.in.SettlePaymentCommand;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import io.crogas.testkit.AnvilChain;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load of issue #12's multi-instance drills: {@link #SETTLEMENTS} x402 settlements and {@link
 * #GASLESS} gasless calls (forwarder meta-transactions, quoted and signed by fresh users),
 * interleaved and sent round-robin across instances by 16 client threads, every {@link
 * #DUPLICATE_EVERY}th to two instances at once. A client asks again, on the next instance, while an
 * instance cannot answer (503 or no connection), as a load balancer's retry does. In the test suite
 * the load is {@link #CI_SETTLEMENTS} + {@link #CI_GASLESS}, to keep the drills bounded in CI;
 * {@code -Dcrogas.drill.settlements=500 -Dcrogas.drill.gasless=200} runs the full size
 * (docs/benchmarks.md).
 */
final class DrillLoad {
  static final int CI_SETTLEMENTS = 150;
  static final int CI_GASLESS = 60;
  static final int SETTLEMENTS = Integer.getInteger("crogas.drill.settlements", CI_SETTLEMENTS);
  static final int GASLESS = Integer.getInteger("crogas.drill.gasless", CI_GASLESS);

  /** Every this many requests is sent to two instances at once. */
  static final int DUPLICATE_EVERY = 6;

  private static final int PAYMENTS_PER_PAYER = 5;
  private static final BigInteger FUNDED = BigInteger.TEN.pow(6); // one USDC each
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);

  /** What an instance told the client about one request. */
  enum Answer {
    /** Taken: settled, pending or accepted for relaying. */
    ACCEPTED,
    /** The same request was taken before, by this instance or another. */
    DUPLICATE,
    /** Refused (failed, rejected). */
    REFUSED,
    /** No answer: the store or the instance is down; ask again. */
    UNAVAILABLE
  }

  /** One instance as a client reaches it: in this JVM through its use cases, or over HTTP. */
  interface Instance {
    Answer settle(SettlePaymentCommand payment);

    Answer submit(RelayRequest request);
  }

  /** One request of the load: a settlement, or a signed gasless call. */
  sealed interface Request {
    Answer sendTo(Instance instance);
  }

  record Settlement(SettlePaymentCommand payment) implements Request {
    @Override
    public Answer sendTo(Instance instance) {
      return instance.settle(payment);
    }
  }

  record Gasless(RelayRequest request, FeeQuote quote) implements Request {
    @Override
    public Answer sendTo(Instance instance) {
      return instance.submit(request);
    }
  }

  /** The answers each copy of a request got, in the order of the load. */
  record Answers(List<Request> requests, List<List<Answer>> answers, long millis) {}

  final Address payTo = LocalNetwork.User.of(9_997).address();
  final List<LocalNetwork.User> payers = new ArrayList<>();
  final List<LocalNetwork.User> users = new ArrayList<>();
  final List<Request> requests = new ArrayList<>();

  /**
   * Funds the payers and users, signs the payments and quotes the gasless calls (round-robin over
   * {@code quoters}); interleaves them evenly.
   */
  static DrillLoad prepare(LocalNetwork network, List<CroGasNode> quoters) {
    DrillLoad load = new DrillLoad();
    CroGasNode any = quoters.get(0);
    List<Request> settlements = new ArrayList<>();
    for (int p = 0; p * PAYMENTS_PER_PAYER < SETTLEMENTS; p++) {
      LocalNetwork.User payer = LocalNetwork.User.of(20_000 + p);
      network.fund(payer.address(), 1);
      load.payers.add(payer);
      for (int n = 0; n < PAYMENTS_PER_PAYER && p * PAYMENTS_PER_PAYER + n < SETTLEMENTS; n++) {
        settlements.add(new Settlement(Payments.payment(payer, load.payTo, any.usdc(), n)));
      }
    }
    List<Request> calls = new ArrayList<>();
    for (int u = 0; u < GASLESS; u++) {
      LocalNetwork.User user = LocalNetwork.User.of(30_000 + u);
      network.fund(user.address(), 1);
      load.users.add(user);
      CroGasNode quoter = quoters.get(u % quoters.size());
      FeeQuote quote = Relays.quote(quoter, network, user, 1_000 + u);
      calls.add(new Gasless(Relays.signed(quoter, user, quote), quote));
    }
    int total = settlements.size() + calls.size();
    for (int i = 0, s = 0, g = 0; i < total; i++) {
      boolean gasless = (long) (i + 1) * calls.size() / total > g;
      load.requests.add(gasless ? calls.get(g++) : settlements.get(s++));
    }
    return load;
  }

  /**
   * Sends request n to instance n mod N (and every {@link #DUPLICATE_EVERY}th also to the next one,
   * at the same time); {@code whileRunning} runs once {@code atRequest} requests are answered (e.g.
   * a kill). Returns every copy's answer.
   */
  Answers send(List<? extends Instance> instances, int atRequest, Runnable whileRunning)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(16);
    AtomicInteger answered = new AtomicInteger();
    CompletableFuture<Void> event = new CompletableFuture<>();
    long started = System.nanoTime();
    try {
      List<List<CompletableFuture<Answer>>> copies = new ArrayList<>();
      for (int n = 0; n < requests.size(); n++) {
        Request request = requests.get(n);
        List<CompletableFuture<Answer>> sent = new ArrayList<>();
        int count = n % DUPLICATE_EVERY == 0 ? 2 : 1;
        for (int copy = 0; copy < count; copy++) {
          int first = n + copy;
          sent.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    Answer answer = untilAnswered(request, instances, first);
                    if (answered.incrementAndGet() == atRequest) {
                      CompletableFuture.runAsync(whileRunning)
                          .whenComplete((ok, e) -> complete(event, e));
                    }
                    return answer;
                  },
                  clients));
        }
        copies.add(sent);
      }
      List<List<Answer>> answers = new ArrayList<>();
      for (List<CompletableFuture<Answer>> sent : copies) {
        List<Answer> got = new ArrayList<>();
        for (CompletableFuture<Answer> copy : sent) {
          got.add(copy.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS));
        }
        answers.add(got);
      }
      if (atRequest <= requests.size()) {
        event.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
      }
      return new Answers(requests, answers, (System.nanoTime() - started) / 1_000_000);
    } finally {
      clients.shutdownNow();
    }
  }

  private static void complete(CompletableFuture<Void> event, Throwable failure) {
    if (failure == null) {
      event.complete(null);
    } else {
      event.completeExceptionally(failure);
    }
  }

  /** Asks instance {@code first} mod N, then the next ones in turn, until one answers (bounded). */
  private static Answer untilAnswered(
      Request request, List<? extends Instance> instances, int first) {
    AtomicInteger next = new AtomicInteger(first);
    AtomicReference<Answer> answer = new AtomicReference<>();
    await("an answer from some instance")
        .atMost(ANSWER_WITHIN)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              Instance instance = instances.get(next.getAndIncrement() % instances.size());
              answer.set(request.sendTo(instance));
              return answer.get() != Answer.UNAVAILABLE;
            });
    return answer.get();
  }

  /** Waits (bounded) until no record is in flight in the shared journal. */
  static void awaitSettled(Journal journal) {
    await("every journaled request final")
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(journal.inFlight()).isEmpty());
  }

  /**
   * Each payer and user charged exactly for its confirmed records (settlement value, quoted fee;
   * one forwarder nonce per confirmed call), and the payee holds exactly the confirmed payments.
   */
  void assertChargedOncePerConfirmedRecord(Chain chain, Journal journal, CroGasNode any) {
    Address token = any.usdc().token();
    long confirmedPayments = 0;
    for (LocalNetwork.User payer : payers) {
      long confirmed = confirmed(journal, payer.address());
      confirmedPayments += confirmed;
      assertThat(chain.tokenBalance(token, payer.address()))
          .as("payer %s charged once per confirmed payment", payer.address())
          .isEqualTo(FUNDED.subtract(Payments.VALUE.multiply(BigInteger.valueOf(confirmed))));
    }
    assertThat(chain.tokenBalance(token, payTo))
        .as("the payee holds each confirmed payment once")
        .isEqualTo(Payments.VALUE.multiply(BigInteger.valueOf(confirmedPayments)));
    for (Request request : requests) {
      if (request instanceof Gasless gasless) {
        Address user = gasless.request().user();
        long confirmed = confirmed(journal, user);
        assertThat(chain.forwarderNonce(user))
            .as("user %s's call executed once per confirmed record", user)
            .isEqualTo(BigInteger.valueOf(confirmed));
        assertThat(chain.tokenBalance(token, user))
            .as("user %s charged the quoted fee once per confirmed call", user)
            .isEqualTo(
                FUNDED.subtract(
                    gasless.quote().amount().atomic().multiply(BigInteger.valueOf(confirmed))));
      }
    }
  }

  /**
   * Every request journaled once and confirmed in one transaction, each payer charged once, and per
   * relayer key: as many transactions on chain as the key sent, no nonce left in the ledger.
   */
  void assertEachConfirmedOnce(LocalNetwork network, CroGasNode any) {
    Journal journal = NodeInternals.journal(any);
    assertThat(journal.inFlight()).as("nothing in flight").isEmpty();
    assertThat(records(journal))
        .as("one record per request")
        .hasSize(requests.size())
        .allSatisfy(r -> assertThat(r.state()).as(r.toString()).isEqualTo(RelayState.CONFIRMED))
        .allSatisfy(r -> assertThat(r.txHashes()).as(r.toString()).hasSize(1));
    assertChargedOncePerConfirmedRecord(NodeInternals.chain(any), journal, any);
    assertNoncesContiguous(network, any, requests.size());
  }

  /**
   * Per relayer key nothing pending in the ledger and the chain's nonce where the mined nonces end;
   * over all keys, {@code mined} transactions: no gap, no filler, no second send.
   */
  static void assertNoncesContiguous(LocalNetwork network, CroGasNode any, long mined) {
    long sent = 0;
    for (String relayer : AnvilChain.DEV_ADDRESSES.subList(1, 4)) { // LocalNetwork's three keys
      Address key = Address.parse(relayer);
      assertThat(NodeInternals.nonceLedger(any).pending(key)).as("no nonce left").isEmpty();
      long latest = ConcurrencyTest.transactionCount(network, key);
      assertThat(pendingCount(network, key))
          .as("nothing of %s waits in the pool", key)
          .isEqualTo(latest);
      sent += latest;
    }
    assertThat(sent).as("chain nonces == transactions sent, over every key").isEqualTo(mined);
  }

  private static long pendingCount(LocalNetwork network, Address account) {
    String answer =
        network.anvil.rpc("eth_getTransactionCount", "[\"" + account + "\",\"pending\"]");
    return Long.parseLong(answer.replaceAll(".*\"result\":\"0x([0-9a-fA-F]+)\".*", "$1"), 16);
  }

  private static long confirmed(Journal journal, Address payer) {
    return journal.recent(Optional.of(payer), 100).stream()
        .filter(r -> r.state() == RelayState.CONFIRMED)
        .count();
  }

  /** Every record of the shared journal: one per request of the load. */
  List<RelayRecord> records(Journal journal) {
    return journal.recent(Optional.empty(), 2 * requests.size() + 10);
  }

  /** The {@link Instance} of a node in this JVM: its use cases, as the HTTP routes call them. */
  record InProcess(CroGasNode node) implements Instance {
    @Override
    public Answer settle(SettlePaymentCommand payment) {
      try {
        SettleOutcome outcome = Payments.settleRetrying(node.settler(), payment);
        if (outcome instanceof SettleOutcome.Duplicate) {
          return Answer.DUPLICATE;
        }
        return outcome instanceof SettleOutcome.Failed ? Answer.REFUSED : Answer.ACCEPTED;
      } catch (StoreUnavailableException e) {
        return Answer.UNAVAILABLE;
      }
    }

    @Override
    public Answer submit(RelayRequest request) {
      try {
        SubmitOutcome outcome = node.relay().submit(new SubmitRelayCommand(request));
        if (outcome instanceof SubmitOutcome.Existing) {
          return Answer.DUPLICATE;
        }
        return outcome instanceof SubmitOutcome.Accepted ? Answer.ACCEPTED : Answer.REFUSED;
      } catch (StoreUnavailableException e) {
        return Answer.UNAVAILABLE;
      }
    }
  }

  /**
   * The {@link Instance} of a server (e.g. in another JVM) over its HTTP API: {@code /x402/settle}
   * in x402 v2, {@code /x402/facilitate} with {@code Prefer: respond-async}. No connection or a 503
   * is {@link Answer#UNAVAILABLE}; over HTTP a repeated relay answers as the first did, so it
   * counts as {@link Answer#ACCEPTED}.
   */
  record OverHttp(HttpJson api, TokenDomain usdc) implements Instance {
    @Override
    public Answer settle(SettlePaymentCommand payment) {
      SignedAuthorization signed = payment.payload().payment();
      ObjectNode body =
          X402Bodies.body(
              X402Bodies.Format.V2,
              new X402Bodies.Payment(signed.authorization(), signed.signature()),
              usdc);
      Optional<HttpJson.Answer> answer = post("/x402/settle", body);
      if (answer.isEmpty() || answer.get().status() == 503) {
        return Answer.UNAVAILABLE;
      }
      JsonNode json = answer.get().json();
      String reason = json.path("errorReason").asText();
      if (json.path("success").asBoolean() || reason.equals("settlement_pending")) {
        return Answer.ACCEPTED;
      }
      return reason.equals("duplicate_settlement") ? Answer.DUPLICATE : Answer.REFUSED;
    }

    @Override
    public Answer submit(RelayRequest request) {
      MetaTransaction call = request.metaTransaction();
      ObjectNode body =
          HttpJson.object()
              .put("userAddress", request.user().value())
              .put("target", call.target().value())
              .put("calldata", call.calldata().hex())
              .put("gasLevel", call.gasLevel())
              .put("nonce", call.nonce().toString())
              .put("deadline", call.deadline().toString())
              .put("signature", request.signature().hex());
      SignedAuthorization fee = request.payment().orElseThrow();
      ObjectNode payment = body.putObject("payment").put("signature", fee.signature().hex());
      payment.set(
          "authorization",
          new X402Bodies.Payment(fee.authorization(), fee.signature()).authorizationJson());
      Optional<HttpJson.Answer> answer = post("/x402/facilitate", body, "Prefer", "respond-async");
      if (answer.isEmpty() || answer.get().status() == 503) {
        return Answer.UNAVAILABLE;
      }
      int status = answer.get().status();
      return status == 200 || status == 202 ? Answer.ACCEPTED : Answer.REFUSED;
    }

    private Optional<HttpJson.Answer> post(String path, ObjectNode body, String... headers) {
      try {
        return Optional.of(api.post(path, body, headers));
      } catch (UncheckedIOException noConnection) {
        return Optional.empty();
      }
    }
  }

  /** Instances in this JVM. */
  static List<InProcess> inProcess(List<CroGasNode> nodes) {
    return nodes.stream().map(InProcess::new).toList();
  }
}
