package io.crogas.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile JSON: values of the wrong type, numbers past 2^256 or written as 1e999, strings with lone
 * surrogates, nesting 10,000 deep, tokens JSON does not have, and mutations of a well-formed body
 * (a member replaced, removed or repeated, a nested object of the wrong kind, the text cut short or
 * followed by garbage). None of the values is a gas level, a checksummed address or a signature, so
 * a body that was refused for one of those stays refused whatever is mutated around it.
 */
final class HostileJson {
  private static final String MARK = "@@hostile@@";
  private static final BigInteger TWO_256 = BigInteger.TWO.pow(256);

  /** Raw JSON texts (some of them not JSON at all) that no field accepts. */
  private static final List<String> VALUES =
      List.of(
          "true",
          "false",
          "null",
          "{}",
          "[]",
          "[1,2,3]",
          "{\"a\":1}",
          "-1",
          "1.5",
          "-0",
          "0.0",
          "1e3",
          "-1e999",
          "1e999",
          "1E+400",
          TWO_256.toString(),
          TWO_256.add(BigInteger.ONE).toString(),
          TWO_256.negate().toString(),
          "9".repeat(100),
          "9".repeat(101),
          "9".repeat(5_000),
          "0." + "0".repeat(99) + "1",
          "123456789012345678901234567890.5",
          "\"\"",
          "\" \"",
          "\"" + TWO_256 + "\"",
          "\"-1\"",
          "\"0x10\"",
          "\"1e3\"",
          "\"1e999\"",
          "\" 1\"",
          "\"01\"",
          "\"1.0.0\"",
          "\"NaN\"",
          "\"Infinity\"",
          "\"\\ud800\"",
          "\"\\udfff\"",
          "\"\\ud83d\\u0041\"",
          "\"\\u0000\"",
          "\"\\u202e\\u0000\"",
          "\"0x5FbDB2315678afecb367f032d93f642f64180aa3\"",
          "\"0xZZ\"",
          "\"0x\"",
          "\"0x" + "0".repeat(63) + "\"",
          "\"0x" + "f".repeat(131) + "\"",
          "\"" + "a".repeat(20_000) + "\"",
          "\"\uD83D\uDE00\u00e9\u4e2d\"",
          "NaN",
          "Infinity",
          "-Infinity",
          "undefined",
          "'single'",
          "unquoted",
          "0x10",
          "01",
          ".5",
          "+1",
          "1.",
          "--1",
          "\"unterminated",
          "\"bad \\x escape\"",
          "\"raw\tcontrol\"",
          "[1,]",
          "{\"a\":1,}",
          "{\"a\" 1}",
          "/* comment */ 1",
          "[".repeat(65) + "]".repeat(65),
          "[".repeat(10_000) + "]".repeat(10_000),
          "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
          "[".repeat(10_000),
          "{\"a\":1,\"a\":2}");

  private static final List<String> GARBAGE =
      List.of("}", ",", "x", "{}", "\u0000", " null", "]", "\"", "\n{\"a\":1}");

  private HostileJson() {}

  static String value(Random random) {
    return VALUES.get(random.nextInt(VALUES.size()));
  }

  /**
   * {@code template} with one to three mutations, each touching a member the API validates, then
   * maybe cut short or followed by garbage; one body in ten is a hostile value alone.
   */
  static String mutate(ObjectNode template, Random random) {
    if (random.nextInt(10) == 0) {
      return value(random);
    }
    ObjectNode body = template.deepCopy();
    List<String> raws = new ArrayList<>();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      List<Member> members = members(body);
      if (members.isEmpty()) {
        break;
      }
      Member member = members.get(random.nextInt(members.size()));
      switch (random.nextInt(6)) {
        case 0, 1, 2 -> {
          member.parent().set(member.name(), TextNode.valueOf(MARK + raws.size()));
          raws.add(value(random));
        }
        case 3 -> member.parent().remove(member.name());
        case 4 -> {
          // A repeated key: the parser must refuse it, whichever copy comes first.
          member.parent().set(member.name(), TextNode.valueOf(MARK + raws.size()));
          raws.add(duplicated(member, random));
        }
        default -> {
          ArrayNode wrongKind = Json.MAPPER.createArrayNode();
          wrongKind.add(member.parent().get(member.name()));
          member.parent().set(member.name(), wrongKind);
        }
      }
    }
    String text = body.toString();
    // Latest first: a repeated member's text may hold an earlier mutation's mark.
    for (int i = raws.size() - 1; i >= 0; i--) {
      text = text.replace("\"" + MARK + i + "\"", raws.get(i));
    }
    return switch (random.nextInt(8)) {
      case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
      case 1 -> text + GARBAGE.get(random.nextInt(GARBAGE.size()));
      default -> text;
    };
  }

  /** The member's value, then the same key again with a hostile value (inside an object). */
  private static String duplicated(Member member, Random random) {
    return member.parent().get(member.name())
        + ",\""
        + member.name()
        + "\":"
        + value(random)
        + (random.nextBoolean() ? "" : ",\"" + member.name() + "\":null");
  }

  /**
   * A Cronos Labs {@code paymentHeader}: base64 of a mutated header, or of bytes that are not a
   * JSON object, or not base64 at all.
   */
  static String paymentHeader(ObjectNode header, Random random) {
    Base64.Encoder encoder =
        random.nextBoolean() ? Base64.getEncoder() : Base64.getUrlEncoder().withoutPadding();
    return switch (random.nextInt(6)) {
      case 0 -> "%%%not base64%%%";
      case 1 -> encoder.encodeToString(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF, '{'});
      case 2 -> encoder.encodeToString(value(random).getBytes(StandardCharsets.UTF_8));
      case 3 -> encoder.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "==";
      default -> encoder.encodeToString(mutate(header, random).getBytes(StandardCharsets.UTF_8));
    };
  }

  /** A member of an object somewhere in the tree. */
  record Member(ObjectNode parent, String name) {}

  /** Every member of every object in {@code root} (arrays' objects included). */
  static List<Member> members(JsonNode root) {
    List<Member> found = new ArrayList<>();
    collect(root, found);
    return found;
  }

  private static void collect(JsonNode node, List<Member> found) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        found.add(new Member(object, entry.getKey()));
        collect(entry.getValue(), found);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> collect(element, found));
    }
  }
}
