package io.crogas.domain.model;

import java.util.Map;

/** A refusal with its code, a human message and field-level details. */
public record Rejection(RejectionCode code, String message, Map<String, String> details) {
  public Rejection {
    if (code == null || message == null) {
      throw new IllegalArgumentException("a rejection needs a code and a message");
    }
    details = Map.copyOf(details);
  }

  public static Rejection of(RejectionCode code, String message) {
    return new Rejection(code, message, Map.of());
  }

  public static Rejection of(RejectionCode code, String message, String field, String problem) {
    return new Rejection(code, message, Map.of(field, problem));
  }
}
