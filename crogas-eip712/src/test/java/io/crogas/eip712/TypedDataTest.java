package io.crogas.eip712;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedDataTest {
  private static final Eip712Domain DOMAIN = Eip712Domain.of("D", "1", 1, new byte[20]);

  @Test
  void givenATypeThatReferencesItselfThroughAnArray_whenConstructing_thenTheCycleIsNamed() {
    Map<String, List<TypedData.Field>> types =
        Map.of("Node", List.of(new TypedData.Field("children", "Node[]")));

    assertThatThrownBy(() -> new TypedData(types, "Node", DOMAIN, Map.of()))
        .isInstanceOf(TypedDataException.class)
        .hasMessage("types.Node.children: cyclic type reference Node -> Node");
  }

  @Test
  void givenEip712DomainAmongTheTypes_whenConstructing_thenItIsRefusedAsDerived() {
    Map<String, List<TypedData.Field>> types =
        Map.of(
            "EIP712Domain", List.of(new TypedData.Field("name", "string")),
            "T", List.of(new TypedData.Field("x", "bool")));

    assertThatThrownBy(() -> new TypedData(types, "T", DOMAIN, Map.of()))
        .hasMessageStartingWith("types.EIP712Domain: EIP712Domain is derived from the domain");
  }

  @Test
  void givenInvalidNames_whenConstructing_thenTheTypeOrFieldIsNamed() {
    assertThatThrownBy(() -> typed(Map.of("uint8", List.of()), "uint8"))
        .hasMessage("types.uint8: invalid struct type name 'uint8'");
    assertThatThrownBy(() -> typed(Map.of("My Type", List.of()), "My Type"))
        .hasMessage("types.My Type: invalid struct type name 'My Type'");
    assertThatThrownBy(() -> typed(Map.of("T", List.of(new TypedData.Field("a-b", "bool"))), "T"))
        .hasMessage("types.T: invalid field name 'a-b'");
    assertThatThrownBy(() -> typed(Map.of("T", List.of(new TypedData.Field("a", "uint"))), "T"))
        .hasMessage("types.T.a: unknown type 'uint'");
    assertThatThrownBy(() -> typed(Map.of("T", List.of(new TypedData.Field("a", "int264"))), "T"))
        .hasMessage("types.T.a: unknown type 'int264'");
    assertThatThrownBy(() -> typed(Map.of("T", List.of(new TypedData.Field("a", "bool[01]"))), "T"))
        .hasMessage("types.T.a: unknown type 'bool[01]'");
  }

  @Test
  void givenMutableInputs_whenConstructed_thenTheDocumentDoesNotChangeWithThem() {
    Map<String, Object> message = new HashMap<>(Map.of("x", true));
    TypedData td = typed(Map.of("T", List.of(new TypedData.Field("x", "bool"))), "T", message);
    message.put("x", false);

    assertThat(td.message()).containsEntry("x", true);
    assertThatThrownBy(() -> td.types().put("U", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenAStructNamedLikeAnAtomicTypePrefix_whenConstructing_thenItIsAStructReference() {
    Map<String, List<TypedData.Field>> types =
        Map.of(
            "T", List.of(new TypedData.Field("i", "interest")),
            "interest", List.of(new TypedData.Field("rate", "uint16")));

    assertThat(typed(types, "T").types()).containsKey("interest");
  }

  private static TypedData typed(Map<String, List<TypedData.Field>> types, String primary) {
    return typed(types, primary, Map.of());
  }

  private static TypedData typed(
      Map<String, List<TypedData.Field>> types, String primary, Map<String, Object> message) {
    return new TypedData(types, primary, DOMAIN, message);
  }
}
