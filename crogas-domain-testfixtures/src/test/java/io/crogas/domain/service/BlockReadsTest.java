package io.crogas.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.port.out.Chain;
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
  private final Address payer = f.user.address();

  private RelayJob.TokenTransfer transfer(int nonce) {
    TransferAuthorization authorization =
        new TransferAuthorization(
            payer,
            Fixture.RELAYER,
            BigInteger.TEN,
            BigInteger.ZERO,
            BigInteger.valueOf(f.now() + 300),
            Hash32.of(Keccak256.hash(new byte[] {(byte) nonce})));
    return new RelayJob.TokenTransfer(
        f.usdc,
        new SignedAuthorization(authorization, f.user.sign(authorization.transferDigest(f.usdc))));
  }

  @Test
  void givenReadsInOneBlock_whenAskedAgain_thenTheKeptAnswersAndOnlyTheHeadIsAsked() {
    Hash32 nonce = transfer(1).transfer().authorization().nonce();
    reads.tokenBalance(Fixture.USDC, payer);
    reads.authorizationUsed(Fixture.USDC, payer, nonce);
    reads.dryRun(transfer(1));
    chain.setTokenBalance(Fixture.USDC, payer, 1);
    chain.useAuthorization(Fixture.USDC, payer, nonce);

    assertThat(reads.tokenBalance(Fixture.USDC, payer)).isEqualTo(10_000_000);
    assertThat(reads.authorizationUsed(Fixture.USDC, payer, nonce)).isFalse();
    assertThat(reads.dryRun(transfer(1))).isEmpty();
    assertThat(chain.balanceReads).hasValue(1);
    assertThat(chain.authorizationReads).hasValue(1);
    assertThat(chain.simulations).hasValue(1);
    assertThat(chain.headReads).hasValue(6);
  }

  @Test
  void givenReadsInOneBlock_whenTheNextBlockComes_thenEverythingIsReadAgain() {
    Hash32 nonce = transfer(1).transfer().authorization().nonce();
    reads.tokenBalance(Fixture.USDC, payer);
    reads.authorizationUsed(Fixture.USDC, payer, nonce);
    reads.dryRun(transfer(1));
    chain.setTokenBalance(Fixture.USDC, payer, 1);
    chain.useAuthorization(Fixture.USDC, payer, nonce);
    chain.jobRevert = Optional.of("AuthorizationAlreadyUsed");
    chain.blockNumber++;

    assertThat(reads.tokenBalance(Fixture.USDC, payer)).isEqualTo(1);
    assertThat(reads.authorizationUsed(Fixture.USDC, payer, nonce)).isTrue();
    assertThat(reads.dryRun(transfer(1)))
        .contains(new Chain.Simulation.Reverts("AuthorizationAlreadyUsed"));
  }

  @Test
  void givenDistinctQuestions_whenAskedInOneBlock_thenEachIsReadOnce() {
    reads.dryRun(transfer(1));
    reads.dryRun(transfer(2));
    reads.dryRun(transfer(1));
    reads.tokenBalance(Fixture.USDC, payer);
    reads.tokenBalance(Fixture.USDC, Fixture.RELAYER);

    assertThat(chain.simulations).hasValue(2);
    assertThat(chain.balanceReads).hasValue(2);
  }

  @Test
  void givenAHeadBehindTheKeptBlock_whenRead_thenTheNewerKeptAnswersServe() {
    chain.blockNumber = 101;
    reads.tokenBalance(Fixture.USDC, payer);
    // A node behind a load balancer answers an older head: its state is no newer than what is kept.
    chain.blockNumber = 100;

    reads.tokenBalance(Fixture.USDC, payer);

    assertThat(chain.balanceReads).hasValue(1);
  }

  @Test
  void givenConcurrentVerifiesOfOnePayment_whenTheDryRunIsSlow_thenOneRunServesThemAll()
      throws Exception {
    chain.simulationGate.drainPermits();
    Callers<Optional<Chain.Simulation.Reverts>> callers = new Callers<>();
    for (int i = 0; i < 8; i++) {
      callers.start(() -> reads.dryRun(transfer(1)));
    }
    callers.awaitAllParked();

    chain.simulationGate.release();

    assertThat(callers.answers()).hasSize(8).containsOnly(Optional.empty());
    assertThat(chain.simulations).hasValue(1);
  }
}
