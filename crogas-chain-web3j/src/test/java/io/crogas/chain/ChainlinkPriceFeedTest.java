package io.crogas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.CroUsdPrice;
import java.math.BigInteger;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The aggregator reader against a real aggregator contract on anvil. */
class ChainlinkPriceFeedTest {
  private static LocalCroGas local;
  private static ContractDeployer deployer;

  @BeforeAll
  static void start() {
    local = LocalCroGas.start();
    deployer = new ContractDeployer(local.deployerKey);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void givenARound_whenRead_thenTheAnswerScaledByDecimalsObservedAtItsUpdateTime() {
    Address feed = deployer.deployTestPriceFeed(8, BigInteger.valueOf(9_123_456));
    deployer.setPriceRound(feed, BigInteger.valueOf(9_234_567), 1_796_000_000L);

    CroUsdPrice price = new ChainlinkPriceFeed(local.rpc, feed).latest().orElseThrow();

    assertThat(price.usdPerCro()).isEqualByComparingTo("0.09234567");
    assertThat(price.observedAt()).isEqualTo(Instant.ofEpochSecond(1_796_000_000L));
    assertThat(price.source()).isEqualTo("chainlink:" + feed.value());
  }

  @Test
  void givenANonPositiveAnswer_whenRead_thenNoPrice() {
    Address feed = deployer.deployTestPriceFeed(8, BigInteger.valueOf(9_000_000));
    deployer.setPriceRound(feed, BigInteger.valueOf(-1), 1_796_000_000L);

    assertThat(new ChainlinkPriceFeed(local.rpc, feed).latest()).isEmpty();
  }

  @Test
  void givenAnAddressThatIsNoAggregator_whenRead_thenTheChainCannotAnswer() {
    ChainlinkPriceFeed feed = new ChainlinkPriceFeed(local.rpc, local.deployment.demoTarget());

    assertThatThrownBy(feed::latest).isInstanceOf(ChainUnavailableException.class);
  }
}
