package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.model.SignedTransaction;
import io.crogas.domain.model.TransactionDraft;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.RelayerSigner;
import io.crogas.eip712.Hex;
import io.crogas.eip712.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A node's transaction pool and miner in memory, with the rules the engine must respect: one
 * transaction per (sender, nonce), replacements need a 10% higher fee (geth's and Cronos's rule),
 * nonces below the mined one are refused (the very bytes of a mined transaction too, as anvil and
 * geth refuse them), a gas limit below a plain transfer's or a fee cap below the base fee is
 * refused for good, and mining takes each sender's transactions in nonce order without gaps. {@code
 * BroadcasterContract} holds it to what anvil does.
 */
public final class FakeMempool implements Broadcaster, RelayerSigner {
  private final InstantSource clock;
  private final Map<Address, Long> mined = new HashMap<>();
  private final Map<Address, TreeMap<Long, SignedTransaction>> pool = new HashMap<>();
  private final Map<Hash32, Receipt> receipts = new HashMap<>();
  private final List<SignedTransaction> accepted = new ArrayList<>();
  private final List<SignedTransaction> minedTransactions = new ArrayList<>();
  private final Map<Hash32, Integer> sends = new HashMap<>();
  public final Set<Address> broke = new HashSet<>();
  public boolean automine = true;
  public int unreachableSends;
  public boolean deliverWhileUnreachable;
  public String rejectNextSend;

  /** Signing throws this many more times (a bug or a keystore fault inside the engine). */
  public volatile int signFailures;

  /** Receipt reads for these relayers' transactions hang until {@link #receiptGate} opens. */
  public final Set<Address> slowReceiptsOf = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public final java.util.concurrent.CountDownLatch receiptGate =
      new java.util.concurrent.CountDownLatch(1);

  /** While set, mined transactions have no receipt yet (nodes index receipts a moment late). */
  public volatile boolean receiptsLag;

  /** The block's base fee: a fee cap below it is refused. */
  public volatile Wei baseFee = Wei.ZERO;

  private long block = 1;

  public FakeMempool(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public SignedTransaction sign(TransactionDraft draft) {
    synchronized (this) {
      if (signFailures > 0) {
        signFailures--;
        throw new IllegalStateException("the signer failed");
      }
    }
    String body =
        draft.relayer()
            + "/"
            + draft.nonce()
            + "/"
            + draft.maxFeePerGas()
            + "/"
            + draft.tip()
            + "/"
            + draft.gasLimit()
            + "/"
            + draft.eip1559()
            + "/"
            + draft.job().map(Object::hashCode).orElse(0);
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    return new SignedTransaction(
        draft.relayer(),
        draft.nonce(),
        Hash32.of(Keccak256.hash(raw)),
        Hex.encode(raw),
        draft.maxFeePerGas(),
        draft.tip(),
        draft.gasLimit(),
        clock.instant());
  }

  @Override
  public synchronized SendResult send(SignedTransaction tx) {
    sends.merge(tx.hash(), 1, Integer::sum);
    if (unreachableSends > 0) {
      unreachableSends--;
      if (deliverWhileUnreachable) {
        deliver(tx);
      }
      return new SendResult.Unreachable("timeout");
    }
    if (rejectNextSend != null) {
      String reason = rejectNextSend;
      rejectNextSend = null;
      return new SendResult.Rejected(reason);
    }
    return deliver(tx);
  }

  private SendResult deliver(SignedTransaction tx) {
    if (broke.contains(tx.relayer())) {
      return new SendResult.InsufficientFunds();
    }
    if (tx.gasLimit().compareTo(TransactionDraft.TRANSFER_GAS) < 0) {
      return new SendResult.Rejected("intrinsic gas too low");
    }
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      return new SendResult.Rejected("max fee per gas less than block base fee");
    }
    TreeMap<Long, SignedTransaction> queue =
        pool.computeIfAbsent(tx.relayer(), r -> new TreeMap<>());
    SignedTransaction pooled = queue.get(tx.nonce());
    if (pooled != null && pooled.hash().equals(tx.hash())) {
      return new SendResult.AlreadyKnown();
    }
    if (tx.nonce() < minedNonce(tx.relayer())) {
      return new SendResult.NonceTooLow();
    }
    if (pooled != null && !beats(tx.maxFeePerGas(), pooled.maxFeePerGas())) {
      return new SendResult.Underpriced();
    }
    queue.put(tx.nonce(), tx);
    accepted.add(tx);
    if (automine) {
      mine();
    }
    return new SendResult.Accepted();
  }

  /** A plain transfer uses exactly its 21 000; a call, up to 100 000 of its limit. */
  private static BigInteger gasUsed(SignedTransaction tx) {
    return tx.gasLimit().min(BigInteger.valueOf(100_000));
  }

  private static boolean beats(Wei offered, Wei pooled) {
    return offered
            .value()
            .multiply(BigInteger.TEN)
            .compareTo(pooled.value().multiply(BigInteger.valueOf(11)))
        >= 0;
  }

  /** Mines every pooled transaction that continues its sender's nonce sequence. */
  public synchronized int mine() {
    int count = 0;
    for (Map.Entry<Address, TreeMap<Long, SignedTransaction>> entry : pool.entrySet()) {
      Address sender = entry.getKey();
      TreeMap<Long, SignedTransaction> queue = entry.getValue();
      while (queue.containsKey(minedNonce(sender))) {
        SignedTransaction tx = queue.remove(minedNonce(sender));
        receipts.put(
            tx.hash(), new Receipt(tx.hash(), block, gasUsed(tx), tx.maxFeePerGas(), true));
        minedTransactions.add(tx);
        mined.put(sender, tx.nonce() + 1);
        count++;
      }
    }
    block++;
    return count;
  }

  @Override
  public java.util.Optional<Receipt> receipt(Hash32 hash) {
    boolean slow;
    synchronized (this) {
      slow =
          minedTransactions.stream()
              .anyMatch(tx -> tx.hash().equals(hash) && slowReceiptsOf.contains(tx.relayer()));
    }
    if (slow) {
      try {
        receiptGate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return receiptNow(hash);
  }

  private synchronized java.util.Optional<Receipt> receiptNow(Hash32 hash) {
    if (receiptsLag) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(receipts.get(hash));
  }

  @Override
  public synchronized long minedNonce(Address account) {
    return mined.getOrDefault(account, 0L);
  }

  @Override
  public synchronized long pendingNonce(Address account) {
    long next = minedNonce(account);
    TreeMap<Long, SignedTransaction> queue = pool.getOrDefault(account, new TreeMap<>());
    while (queue.containsKey(next)) {
      next++;
    }
    return next;
  }

  /**
   * The base fee rose to {@code base}: the pool lets go of every transaction whose fee cap it
   * passed, as anvil does when it builds a block (later nonces of their senders stay queued).
   */
  public synchronized void raiseBaseFee(Wei base) {
    baseFee = base;
    pool.values()
        .forEach(queue -> queue.values().removeIf(tx -> tx.maxFeePerGas().compareTo(base) < 0));
  }

  /** Another holder of the relayer's key uses its next nonce: the pooled transaction is dropped. */
  public synchronized void stealNextNonce(Address relayer) {
    long nonce = minedNonce(relayer);
    pool.getOrDefault(relayer, new TreeMap<>()).remove(nonce);
    mined.put(relayer, nonce + 1);
  }

  /** Every transaction mined so far, in mining order. */
  public synchronized List<SignedTransaction> minedTransactions() {
    return List.copyOf(minedTransactions);
  }

  /** How often {@code tx}'s bytes were sent, whatever the answer. */
  public synchronized int sendsOf(SignedTransaction tx) {
    return sends.getOrDefault(tx.hash(), 0);
  }

  /** Every transaction the pool accepted (including replacements). */
  public synchronized List<SignedTransaction> accepted() {
    return List.copyOf(accepted);
  }
}
