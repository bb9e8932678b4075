package io.crogas.cli;

import static io.crogas.testkit.AnvilChain.DEV_ADDRESSES;
import static io.crogas.testkit.AnvilChain.DEV_KEYS;

import io.crogas.chain.ContractDeployer;
import io.crogas.chain.Deployment;
import io.crogas.chain.DeploymentPlan;
import io.crogas.chain.JsonRpc;
import io.crogas.chain.NetworkProfile;
import io.crogas.chain.TransactionSender;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.FeeQuote;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.eip712.Keccak256;
import io.crogas.eip712.Secp256k1;
import io.crogas.node.FixedPriceFeed;
import io.crogas.node.NodeConfig;
import io.crogas.node.RelayerKeys;
import io.crogas.node.ServerLauncher;
import io.crogas.node.StoreLocation;
import io.crogas.testkit.AnvilChain;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A real anvil (chain id 338) with the CroGas contracts deployed from the compiled artifacts: dev
 * account 0 deploys and owns, accounts 1-3 relay (more relayers, for benchmarks, are fresh keys
 * given CRO), account 4 receives fees. Users are fresh keys that hold minted USDC and no CRO.
 */
final class LocalNetwork implements AutoCloseable {
  static final Address FEE_RECIPIENT = Address.parse(DEV_ADDRESSES.get(4));

  final AnvilChain anvil;
  final NetworkProfile profile;
  final Deployment deployment;
  private final JsonRpc rpc;
  private final ContractDeployer deployer;
  private final List<String> relayerKeys;

  private LocalNetwork(AnvilChain anvil, List<String> relayerKeys) {
    this.anvil = anvil;
    this.relayerKeys = relayerKeys;
    this.profile = NetworkProfile.cronos(new ChainId(anvil.chainId()));
    this.rpc = JsonRpc.connect(anvil.rpcUrl(), Duration.ofSeconds(10));
    this.deployer =
        new ContractDeployer(
            new TransactionSender(rpc, profile, DEV_KEYS.get(0), Duration.ofSeconds(30)));
    this.deployment =
        deployer.deploy(
            DeploymentPlan.mirroringCronosUsdc(
                FEE_RECIPIENT,
                Address.parse(DEV_ADDRESSES.get(0)),
                relayerKeys.stream()
                    .map(key -> Address.of(Secp256k1.address(new BigInteger(key.substring(2), 16))))
                    .toList()));
  }

  static LocalNetwork start() {
    return start(3);
  }

  /**
   * A network whose forwarder authorises {@code relayers} keys: dev accounts 1-3, then fresh keys
   * given 10,000 CRO each.
   */
  static LocalNetwork start(int relayers) {
    AnvilChain anvil = AnvilChain.start();
    try {
      List<String> keys = new ArrayList<>(DEV_KEYS.subList(1, 4));
      for (int i = keys.size(); i < relayers; i++) {
        User relayer = User.of(500_000 + i);
        keys.add(String.format("0x%064x", relayer.key()));
        String answer =
            anvil.rpc(
                "anvil_setBalance",
                "[\"" + relayer.address() + "\",\"0x21e19e0c9bab2400000\"]"); // 10,000 CRO
        if (answer.contains("\"error\"")) {
          throw new IllegalStateException("anvil_setBalance failed: " + answer);
        }
      }
      return new LocalNetwork(anvil, List.copyOf(keys));
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /**
   * A node config for this network with the first {@code relayers} relayer keys and the given
   * store.
   */
  NodeConfig.Builder config(int relayers, Path store) {
    return config(anvil.rpcUrl(), relayers, store);
  }

  /** As {@link #config(int, Path)}, on any store (e.g. a shared Redis). */
  NodeConfig.Builder config(int relayers, StoreLocation store) {
    return config(anvil.rpcUrl(), relayers, Path.of("unused")).store(store);
  }

  NodeConfig.Builder config(String rpcUrl, int relayers, Path store) {
    return config(rpcUrl, relayers, store, InstantSource.system());
  }

  /** As {@link #config(String, int, Path)}, the fixed price observed on {@code clock}. */
  NodeConfig.Builder config(String rpcUrl, int relayers, Path store, InstantSource clock) {
    return NodeConfig.builder(rpcUrl, profile, deployment.forwarder(), deployment.usdc())
        .relayerKeys(new RelayerKeys.PrivateKeys(relayerKeys.subList(0, relayers)))
        .storeFile(store)
        .prices(new FixedPriceFeed(new BigDecimal("0.10"), clock))
        .pollInterval(Duration.ofMillis(50));
  }

  /** Mints {@code usdc} whole USDC to {@code to}. */
  void fund(Address to, long usdc) {
    deployer.mint(deployment.usdc(), to, BigInteger.valueOf(usdc).multiply(BigInteger.TEN.pow(6)));
  }

  /** Deploys and drives test contracts from dev account 0 (e.g. a test price feed). */
  ContractDeployer contracts() {
    return deployer;
  }

  /** Mints test USDC from the deployer (the faucet of a dev server). */
  ServerLauncher.UsdcMinter minter() {
    return (to, atomic) -> deployer.mint(deployment.usdc(), to, atomic);
  }

  /** Deploys a compiled contract that takes no constructor arguments, from dev account 0. */
  Address deploy(String contract) {
    return deployer.deployWithoutArguments(contract);
  }

  /**
   * Sends {@code data} to {@code to} from dev account 0 (anvil signs it) with a 2 gwei tip (fee cap
   * 100 gwei), so it is mined before relayer transactions of the same block; returns at once, mined
   * or not.
   */
  void transactAhead(Address to, Calldata data) {
    rpc(
        "eth_sendTransaction",
        "[{\"from\":\""
            + DEV_ADDRESSES.get(0)
            + "\",\"to\":\""
            + to
            + "\",\"data\":\""
            + data.hex()
            + "\",\"gas\":\"0x30000\",\"maxPriorityFeePerGas\":\"0x77359400\",\"maxFeePerGas\":\"0x174876e800\"}]");
  }

  /** The call data of {@code signature} (e.g. {@code arm(bool)}) with static word arguments. */
  static Calldata abiCall(String signature, long... words) {
    StringBuilder hex =
        new StringBuilder("0x")
            .append(
                HexFormat.of()
                    .formatHex(
                        Keccak256.hash(
                            signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        0,
                        4));
    for (long word : words) {
      hex.append(String.format("%064x", word));
    }
    return new Calldata(hex.toString());
  }

  /** The result of a view call with no arguments, e.g. {@code lastSender()}. */
  byte[] call(Address to, String signature) {
    String selector =
        HexFormat.of()
            .formatHex(
                Keccak256.hash(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                0,
                4);
    String body =
        anvil.rpc(
            "eth_call", "[{\"to\":\"" + to + "\",\"data\":\"0x" + selector + "\"},\"latest\"]");
    String hex = body.replaceAll(".*\"result\":\"0x([0-9a-fA-F]*)\".*", "$1");
    return HexFormat.of().parseHex(hex);
  }

  void rpc(String method, String params) {
    String answer = anvil.rpc(method, params);
    if (answer.contains("\"error\"")) {
      throw new IllegalStateException(method + " failed: " + answer);
    }
  }

  /** DemoTarget's {@code store(value)} call data. */
  static Calldata store(long value) {
    String selector =
        HexFormat.of()
            .formatHex(
                Keccak256.hash(
                    "store(uint256)".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                0,
                4);
    return new Calldata("0x" + selector + String.format("%064x", value));
  }

  /** A user key that holds no CRO. */
  record User(BigInteger key, Address address) {
    static User of(long seed) {
      BigInteger key = BigInteger.valueOf(seed).add(BigInteger.TWO.pow(160));
      return new User(key, Address.of(Secp256k1.address(key)));
    }

    Signature sign(Hash32 digest) {
      return Signature.of(Secp256k1.sign(digest.bytes(), key).toBytes());
    }

    /** The quoted meta-transaction and its fee authorization, both signed by this user. */
    RelayRequest paying(FeeQuote quote, TokenDomain usdc) {
      TransferAuthorization fee = quote.paymentAuthorization();
      return new RelayRequest(
          address,
          quote.metaTransaction(),
          sign(quote.digest()),
          Optional.of(new SignedAuthorization(fee, sign(fee.receiveDigest(usdc)))));
    }
  }

  @Override
  public void close() {
    rpc.close();
    anvil.close();
  }
}
