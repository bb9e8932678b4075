package io.crogas.chain;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.ChainId;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.TokenDomain;
import java.util.List;

/**
 * Reads an EIP-3009 token's EIP-712 domain from the chain instead of trusting a table: {@code
 * name()}, {@code version()}, {@code decimals()} and {@code DOMAIN_SEPARATOR()} in one batch.
 */
public final class TokenDomainReader {
  private final JsonRpc rpc;
  private final ChainId chainId;

  public TokenDomainReader(JsonRpc rpc, ChainId chainId) {
    this.rpc = rpc;
    this.chainId = chainId;
  }

  /**
   * The token's domain.
   *
   * @throws IncompatibleTokenException if its {@code DOMAIN_SEPARATOR()} is not the EIP-712
   *     separator of its own name, version, this chain id and its address: signatures built from
   *     what it reports would never verify on chain
   */
  public TokenDomain read(Address token) {
    List<byte[]> answers =
        rpc.callAll(
            token,
            List.of(
                TokenCalls.NAME,
                TokenCalls.VERSION,
                TokenCalls.DECIMALS,
                TokenCalls.DOMAIN_SEPARATOR));
    String name = AbiCodec.string(answers.get(0));
    String version = AbiCodec.string(answers.get(1));
    int decimals = AbiCodec.uint(answers.get(2)).intValueExact();
    Hash32 onChain = Hash32.of(AbiCodec.bytes32(answers.get(3)));
    TokenDomain expected = TokenDomain.of(name, version, chainId, token, decimals);
    if (!expected.separator().equals(onChain)) {
      throw new IncompatibleTokenException(
          String.format(
              "token %s reports name \"%s\" and version \"%s\" on chain %s, whose EIP-712 domain"
                  + " separator is %s, but its DOMAIN_SEPARATOR() is %s: refusing a token whose"
                  + " signatures could not be built from what it reports",
              token, name, version, chainId, expected.separator(), onChain));
    }
    return new TokenDomain(name, version, chainId, token, decimals, onChain);
  }
}
