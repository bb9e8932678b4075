package io.crogas.node;

import io.crogas.domain.port.out.IdSource;
import java.util.UUID;

/** Production ids: a random UUID as 32 hex digits, so ids cannot be guessed or enumerated. */
final class RandomIds implements IdSource {
  @Override
  public String next() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
