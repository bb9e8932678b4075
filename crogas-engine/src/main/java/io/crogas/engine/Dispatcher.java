package io.crogas.engine;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.relay.LaneChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Puts jobs on lanes as the {@link LaneChoice} says, runs each one's submission on its lane, and
 * acts on what the submission could not finish: a job whose key cannot pay moves to another key, a
 * job the chain was away for is tried again after a poll interval.
 */
final class Dispatcher {
  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

  private final EngineParts parts;
  private final JobSender sender;
  private final ScheduledExecutorService timer;

  Dispatcher(EngineParts parts, JobSender sender, ScheduledExecutorService timer) {
    this.parts = parts;
    this.sender = sender;
    this.timer = timer;
  }

  /**
   * Dispatches journaled jobs that no key's nonce holds and this engine does not know, accepted at
   * least {@code minAge} ago: those of an instance that died before sending them, or that holds no
   * key and left them to the key holders. The ledger gives a record one nonce of one key, so a job
   * two instances dispatch at once is still sent once.
   */
  void adoptUnassigned(Duration minAge) {
    if (!parts.holding().holdsAny()) {
      return;
    }
    Instant acceptedBy = parts.clock().instant().minus(minAge);
    for (RelayRecord record : parts.journal().inFlight()) {
      if (!parts.completions().known(record.id())
          && !record.history().get(0).at().isAfter(acceptedBy)
          && parts.ledger().forRecord(record.id()).isEmpty()) {
        parts.completions().register(record.id());
        dispatch(record);
      }
    }
  }

  /**
   * Puts {@code record} on a lane in rotation, or fails it at once (nothing sent, nothing charged)
   * when no key can take it or the lane is full, unless another instance sent it meanwhile.
   */
  synchronized void dispatch(RelayRecord record) {
    if (!parts.holding().holdsAny()) {
      // Other instances hold every key: the journaled job waits there for one of them to adopt it.
      LOG.log(
          System.Logger.Level.INFO, "{0} is left to the instances holding the keys", record.id());
      return;
    }
    LaneChoice.Dispatch choice =
        LaneChoice.dispatch(
            parts.lanes().views(record.job().payer(), parts.rotation(), parts.holding()),
            parts.settings().laneQueueLimit(),
            parts.rotation().outOfRotation());
    if (choice instanceof LaneChoice.Dispatch.Refuse refuse) {
      parts.completions().refuse(record, refuse.reason());
      return;
    }
    Address relayer = ((LaneChoice.Dispatch.Take) choice).relayer();
    parts.completions().count(record.id(), relayer);
    enqueue(parts.lanes().lane(relayer), record);
  }

  /**
   * {@code from}'s key cannot pay for {@code record}, which holds no nonce of it: the job goes to
   * another lane in rotation, or fails with nothing sent when there is none (unless another
   * instance sent it meanwhile).
   */
  synchronized void move(NonceLane from, RelayRecord record) {
    Address payer = record.job().payer();
    Optional<Address> to =
        LaneChoice.move(parts.lanes().views(payer, parts.rotation(), parts.holding()));
    if (to.isEmpty()) {
      parts.completions().failUnsent(from, record, LaneChoice.NO_KEY_CAN_PAY);
      return;
    }
    from.finished(payer);
    parts.completions().moved(record.id(), to.get());
    enqueue(parts.lanes().lane(to.get()), record);
  }

  private void enqueue(NonceLane lane, RelayRecord record) {
    int priority = parts.settings().sendPolicy().priority(record.job());
    lane.enqueue(record.job().payer(), priority, () -> submit(lane, record));
  }

  private void submit(NonceLane lane, RelayRecord record) {
    switch (sender.submit(lane, record)) {
      case MOVE -> move(lane, record);
      case RETRY ->
          timer.schedule(
              () -> lane.urgent(() -> submit(lane, record)),
              parts.settings().pollInterval().toMillis(),
              TimeUnit.MILLISECONDS);
      case DONE -> {}
    }
  }
}
