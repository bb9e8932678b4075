package io.crogas.domain.port.in;

import io.crogas.domain.model.RelayRecord;

/**
 * The relayer reports each step of a job here; the core checks the step is allowed by the
 * settlement sequence and journals it. Replayed reports (after a restart) change nothing.
 */
public interface TrackRelayUseCase {
  RelayRecord.Step track(TrackRelayCommand command);
}
