package io.crogas.testfixtures;

import io.crogas.domain.port.out.IdSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids a test can predict: 1, 2, 3, ... as 32 hex digits, the shape of the production ids ({@code
 * q_00000000000000000000000000000001}, then {@code r_...02}).
 */
public final class SequentialIds implements IdSource {
  private final AtomicLong last = new AtomicLong();

  @Override
  public String next() {
    return nth(last.incrementAndGet());
  }

  /** The {@code n}-th id this source returns (1-based). */
  public static String nth(long n) {
    return String.format("%032x", n);
  }
}
