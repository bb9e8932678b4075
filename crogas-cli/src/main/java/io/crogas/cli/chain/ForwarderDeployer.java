package io.crogas.cli.chain;

import io.crogas.chain.Deployment;
import io.crogas.chain.TransactionSender;
import io.crogas.contracts.ContractArtifacts;
import io.crogas.domain.model.Address;
import io.crogas.eip712.Hex;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;

/**
 * Deploys the forwarder and the demo target for a USDC that already exists (Cronos USDC.e): what
 * {@link io.crogas.chain.ContractDeployer} does without the test token.
 */
public final class ForwarderDeployer {
  private final TransactionSender sender;

  public ForwarderDeployer(TransactionSender sender) {
    this.sender = sender;
  }

  /** The forwarder takes its fees in {@code usdc} and pays them to {@code feeRecipient}. */
  public Deployment deploy(
      Address usdc, Address feeRecipient, Address owner, List<Address> relayers) {
    Address forwarder =
        sender.deploy(
            creationCode(
                ContractArtifacts.FORWARDER,
                address(usdc),
                address(feeRecipient),
                address(owner),
                new DynamicArray<>(
                    org.web3j.abi.datatypes.Address.class,
                    relayers.stream().map(ForwarderDeployer::address).toList())));
    Address demoTarget =
        sender.deploy(creationCode(ContractArtifacts.DEMO_TARGET, address(forwarder)));
    return new Deployment(usdc, forwarder, demoTarget);
  }

  private static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.value());
  }

  private static byte[] creationCode(String contract, Type<?>... constructorArgs) {
    // The artifact's bytecode is 0x-prefixed hex; the constructor arguments follow it ABI-encoded.
    return Hex.decode(
        ContractArtifacts.load(contract).bytecode()
            + FunctionEncoder.encodeConstructor(List.of(constructorArgs)));
  }
}
