package io.crogas.eip712;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a message along its struct types, checking its shape (every field present, no strange ones,
 * array lengths, value kinds), and folds it bottom-up into a result: the 32-byte words of {@code
 * encodeData}, or JSON. Problems are {@link TypedDataException}s at the value's path.
 */
abstract class MessageWalker<T> {
  private final Map<String, List<TypedData.Field>> types;

  MessageWalker(Map<String, List<TypedData.Field>> types) {
    this.types = types;
  }

  /** Folds a struct value whose member values are already folded. */
  abstract T struct(String type, List<TypedData.Field> fields, List<T> values);

  /** Folds an array whose elements are already folded. */
  abstract T array(List<T> elements);

  /** Folds an atomic value; {@code value} is not null but otherwise unchecked. */
  abstract T atomic(FieldType.Atomic type, Object value, String path);

  final T walkStruct(String type, Map<?, ?> data, String path) {
    List<TypedData.Field> fields = types.get(type);
    if (fields == null) {
      throw new TypedDataException(path, "unknown type '" + type + "'");
    }
    List<T> values = new ArrayList<>(fields.size());
    for (TypedData.Field field : fields) {
      String fieldPath = path + "." + field.name();
      Object value = data.get(field.name());
      if (value == null) {
        throw new TypedDataException(fieldPath, "missing field of " + type);
      }
      values.add(walk(field.type(), value, fieldPath));
    }
    if (data.size() > fields.size()) {
      rejectExtraKey(type, fields, data, path);
    }
    return struct(type, fields, values);
  }

  private T walk(String type, Object value, String path) {
    FieldType parsed = FieldType.parse(type, path);
    if (parsed instanceof FieldType.Struct struct) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new TypedDataException(
            path, "expected a " + struct.name() + " object, got " + AtomicValues.describe(value));
      }
      return walkStruct(struct.name(), map, path);
    }
    if (parsed instanceof FieldType.Array array) {
      return walkArray(array, value, path);
    }
    return atomic((FieldType.Atomic) parsed, value, path);
  }

  private T walkArray(FieldType.Array array, Object value, String path) {
    if (!(value instanceof List<?> list)) {
      throw new TypedDataException(path, "expected an array, got " + AtomicValues.describe(value));
    }
    if (array.length() >= 0 && list.size() != array.length()) {
      throw new TypedDataException(
          path, "expected " + array.length() + " elements, got " + list.size());
    }
    List<T> elements = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String elementPath = path + "[" + i + "]";
      Object element = list.get(i);
      if (element == null) {
        throw new TypedDataException(elementPath, "missing value");
      }
      elements.add(walk(array.element(), element, elementPath));
    }
    return array(elements);
  }

  private static void rejectExtraKey(
      String type, List<TypedData.Field> fields, Map<?, ?> data, String path) {
    for (Object key : data.keySet()) {
      if (fields.stream().noneMatch(field -> field.name().equals(key))) {
        throw new TypedDataException(path + "." + key, "not a field of " + type);
      }
    }
  }
}
