package io.crogas.secp256k1.nativelib;

import io.crogas.eip712.EcdsaSignature;
import io.crogas.eip712.Keccak256;
import io.crogas.eip712.Recovery;
import io.crogas.eip712.Secp256k1;
import io.crogas.eip712.SignatureRecovery;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Run in a fresh JVM by {@link LibSecp256k1FallbackTest}: prints the backend the JVM chose and
 * whether {@link Secp256k1#recover} on it finds the signer of a fresh signature.
 */
public final class RecoveryProbe {
  private RecoveryProbe() {}

  public static void main(String[] args) {
    BigInteger key = new BigInteger(1, Keccak256.hash("probe".getBytes(StandardCharsets.UTF_8)));
    byte[] digest = Keccak256.hash("message".getBytes(StandardCharsets.UTF_8));
    EcdsaSignature signature = Secp256k1.sign(digest, key);
    Recovery recovery = Secp256k1.recover(digest, signature.toBytes());
    boolean found = recovery.equals(new Recovery.Recovered(Secp256k1.address(key)));
    System.out.println(SignatureRecovery.active().backend() + "|" + (found ? "signer" : recovery));
  }
}
