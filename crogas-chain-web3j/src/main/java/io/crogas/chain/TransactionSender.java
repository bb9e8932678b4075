package io.crogas.chain;

import io.crogas.domain.ChainUnavailableException;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.FeeMarket;
import io.crogas.domain.model.Percent;
import io.crogas.domain.model.Receipt;
import io.crogas.domain.port.out.Chain.Simulation;
import io.crogas.eip712.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.tx.RawTransactionManager;

/**
 * Sends transactions signed by one key, one at a time, and waits (bounded) for each receipt: for
 * deployment, the faucet and tests. The relayer engine has its own nonce allocator; this sender
 * takes the node's pending nonce each time and so must not share its key with anything else.
 */
public final class TransactionSender {
  private static final Duration POLL = Duration.ofMillis(50);
  // 125% of the base fee survives two maximal EIP-1559 rises (12.5% each); on Cronos the cap is
  // what is charged, so a larger margin would simply be spent.
  private static final Percent FEE_CAP = Percent.percent(125);
  private static final Percent GAS_MARGIN = Percent.percent(20).asMargin();
  // Unlike the relayer's quotes and bids (rounded up), these round down, as they always have:
  // this sender only deploys and funds, nobody is charged, and a unit against a 20-25% margin is
  // immaterial; keeping the floor keeps deployment transactions exactly as before.
  private static final RoundingMode ROUNDING = RoundingMode.FLOOR;

  private final JsonRpc rpc;
  private final NetworkProfile profile;
  private final Credentials credentials;
  private final RawTransactionManager transactions;
  private final FeeMarketReader fees;
  private final CallSimulator simulator;
  private final Receipts receipts;
  private final Duration receiptTimeout;

  public TransactionSender(
      JsonRpc rpc, NetworkProfile profile, String privateKeyHex, Duration receiptTimeout) {
    this.rpc = rpc;
    this.profile = profile;
    this.credentials = Credentials.create(privateKeyHex);
    this.transactions =
        new RawTransactionManager(rpc.web3j(), credentials, profile.chainId().value());
    this.fees = new FeeMarketReader(rpc, profile);
    this.simulator = new CallSimulator(rpc, RevertDecoder.forCroGasContracts());
    this.receipts = new Receipts(rpc);
    this.receiptTimeout = receiptTimeout;
  }

  /** The sending account. */
  public Address address() {
    return Address.parse(credentials.getAddress());
  }

  /**
   * Calls {@code to} with {@code data} and waits for the receipt.
   *
   * @throws TransactionFailedException if the call would revert (nothing is sent) or the node
   *     refuses it
   * @throws ChainUnavailableException if the node cannot be reached or no receipt comes in time
   */
  public Receipt send(Address to, byte[] data) {
    return receipts.toDomain(mine(to, data));
  }

  /** Deploys {@code creationCode} (constructor arguments appended) and returns its address. */
  public Address deploy(byte[] creationCode) {
    TransactionReceipt receipt = mine(null, creationCode);
    if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
      throw new TransactionFailedException(
          "deployment " + receipt.getTransactionHash() + " reverted on chain");
    }
    return Address.parse(receipt.getContractAddress());
  }

  private TransactionReceipt mine(Address to, byte[] data) {
    BigInteger gasLimit = gasLimit(to, data);
    String target = to == null ? null : to.value();
    String hex = Hex.encode(data);
    FeeMarket market = fees.read();
    EthSendTransaction sent;
    try {
      sent =
          market.eip1559()
              ? transactions.sendEIP1559Transaction(
                  profile.chainId().value(),
                  market.suggestedTip().value(),
                  feeCap(market),
                  gasLimit,
                  target,
                  hex,
                  BigInteger.ZERO,
                  to == null)
              : transactions.sendTransaction(
                  market.baseFee().value(), gasLimit, target, hex, BigInteger.ZERO, to == null);
    } catch (IOException | ClientConnectionException e) {
      throw new ChainUnavailableException("sending to " + rpc.url() + " failed", e);
    }
    if (sent.hasError()) {
      throw new TransactionFailedException("the node refused it: " + sent.getError().getMessage());
    }
    return awaitReceipt(sent.getTransactionHash());
  }

  private static BigInteger feeCap(FeeMarket market) {
    BigInteger base = FEE_CAP.of(market.baseFee().value(), ROUNDING);
    return base.add(market.suggestedTip().value());
  }

  private BigInteger gasLimit(Address to, byte[] data) {
    Simulation simulation = simulator.simulate(address(), to, data);
    if (simulation instanceof Simulation.Reverts reverts) {
      throw new TransactionFailedException("it would revert: " + reverts.reason());
    }
    BigInteger gas = ((Simulation.Succeeds) simulation).gas();
    return GAS_MARGIN.of(gas, ROUNDING);
  }

  private TransactionReceipt awaitReceipt(String txHash) {
    Instant until = Instant.now().plus(receiptTimeout);
    while (true) {
      Optional<TransactionReceipt> receipt = receipts.find(txHash);
      if (receipt.isPresent()) {
        return receipt.get();
      }
      if (Instant.now().isAfter(until)) {
        throw new ChainUnavailableException(
            "no receipt for " + txHash + " within " + receiptTimeout + " (it may still be mined)");
      }
      sleep();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainUnavailableException("interrupted while waiting for a receipt", e);
    }
  }
}
