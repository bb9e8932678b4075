package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.out.Chain;
import io.crogas.domain.port.out.Chain.PaymentState;
import io.crogas.eip712.Keccak256;
import io.crogas.testfixtures.FakeChain;
import io.crogas.testfixtures.Fixture;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockReadsTest {
  private final Fixture f = new Fixture();
  private final FakeChain chain = f.chain;
  private final BlockReads reads = new BlockReads(chain);

  private RelayJob.TokenTransfer transfer(int nonce) {
    TransferAuthorization authorization =
        new TransferAuthorization(
            f.user.address(),
            Fixture.RELAYER,
            BigInteger.TEN,
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() + 300),
            Hash32.of(Keccak256.hash(new byte[] {(byte) nonce})));
    return new RelayJob.TokenTransfer(
        f.usdc,
        new SignedAuthorization(authorization, f.user.sign(authorization.transferDigest(f.usdc))));
  }

  /** The chain changes under the payment: its balance, its authorization, its run. */
  private void spend(RelayJob.TokenTransfer transfer) {
    TransferAuthorization authorization = transfer.transfer().authorization();
    chain.setTokenBalance(Fixture.USDC, authorization.from(), 1);
    chain.useAuthorization(Fixture.USDC, authorization.from(), authorization.nonce());
    chain.jobRevert = Optional.of("AuthorizationAlreadyUsed");
  }

  @Test
  void givenAPaymentReadInOneBlock_whenReadAgain_thenTheKeptStateAndOnlyTheHeadIsAsked() {
    PaymentState first = reads.paymentState(transfer(1));
    spend(transfer(1));

    assertThat(reads.paymentState(transfer(1))).isEqualTo(first);
    assertThat(first)
        .isEqualTo(new PaymentState(false, BigInteger.valueOf(10_000_000), Optional.empty()));
    assertThat(chain.balanceReads).hasValue(1);
    assertThat(chain.authorizationReads).hasValue(1);
    assertThat(chain.simulations).hasValue(1);
    assertThat(chain.headReads).hasValue(2);
  }

  @Test
  void givenAPaymentReadInOneBlock_whenTheNextBlockComes_thenItIsReadAgain() {
    reads.paymentState(transfer(1));
    spend(transfer(1));
    chain.blockNumber++;

    assertThat(reads.paymentState(transfer(1)))
        .isEqualTo(
            new PaymentState(
                true,
                BigInteger.ONE,
                Optional.of(new Chain.Simulation.Reverts("AuthorizationAlreadyUsed"))));
  }

  @Test
  void givenDistinctPayments_whenReadInOneBlock_thenEachIsReadOnce() {
    reads.paymentState(transfer(1));
    reads.paymentState(transfer(2));
    reads.paymentState(transfer(1));
    reads.paymentState(transfer(2));

    assertThat(chain.simulations).hasValue(2);
  }

  @Test
  void givenAHeadBehindTheKeptBlock_whenRead_thenTheNewerKeptStateServes() {
    chain.blockNumber = 101;
    reads.paymentState(transfer(1));
    // A node behind a load balancer answers an older head: its state is no newer than what is kept.
    chain.blockNumber = 100;

    reads.paymentState(transfer(1));

    assertThat(chain.simulations).hasValue(1);
  }

  @Test
  void givenConcurrentVerifiesOfOnePayment_whenTheReadIsSlow_thenOneReadServesThemAll()
      throws Exception {
    chain.simulationGate.drainPermits();
    Callers<PaymentState> callers = new Callers<>();
    for (int i = 0; i < 8; i++) {
      callers.start(() -> reads.paymentState(transfer(1)));
    }
    callers.awaitAllParked();

    chain.simulationGate.release();

    assertThat(callers.answers()).hasSize(8).containsOnly(reads.paymentState(transfer(1)));
    assertThat(chain.simulations).hasValue(1);
  }
}
