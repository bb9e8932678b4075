package io.crogas.chain;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.RelayJob;
import io.crogas.domain.model.RelayRequest;
import io.crogas.domain.model.TransferAuthorization;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/** Calldata for the CroGas forwarder's functions. */
final class ForwarderCalls {
  private static final String EXECUTE =
      "execute(address,address,bytes,string,uint256,uint256,bytes,(uint256,uint256,uint256,bytes))";

  private ForwarderCalls() {}

  static byte[] nonces(Address user) {
    return AbiCodec.call("nonces(address)", Solidity.address(user));
  }

  static byte[] isRelayer(Address account) {
    return AbiCodec.call("isRelayer(address)", Solidity.address(account));
  }

  /**
   * The paid path, exactly as the relayer sends it: the user's signed meta-transaction and the fee
   * authorization (whose {@code to} and {@code nonce} the forwarder supplies itself).
   */
  static byte[] execute(RelayJob.ForwarderCall job) {
    RelayRequest request = job.request();
    MetaTransaction meta = request.metaTransaction();
    TransferAuthorization fee = job.fee().authorization();
    return AbiCodec.call(
        EXECUTE,
        Solidity.address(request.user()),
        Solidity.address(meta.target()),
        new DynamicBytes(meta.calldata().bytes()),
        new Utf8String(meta.gasLevel()),
        new Uint256(meta.nonce()),
        new Uint256(meta.deadline()),
        new DynamicBytes(request.signature().bytes()),
        new DynamicStruct(
            new Uint256(fee.value()),
            new Uint256(fee.validAfter()),
            new Uint256(fee.validBefore()),
            new DynamicBytes(job.fee().signature().bytes())));
  }

  /** The forwarder's own EIP-712 digest of {@code meta}, to check a client's digest against. */
  static byte[] hashMetaTransaction(MetaTransaction meta) {
    return AbiCodec.call(
        "hashMetaTransaction(address,bytes,string,uint256,uint256)",
        Solidity.address(meta.target()),
        new DynamicBytes(meta.calldata().bytes()),
        new Utf8String(meta.gasLevel()),
        new Uint256(meta.nonce()),
        new Uint256(meta.deadline()));
  }
}
