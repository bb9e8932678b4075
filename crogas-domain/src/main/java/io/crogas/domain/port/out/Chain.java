package io.crogas.domain.port.out;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.Wei;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What the core reads from the chain. Implementations throw {@link
 * io.crogas.domain.ChainUnavailableException} when the chain cannot be reached; everything else is
 * an answer.
 */
public interface Chain {

  /** The latest block's number (also a cheap liveness probe). */
  long blockNumber();

  /** The forwarder's next meta-transaction nonce for {@code user}. */
  BigInteger forwarderNonce(Address user);

  /** {@code token.balanceOf(owner)} in the token's smallest unit. */
  BigInteger tokenBalance(Address token, Address owner);

  /** {@code token.authorizationState(authorizer, nonce)}: used or cancelled. */
  boolean authorizationUsed(Address token, Address authorizer, Hash32 nonce);

  /** {@code forwarder.isRelayer(account)}: whether the forwarder accepts calls from it. */
  boolean isRelayer(Address account);

  /** Native (CRO) balance. */
  Wei nativeBalance(Address account);

  /** Current fee conditions. */
  FeeMarket feeMarket();

  /**
   * Simulates a plain call {@code from → to} with {@code data} at the latest block and estimates
   * its gas (used to quote the call a forwarder will make on a user's behalf).
   */
  Simulation simulateCall(Address from, Address to, Calldata data);

  /** Simulates the exact transaction the relayer would send for {@code job}. */
  Simulation simulate(RelayJob job);

  /**
   * Everything that decides whether {@code transfer} can be settled now, read at once (one JSON-RPC
   * batch): whether its authorization is used, the payer's balance, and one run of the exact
   * transaction a relayer would send, as a call at the latest block. The run is a call, not a gas
   * estimate, which executes the transaction several times (about eight times the node's work on
   * anvil): only its verdict counts here.
   */
  PaymentState paymentState(RelayJob.TokenTransfer transfer);

  /**
   * Simulates the transaction for {@code job} exactly as {@code relayer} will send it: from that
   * key (so {@code tx.origin} is the sender) at {@code gasPrice}, so that a target cannot behave
   * one way in the simulation and another on chain.
   */
  Simulation simulate(RelayJob job, Address relayer, Wei gasPrice);

  /**
   * What the engine re-reads right before a relayer sends a job: whether the authorization paying
   * for it ({@code authorizationNonce} of {@code payer} on {@code token}) is used, the payer's
   * token balance, the fee market and {@code relayer}'s native balance. Adapters read them together
   * (one JSON-RPC batch) where they can; by default they are read one by one.
   */
  default SendState sendState(
      Address token, Address payer, Hash32 authorizationNonce, Address relayer) {
    return new SendState(
        authorizationUsed(token, payer, authorizationNonce),
        tokenBalance(token, payer),
        feeMarket(),
        nativeBalance(relayer));
  }

  /**
   * What {@link #sendState} read.
   *
   * @param authorizationUsed {@code token.authorizationState(payer, nonce)}: used or cancelled
   * @param payerBalance {@code token.balanceOf(payer)} in the token's smallest unit
   * @param fees the fee market at the latest block
   * @param relayerBalance the relayer's native balance
   */
  record SendState(
      boolean authorizationUsed, BigInteger payerBalance, FeeMarket fees, Wei relayerBalance) {}

  /**
   * What {@link #paymentState} read.
   *
   * @param authorizationUsed {@code token.authorizationState(from, nonce)}: used or cancelled
   * @param balance {@code token.balanceOf(from)} in the token's smallest unit
   * @param reverts the transfer's revert when run now; empty when it would succeed
   */
  record PaymentState(
      boolean authorizationUsed, BigInteger balance, Optional<Simulation.Reverts> reverts) {}

  /** The outcome of a simulation. */
  sealed interface Simulation permits Simulation.Succeeds, Simulation.Reverts {
    /** The call would succeed using about {@code gas}. */
    record Succeeds(BigInteger gas) implements Simulation {}

    /** The call would revert; {@code reason} is the decoded reason or custom error. */
    record Reverts(String reason) implements Simulation {}
  }
}
