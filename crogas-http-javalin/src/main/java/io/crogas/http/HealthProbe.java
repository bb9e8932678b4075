package io.crogas.http;

/**
 * Reads what {@code GET /health} reports (block, RPC latency, balances). Implementations may throw
 * {@link io.crogas.domain.ChainUnavailableException}, which is reported as {@code down}.
 */
@FunctionalInterface
public interface HealthProbe {
  HealthReport check();
}
