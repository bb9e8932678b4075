package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TypedDataEncoderTest {
  private static final JsonNode EXPECTED = Golden.json("mail-expected.json");
  private static final TypedData MAIL = TypedDataJson.parse(Golden.text("mail.json"));

  @Test
  void givenTheSpecMailExample_whenEncodingItsType_thenReferencedTypesFollowThePrimaryType() {
    String encoded = TypedDataEncoder.encodeType(MAIL.types(), "Mail");

    assertThat(encoded).isEqualTo(EXPECTED.get("encodeType").textValue());
  }

  @Test
  void givenTheSpecMailExample_whenHashingItsType_thenThePublishedTypeHashComesOut() {
    byte[] typeHash = TypedDataEncoder.typeHash(MAIL.types(), "Mail");

    assertThat(typeHash).isEqualTo(Golden.hex(EXPECTED, "typeHash"));
  }

  @Test
  void givenTheSpecMailExample_whenHashingTheMessage_thenThePublishedStructHashComesOut() {
    byte[] structHash = TypedDataEncoder.hashStruct(MAIL, "Mail", MAIL.message());

    assertThat(structHash).isEqualTo(Golden.hex(EXPECTED, "structHash"));
  }

  @Test
  void givenTheSpecMailExample_whenDigesting_thenThePublishedDigestComesOut() {
    byte[] digest = TypedDataEncoder.digest(MAIL);

    assertThat(digest).isEqualTo(Golden.hex(EXPECTED, "digest"));
  }
}
