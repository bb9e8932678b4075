package io.crogas.domain.port.out;

import io.crogas.domain.model.RelayRecord;

/**
 * Told about every request that reached a final state (confirmed or failed), after the journal
 * holds it: for metrics and notifications. Must be quick and must not throw.
 */
@FunctionalInterface
public interface SettlementObserver {
  SettlementObserver NONE = record -> {};

  void finished(RelayRecord record);
}
