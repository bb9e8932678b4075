package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.PaymentFault;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.X402Network;
import io.crogas.domain.port.in.SettlePaymentUseCase;
import io.crogas.domain.port.in.SettlePaymentUseCase.SettleOutcome;
import io.crogas.domain.port.in.VerifyPaymentUseCase;
import io.crogas.domain.port.in.VerifyPaymentUseCase.VerifyOutcome;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The x402 facilitator: {@code /x402/verify}, {@code /x402/settle}, {@code /x402/supported}, and
 * the same under the Cronos Labs facilitator's paths ({@code /v2/x402/...}). Outcomes are always
 * HTTP 200 with a protocol-shaped body, a structurally broken payment included ({@code
 * invalid_payload}); only a body that cannot be read, or one without its payment or requirements,
 * gets an error status.
 */
final class FacilitatorRoutes {
  /** Places free up as receipts arrive or waits run out: soon. */
  private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

  private final VerifyPaymentUseCase verifier;
  private final SettlePaymentUseCase settler;
  private final RateLimiter limiter;
  private final ApiMetrics metrics;
  private final InstantSource clock;
  private final DiscoveryCatalog discovery;
  private final Executor answers;
  private final int settleInFlightLimit;
  private final Semaphore settlesInFlight;
  private final byte[] supported;
  private final byte[] cronosSupported;

  /**
   * @param answers the server's threads, which write an answer once its settle completes
   */
  FacilitatorRoutes(
      VerifyPaymentUseCase verifier,
      SettlePaymentUseCase settler,
      RateLimiter limiter,
      ApiMetrics metrics,
      ApiSettings settings,
      InstantSource clock,
      DiscoveryCatalog discovery,
      Executor answers) {
    this.verifier = verifier;
    this.settler = settler;
    this.limiter = limiter;
    this.metrics = metrics;
    X402Network network = new X402Network(settings.chainId());
    // Constant for the server's life: written once, served as bytes.
    this.supported = Json.bytes(supportedAnswer(network, settings.signers()));
    this.cronosSupported = Json.bytes(cronosSupportedAnswer(network));
    this.clock = clock;
    this.discovery = discovery;
    this.answers = answers;
    this.settleInFlightLimit = settings.settleInFlightLimit();
    this.settlesInFlight = new Semaphore(settleInFlightLimit);
    metrics.gauge(
        "crogas.settles.in.flight",
        "x402 settles waiting for the chain",
        () -> settleInFlightLimit - settlesInFlight.availablePermits());
  }

  void register(RouteTable routes) {
    routes.post("/x402/verify", Audience.FACILITATOR, this::verify);
    routes.post("/x402/settle", Audience.FACILITATOR, this::settle);
    routes.get("/x402/supported", ctx -> Json.write(ctx, 200, supported));
    // The Cronos Labs facilitator's paths, so that its sellers change only the base URL. Their
    // bodies carry a paymentHeader, which is how every answer picks the Cronos shape.
    routes.post("/v2/x402/verify", Audience.FACILITATOR, this::verify);
    routes.post("/v2/x402/settle", Audience.FACILITATOR, this::settle);
    routes.get("/v2/x402/supported", ctx -> Json.write(ctx, 200, cronosSupported));
  }

  private void verify(Context ctx) {
    X402Requests.X402Request request = X402Requests.parse(Json.body(ctx));
    if (request instanceof X402Requests.BrokenPayment broken) {
      metrics.outcome("verify", PaymentFault.INVALID_PAYLOAD.code(2));
      Json.write(ctx, 200, X402Json.brokenVerify(broken));
      return;
    }
    X402Requests.Payment payment = (X402Requests.Payment) request;
    limiter.address(payment.payload().payer());
    VerifyOutcome outcome = verifier.verify(payment.verification());
    metrics.outcome("verify", X402Json.outcomeName(outcome));
    Json.write(ctx, 200, X402Json.verify(request.format(), outcome));
  }

  /**
   * Settles without holding a server thread while the chain confirms: the use case's stage is the
   * answer's future, written by a server thread once it completes (never by the engine's thread
   * that completed it). At most the configured number wait at once; beyond that, 503 at once.
   */
  private void settle(Context ctx) {
    JsonNode body = Json.body(ctx);
    X402Requests.X402Request request = X402Requests.parse(body);
    if (request instanceof X402Requests.BrokenPayment broken) {
      metrics.outcome("settle", PaymentFault.INVALID_PAYLOAD.code(2));
      Json.write(ctx, 200, X402Json.brokenSettle(broken, clock.instant()));
      return;
    }
    X402Requests.Payment payment = (X402Requests.Payment) request;
    // Never refused for the payer's address: the merchant may have served the resource already.
    CompletionStage<SettleOutcome> settling =
        inFlight(() -> settler.settleAsync(payment.settlement()));
    ctx.future(
        () ->
            settling
                .thenAcceptAsync(outcome -> answer(ctx, body, payment, outcome), answers)
                .toCompletableFuture());
  }

  /** Starts a settle within the cap; its place is freed when the use case is done. */
  private CompletionStage<SettleOutcome> inFlight(Supplier<CompletionStage<SettleOutcome>> settle) {
    if (!settlesInFlight.tryAcquire()) {
      metrics.outcome("settle", RejectionCode.UNAVAILABLE.code());
      throw ApiException.busy(
          "too many settlements are waiting for the chain; retry shortly",
          Map.of("settlesInFlight", Integer.toString(settleInFlightLimit)),
          BUSY_RETRY);
    }
    try {
      return settle.get().whenComplete((outcome, failure) -> settlesInFlight.release());
    } catch (RuntimeException e) {
      settlesInFlight.release();
      throw e;
    }
  }

  private void answer(
      Context ctx, JsonNode body, X402Requests.Payment payment, SettleOutcome outcome) {
    if (sentFor(outcome)) {
      limiter.spent(outcome.payer());
    }
    if (outcome instanceof SettleOutcome.Settled) {
      discovery.settled(body);
    }
    metrics.outcome("settle", X402Json.outcomeName(outcome));
    if (payment.format() == X402Format.CRONOS) {
      Json.write(
          ctx,
          200,
          X402Json.cronosSettle(
              payment.network(),
              payment.payload().payment().authorization(),
              outcome,
              clock.instant()));
    } else {
      Json.write(ctx, 200, X402Json.settle(payment.format(), payment.network(), outcome));
    }
  }

  /**
   * Whether this call sent a transfer the payer signed: what counts against the payer's address. A
   * duplicate (a replay, whoever sends it) and a refusal count nothing.
   */
  private static boolean sentFor(SettleOutcome outcome) {
    return outcome instanceof SettleOutcome.Settled
        || outcome instanceof SettleOutcome.Pending
        || (outcome instanceof SettleOutcome.Failed failed && failed.transaction().isPresent());
  }

  /** {@code {kinds, extensions, signers}} as the reference v2 {@code SupportedResponse}. */
  private static ObjectNode supportedAnswer(X402Network network, List<Address> signers) {
    ObjectNode json = Json.object();
    ArrayNode kinds = json.putArray("kinds");
    kinds.addObject().put("x402Version", 2).put("scheme", "exact").put("network", network.v2Name());
    network
        .v1Name()
        .ifPresent(
            v1 ->
                kinds.addObject().put("x402Version", 1).put("scheme", "exact").put("network", v1));
    json.putArray("extensions").add("bazaar");
    ArrayNode addresses = json.putObject("signers").putArray("eip155:*");
    signers.forEach(signer -> addresses.add(signer.value()));
    return json;
  }

  /** The Cronos Labs facilitator's answer: x402 v1 kinds under Cronos network names. */
  private static ObjectNode cronosSupportedAnswer(X402Network network) {
    ObjectNode json = Json.object();
    json.putArray("kinds")
        .addObject()
        .put("x402Version", 1)
        .put("scheme", "exact")
        .put("network", network.v1Name().orElse(network.v2Name()));
    return json;
  }
}
