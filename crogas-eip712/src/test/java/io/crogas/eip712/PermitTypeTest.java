package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PermitTypeTest {
  @RegisterExtension static final AnvilSigner anvil = new AnvilSigner();

  @Test
  void givenSeededPermits_whenDigestingFast_thenTheGenericDigestAgreesAndAnvilsSignerRecovers() {
    Random random = new Random(2612);
    for (int i = 0; i < 20; i++) {
      byte[] token = bytes(random, 20);
      Eip712Domain domain = Eip712Domain.of("Test USDC", "2", 338, token);
      byte[] owner = bytes(random, 20);
      byte[] spender = bytes(random, 20);
      BigInteger value = new BigInteger(random.nextInt(257), random);
      BigInteger nonce = BigInteger.valueOf(i);
      BigInteger deadline = new BigInteger(64, random);

      byte[] digest = PermitType.digest(domain.separator(), owner, spender, value, nonce, deadline);
      TypedData document = PermitType.document(domain, owner, spender, value, nonce, deadline);

      assertThat(TypedDataEncoder.encodeType(document.types(), "Permit"))
          .isEqualTo(PermitType.ENCODED_TYPE);
      assertThat(digest).isEqualTo(TypedDataEncoder.digest(document));
      if (i < anvil.accounts().size()) {
        anvil.assertAgrees(document, digest, anvil.account(i));
      }
    }
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
