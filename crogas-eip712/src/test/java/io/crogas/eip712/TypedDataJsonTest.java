package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedDataJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] MAIL_DIGEST = Golden.hex(Golden.json("mail-expected.json"), "digest");

  @Test
  void givenSeededRandomDocuments_whenWrittenAndParsedBack_thenDigestsAndJsonAreUnchanged() {
    RandomTypedData generator = new RandomTypedData(2026);
    for (int i = 0; i < 64; i++) {
      TypedData td = generator.document(i % 32);
      String json = TypedDataJson.write(td);

      TypedData parsed = TypedDataJson.parse(json);

      assertThat(TypedDataEncoder.digest(parsed)).isEqualTo(TypedDataEncoder.digest(td));
      assertThat(TypedDataJson.write(parsed)).isEqualTo(json);
      assertThat(parsed.domain()).isEqualTo(td.domain());
    }
  }

  @Test
  void givenAMetaTransaction_whenWritten_thenWalletFriendlyFormsAreUsed() throws Exception {
    byte[] contract = Hex.decode("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826");
    TypedData td =
        MetaTransactionType.document(
            Eip712Domain.of("CroGas", "1", 338, contract),
            contract,
            new byte[] {(byte) 0xAB},
            "fast",
            BigInteger.TWO.pow(200),
            BigInteger.valueOf(1_767_225_600L));

    JsonNode json = JSON.readTree(TypedDataJson.write(td));

    assertThat(json.get("types").fieldNames().next()).isEqualTo("EIP712Domain");
    assertThat(json.at("/domain/chainId").isInt()).isTrue();
    assertThat(json.at("/domain/verifyingContract").textValue())
        .isEqualTo("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
    assertThat(json.at("/message/nonce").textValue()).isEqualTo(BigInteger.TWO.pow(200).toString());
    assertThat(json.at("/message/deadline").textValue()).isEqualTo("1767225600");
    assertThat(json.at("/message/calldata").textValue()).isEqualTo("0xab");
    assertThat(json.at("/primaryType").textValue()).isEqualTo("MetaTransaction");
  }

  @Test
  void givenAChainIdBeyondJavaScriptsSafeIntegers_whenWritten_thenItIsADecimalString()
      throws Exception {
    BigInteger chainId = BigInteger.TWO.pow(53);
    TypedData td =
        new TypedData(
            java.util.Map.of("T", List.of()),
            "T",
            new Eip712Domain(null, null, chainId, null, null),
            java.util.Map.of());

    JsonNode json = JSON.readTree(TypedDataJson.write(td));

    assertThat(json.at("/domain/chainId").textValue()).isEqualTo(chainId.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "\"1\"", "\"0x1\"", "\"0x01\"", "1.0", "1e0"})
  void givenTheChainIdInAnyAcceptedForm_whenParsing_thenTheSpecDigestComesOut(String chainId)
      throws Exception {
    ObjectNode mail = (ObjectNode) Golden.json("mail.json");
    ((ObjectNode) mail.get("domain")).set("chainId", JSON.readTree(chainId));

    assertThat(TypedDataEncoder.digest(TypedDataJson.parse(mail.toString())))
        .isEqualTo(MAIL_DIGEST);
  }

  @Test
  void givenIntegersAsNumbersDecimalAndHexStrings_whenParsing_thenTheyEncodeAlike() {
    String template =
        "{\"types\":{\"T\":[{\"name\":\"v\",\"type\":\"uint256\"}]},\"primaryType\":\"T\","
            + "\"domain\":{},\"message\":{\"v\":%s}}";
    List<String> forms =
        List.of(
            "1000000000000000000000",
            "\"1000000000000000000000\"",
            "\"0x3635c9adc5dea00000\"",
            "1e+21",
            "1000000000000000000000.0");

    assertThat(forms)
        .extracting(
            f -> Hex.encode(TypedDataEncoder.digest(TypedDataJson.parse(template.formatted(f)))))
        .containsOnly(
            Hex.encode(
                TypedDataEncoder.digest(TypedDataJson.parse(template.formatted(forms.get(0))))));
  }

  @Test
  void givenNoEip712DomainType_whenParsing_thenItIsDerivedFromTheDomainsFields() {
    ObjectNode mail = (ObjectNode) Golden.json("mail.json");
    ((ObjectNode) mail.get("types")).remove("EIP712Domain");

    assertThat(TypedDataEncoder.digest(TypedDataJson.parse(mail.toString())))
        .isEqualTo(MAIL_DIGEST);
  }

  @Test
  void givenDuplicateKeys_whenParsing_thenTheDocumentIsRefusedAsAmbiguous() {
    String json =
        Golden.text("mail.json")
            .replaceFirst("\"primaryType\"", "\"primaryType\": \"Person\", \"primaryType\"");

    assertThatThrownBy(() -> TypedDataJson.parse(json))
        .isInstanceOf(TypedDataException.class)
        .hasMessageStartingWith("json: Duplicate field 'primaryType'");
  }

  @Test
  void givenSomethingThatIsNotJsonOrNotAnObject_whenParsing_thenItIsRefused() {
    assertThatThrownBy(() -> TypedDataJson.parse("{\"types\":"))
        .isInstanceOf(TypedDataException.class)
        .hasMessageStartingWith("json: ");
    assertThatThrownBy(() -> TypedDataJson.parse("[]"))
        .hasMessage("document: expected a JSON object, got ARRAY");
  }
}
