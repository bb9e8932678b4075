package io.crogas.domain.service;

import io.crogas.domain.model.RelayJob;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Chain.PaymentState;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The chain reads of x402 verify, shared and kept per block. Each verify first asks the chain's
 * head (one call shared by everyone who asks while it runs); within that block, verifies of the
 * same payment at once wait for one read of its {@link PaymentState}, and the answer is kept until
 * the head moves on, so verifying a payment again costs no call. A resource server that verifies
 * every request, retries included, reads each payment once per block.
 *
 * <p>An answer may be one head read behind the chain (a block mined while the head was being asked,
 * or a state read by a node already on the next block and kept under the one its head read named):
 * right for verify, which is advice, never for settle, which reads afresh. Cronos has single-block
 * finality, so a block number names one state.
 */
final class BlockReads {
  /** Payments kept per block at most; beyond, further payments of that block are read unshared. */
  static final int CAPACITY = 10_000;

  private static final String HEAD = "head";

  private final Chain chain;
  private final SharedCalls<String, Long> head = SharedCalls.whileRunning();
  private final AtomicReference<Block> block = new AtomicReference<>(new Block(-1));

  BlockReads(Chain chain) {
    this.chain = chain;
  }

  /** {@link Chain#paymentState} as of the chain's head block. */
  PaymentState paymentState(RelayJob.TokenTransfer transfer) {
    return current().states.get(transfer, () -> chain.paymentState(transfer));
  }

  /**
   * The reads of the chain's head block. A head older than the block already kept (two head reads
   * crossing, or a node behind a load balancer lagging) keeps the newer one: its answers are no
   * older than the caller's.
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

  private static final class Block {
    final long number;
    final SharedCalls<RelayJob.TokenTransfer, PaymentState> states = SharedCalls.keeping(CAPACITY);

    Block(long number) {
      this.number = number;
    }
  }
}
