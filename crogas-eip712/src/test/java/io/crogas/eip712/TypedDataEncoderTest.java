package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TypedDataEncoderTest {
  private static final JsonNode EXPECTED = Golden.json("mail-expected.json");
  private static final TypedData MAIL = TypedDataJson.parse(Golden.text("mail.json"));
  private static final Eip712Domain DOMAIN = new Eip712Domain(null, null, null, null, null);

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

  @Test
  void givenSeveralReferencedTypes_whenEncodingTheType_thenTheyAreSortedByNameAfterThePrimary() {
    Map<String, List<TypedData.Field>> types =
        Map.of(
            "Zoo", List.of(new TypedData.Field("b", "Bird[]"), new TypedData.Field("a", "Ape")),
            "Ape", List.of(new TypedData.Field("x", "uint8")),
            "Bird", List.of(new TypedData.Field("c", "Cage[2][]")),
            "Cage", List.of(new TypedData.Field("y", "bool")));

    assertThat(TypedDataEncoder.encodeType(types, "Bird"))
        .isEqualTo("Bird(Cage[2][] c)Cage(bool y)");
    assertThat(TypedDataEncoder.encodeType(types, "Zoo"))
        .isEqualTo("Zoo(Bird[] b,Ape a)Ape(uint8 x)Bird(Cage[2][] c)Cage(bool y)");
  }

  @Test
  void givenEachAtomicType_whenHashingAStruct_thenTheWordsAreTheAbiEncoding() {
    TypedData td =
        single(
            List.of(
                field("i", "int8"),
                field("u", "uint16"),
                field("b", "bytes3"),
                field("t", "bool"),
                field("a", "address"),
                field("d", "bytes"),
                field("s", "string")),
            Map.of(
                "i", -1,
                "u", "0x0102",
                "b", "0xabcdef",
                "t", true,
                "a", "0x00000000000000000000000000000000000000ff",
                "d", "0x0102",
                "s", "é"));

    byte[] expected =
        concat(
            TypedDataEncoder.typeHash(td.types(), "T"),
            word("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
            word("0000000000000000000000000000000000000000000000000000000000000102"),
            word("abcdef0000000000000000000000000000000000000000000000000000000000"),
            word("0000000000000000000000000000000000000000000000000000000000000001"),
            word("00000000000000000000000000000000000000000000000000000000000000ff"),
            Keccak256.hash(new byte[] {1, 2}),
            Keccak256.hash("é".getBytes(StandardCharsets.UTF_8)));
    assertThat(TypedDataEncoder.hashStruct(td, "T", td.message()))
        .isEqualTo(Keccak256.hash(expected));
  }

  @Test
  void givenANestedArray_whenHashing_thenEachInnerArrayIsHashedThenTheOuter() {
    TypedData td =
        single(
            List.of(field("grid", "uint256[2][]")),
            Map.of("grid", List.of(List.of(1, 2), List.of(BigInteger.valueOf(3), "4"))));

    byte[] inner1 = Keccak256.hash(concat(uint(1), uint(2)));
    byte[] inner2 = Keccak256.hash(concat(uint(3), uint(4)));
    byte[] expected =
        Keccak256.hash(
            concat(
                TypedDataEncoder.typeHash(td.types(), "T"),
                Keccak256.hash(concat(inner1, inner2))));
    assertThat(TypedDataEncoder.hashStruct(td, "T", td.message())).isEqualTo(expected);
  }

  @Test
  void givenAnEmptyDynamicArray_whenHashing_thenItsWordIsTheHashOfNothing() {
    TypedData td = single(List.of(field("xs", "string[]")), Map.of("xs", List.of()));

    byte[] expected =
        Keccak256.hash(
            concat(TypedDataEncoder.typeHash(td.types(), "T"), Keccak256.hash(new byte[0])));
    assertThat(TypedDataEncoder.hashStruct(td, "T", td.message())).isEqualTo(expected);
  }

  @Test
  void givenTheSameValueInEveryAcceptedForm_whenDigesting_thenTheDigestsAreEqual() {
    List<TypedData.Field> fields =
        List.of(field("n", "int256"), field("a", "address"), field("b", "bytes2"));
    byte[] address = Hex.decode("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826");
    List<Map<String, Object>> forms =
        List.of(
            Map.of("n", BigInteger.valueOf(-255), "a", address, "b", new byte[] {1, 2}),
            Map.of("n", -255L, "a", Eip55.checksum(address), "b", "0x0102"),
            Map.of("n", "-255", "a", Hex.encode(address), "b", "0X0102"),
            Map.of(
                "n",
                "-0xff",
                "a",
                Hex.encode(address).toUpperCase().replace("0X", "0x"),
                "b",
                "0x0102"),
            Map.of("n", new BigDecimal("-2.55E2"), "a", address, "b", "0x0102"));

    List<String> digests = new ArrayList<>();
    for (Map<String, Object> form : forms) {
      digests.add(Hex.encode(TypedDataEncoder.digest(single(fields, form))));
    }

    assertThat(digests).containsOnly(digests.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedCases")
  void givenAMalformedDocument_whenParsingAndDigesting_thenTheErrorNamesTheOffendingPath(
      String pointer, String json, String error) {
    assertThatThrownBy(() -> TypedDataEncoder.digest(TypedDataJson.parse(json)))
        .isInstanceOf(TypedDataException.class)
        .hasMessageStartingWith(error);
  }

  static Stream<Arguments> malformedCases() {
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : Golden.json("malformed.json")) {
      JsonNode document = Golden.json("wallets.json");
      JsonPointer pointer = JsonPointer.compile(c.get("pointer").textValue());
      JsonNode parent = document.at(pointer.head());
      String last = pointer.last().getMatchingProperty();
      if (parent instanceof ArrayNode array) {
        array.set(Integer.parseInt(last), c.get("value"));
      } else if (c.has("value")) {
        ((ObjectNode) parent).set(last, c.get("value"));
      } else {
        ((ObjectNode) parent).remove(last);
      }
      cases.add(
          Arguments.of(
              c.get("pointer").textValue() + " -> " + c.get("error").textValue(),
              document.toString(),
              c.get("error").textValue()));
    }
    return cases.stream();
  }

  @Test
  void givenTheWellFormedBaseOfTheMalformedCases_whenDigesting_thenItSucceeds() {
    assertThat(TypedDataEncoder.digest(TypedDataJson.parse(Golden.text("wallets.json"))))
        .hasSize(32);
  }

  @Test
  void givenAStructTypeThatIsNotInTypes_whenHashingIt_thenTheErrorNamesTheType() {
    assertThatThrownBy(() -> TypedDataEncoder.hashStruct(MAIL, "Letter", Map.of()))
        .isInstanceOf(TypedDataException.class)
        .hasMessage("Letter: unknown type 'Letter'");
  }

  private static TypedData single(List<TypedData.Field> fields, Map<String, Object> message) {
    return new TypedData(Map.of("T", fields), "T", DOMAIN, message);
  }

  private static TypedData.Field field(String name, String type) {
    return new TypedData.Field(name, type);
  }

  private static byte[] word(String hex) {
    return Hex.decode("0x" + hex);
  }

  private static byte[] uint(long value) {
    byte[] word = new byte[32];
    Words.putLong(value, word, 0);
    return word;
  }

  private static byte[] concat(byte[]... parts) {
    byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }
}
