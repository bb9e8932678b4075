package io.crogas.store.redis;

import static io.crogas.testfixtures.StoreSamples.BOB;
import static io.crogas.testfixtures.StoreSamples.RELAYER;
import static io.crogas.testfixtures.StoreSamples.accepted;
import static io.crogas.testfixtures.StoreSamples.at;
import static io.crogas.testfixtures.StoreSamples.tokenTransfer;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.NonceAssignment;
import io.crogas.domain.port.out.Journal;
import io.crogas.domain.port.out.Journal.Admission;
import io.crogas.domain.port.out.NonceLedger;
import io.crogas.testfixtures.contracts.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several instances on one Redis, each with its own connection (the contract suites race threads on
 * one): a duplicate sent to every instance at once is admitted by exactly one, and nonces assigned
 * from every instance at once are distinct and consecutive.
 */
class RedisInstancesTest {
  private static final int INSTANCES = 4;
  private static final int CALLS = 16;

  @RegisterExtension static final RedisFixture REDIS = new RedisFixture();

  @Test
  void givenFourInstances_whenEachAdmitsTheSamePaymentAtOnce_thenExactlyOneIsAdmitted()
      throws Exception {
    List<Journal> instances = instances(RedisJournal::new);

    List<Admission> admissions =
        Race.run(
            CALLS,
            n ->
                instances
                    .get(n % INSTANCES)
                    .admit(accepted("r-" + n, tokenTransfer(BOB, 1), at(n))));

    assertThat(admissions).filteredOn(Admission.Admitted.class::isInstance).hasSize(1);
    assertThat(admissions).filteredOn(Admission.Existing.class::isInstance).hasSize(CALLS - 1);
    assertThat(instances.get(0).recent(Optional.empty(), 100)).hasSize(1);
  }

  @Test
  void givenFourInstances_whenEachAssignsNoncesOfOneKeyAtOnce_thenDistinctAndConsecutive()
      throws Exception {
    List<NonceLedger> instances = instances(RedisNonceLedger::new);

    List<NonceAssignment> assignments =
        Race.run(
            CALLS, n -> instances.get(n % INSTANCES).assign(RELAYER, Optional.of("r-" + n), 40));

    assertThat(assignments)
        .extracting(NonceAssignment::nonce)
        .containsExactlyInAnyOrderElementsOf(LongStream.range(40, 40 + CALLS).boxed().toList());
  }

  private static <T> List<T> instances(Function<RedisStore, T> port) {
    List<T> instances = new ArrayList<>();
    instances.add(port.apply(REDIS.freshStore()));
    for (int i = 1; i < INSTANCES; i++) {
      instances.add(port.apply(REDIS.store()));
    }
    return instances;
  }
}
