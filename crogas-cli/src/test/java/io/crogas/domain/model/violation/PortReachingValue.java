package io.crogas.domain.model.violation;

import io.crogas.domain.port.out.Journal;

/** Deliberately breaks the layer rules (a value holding a port). */
public record PortReachingValue(Journal journal) {}
