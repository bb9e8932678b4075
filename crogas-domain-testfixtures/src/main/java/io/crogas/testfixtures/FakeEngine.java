package io.crogas.testfixtures;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.in.TrackRelayCommand;
import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.RelayEngine;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An engine that "sends" each job at once through the tracking use case, and confirms it unless
 * told to hold (then the job stays submitted) or to revert.
 */
public final class FakeEngine implements RelayEngine {
  public enum Mode {
    CONFIRM,
    REVERT,
    HOLD
  }

  public final List<RelayRecord> executed = new ArrayList<>();
  public Mode mode = Mode.CONFIRM;
  private final TrackRelayUseCase tracking;
  private final InstantSource clock;

  public FakeEngine(TrackRelayUseCase tracking, InstantSource clock) {
    this.tracking = tracking;
    this.clock = clock;
  }

  @Override
  public synchronized CompletionStage<RelayRecord> execute(RelayRecord accepted) {
    executed.add(accepted);
    Hash32 tx =
        Hash32.of(
            io.crogas.eip712.Keccak256.hash(
                accepted.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    RelayRecord.Step sent =
        tracking.track(new TrackRelayCommand.Submitted(accepted.id(), tx, clock.instant()));
    if (mode == Mode.HOLD) {
      return new CompletableFuture<>();
    }
    Receipt receipt =
        new Receipt(tx, 100, BigInteger.valueOf(120_000), Wei.gwei(5_000), mode == Mode.CONFIRM);
    RelayRecord.Step done =
        tracking.track(new TrackRelayCommand.Confirmed(accepted.id(), receipt, clock.instant()));
    if (!(sent instanceof RelayRecord.Step.Moved)
        || !(done instanceof RelayRecord.Step.Moved moved)) {
      return CompletableFuture.failedFuture(new IllegalStateException("unexpected step " + done));
    }
    return CompletableFuture.completedFuture(moved.record());
  }
}
