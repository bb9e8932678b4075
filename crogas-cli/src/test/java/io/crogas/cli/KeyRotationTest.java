package io.crogas.cli;

import static io.crogas.testkit.AnvilChain.DEV_ADDRESSES;
import static io.crogas.testkit.AnvilChain.DEV_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.RejectionCode;
import io.crogas.domain.model.RelayRecord;
import io.crogas.domain.model.RelayState;
import io.crogas.domain.port.in.SubmitRelayCommand;
import io.crogas.domain.port.in.SubmitRelayUseCase.SubmitOutcome;
import io.crogas.http.HealthReport;
import io.crogas.node.CroGasNode;
import io.crogas.node.NodeInternals;
import io.crogas.node.RelayerKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relayer keys that cannot pay, or that the forwarder does not list, take no jobs (PRODUCT §6): an
 * empty key fails its sends in milliseconds and so always looked least loaded.
 */
class KeyRotationTest {
  @TempDir Path dir;

  @Test
  void givenOneEmptyAndOneUnregisteredKey_whenTenJobsRun_thenAllSucceedOnTheGoodKey()
      throws Exception {
    try (LocalNetwork network = LocalNetwork.start()) {
      Address good = Address.parse(DEV_ADDRESSES.get(1));
      Address empty = Address.parse(DEV_ADDRESSES.get(2));
      // Dev account 4 receives the fees; the forwarder lists only accounts 1-3 as relayers.
      Address unregistered = Address.parse(DEV_ADDRESSES.get(4));
      network.rpc("anvil_setBalance", "[\"" + empty + "\",\"0x0\"]");
      List<LocalNetwork.User> users = new ArrayList<>();
      for (int u = 0; u < 10; u++) {
        users.add(LocalNetwork.User.of(6_100 + u));
        network.fund(users.get(u).address(), 10);
      }
      try (CroGasNode node =
          CroGasNode.start(
              network
                  .config(1, dir.resolve("rotation.db"))
                  .relayerKeys(
                      new RelayerKeys.PrivateKeys(
                          List.of(DEV_KEYS.get(1), DEV_KEYS.get(2), DEV_KEYS.get(4))))
                  .build())) {
        List<CompletableFuture<RelayRecord>> jobs = new ArrayList<>();
        for (LocalNetwork.User user : users) {
          jobs.add(Relays.submit(node, Relays.signed(node, network, user, 40)));
        }

        for (CompletableFuture<RelayRecord> job : jobs) {
          RelayRecord done = job.get(60, TimeUnit.SECONDS);
          assertThat(done.state()).as(done.failure().orElse("")).isEqualTo(RelayState.CONFIRMED);
        }
        assertThat(ConcurrencyTest.transactionCount(network, good)).isEqualTo(10);
        assertThat(ConcurrencyTest.transactionCount(network, empty)).isZero();
        assertThat(ConcurrencyTest.transactionCount(network, unregistered)).isZero();
        assertThat(node.outOfRotation()).containsOnlyKeys(empty, unregistered);
        HealthReport health = NodeInternals.health(node);
        assertThat(health.status()).isEqualTo(HealthReport.Status.DEGRADED);
        assertThat(health.relayers())
            .filteredOn(r -> r.outOfRotation().isPresent())
            .extracting(HealthReport.RelayerBalance::address)
            .containsExactlyInAnyOrder(empty, unregistered);
        assertThat(node.outOfRotation().get(unregistered)).contains("does not list it");
        assertThat(node.outOfRotation().get(empty)).contains("cannot cover");
      }
    }
  }

  @Test
  void
      givenEveryKeyOutOfRotation_whenARequestArrives_thenRefusedUnavailableBeforeAnythingIsJournaled()
          throws Exception {
    try (LocalNetwork network = LocalNetwork.start()) {
      Address empty = Address.parse(DEV_ADDRESSES.get(2));
      network.rpc("anvil_setBalance", "[\"" + empty + "\",\"0x0\"]");
      LocalNetwork.User user = LocalNetwork.User.of(6_200);
      network.fund(user.address(), 10);
      try (CroGasNode node =
          CroGasNode.start(
              network
                  .config(1, dir.resolve("none.db"))
                  .relayerKeys(
                      new RelayerKeys.PrivateKeys(List.of(DEV_KEYS.get(2), DEV_KEYS.get(4))))
                  .build())) {
        SubmitOutcome outcome =
            node.relay().submit(new SubmitRelayCommand(Relays.signed(node, network, user, 41)));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
        assertThat(((SubmitOutcome.Rejected) outcome).rejection().code())
            .isEqualTo(RejectionCode.UNAVAILABLE);
        assertThat(NodeInternals.journal(node).recent(Optional.empty(), 10)).isEmpty();
      }
    }
  }
}
