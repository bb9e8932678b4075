package io.crogas.domain.service;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.port.out.Chain;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The chain reads that decide whether a payment can be settled: straight from the chain for settle
 * ({@link #fresh}), shared per block for verify ({@link BlockReads}).
 */
interface PaymentReads {
  /** {@link Chain#authorizationUsed}. */
  boolean authorizationUsed(Address token, Address authorizer, Hash32 nonce);

  /** {@link Chain#tokenBalance}. */
  BigInteger tokenBalance(Address token, Address owner);

  /** {@link Chain#dryRun}. */
  Optional<Chain.Simulation.Reverts> dryRun(RelayJob job);

  /** Every read asked of the chain when it is made. */
  static PaymentReads fresh(Chain chain) {
    return new PaymentReads() {
      @Override
      public boolean authorizationUsed(Address token, Address authorizer, Hash32 nonce) {
        return chain.authorizationUsed(token, authorizer, nonce);
      }

      @Override
      public BigInteger tokenBalance(Address token, Address owner) {
        return chain.tokenBalance(token, owner);
      }

      @Override
      public Optional<Chain.Simulation.Reverts> dryRun(RelayJob job) {
        return chain.dryRun(job);
      }
    };
  }
}
