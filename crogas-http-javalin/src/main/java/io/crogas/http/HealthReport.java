package io.crogas.http;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.Wei;
import java.time.Duration;
import java.util.List;

/** The server's view of itself and the chain, as {@code GET /health} reports it. */
public record HealthReport(
    Status status,
    ChainId chainId,
    long blockNumber,
    long rpcLatencyMs,
    List<RelayerBalance> relayers,
    Address forwarder,
    TokenDomain usdc,
    String version,
    Duration uptime) {

  public HealthReport {
    if (status == null
        || chainId == null
        || relayers == null
        || forwarder == null
        || usdc == null
        || version == null
        || uptime == null) {
      throw new IllegalArgumentException("every health field is required");
    }
    relayers = List.copyOf(relayers);
  }

  /** {@code degraded}: serving, but e.g. a relayer is below its minimum balance. */
  public enum Status {
    OK,
    DEGRADED,
    DOWN
  }

  /**
   * One relayer account's balances, and why it takes no new jobs when it is out of rotation (it
   * cannot cover a job's worst case, or the forwarder does not list it).
   */
  public record RelayerBalance(
      Address address, Wei cro, TokenAmount usdc, java.util.Optional<String> outOfRotation) {
    public RelayerBalance {
      if (address == null || cro == null || usdc == null || outOfRotation == null) {
        throw new IllegalArgumentException("address and balances are required");
      }
    }

    public RelayerBalance(Address address, Wei cro, TokenAmount usdc) {
      this(address, cro, usdc, java.util.Optional.empty());
    }
  }
}
