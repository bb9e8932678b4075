package io.crogas.engine;

import io.crogas.domain.port.in.TrackRelayUseCase;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.NonceLedger;
import java.time.InstantSource;

/** The ports and the shared pieces of one engine, as its steps use them. */
record EngineParts(
    EngineSettings settings,
    Chain chain,
    Broadcaster broadcaster,
    NonceLedger ledger,
    Journal journal,
    TrackRelayUseCase tracking,
    InstantSource clock,
    KeyRotation rotation,
    Transmitter transmitter,
    Completions completions,
    Lanes lanes,
    KeyHolding holding) {}
