package io.crogas.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.testfixtures.Fixture;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {
  private static final Address OTHER = Address.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

  @Test
  void givenTheForwarderOrTheFeeToken_whenChecked_thenAlwaysForbidden() {
    TargetPolicy open = TargetPolicy.open();

    assertThat(open.check(Fixture.FORWARDER, Fixture.FORWARDER, Fixture.USDC)).isPresent();
    assertThat(open.check(Fixture.USDC, Fixture.FORWARDER, Fixture.USDC)).isPresent();
    assertThat(open.check(Address.ZERO, Fixture.FORWARDER, Fixture.USDC)).isPresent();
  }

  @Test
  void givenADenyList_whenADeniedTargetIsChecked_thenForbidden() {
    TargetPolicy policy = new TargetPolicy(Set.of(), Set.of(OTHER));

    assertThat(policy.check(OTHER, Fixture.FORWARDER, Fixture.USDC)).isPresent();
    assertThat(policy.check(Fixture.TARGET, Fixture.FORWARDER, Fixture.USDC)).isEmpty();
  }

  @Test
  void givenAnAllowList_whenAnotherTargetIsChecked_thenForbidden() {
    TargetPolicy policy = new TargetPolicy(Set.of(Fixture.TARGET), Set.of());

    assertThat(policy.check(Fixture.TARGET, Fixture.FORWARDER, Fixture.USDC)).isEmpty();
    assertThat(policy.check(OTHER, Fixture.FORWARDER, Fixture.USDC)).isPresent();
  }
}
