package io.crogas.chain;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.SignedAuthorization;
import io.crogas.domain.model.TransferAuthorization;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** Calldata for the ERC-20 / EIP-2612 / EIP-3009 token functions CroGas uses (FiatToken's ABI). */
final class TokenCalls {
  static final byte[] NAME = AbiCodec.call("name()");
  static final byte[] VERSION = AbiCodec.call("version()");
  static final byte[] DECIMALS = AbiCodec.call("decimals()");
  static final byte[] DOMAIN_SEPARATOR = AbiCodec.call("DOMAIN_SEPARATOR()");

  private TokenCalls() {}

  static byte[] balanceOf(Address owner) {
    return AbiCodec.call("balanceOf(address)", Solidity.address(owner));
  }

  static byte[] authorizationState(Address authorizer, Hash32 nonce) {
    return AbiCodec.call(
        "authorizationState(address,bytes32)",
        Solidity.address(authorizer),
        new Bytes32(nonce.bytes()));
  }

  /**
   * {@code transferWithAuthorization} in its (v, r, s) form, which every FiatToken version has (the
   * packed-signature overload arrived only in v2.2).
   */
  static byte[] transferWithAuthorization(SignedAuthorization signed) {
    TransferAuthorization a = signed.authorization();
    byte[] signature = signed.signature().bytes();
    return AbiCodec.call(
        "transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)",
        Solidity.address(a.from()),
        Solidity.address(a.to()),
        new Uint256(a.value()),
        new Uint256(a.validAfter()),
        new Uint256(a.validBefore()),
        new Bytes32(a.nonce().bytes()),
        new Uint8(signature[64] & 0xff),
        new Bytes32(Arrays.copyOfRange(signature, 0, 32)),
        new Bytes32(Arrays.copyOfRange(signature, 32, 64)));
  }

  /** TestUSDC's faucet function (minter role only). */
  static byte[] mint(Address to, BigInteger amount) {
    return AbiCodec.call("mint(address,uint256)", Solidity.address(to), new Uint256(amount));
  }
}
