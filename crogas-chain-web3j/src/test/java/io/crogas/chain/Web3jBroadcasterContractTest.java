package io.crogas.chain;

import static io.crogas.testkit.AnvilChain.DEV_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.Wei;
import io.crogas.domain.policy.ReplacementPolicy.Fees;
import io.crogas.domain.port.out.Broadcaster;
import io.crogas.domain.port.out.RelayerSigner;
import io.crogas.testfixtures.contracts.BroadcasterContract;
import io.crogas.testkit.AnvilChain;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link Web3jBroadcaster} against a real anvil: the node the fake mempool is held to. */
class Web3jBroadcasterContractTest extends BroadcasterContract {
  // An account anvil never funded: it cannot pay for gas.
  private static final String PENNILESS_KEY = "0x" + "11".repeat(32);

  private static AnvilChain anvil;
  private static JsonRpc rpc;
  private static Web3jBroadcaster broadcaster;
  private static KeystoreRelayerSigner signer;

  @BeforeAll
  static void start() {
    anvil = AnvilChain.start();
    rpc = JsonRpc.connect(anvil.rpcUrl(), Duration.ofSeconds(10));
    broadcaster = new Web3jBroadcaster(rpc);
    signer =
        KeystoreRelayerSigner.fromPrivateKeys(
            List.of(DEV_KEYS.get(1), PENNILESS_KEY), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    rpc.close();
    anvil.close();
  }

  @Override
  protected Broadcaster broadcaster() {
    return broadcaster;
  }

  @Override
  protected RelayerSigner signer() {
    return signer;
  }

  @Override
  protected Address funded() {
    return signer.addresses().get(0);
  }

  @Override
  protected Address penniless() {
    return signer.addresses().get(1);
  }

  @Override
  protected ChainId chainId() {
    return new ChainId(anvil.chainId());
  }

  /** anvil starts at a 1 gwei base fee, which only falls while blocks stay below their target. */
  @Override
  protected Fees fees() {
    return new Fees(Wei.gwei(3), Wei.gwei(1));
  }

  @Override
  protected void automine(boolean on) {
    assertThat(anvil.rpc("evm_setAutomine", "[" + on + "]")).contains("\"result\"");
  }

  @Override
  protected void mineBlock() {
    assertThat(anvil.rpc("evm_mine", "[]")).contains("\"result\"");
  }
}
