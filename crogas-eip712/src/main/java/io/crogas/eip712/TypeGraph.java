package io.crogas.eip712;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks struct type definitions and builds {@code encodeType} strings (EIP-712 §encodeType). */
final class TypeGraph {
  private TypeGraph() {}

  /**
   * Checks every type: identifier names, unique field names, known member types, no cycles.
   *
   * @throws TypedDataException at {@code types.<Type>[.<field>]}
   */
  static void validate(Map<String, List<TypedData.Field>> types) {
    for (String type : types.keySet()) {
      dependencies(types, type);
    }
  }

  /** {@code encodeType}: the primary type, then the struct types it references sorted by name. */
  static String encodeType(Map<String, List<TypedData.Field>> types, String primaryType) {
    if (!types.containsKey(primaryType)) {
      throw new TypedDataException("primaryType", "unknown type '" + primaryType + "'");
    }
    Set<String> sorted = new TreeSet<>(dependencies(types, primaryType));
    sorted.remove(primaryType);
    StringBuilder out = new StringBuilder(encodeStruct(primaryType, types.get(primaryType)));
    for (String dependency : sorted) {
      out.append(encodeStruct(dependency, types.get(dependency)));
    }
    return out.toString();
  }

  /** The struct types {@code type} references directly or indirectly, itself included. */
  static Set<String> dependencies(Map<String, List<TypedData.Field>> types, String type) {
    Set<String> found = new LinkedHashSet<>();
    visit(types, type, new ArrayList<>(), found);
    return found;
  }

  private static void visit(
      Map<String, List<TypedData.Field>> types,
      String type,
      List<String> stack,
      Set<String> found) {
    if (found.contains(type)) {
      return;
    }
    stack.add(type);
    List<TypedData.Field> fields = types.get(type);
    checkName(type, fields);
    for (TypedData.Field field : fields) {
      String path = "types." + type + "." + field.name();
      Optional<String> referenced = structOf(field.type(), path);
      if (referenced.isEmpty()) {
        continue;
      }
      String struct = referenced.get();
      if (!types.containsKey(struct)) {
        throw new TypedDataException(path, "unknown type '" + struct + "'");
      }
      if (stack.contains(struct)) {
        List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(struct), stack.size()));
        cycle.add(struct);
        throw new TypedDataException(path, "cyclic type reference " + String.join(" -> ", cycle));
      }
      visit(types, struct, stack, found);
    }
    stack.remove(stack.size() - 1);
    found.add(type);
  }

  private static void checkName(String type, List<TypedData.Field> fields) {
    String path = "types." + type;
    if (!FieldType.isIdentifier(type)
        || !(FieldType.parse(type, path) instanceof FieldType.Struct)) {
      throw new TypedDataException(path, "invalid struct type name '" + type + "'");
    }
    if (Eip712Domain.TYPE_NAME.equals(type)) {
      throw new TypedDataException(
          path, "EIP712Domain is derived from the domain and cannot be a message type");
    }
    Set<String> names = new HashSet<>();
    for (TypedData.Field field : fields) {
      if (!FieldType.isIdentifier(field.name())) {
        throw new TypedDataException(path, "invalid field name '" + field.name() + "'");
      }
      if (!names.add(field.name())) {
        throw new TypedDataException(path, "duplicate field '" + field.name() + "'");
      }
    }
  }

  /** The struct a member type names, through any array dimensions; empty for atomic types. */
  private static Optional<String> structOf(String type, String path) {
    FieldType parsed = FieldType.parse(type, path);
    while (parsed instanceof FieldType.Array array) {
      parsed = FieldType.parse(array.element(), path);
    }
    return parsed instanceof FieldType.Struct struct
        ? Optional.of(struct.name())
        : Optional.empty();
  }

  /** One struct's part of {@code encodeType}: {@code Name(type1 name1,type2 name2)}. */
  static String encodeStruct(String name, List<TypedData.Field> fields) {
    StringBuilder out = new StringBuilder(name).append('(');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(fields.get(i).type()).append(' ').append(fields.get(i).name());
    }
    return out.append(')').toString();
  }
}
