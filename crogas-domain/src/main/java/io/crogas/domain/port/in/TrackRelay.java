package io.crogas.domain.port.in;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayRecord;
import java.time.Instant;

/**
 * The relayer reports each step of a job here; the core checks the step is allowed by the
 * settlement sequence and journals it. Replayed reports (after a restart) change nothing.
 */
public interface TrackRelay {
  RelayRecord.Step submitted(String id, Hash32 txHash, Instant at);

  RelayRecord.Step confirmed(String id, Receipt receipt, Instant at);

  RelayRecord.Step failed(String id, String reason, Instant at);
}
