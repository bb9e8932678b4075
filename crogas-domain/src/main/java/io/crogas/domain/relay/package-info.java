/**
 * The relay planner: what the engine sends, replaces, fills and gives up on, decided from values
 * handed in (the job, the node's answer, the ledger's entry, the time) with no thread, no clock and
 * no port call of its own. The runtime in {@code crogas-engine} reads the chain, asks these rules,
 * and does what they say.
 */
package io.crogas.domain.relay;
