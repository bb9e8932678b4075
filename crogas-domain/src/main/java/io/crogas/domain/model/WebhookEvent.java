package io.crogas.domain.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a webhook can be told about: an x402 settlement or a gasless relay reaching its final state,
 * and a relayer's CRO running low. {@link #wireName()} is the {@code event} field of a delivery.
 */
public enum WebhookEvent {
  SETTLEMENT_CONFIRMED("settlement.confirmed"),
  SETTLEMENT_FAILED("settlement.failed"),
  RELAY_CONFIRMED("relay.confirmed"),
  RELAY_FAILED("relay.failed"),
  RELAYER_LOW_BALANCE("relayer.low_balance");

  private final String wireName;

  WebhookEvent(String wireName) {
    this.wireName = wireName;
  }

  /** {@code settlement.confirmed}, as deliveries and the CLI spell it. */
  public String wireName() {
    return wireName;
  }

  /** The event a record announces when it is final; empty while it is still moving. */
  public static Optional<WebhookEvent> finished(RelayRecord record) {
    if (!record.state().isFinal()) {
      return Optional.empty();
    }
    boolean confirmed = record.state() == RelayState.CONFIRMED;
    if (record.job() instanceof RelayJob.TokenTransfer) {
      return Optional.of(confirmed ? SETTLEMENT_CONFIRMED : SETTLEMENT_FAILED);
    }
    return Optional.of(confirmed ? RELAY_CONFIRMED : RELAY_FAILED);
  }

  /** The event named {@code wireName} (case-insensitive); empty for an unknown name. */
  public static Optional<WebhookEvent> named(String wireName) {
    String wanted = wireName.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(e -> e.wireName.equals(wanted)).findFirst();
  }
}
