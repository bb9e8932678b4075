package io.crogas.chain;

import io.crogas.domain.model.Address;
import java.util.List;
import org.web3j.abi.datatypes.DynamicArray;

/** Domain values as web3j ABI values. */
final class Solidity {
  private Solidity() {}

  static org.web3j.abi.datatypes.Address address(Address address) {
    return new org.web3j.abi.datatypes.Address(address.value());
  }

  static DynamicArray<org.web3j.abi.datatypes.Address> addresses(List<Address> addresses) {
    return new DynamicArray<>(
        org.web3j.abi.datatypes.Address.class, addresses.stream().map(Solidity::address).toList());
  }
}
