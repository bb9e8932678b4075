package io.crogas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Rejection;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.RevertPolicy;
import io.crogas.domain.port.in.QuoteRelayCommand;
import io.crogas.domain.port.in.QuoteRelayUseCase.QuoteOutcome;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.node.CroGasNode;
import io.crogas.node.FixedPriceFeed;
import io.crogas.node.NodeInternals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much CRO one attacker address can burn per hour with calls that pass every simulation and
 * revert on chain (PRODUCT §6): the {@code HostileTarget} call is simulated unarmed, then the
 * attacker's own transaction arms it in the same block, ahead of the relayer's. The node's clock
 * runs ahead of real time when the test skips a slowdown; the chain keeps real time.
 */
class RevertBudgetTest {
  /** Fresh storage slots each attack writes before reverting: about 2.2M gas, within the cap. */
  private static final long SLOTS = 100;

  @TempDir Path dir;

  @Test
  void givenAnAttackerWhoseCallsRevertOnChain_whenAttackingForAnHour_thenRefusedAfterThreeReverts()
      throws Exception {
    SkippingClock clock = new SkippingClock();
    RevertPolicy policy = RevertPolicy.defaults();
    try (LocalNetwork network = LocalNetwork.start();
        CroGasNode node =
            CroGasNode.start(
                network
                    .config(1, dir.resolve("crogas.db"))
                    .prices(new FixedPriceFeed(new BigDecimal("0.10"), clock))
                    .reverts(policy)
                    .build(),
                clock)) {
      Address hostile = network.deploy(ContractArtifacts.HOSTILE_TARGET);
      LocalNetwork.User attacker = LocalNetwork.User.of(5_001);
      network.fund(attacker.address(), 100);
      Address relayer = node.relayers().get(0);
      Wei before = NodeInternals.chain(node).nativeBalance(relayer);
      Instant start = clock.instant();
      List<BigInteger> burned = new ArrayList<>();
      List<BigInteger> gasUsed = new ArrayList<>();
      BigInteger quotedWorstCase = BigInteger.ZERO;
      Optional<Rejection> refusal = Optional.empty();

      for (int attempt = 0; attempt < 12 && refusal.isEmpty(); attempt++) {
        // A new deadline each time: a new call, not a resubmission of the one that reverted.
        long deadline = clock.instant().getEpochSecond() + 1_800 + attempt;
        FeeQuote quote = quote(node, attacker, hostile, deadline);
        SubmitOutcome outcome =
            node.relay().submit(new SubmitRelayCommand(attacker.paying(quote, node.usdc())));
        if (outcome instanceof SubmitOutcome.Rejected rejected) {
          Rejection why = rejected.rejection();
          assertThat(why.code()).isEqualTo(RejectionCode.RATE_LIMITED);
          Duration wait =
              Duration.ofSeconds(Long.parseLong(why.details().get("retryAfterSeconds")));
          if (wait.compareTo(policy.slowdown()) > 0) {
            refusal = Optional.of(why);
          } else {
            clock.skip(wait);
          }
          continue;
        }
        long sentBefore = pendingNonce(network, relayer);
        network.rpc("evm_setAutomine", "[false]");
        try {
          awaitPendingNonceAbove(network, relayer, sentBefore);
          network.transactAhead(hostile, LocalNetwork.abiCall("arm(bool)", 1));
          network.rpc("evm_mine", "[]");
        } finally {
          network.rpc("evm_setAutomine", "[true]");
        }
        RelayRecord done =
            ((SubmitOutcome.Accepted) outcome)
                .completion()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        network.transactAhead(hostile, LocalNetwork.abiCall("arm(bool)", 0));
        assertThat(done.state()).isEqualTo(RelayState.FAILED);
        assertThat(done.receipt().orElseThrow().success()).isFalse();
        burned.add(done.receipt().orElseThrow().gasCost().value());
        gasUsed.add(done.receipt().orElseThrow().gasUsed());
        quotedWorstCase = quotedWorstCase.max(quote.croCost().value());
      }

      BigInteger total =
          before.value().subtract(NodeInternals.chain(node).nativeBalance(relayer).value());
      Duration elapsed = Duration.between(start, clock.instant());
      System.out.printf(
          "revert budget: %d reverts burned %s wei (%s wei, %s gas per revert; quoted worst case"
              + " %s wei) in %d s of node time before refusal: %s%n",
          burned.size(),
          total,
          burned,
          gasUsed,
          quotedWorstCase,
          elapsed.toSeconds(),
          refusal.map(Rejection::message).orElse("none"));
      assertThat(refusal).isPresent();
      assertThat(burned).hasSize(policy.refuseAfter());
      assertThat(total)
          .isLessThanOrEqualTo(quotedWorstCase.multiply(BigInteger.valueOf(policy.refuseAfter())));
      assertThat(elapsed).isLessThan(policy.window());
    }
  }

  private static FeeQuote quote(
      CroGasNode node, LocalNetwork.User user, Address target, long deadline) {
    QuoteOutcome outcome =
        node.quotes()
            .quote(
                new QuoteRelayCommand(
                    user.address(),
                    target,
                    LocalNetwork.abiCall("revertWhenArmed(uint256)", SLOTS),
                    "normal",
                    Optional.of(BigInteger.valueOf(deadline))));
    assertThat(outcome).isInstanceOf(QuoteOutcome.Quoted.class);
    return ((QuoteOutcome.Quoted) outcome).quote();
  }

  private static long pendingNonce(LocalNetwork network, Address account) {
    String answer =
        network.anvil.rpc("eth_getTransactionCount", "[\"" + account + "\",\"pending\"]");
    return Long.parseLong(answer.replaceAll(".*\"result\":\"0x([0-9a-fA-F]+)\".*", "$1"), 16);
  }

  /** Bounded wait until the engine's transaction is in the node's pool. */
  private static void awaitPendingNonceAbove(LocalNetwork network, Address account, long nonce) {
    await("the relayer's transaction in the pool")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> pendingNonce(network, account) > nonce);
  }

  /** Real time plus whatever the test skipped. */
  private static final class SkippingClock implements InstantSource {
    private volatile Duration skipped = Duration.ZERO;

    @Override
    public Instant instant() {
      return Instant.now().plus(skipped);
    }

    synchronized void skip(Duration by) {
      skipped = skipped.plus(by);
    }
  }
}
