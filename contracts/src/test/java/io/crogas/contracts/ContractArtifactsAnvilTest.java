package io.crogas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shipped bytecode deploys and answers on a real node. */
class ContractArtifactsAnvilTest {
  @RegisterExtension static final AnvilStack stack = new AnvilStack();

  @Test
  void givenTheDeployedForwarder_thenItsConfigurationIsReadable() {
    assertThat(stack.call(stack.forwarder(), "usdc()(address)"))
        .isEqualToIgnoringCase(stack.usdc());
    assertThat(stack.call(stack.forwarder(), "feeRecipient()(address)"))
        .isEqualToIgnoringCase(AnvilStack.FEE_RECIPIENT);
    assertThat(stack.call(stack.forwarder(), "isRelayer(address)(bool)", AnvilStack.RELAYER))
        .isEqualTo("true");
    assertThat(stack.call(stack.forwarder(), "nonces(address)(uint256)", AnvilStack.OWNER))
        .isEqualTo("0");
  }

  @Test
  void givenTheDeployedToken_thenItMirrorsCronosUsdcE() {
    assertThat(stack.call(stack.usdc(), "name()(string)"))
        .isEqualTo("\"" + AnvilStack.USDC_NAME + "\"");
    assertThat(stack.call(stack.usdc(), "version()(string)")).isEqualTo("\"1\"");
    assertThat(stack.call(stack.usdc(), "decimals()(uint8)")).isEqualTo("6");
  }

  @Test
  void givenTheDeployedDemoTarget_thenItTrustsTheForwarder() {
    assertThat(stack.call(stack.demoTarget(), "trustedForwarder()(address)"))
        .isEqualToIgnoringCase(stack.forwarder());
  }
}
