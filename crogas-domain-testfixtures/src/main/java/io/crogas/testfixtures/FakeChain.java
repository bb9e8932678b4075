package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.domain.port.out.Chain;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** An in-memory chain whose state tests set directly. */
public final class FakeChain implements Chain {
  public final Map<Address, BigInteger> forwarderNonces = new HashMap<>();
  public final Map<String, BigInteger> tokenBalances = new HashMap<>();
  public final Set<String> usedAuthorizations = new HashSet<>();
  public final Map<Address, Wei> nativeBalances = new java.util.concurrent.ConcurrentHashMap<>();
  public FeeMarket feeMarket = new FeeMarket(Wei.gwei(5_000), Wei.ZERO, true);
  public BigInteger callGas = BigInteger.valueOf(50_000);
  public Optional<String> callRevert = Optional.empty();
  public Optional<String> jobRevert = Optional.empty();

  /** The gas of the job when simulated as a relayer sends it; by default the same as without. */
  public Optional<BigInteger> sentJobGas = Optional.empty();

  /** The USDC every account holds unless {@link #setTokenBalance} said otherwise. */
  public BigInteger defaultTokenBalance = BigInteger.ZERO;

  /** Who each simulation as sent ran from, and at which gas price, in order. */
  public final List<String> simulatedAs = new CopyOnWriteArrayList<>();

  public final AtomicInteger simulations = new AtomicInteger();

  /** The number of the {@link #feeMarket()} call (counting from 1) that finds the chain away. */
  public volatile int feeMarketFailsAt = -1;

  private int feeMarketCalls;

  /** While held, job simulations wait (a lane busy with a slow job). */
  public final java.util.concurrent.Semaphore simulationGate =
      new java.util.concurrent.Semaphore(Integer.MAX_VALUE);

  public volatile long blockNumber = 100;

  /** Reads asked of this chain: the head, token balances and authorization states. */
  public final AtomicInteger headReads = new AtomicInteger();

  public final AtomicInteger balanceReads = new AtomicInteger();
  public final AtomicInteger authorizationReads = new AtomicInteger();

  @Override
  public long blockNumber() {
    headReads.incrementAndGet();
    return blockNumber;
  }

  @Override
  public BigInteger forwarderNonce(Address user) {
    return forwarderNonces.getOrDefault(user, BigInteger.ZERO);
  }

  @Override
  public BigInteger tokenBalance(Address token, Address owner) {
    balanceReads.incrementAndGet();
    return tokenBalances.getOrDefault(token + "/" + owner, defaultTokenBalance);
  }

  public void setTokenBalance(Address token, Address owner, long atomic) {
    tokenBalances.put(token + "/" + owner, BigInteger.valueOf(atomic));
  }

  @Override
  public boolean authorizationUsed(Address token, Address authorizer, Hash32 nonce) {
    authorizationReads.incrementAndGet();
    return usedAuthorizations.contains(token + "/" + authorizer + "/" + nonce);
  }

  public void useAuthorization(Address token, Address authorizer, Hash32 nonce) {
    usedAuthorizations.add(token + "/" + authorizer + "/" + nonce);
  }

  /** Relayer keys the forwarder does not list; every other account is listed. */
  public final Set<Address> unregistered = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Override
  public boolean isRelayer(Address account) {
    return !unregistered.contains(account);
  }

  @Override
  public Wei nativeBalance(Address account) {
    return nativeBalances.getOrDefault(account, Wei.ZERO);
  }

  @Override
  public synchronized FeeMarket feeMarket() {
    if (++feeMarketCalls == feeMarketFailsAt) {
      throw new io.crogas.domain.ChainUnavailableException("fee market read timed out");
    }
    return feeMarket;
  }

  @Override
  public Simulation simulateCall(Address from, Address to, Calldata data) {
    simulations.incrementAndGet();
    return callRevert
        .<Simulation>map(Simulation.Reverts::new)
        .orElse(new Simulation.Succeeds(callGas));
  }

  /**
   * Runs once, at the start of the next {@link #paymentState} read: what happens on the chain (or
   * in another call) between a caller's earlier steps and its read.
   */
  public final AtomicReference<Runnable> beforeNextPaymentState = new AtomicReference<>();

  /**
   * Runs once, inside the next {@link #paymentState} read, after the authorization state is read
   * and before the balance and the transfer's run: a batch whose reads straddle a block.
   */
  public final AtomicReference<Runnable> withinNextPaymentState = new AtomicReference<>();

  public final AtomicInteger paymentStateReads = new AtomicInteger();

  @Override
  public PaymentState paymentState(RelayJob.TokenTransfer transfer) {
    paymentStateReads.incrementAndGet();
    runOnce(beforeNextPaymentState);
    TransferAuthorization authorization = transfer.transfer().authorization();
    Address token = transfer.token().token();
    boolean used = authorizationUsed(token, authorization.from(), authorization.nonce());
    runOnce(withinNextPaymentState);
    return new PaymentState(
        used,
        tokenBalance(token, authorization.from()),
        simulate(transfer) instanceof Simulation.Reverts reverts
            ? Optional.of(reverts)
            : Optional.empty());
  }

  private static void runOnce(AtomicReference<Runnable> hook) {
    Runnable once = hook.getAndSet(null);
    if (once != null) {
      once.run();
    }
  }

  @Override
  public Simulation simulate(RelayJob job) {
    simulationGate.acquireUninterruptibly();
    simulationGate.release();
    simulations.incrementAndGet();
    return jobRevert
        .<Simulation>map(Simulation.Reverts::new)
        .orElse(new Simulation.Succeeds(callGas.add(BigInteger.valueOf(90_000))));
  }

  @Override
  public Simulation simulate(RelayJob job, Address relayer, Wei gasPrice) {
    simulatedAs.add(relayer + "@" + gasPrice.value());
    Simulation plain = simulate(job);
    return plain instanceof Simulation.Succeeds && sentJobGas.isPresent()
        ? new Simulation.Succeeds(sentJobGas.get())
        : plain;
  }
}
