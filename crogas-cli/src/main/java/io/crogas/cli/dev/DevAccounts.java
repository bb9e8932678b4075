package io.crogas.cli.dev;

import io.crogas.domain.model.Address;
import java.util.List;

/**
 * anvil's public dev accounts (the "test test ... junk" mnemonic) as {@code crogas dev} uses them.
 * These keys are published: never use them on a real network.
 */
public final class DevAccounts {
  /** Account 0: deploys the contracts, owns the forwarder, mints test USDC. */
  public static final String DEPLOYER_KEY =
      "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  /** Accounts 1-3: the relayer keys (anvil funds them with 10000 ETH/CRO each). */
  public static final List<String> RELAYER_KEYS =
      List.of(
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");

  /** Account 4: receives the fees. */
  public static final Address FEE_RECIPIENT =
      Address.parse("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");

  /** Account 9: the demo user, printed with its key and given demo USDC. */
  public static final Address DEMO_USER =
      Address.parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

  /** The demo user's key: public (anvil's account 9), printed on purpose. */
  public static final String DEMO_USER_KEY =
      "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6";

  private DevAccounts() {}
}
