package io.crogas.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.TokenAmount;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Health, faucet, Prometheus metrics and the OpenAPI description. */
final class OpsRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(OpsRoutes.class);

  private static final String OPENAPI = "/io/crogas/http/openapi.json";

  private final HealthProbe health;
  private final Optional<BalanceProbe> balances;
  private final Optional<Faucet> faucet;
  private final RateLimiter limiter;
  private final ApiMetrics metrics;
  private final ApiSettings settings;
  private final String openApi;
  private final Optional<String> metricsToken;

  /**
   * @param metricsToken when present, {@code /metrics} answers only requests bearing it ({@code
   *     Authorization: Bearer <token>}); balances and volumes are not for everyone
   */
  OpsRoutes(
      HealthProbe health,
      Optional<BalanceProbe> balances,
      Optional<Faucet> faucet,
      RateLimiter limiter,
      ApiMetrics metrics,
      ApiSettings settings,
      Optional<String> metricsToken) {
    this.metricsToken = metricsToken;
    this.health = health;
    this.balances = balances;
    this.faucet = faucet;
    this.limiter = limiter;
    this.metrics = metrics;
    this.settings = settings;
    this.openApi = resource(OPENAPI);
  }

  void register(RouteTable routes) {
    routes.get("/health", this::health);
    routes.get("/healthcheck", this::healthcheck);
    routes.get("/balance/{address}", this::balance);
    routes.post("/faucet/usdc", Audience.RELAY, this::faucet);
    routes.get("/metrics", this::metrics);
    routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
  }

  /** 503 with {@code status: down} when the probe says so or cannot reach the chain. */
  private void health(Context ctx) {
    HealthReport report;
    try {
      report = health.check();
    } catch (ChainUnavailableException e) {
      // The exception quotes the RPC URL, where providers put API keys: the log only, never here.
      LOG.warn("health: chain unavailable: {}", e.getMessage());
      Json.write(
          ctx,
          503,
          Json.object()
              .put("status", "down")
              .put("message", "the chain cannot be reached now; retry later"));
      return;
    }
    Json.write(ctx, report.status() == HealthReport.Status.DOWN ? 503 : 200, health(report));
  }

  /**
   * The Cronos Labs facilitator's health answer ({@code status}, {@code results: {uptime,
   * responseTime, message, timestamp}}; {@code responseTime} as Node's {@code process.hrtime}, here
   * the RPC latency), so a monitor pointed at its base URL keeps working; 503 when the chain is
   * down.
   */
  private void healthcheck(Context ctx) {
    HealthReport report;
    try {
      report = health.check();
    } catch (ChainUnavailableException e) {
      LOG.warn("healthcheck: chain unavailable: {}", e.getMessage());
      report = null;
    }
    boolean up = report != null && report.status() != HealthReport.Status.DOWN;
    ObjectNode json = Json.object().put("status", up ? "success" : "error");
    ObjectNode results = json.putObject("results");
    if (report != null) {
      results.put("uptime", report.uptime().toMillis() / 1000.0);
      results
          .putArray("responseTime")
          .add(report.rpcLatencyMs() / 1000)
          .add((report.rpcLatencyMs() % 1000) * 1_000_000L);
    }
    results.put("message", up ? "OK" : "the chain cannot be reached now");
    results.put("timestamp", System.currentTimeMillis());
    Json.write(ctx, up ? 200 : 503, json);
  }

  private static ObjectNode health(HealthReport report) {
    ObjectNode json = Json.object();
    json.put("status", report.status().name().toLowerCase(Locale.ROOT));
    json.put("chainId", report.chainId().value());
    json.put("blockNumber", report.blockNumber());
    json.put("rpcLatencyMs", report.rpcLatencyMs());
    ArrayNode relayers = json.putArray("relayers");
    report.relayers().forEach(relayer -> relayers.add(relayer(relayer)));
    if (!report.relayers().isEmpty()) {
      json.set("relayer", relayer(report.relayers().get(0)));
    }
    json.put("forwarder", report.forwarder().value());
    json.putObject("usdc")
        .put("address", report.usdc().token().value())
        .put("name", report.usdc().name())
        .put("version", report.usdc().version())
        .put("decimals", report.usdc().decimals());
    json.put("version", report.version());
    json.put("uptimeSeconds", report.uptime().toSeconds());
    return json;
  }

  /** An address's CRO and USDC (what an agent asks before paying); 404 when not served. */
  private void balance(Context ctx) {
    Address address = Values.parsed("address", () -> Address.parse(ctx.pathParam("address")));
    if (balances.isEmpty()) {
      throw new ApiException(404, "not_found", "this server does not report balances", Map.of());
    }
    Json.write(ctx, 200, balance(balances.get().read(address)));
  }

  private static ObjectNode relayer(HealthReport.RelayerBalance balance) {
    ObjectNode json = balance(balance);
    json.put("inRotation", balance.outOfRotation().isEmpty());
    balance.outOfRotation().ifPresent(why -> json.put("outOfRotation", why));
    return json;
  }

  /** {@code {address, cro, croWei, usdc, usdcAtomic}}. */
  private static ObjectNode balance(HealthReport.RelayerBalance balance) {
    ObjectNode json = Json.object();
    json.put("address", balance.address().value())
        .put(
            "cro",
            new java.math.BigDecimal(balance.cro().value(), 18)
                .stripTrailingZeros()
                .toPlainString())
        .put("croWei", balance.cro().value().toString())
        .put("usdc", balance.usdc().toDecimalString())
        .put("usdcAtomic", balance.usdc().atomic().toString());
    return json;
  }

  /** {@code {address, amount?}} → {@code {address, amount, amountAtomic, txHash}}. */
  private void faucet(Context ctx) {
    if (!settings.faucet().enabled() || faucet.isEmpty()) {
      throw new ApiException(
          403,
          "forbidden",
          "the faucet is only available on dev and testnet configurations",
          Map.of());
    }
    Fields fields = Fields.of(Json.body(ctx));
    Address address = fields.required("address", Values::address);
    Optional<TokenAmount> amount =
        fields.optional("amount", value -> Values.amount(value, settings.usdc().decimals()));
    fields.check();
    TokenAmount minted = amount.orElse(settings.faucet().defaultAmount());
    if (minted.atomic().signum() <= 0 || minted.compareTo(settings.faucet().maxAmount()) > 0) {
      throw ApiException.invalid(
          "amount",
          "must be above 0 and at most " + settings.faucet().maxAmount().toDecimalString());
    }
    limiter.faucet(address);
    Hash32 tx = faucet.get().mint(address, minted);
    metrics.outcome("faucet", "minted");
    Json.write(
        ctx,
        200,
        Json.object()
            .put("address", address.value())
            .put("amount", minted.toDecimalString())
            .put("amountAtomic", minted.atomic().toString())
            .put("txHash", tx.hex()));
  }

  private void metrics(Context ctx) {
    if (metricsToken.isPresent() && !bears(ctx, metricsToken.get())) {
      throw new ApiException(
          403, "forbidden", "metrics need the configured bearer token", Map.of());
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  /** Compares in constant time, so the token cannot be guessed byte by byte from timings. */
  private static boolean bears(Context ctx, String token) {
    String header = Optional.ofNullable(ctx.header("Authorization")).orElse("");
    return MessageDigest.isEqual(
        header.getBytes(StandardCharsets.UTF_8),
        ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String path) {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
