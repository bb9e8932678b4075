package io.crogas.node;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.TokenAmount;
import io.crogas.domain.model.Wei;
import io.crogas.http.HealthProbe;
import io.crogas.http.HealthReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /health} from the node: the latest block and how long the RPC took to say it, and each
 * relayer's balances. A relayer below {@code minimumCro}, or out of rotation, makes the status
 * degraded (an alarm before it runs dry); an unreachable RPC throws, which the API reports as down.
 */
final class NodeHealth implements HealthProbe {
  private final CroGasNode node;
  private final Wei minimumCro;
  private final String version;
  private final Instant started;

  NodeHealth(CroGasNode node, Wei minimumCro, String version, Instant started) {
    this.node = node;
    this.minimumCro = minimumCro;
    this.version = version;
    this.started = started;
  }

  @Override
  public HealthReport check() {
    long before = System.nanoTime();
    long block = node.chain().blockNumber();
    long latencyMs = (System.nanoTime() - before) / 1_000_000;
    List<HealthReport.RelayerBalance> balances = new ArrayList<>();
    boolean low = false;
    java.util.Map<Address, String> out = node.outOfRotation();
    for (Address relayer : node.relayers()) {
      HealthReport.RelayerBalance read = balance(node, relayer);
      low |= read.cro().compareTo(minimumCro) < 0 || out.containsKey(relayer);
      balances.add(
          new HealthReport.RelayerBalance(
              relayer, read.cro(), read.usdc(), java.util.Optional.ofNullable(out.get(relayer))));
    }
    return new HealthReport(
        low ? HealthReport.Status.DEGRADED : HealthReport.Status.OK,
        node.forwarder().chainId(),
        block,
        latencyMs,
        balances,
        node.forwarder().forwarder(),
        node.usdc(),
        version,
        Duration.between(started, Instant.now()));
  }

  /** {@code owner}'s CRO and USDC, read from {@code node}'s chain (also {@code /balance}). */
  static HealthReport.RelayerBalance balance(CroGasNode node, Address owner) {
    Wei cro = node.chain().nativeBalance(owner);
    TokenAmount usdc =
        new TokenAmount(
            node.chain().tokenBalance(node.usdc().token(), owner), node.usdc().decimals());
    return new HealthReport.RelayerBalance(owner, cro, usdc);
  }
}
