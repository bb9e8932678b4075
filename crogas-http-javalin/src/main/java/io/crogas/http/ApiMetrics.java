package io.crogas.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Prometheus metrics: every request by route and status (with a latency histogram), the outcome of
 * each use case, and gauges the composition root hooks in (queue depth, relayer balances, gas
 * spent, USDC earned).
 */
final class ApiMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Each request's timer by its tags: building the meter id per request cost more than timing. */
  private final Map<RequestTags, Timer> requestTimers = new ConcurrentHashMap<>();

  MeterRegistry registry() {
    return registry;
  }

  /** One request answered: {@code route} is the path template, never the raw path. */
  void request(String method, String route, int status, Duration took) {
    requestTimers.computeIfAbsent(new RequestTags(method, route, status), this::timer).record(took);
  }

  private Timer timer(RequestTags tags) {
    return Timer.builder("crogas.http.requests")
        .description("HTTP requests by route and status")
        .tags(
            "method",
            tags.method(),
            "route",
            tags.route(),
            "status",
            Integer.toString(tags.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  /** Routes are templates, so there are few of these. */
  private record RequestTags(String method, String route, int status) {}

  /** What a use case answered, e.g. facilitate → accepted, verify → invalid_exact_evm_signature. */
  void outcome(String endpoint, String outcome) {
    Counter.builder("crogas.outcomes")
        .description("use-case outcomes by endpoint")
        .tags("endpoint", endpoint, "outcome", outcome)
        .register(registry)
        .increment();
  }

  void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  String scrape() {
    return registry.scrape();
  }
}
