package io.crogas.domain.port.out;

/**
 * Where the ids of new quotes and journal records come from. The use cases prefix them with what
 * they name ({@code q_}, {@code r_}, {@code s_}); ids are shown to clients and looked up by them,
 * so in production they are random, and in tests a sequence makes them predictable.
 */
@FunctionalInterface
public interface IdSource {
  /** A new id, never returned before by this source: lowercase letters and digits only. */
  String next();
}
