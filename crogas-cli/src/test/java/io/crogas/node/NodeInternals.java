package io.crogas.node;

import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.http.HealthReport;
import java.time.Instant;

/**
 * What a node keeps to itself, for tests that check the journal, the nonce ledger or the chain
 * behind the use cases. Not part of the library: embedders go through the use cases.
 */
public final class NodeInternals {
  private NodeInternals() {}

  public static Chain chain(CroGasNode node) {
    return node.chain();
  }

  public static Journal journal(CroGasNode node) {
    return node.journal();
  }

  public static NonceLedger nonceLedger(CroGasNode node) {
    return node.nonceLedger();
  }

  /** One health probe, counting any balance as enough. */
  public static HealthReport health(CroGasNode node) {
    return new NodeHealth(node, Wei.ZERO, "test", Instant.now()).check();
  }
}
