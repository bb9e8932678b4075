package io.crogas.domain.port.out;

import io.crogas.domain.model.RelayRecord;
import java.util.concurrent.CompletionStage;

/**
 * Puts journaled jobs on chain: allocates relayer nonces, signs, sends, replaces stuck transactions
 * and records each step in the {@link Journal}. Completes with the record's final version
 * (confirmed or failed).
 */
public interface RelayEngine {
  CompletionStage<RelayRecord> execute(RelayRecord accepted);
}
