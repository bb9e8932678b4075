package io.crogas.testfixtures;

import io.crogas.domain.model.Address;
import io.crogas.domain.model.Hash32;
import io.crogas.domain.model.Signature;
import io.crogas.eip712.Secp256k1;
import java.math.BigInteger;

/** A test account: a private key, its address, and signing over digests. */
public record Keys(BigInteger privateKey, Address address) {
  public static Keys of(long seed) {
    BigInteger key = BigInteger.valueOf(seed).add(BigInteger.TWO.pow(200));
    return new Keys(key, Address.of(Secp256k1.address(key)));
  }

  public Signature sign(Hash32 digest) {
    return Signature.of(Secp256k1.sign(digest.bytes(), privateKey).toBytes());
  }
}
