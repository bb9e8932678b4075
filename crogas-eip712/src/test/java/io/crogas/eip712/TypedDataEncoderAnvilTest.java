package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cross-checks the generic encoder and the signer against anvil's {@code eth_signTypedData_v4}, an
 * independent implementation (alloy, Rust), on seeded random documents covering every feature.
 */
class TypedDataEncoderAnvilTest {
  private static final int RANDOM_DOCUMENTS = 96;

  @RegisterExtension static final AnvilSigner anvil = new AnvilSigner();

  @Test
  void givenAnvilsDevKeys_whenDerivingAddresses_thenAnvilsOwnAccountsComeOut() {
    for (AnvilSigner.Account account : anvil.accounts()) {
      assertThat(Eip55.checksum(Secp256k1.address(account.privateKey())))
          .isEqualToIgnoringCase(account.address());
    }
  }

  @Test
  void givenSeededRandomDocuments_whenAnvilSigns_thenJavaRecoversTheSignerAndSignsIdentically() {
    RandomTypedData generator = new RandomTypedData(0x712);
    List<TypedData> documents = new ArrayList<>();
    for (int i = 0; i < RANDOM_DOCUMENTS; i++) {
      documents.add(generator.document(i % 32));
    }
    documents.add(generator.allIntegerWidths());
    documents.add(generator.allFixedBytes());

    for (int i = 0; i < documents.size(); i++) {
      assertAgreesWithAnvil(documents.get(i), anvil.account(i));
    }
  }

  @Test
  void givenTheSpecMailExample_whenAnvilSigns_thenJavaAgrees() {
    assertAgreesWithAnvil(TypedDataJson.parse(Golden.text("mail.json")), anvil.account(0));
  }

  @Test
  void givenArraysOfStructsAndNestedArrays_whenAnvilSigns_thenJavaAgrees() {
    assertAgreesWithAnvil(TypedDataJson.parse(Golden.text("wallets.json")), anvil.account(1));
  }

  private static void assertAgreesWithAnvil(TypedData document, AnvilSigner.Account account) {
    byte[] digest = TypedDataEncoder.digest(document);

    anvil.assertAgrees(document, digest, account);
    assertThat(TypedDataEncoder.digest(TypedDataJson.parse(TypedDataJson.write(document))))
        .isEqualTo(digest);
  }
}
