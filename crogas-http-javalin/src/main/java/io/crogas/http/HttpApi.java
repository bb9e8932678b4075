package io.crogas.http;

import io.crogas.domain.port.in.FindRelaysUseCase;
import io.crogas.domain.port.in.QuoteRelayUseCase;
import io.crogas.domain.port.in.SettlePaymentUseCase;
import io.crogas.domain.port.in.SubmitRelayUseCase;
import io.crogas.domain.port.in.VerifyPaymentUseCase;
import io.crogas.domain.port.out.ApiKeys;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The CroGas REST API and x402 facilitator on Javalin. Built from the core's use cases and the few
 * things only the server needs (health probe, faucet, API keys); {@link #start} serves it, {@link
 * #stop} ends it.
 */
public final class HttpApi {
  /**
   * Jetty's request threads (Javalin's defaults, named here so they can also write the answers of
   * requests that waited without holding one: settle, facilitate).
   */
  static final int MAX_THREADS = 250;

  private static final int MIN_THREADS = 8;

  private final Javalin app;
  private final List<Route> routes;
  private final ApiMetrics metrics;
  private final ApiKeyCache keys;

  private HttpApi(Builder builder) {
    this.metrics = new ApiMetrics();
    builder.gauges.forEach(gauge -> gauge.accept(metrics));
    ApiSettings settings = builder.settings;
    RateLimiter limiter =
        new RateLimiter(
            builder.buckets.orElseGet(() -> new LocalLimitBuckets(builder.clock)),
            settings.access().limits());
    this.keys = new ApiKeyCache(builder.apiKeys, settings.access().apiKeyRefresh());
    Callers callers = new Callers(keys, limiter, settings.access());
    DiscoveryCatalog discovery = new DiscoveryCatalog(builder.clock);
    List<List<Route>> registered = new ArrayList<>();
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    threads.setName("JettyServerThreadPool");
    this.app =
        Javalin.create(
            config -> {
              configure(config, settings);
              config.jetty.threadPool = threads;
              RouteTable table = new RouteTable(config.routes, callers);
              new RequestEdge(callers, metrics, settings.maxBodyBytes()).register(config.routes);
              ErrorMapping.register(config.routes);
              new RelayRoutes(
                      builder.quotes,
                      builder.submissions,
                      builder.queries,
                      limiter,
                      metrics,
                      settings,
                      threads)
                  .register(table);
              new FacilitatorRoutes(
                      builder.verifier,
                      builder.settler,
                      limiter,
                      metrics,
                      settings,
                      builder.clock,
                      discovery,
                      threads)
                  .register(table);
              new DiscoveryRoutes(discovery).register(table);
              new ActivityRoutes(builder.activity).register(table);
              new OpsRoutes(
                      builder.health,
                      builder.balances,
                      builder.faucet,
                      limiter,
                      metrics,
                      settings,
                      builder.metricsToken)
                  .register(table);
              WebPages.register(config);
              registered.add(table.registered());
            });
    this.routes = registered.get(0);
  }

  private static void configure(JavalinConfig config, ApiSettings settings) {
    config.startup.showJavalinBanner = false;
    config.http.maxRequestSize = settings.maxBodyBytes();
    // Javalin copies each answer to Jetty through a buffer of this size, allocated per request
    // (Jetty's 32 KB output buffer when unset): zeroing 32 KB cost a constant answer 2.5% of its
    // CPU. Answers are small JSON; larger pages go through in several copies.
    config.http.responseBufferSize = 4096;
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
    if (!settings.corsOrigins().isEmpty()) {
      config.bundledPlugins.enableCors(
          cors ->
              cors.addRule(
                  rule -> {
                    if (settings.corsOrigins().contains("*")) {
                      rule.anyHost();
                    } else {
                      settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
                    }
                    rule.exposeHeader(RequestEdge.REQUEST_ID);
                    rule.exposeHeader("Retry-After");
                  }));
      // The plugin presets 400 for an origin it does not allow, yet the route still runs (and a
      // page or file keeps that 400). CORS is the browser's to enforce, by the missing
      // Access-Control-Allow-Origin: every origin gets the same answer.
      config.routes.beforeMatched(ctx -> ctx.status(200));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads the API keys, then serves on {@code host}:{@code port} ({@code 0}: a free port, see
   * {@link #port()}).
   */
  public HttpApi start(String host, int port) {
    keys.start();
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      keys.close();
      throw e;
    }
    return this;
  }

  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
    keys.close();
  }

  /** Every route served, for documentation checks. */
  public List<Route> routes() {
    return routes;
  }

  /** The registry behind {@code /metrics}, for meters of other modules. */
  public MeterRegistry meterRegistry() {
    return metrics.registry();
  }

  /** One registered route: method and Javalin path template. */
  public record Route(String method, String path) {}

  /**
   * Collects the use cases and adapter-side parts; every one is required except the faucet, the
   * balances, the activity and the limit buckets.
   */
  public static final class Builder {
    private QuoteRelayUseCase quotes;
    private SubmitRelayUseCase submissions;
    private FindRelaysUseCase queries;
    private VerifyPaymentUseCase verifier;
    private SettlePaymentUseCase settler;
    private ApiSettings settings;
    private HealthProbe health;
    private Optional<Faucet> faucet = Optional.empty();
    private Optional<BalanceProbe> balances = Optional.empty();
    private Optional<Activity.Source> activity = Optional.empty();
    private Optional<String> metricsToken = Optional.empty();
    private ApiKeys apiKeys;
    private Optional<LimitBuckets> buckets = Optional.empty();
    private InstantSource clock = InstantSource.system();
    private final List<java.util.function.Consumer<ApiMetrics>> gauges = new ArrayList<>();

    private Builder() {}

    public Builder quotes(QuoteRelayUseCase quotes) {
      this.quotes = quotes;
      return this;
    }

    public Builder submissions(SubmitRelayUseCase submissions) {
      this.submissions = submissions;
      return this;
    }

    public Builder queries(FindRelaysUseCase queries) {
      this.queries = queries;
      return this;
    }

    public Builder payments(VerifyPaymentUseCase verifier, SettlePaymentUseCase settler) {
      this.verifier = verifier;
      this.settler = settler;
      return this;
    }

    public Builder settings(ApiSettings settings) {
      this.settings = settings;
      return this;
    }

    public Builder health(HealthProbe health) {
      this.health = health;
      return this;
    }

    /** What {@code GET /stats/activity} (the dashboard's charts) reports. */
    public Builder activity(Activity.Source activity) {
      this.activity = Optional.of(activity);
      return this;
    }

    /** Serves {@code GET /balance/{address}} (404 without it). */
    public Builder balances(BalanceProbe balances) {
      this.balances = Optional.of(balances);
      return this;
    }

    public Builder faucet(Faucet faucet) {
      this.faucet = Optional.of(faucet);
      return this;
    }

    /** The API keys facilitator clients authenticate with (read at start, then periodically). */
    public Builder apiKeys(ApiKeys apiKeys) {
      this.apiKeys = apiKeys;
      return this;
    }

    /** Where rate-limit buckets live; by default in this process. */
    public Builder limitBuckets(LimitBuckets buckets) {
      this.buckets = Optional.of(buckets);
      return this;
    }

    /** {@code /metrics} answers only {@code Authorization: Bearer <token>} (none: open). */
    public Builder metricsToken(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("a metrics token must not be blank");
      }
      this.metricsToken = Optional.of(token);
      return this;
    }

    public Builder clock(InstantSource clock) {
      this.clock = clock;
      return this;
    }

    /** A gauge on {@code /metrics}, read at each scrape (queue depth, balances, gas spent...). */
    public Builder gauge(String name, String description, Supplier<Number> value) {
      gauges.add(metrics -> metrics.gauge(name, description, value));
      return this;
    }

    public HttpApi build() {
      Objects.requireNonNull(quotes, "quotes");
      Objects.requireNonNull(submissions, "submissions");
      Objects.requireNonNull(queries, "queries");
      Objects.requireNonNull(verifier, "verifier");
      Objects.requireNonNull(settler, "settler");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(health, "health");
      Objects.requireNonNull(apiKeys, "apiKeys");
      Objects.requireNonNull(clock, "clock");
      return new HttpApi(this);
    }
  }
}
