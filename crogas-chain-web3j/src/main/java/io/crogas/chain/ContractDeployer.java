package io.crogas.chain;

import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.domain.model.Receipt;
import io.crogas.eip712.Hex;
import java.math.BigInteger;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Deploys the CroGas contracts from the compiled artifacts (TestUSDC, then the forwarder that takes
 * its fees in it, then the demo target that trusts the forwarder) and mints test USDC.
 */
public final class ContractDeployer {
  private final TransactionSender sender;

  /** Deploys from {@code sender}'s key, which becomes the test token's admin and minter. */
  public ContractDeployer(TransactionSender sender) {
    this.sender = sender;
  }

  public Deployment deploy(DeploymentPlan plan) {
    Address usdc =
        sender.deploy(
            creationCode(
                ContractArtifacts.TEST_USDC,
                new Utf8String(plan.tokenName()),
                new Utf8String(plan.tokenSymbol()),
                new Utf8String(plan.tokenVersion()),
                Solidity.address(sender.address())));
    Address forwarder =
        sender.deploy(
            creationCode(
                ContractArtifacts.FORWARDER,
                Solidity.address(usdc),
                Solidity.address(plan.feeRecipient()),
                Solidity.address(plan.owner()),
                Solidity.addresses(plan.relayers())));
    Address demoTarget =
        sender.deploy(creationCode(ContractArtifacts.DEMO_TARGET, Solidity.address(forwarder)));
    return new Deployment(usdc, forwarder, demoTarget);
  }

  /** Deploys a compiled contract of this jar whose constructor takes no arguments. */
  public Address deployWithoutArguments(String contract) {
    return sender.deploy(creationCode(contract));
  }

  /**
   * Mints {@code amount} (smallest unit) of the TestUSDC at {@code usdc} to {@code to}.
   *
   * @throws TransactionFailedException if the sender is not a minter or the mint reverts
   */
  public Receipt mint(Address usdc, Address to, BigInteger amount) {
    Receipt receipt = sender.send(usdc, TokenCalls.mint(to, amount));
    if (!receipt.success()) {
      throw new TransactionFailedException("mint " + receipt.txHash() + " reverted on chain");
    }
    return receipt;
  }

  /** Deploys a {@link ContractArtifacts#TEST_PRICE_FEED} answering {@code answer} now. */
  public Address deployTestPriceFeed(int decimals, BigInteger answer) {
    return sender.deploy(
        creationCode(ContractArtifacts.TEST_PRICE_FEED, new Uint8(decimals), new Int256(answer)));
  }

  /** Starts a new round of a test price feed (deployed by this sender). */
  public Receipt setPriceRound(Address feed, BigInteger answer, long updatedAt) {
    Receipt receipt =
        sender.send(
            feed,
            AbiCodec.call(
                "setRound(int256,uint256)",
                new Int256(answer),
                new Uint256(BigInteger.valueOf(updatedAt))));
    if (!receipt.success()) {
      throw new TransactionFailedException("setRound " + receipt.txHash() + " reverted on chain");
    }
    return receipt;
  }

  private static byte[] creationCode(String contract, Type<?>... constructorArgs) {
    return AbiCodec.append(
        Hex.decode(ContractArtifacts.load(contract).bytecode()), constructorArgs);
  }
}
