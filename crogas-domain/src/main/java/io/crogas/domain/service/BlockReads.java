package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.port.out.Chain;
import java.math.BigInteger;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chain reads of x402 verify, shared and kept per block. Each read first asks the chain's head
 * (one call shared by everyone who asks while it runs); within that block, callers asking the same
 * thing at once wait for one call, and its answer is kept until the head moves on, so verifying a
 * payment again, or another of the same payer, costs no call. Without it a resource server that
 * verifies before it serves makes three calls per request, the same three for every retry.
 *
 * <p>An answer may be one head read behind the chain (a block mined while the head was being asked,
 * or a read kept under the block its head read named while the node answered from the next): right
 * for verify, which is advice, never for settle, which reads {@link PaymentReads#fresh}. Cronos has
 * single-block finality, so a block number names one state.
 */
final class BlockReads implements PaymentReads {
  /** Kept answers per kind and block at most; beyond, reads of that block run unshared. */
  static final int CAPACITY = 10_000;

  private static final String HEAD = "head";

  private final Chain chain;
  private final SharedCalls<String, Long> head = SharedCalls.whileRunning();
  private final AtomicReference<Block> block = new AtomicReference<>(new Block(-1));

  BlockReads(Chain chain) {
    this.chain = chain;
  }

  @Override
  public boolean authorizationUsed(Address token, Address authorizer, Hash32 nonce) {
    return current()
        .states
        .get(
            new AuthorizationState(token, authorizer, nonce),
            () -> chain.authorizationUsed(token, authorizer, nonce));
  }

  @Override
  public BigInteger tokenBalance(Address token, Address owner) {
    return current()
        .balances
        .get(new Balance(token, owner), () -> chain.tokenBalance(token, owner));
  }

  @Override
  public Optional<Chain.Simulation.Reverts> dryRun(RelayJob job) {
    return current().dryRuns.get(job, () -> chain.dryRun(job));
  }

  /**
   * The reads of the chain's head block. A head older than the block already kept (two head reads
   * crossing) keeps the newer one: its answers are no older than the caller's.
   */
  private Block current() {
    long number = head.get(HEAD, chain::blockNumber);
    Block kept = block.get();
    while (number > kept.number) {
      Block next = new Block(number);
      if (block.compareAndSet(kept, next)) {
        return next;
      }
      kept = block.get();
    }
    return kept;
  }

  private record Balance(Address token, Address owner) {}

  private record AuthorizationState(Address token, Address authorizer, Hash32 nonce) {}

  private static final class Block {
    final long number;
    final SharedCalls<Balance, BigInteger> balances = SharedCalls.keeping(CAPACITY);
    final SharedCalls<AuthorizationState, Boolean> states = SharedCalls.keeping(CAPACITY);
    final SharedCalls<RelayJob, Optional<Chain.Simulation.Reverts>> dryRuns =
        SharedCalls.keeping(CAPACITY);

    Block(long number) {
      this.number = number;
    }
  }
}
