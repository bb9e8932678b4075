package io.crogas.chain;

import static io.crogas.testkit.AnvilChain.DEV_ADDRESSES;
import static io.crogas.testkit.AnvilChain.DEV_KEYS;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Calldata;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.ForwarderDomain;
import io.crogas.domain.model.GasBudget;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.Signature;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TokenDomain;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.domain.model.Wei;
import io.crogas.eip712.Secp256k1;
import io.crogas.testkit.AnvilChain;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * A real anvil with the CroGas contracts deployed: account 0 deploys and owns, account 1 relays,
 * account 2 receives fees, account 3 is the user who signs.
 */
final class LocalCroGas implements AutoCloseable {
  static final Address DEPLOYER = Address.parse(DEV_ADDRESSES.get(0));
  static final Address RELAYER = Address.parse(DEV_ADDRESSES.get(1));
  static final Address FEE_RECIPIENT = Address.parse(DEV_ADDRESSES.get(2));
  static final Address USER = Address.parse(DEV_ADDRESSES.get(3));
  static final Address STRANGER = Address.parse(DEV_ADDRESSES.get(4));
  static final String TOKEN_NAME = "Bridged USDC (Stargate)";

  final AnvilChain anvil;
  final JsonRpc rpc;
  final NetworkProfile profile;
  final TransactionSender deployerKey;
  final TransactionSender relayerKey;
  final ContractDeployer contracts;
  final Deployment deployment;

  private LocalCroGas(AnvilChain anvil) {
    this.anvil = anvil;
    this.rpc = JsonRpc.connect(anvil.rpcUrl(), Duration.ofSeconds(10));
    this.profile = NetworkProfile.eip1559(new ChainId(anvil.chainId()));
    this.deployerKey = sender(0);
    this.relayerKey = sender(1);
    this.contracts = new ContractDeployer(deployerKey);
    this.deployment =
        contracts.deploy(
            DeploymentPlan.mirroringCronosUsdc(FEE_RECIPIENT, DEPLOYER, List.of(RELAYER)));
  }

  static LocalCroGas start() {
    AnvilChain anvil = AnvilChain.start();
    try {
      return new LocalCroGas(anvil);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  TransactionSender sender(int devAccount) {
    return new TransactionSender(rpc, profile, DEV_KEYS.get(devAccount), Duration.ofSeconds(10));
  }

  Web3jChain chain() {
    return new Web3jChain(rpc, profile, deployment.forwarder(), () -> List.of(RELAYER));
  }

  TokenDomain token() {
    return TokenDomain.of(TOKEN_NAME, "1", profile.chainId(), deployment.usdc(), 6);
  }

  ForwarderDomain forwarderDomain() {
    return ForwarderDomain.of(profile.chainId(), deployment.forwarder());
  }

  /** DemoTarget's {@code store(value)}. */
  static Calldata store(long value) {
    return Calldata.of(AbiCodec.call("store(uint256)", new Uint256(value)));
  }

  static BigInteger inAnHour() {
    return BigInteger.valueOf(Instant.now().getEpochSecond() + 3600);
  }

  MetaTransaction metaTransaction(Calldata call, BigInteger nonce) {
    return new MetaTransaction(deployment.demoTarget(), call, "normal", nonce, inAnHour());
  }

  /** The paid forwarder call for {@code meta}, signed by the user, with a fee of {@code fee}. */
  RelayJob.ForwarderCall paidCall(MetaTransaction meta, BigInteger fee) {
    return paidCall(forwarderDomain(), token(), meta, fee);
  }

  /** The same, for contracts anywhere (no chain needed to build it). */
  static RelayJob.ForwarderCall paidCall(
      ForwarderDomain forwarder, TokenDomain token, MetaTransaction meta, BigInteger fee) {
    Hash32 digest = meta.digest(forwarder);
    TransferAuthorization authorization =
        new TransferAuthorization(
            USER, forwarder.forwarder(), fee, BigInteger.ZERO, meta.deadline(), digest);
    SignedAuthorization signedFee =
        new SignedAuthorization(authorization, sign(authorization.receiveDigest(token)));
    RelayRequest request = new RelayRequest(USER, meta, sign(digest), Optional.of(signedFee));
    return new RelayJob.ForwarderCall(
        forwarder,
        request,
        signedFee,
        0,
        new GasBudget(BigInteger.valueOf(3_000_000), Wei.gwei(1_000_000)));
  }

  /** An x402-style {@code TransferWithAuthorization} from the user, signed. */
  SignedAuthorization transfer(Address to, BigInteger value, Hash32 nonce) {
    return transfer(token(), to, value, nonce);
  }

  /** The same, on any token domain. */
  static SignedAuthorization transfer(
      TokenDomain token, Address to, BigInteger value, Hash32 nonce) {
    TransferAuthorization authorization =
        new TransferAuthorization(USER, to, value, BigInteger.ZERO, inAnHour(), nonce);
    return new SignedAuthorization(authorization, sign(authorization.transferDigest(token)));
  }

  static Signature sign(Hash32 digest) {
    BigInteger key = new BigInteger(DEV_KEYS.get(3).substring(2), 16);
    return Signature.of(Secp256k1.sign(digest.bytes(), key).toBytes());
  }

  @Override
  public void close() {
    rpc.close();
    anvil.close();
  }
}
