package io.crogas.domain.port.in.violation;

import io.crogas.domain.port.out.Chain;

/** Deliberately breaks the layer rules (an incoming port that hands out an outgoing one). */
public interface ChainReachingUseCase {
  Chain chain();
}
