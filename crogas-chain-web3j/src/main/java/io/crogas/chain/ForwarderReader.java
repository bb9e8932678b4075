package io.crogas.chain;

import io.crogas.domain.model.Address;

/**
 * The forwarder's configuration as the chain holds it (its relayer list: {@link
 * Web3jChain#isRelayer}).
 */
public final class ForwarderReader {
  private static final byte[] USDC = AbiCodec.call("usdc()");

  private final JsonRpc rpc;
  private final Address forwarder;

  public ForwarderReader(JsonRpc rpc, Address forwarder) {
    this.rpc = rpc;
    this.forwarder = forwarder;
  }

  /** The token the forwarder takes fees in. */
  public Address usdc() {
    return AbiCodec.address(rpc.call(forwarder, USDC));
  }
}
