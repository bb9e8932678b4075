package io.crogas.http;

import io.crogas.domain.model.Address;

/**
 * Reads an address's CRO and USDC balances for {@code GET /balance/{address}} (the same shape as a
 * relayer's in {@code /health}). Implementations may throw {@link
 * io.crogas.domain.ChainUnavailableException}, answered 503.
 */
@FunctionalInterface
public interface BalanceProbe {
  HealthReport.RelayerBalance read(Address owner);
}
