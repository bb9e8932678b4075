package io.crogas.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crogas.domain.model.MetaTransaction;
import io.crogas.domain.model.TransferAuthorization;
import io.crogas.testfixtures.Fixture;
import io.crogas.testfixtures.Keys;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Malformed and hostile requests for every endpoint, as raw bytes, drawn from a seeded {@link
 * Random}: bodies ({@link #body}), encodings and framing ({@link #encoding}), methods and paths
 * ({@link #path}), headers and request lines ({@link #header}).
 *
 * <p>Every body is refused by construction, so that no request may change state: quotes ask for an
 * unknown gas level, faucet mints name an address with a broken checksum, and executions and x402
 * payments are signed by a key that is not the payer's. Mutations never repair that (see {@link
 * HostileJson}).
 */
final class HostileRequests {
  /** What a 2xx answer may be for an endpoint. */
  enum Kind {
    /** A read: any success. */
    READ,
    /** A write whose bodies here are all refused: a 2xx is a failure. */
    REFUSED,
    /** x402 verify: 200 only as {@code isValid: false}. */
    VERIFY,
    /**
     * x402 settle: 200 only as a failure ({@code success: false}, Cronos {@code payment.failed}).
     */
    SETTLE
  }

  /**
   * One endpoint: its method and route template, and the bodies it is sent.
   *
   * @param concrete the path with its parameters filled with usable values
   */
  record Endpoint(String method, String route, String concrete, Kind kind, List<String> bodies) {}

  /** One generated request: what it is, where it goes, and its bytes. */
  record Case(String label, Endpoint endpoint, String method, RawHttp.Exchange exchange) {
    boolean head() {
      return method.equals("HEAD");
    }
  }

  private static final String JSON = "application/json";
  private static final Keys FORGER = Keys.of(77);
  private static final String BAD_CHECKSUM = "0x5FbDB2315678afecb367f032d93f642f64180aa3";

  private final List<Endpoint> endpoints;
  private final ObjectNode cronosHeader;
  private final ObjectNode cronosBody;

  HostileRequests(Fixture fixture) {
    String user = fixture.user.address().value();
    long now = fixture.now();
    this.cronosBody = x402(fixture, X402Format.CRONOS);
    this.cronosHeader = header(cronosBody);
    List<String> x402 =
        List.of(
            x402(fixture, X402Format.V2).toString(),
            x402(fixture, X402Format.V1).toString(),
            cronosBody.toString());
    List<String> none = List.of();
    this.endpoints =
        List.of(
            new Endpoint(
                "POST",
                "/x402/quote",
                "/x402/quote",
                Kind.REFUSED,
                List.of(
                    Json.object()
                        .put("userAddress", user)
                        .put("target", Fixture.TARGET.value())
                        .put("calldata", Fixture.CALL.hex())
                        .put("gasLevel", "warp")
                        .put("deadline", now + 600)
                        .toString())),
            new Endpoint(
                "POST",
                "/x402/facilitate",
                "/x402/facilitate",
                Kind.REFUSED,
                List.of(facilitate(fixture).toString())),
            new Endpoint("POST", "/x402/verify", "/x402/verify", Kind.VERIFY, x402),
            new Endpoint("POST", "/x402/settle", "/x402/settle", Kind.SETTLE, x402),
            new Endpoint("POST", "/v2/x402/verify", "/v2/x402/verify", Kind.VERIFY, x402),
            new Endpoint("POST", "/v2/x402/settle", "/v2/x402/settle", Kind.SETTLE, x402),
            new Endpoint(
                "POST",
                "/faucet/usdc",
                "/faucet/usdc",
                Kind.REFUSED,
                List.of(
                    Json.object().put("address", BAD_CHECKSUM).put("amount", "1.5").toString())),
            read("/x402/transactions/{id}", "/x402/transactions/s_unknown"),
            read("/x402/transactions", "/x402/transactions?user=" + user + "&limit=5"),
            read("/x402/nonce/{address}", "/x402/nonce/" + user),
            read("/x402/supported", "/x402/supported"),
            read("/v2/x402/supported", "/v2/x402/supported"),
            read("/x402/discovery/resources", "/x402/discovery/resources?type=http&limit=5"),
            read("/stats/activity", "/stats/activity"),
            read("/health", "/health"),
            read("/healthcheck", "/healthcheck"),
            read("/balance/{address}", "/balance/" + user),
            read("/metrics", "/metrics"),
            read("/openapi.json", "/openapi.json"),
            read("/dashboard", "/dashboard"),
            read("/execute", "/execute"),
            read("/", "/"),
            read("/app.css", "/app.css"),
            read("/vendor/ethers.min.js", "/vendor/ethers.min.js"),
            new Endpoint("GET", "/nowhere", "/nowhere", Kind.READ, none));
  }

  private static Endpoint read(String route, String concrete) {
    return new Endpoint("GET", route, concrete, Kind.READ, List.of());
  }

  List<Endpoint> endpoints() {
    return endpoints;
  }

  // ---- bodies --------------------------------------------------------------------------------

  /** A POST endpoint's body with one to three hostile mutations, sent as proper JSON. */
  Case body(Random random) {
    Endpoint endpoint =
        pick(random, endpoints.stream().filter(e -> !e.bodies().isEmpty()).toList());
    String template = pick(random, endpoint.bodies());
    String body;
    if (template.equals(cronosBody.toString()) && random.nextBoolean()) {
      ObjectNode cronos = cronosBody.deepCopy();
      cronos.put("paymentHeader", HostileJson.paymentHeader(cronosHeader, random));
      body = random.nextBoolean() ? cronos.toString() : HostileJson.mutate(cronos, random);
    } else {
      body = HostileJson.mutate(object(template), random);
    }
    return post("body", endpoint, JSON, utf8(body));
  }

  // ---- encodings and framing -----------------------------------------------------------------

  private static final List<byte[]> BAD_UTF8 =
      List.of(
          new byte[] {(byte) 0xFF},
          new byte[] {(byte) 0xC0, (byte) 0xAF},
          new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          new byte[] {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
          new byte[] {(byte) 0xE2, (byte) 0x82},
          new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
          new byte[] {0},
          new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
          new byte[] {(byte) 0xFE, (byte) 0xFF});

  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json; charset=utf-16",
          "application/json; charset=UTF-32",
          "application/json; charset=does-not-exist",
          "application/json; charset=",
          "application/json; charset=\"utf-8\"",
          "application/json; charset=ISO-8859-1",
          "application/json;;;charset=utf-8;;",
          "APPLICATION/JSON",
          "application/json, text/plain",
          "application/jsonx",
          "application/json-patch+json",
          "text/plain",
          "text/json",
          "",
          ";",
          "*/*",
          "multipart/form-data; boundary=x",
          "application/x-www-form-urlencoded",
          "application/json; charset=utf-8; " + "x=".repeat(2_000));

  /** A POST endpoint's body broken below JSON: bytes, charsets, content types, framing. */
  Case encoding(Random random) {
    Endpoint endpoint =
        pick(random, endpoints.stream().filter(e -> !e.bodies().isEmpty()).toList());
    byte[] body = utf8(pick(random, endpoint.bodies()));
    return switch (random.nextInt(9)) {
      case 0, 1 -> {
        byte[] bad = pick(random, BAD_UTF8);
        yield post("bad UTF-8", endpoint, JSON, insert(body, random.nextInt(body.length), bad));
      }
      case 2 -> {
        // Inside a string value, where a lenient decoder would carry it on to the field parsers.
        int quote = new String(body, StandardCharsets.ISO_8859_1).indexOf("\":\"") + 3;
        yield post(
            "bad UTF-8 in a string", endpoint, JSON, insert(body, quote, pick(random, BAD_UTF8)));
      }
      case 3 -> {
        String type = pick(random, CONTENT_TYPES);
        byte[] encoded =
            random.nextBoolean()
                ? body
                : new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
        yield post("content type " + type, endpoint, type, encoded);
      }
      case 4 ->
          exchange(
              "no content type",
              endpoint,
              "POST",
              endpoint.concrete(),
              List.of("Content-Length: " + body.length),
              body,
              false);
      case 5 -> chunked(endpoint, body, random);
      case 6 -> lyingLength(endpoint, body, random);
      case 7 -> oversized(endpoint, random);
      default -> {
        int cut = random.nextInt(body.length);
        yield post("truncated at " + cut, endpoint, JSON, java.util.Arrays.copyOf(body, cut));
      }
    };
  }

  private Case chunked(Endpoint endpoint, byte[] body, Random random) {
    List<String> headers = List.of("Content-Type: " + JSON, "Transfer-Encoding: chunked");
    return switch (random.nextInt(5)) {
      case 0 ->
          exchange(
              "chunked",
              endpoint,
              "POST",
              endpoint.concrete(),
              headers,
              chunks(body, 7, true),
              false);
      case 1 -> {
        // Past the body limit without a Content-Length: refused all the same.
        byte[] big = utf8("{\"pad\":\"" + "a".repeat(200_000) + "\"}");
        yield exchange(
            "chunked past the limit",
            endpoint,
            "POST",
            endpoint.concrete(),
            headers,
            chunks(big, 8192, true),
            false);
      }
      case 2 ->
          exchange(
              "chunk size not hex",
              endpoint,
              "POST",
              endpoint.concrete(),
              headers,
              utf8("zz\r\n" + new String(body, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n"),
              false);
      case 3 ->
          exchange(
              "chunk size past the end",
              endpoint,
              "POST",
              endpoint.concrete(),
              headers,
              utf8(
                  Integer.toHexString(body.length + 100)
                      + "\r\n"
                      + new String(body, StandardCharsets.UTF_8)),
              true);
      default ->
          exchange(
              "no last chunk",
              endpoint,
              "POST",
              endpoint.concrete(),
              headers,
              chunks(body, 5, false),
              true);
    };
  }

  private Case lyingLength(Endpoint endpoint, byte[] body, Random random) {
    String type = "Content-Type: " + JSON;
    return switch (random.nextInt(6)) {
      case 0 ->
          exchange(
              "Content-Length above the body",
              endpoint,
              "POST",
              endpoint.concrete(),
              List.of(type, "Content-Length: " + (body.length + 1 + random.nextInt(1000))),
              body,
              true);
      case 1 ->
          exchange(
              "Content-Length below the body",
              endpoint,
              "POST",
              endpoint.concrete(),
              List.of(type, "Content-Length: " + random.nextInt(body.length)),
              body,
              false);
      case 2 ->
          exchange(
              "negative Content-Length",
              endpoint,
              "POST",
              endpoint.concrete(),
              List.of(type, "Content-Length: -1"),
              body,
              true);
      case 3 ->
          exchange(
              "Content-Length not a number",
              endpoint,
              "POST",
              endpoint.concrete(),
              List.of(
                  type,
                  "Content-Length: "
                      + pick(
                          random, List.of("abc", "1e3", "0x10", " ", "99999999999999999999999"))),
              body,
              true);
      case 4 ->
          exchange(
              "two Content-Lengths",
              endpoint,
              "POST",
              endpoint.concrete(),
              List.of(
                  type, "Content-Length: " + body.length, "Content-Length: " + (body.length + 1)),
              body,
              true);
      default ->
          exchange(
              "Content-Length and chunked",
              endpoint,
              "POST",
              endpoint.concrete(),
              List.of(type, "Content-Length: " + body.length, "Transfer-Encoding: chunked"),
              chunks(body, 16, true),
              false);
    };
  }

  /** Bodies past the limit: sent whole (drained, then 413), or announced huge and cut short. */
  private Case oversized(Endpoint endpoint, Random random) {
    if (random.nextBoolean()) {
      byte[] big = utf8("{\"pad\":\"" + "b".repeat(70_000 + random.nextInt(100_000)) + "\"}");
      return post("body past the limit", endpoint, JSON, big);
    }
    long announced = pick(random, List.of(70_000L, 2_000_000L, 10L * 1024 * 1024, Long.MAX_VALUE));
    return exchange(
        "announced " + announced + " bytes",
        endpoint,
        "POST",
        endpoint.concrete(),
        List.of("Content-Type: " + JSON, "Content-Length: " + announced),
        utf8("{\"pad\":\"" + "c".repeat(1000) + "\"}"),
        true);
  }

  // ---- methods and paths ---------------------------------------------------------------------

  private static final List<String> METHODS =
      List.of(
          "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get", "PRI");

  private static final List<String> SEGMENTS =
      List.of(
          "",
          "%",
          "%zz",
          "%00",
          "%2F",
          "%2e%2e",
          "..",
          ".",
          "%C0%AF",
          "%ED%A0%80",
          "%FF",
          "%F0%9F%98%80",
          "0x" + "f".repeat(40),
          "0xZZ",
          "s_" + "9".repeat(200),
          "x".repeat(3_000),
          "%20",
          "+",
          ";jsessionid=1",
          "a%0d%0aSet-Cookie:x",
          "\u00e9",
          "<script>",
          "${jndi:ldap://x}",
          "'%20OR%201=1--");

  private static final List<String> QUERIES =
      List.of(
          "?limit=0",
          "?limit=-1",
          "?limit=201",
          "?limit=99999999999999999999",
          "?limit=1e3",
          "?limit=%FF",
          "?limit=1&limit=2",
          "?offset=-5",
          "?offset=1000001",
          "?offset=" + "9".repeat(50),
          "?user=0xZZ",
          "?user=" + BAD_CHECKSUM,
          "?user=%00",
          "?type=" + "t".repeat(5_000),
          "?type=%ED%A0%80",
          "?",
          "?&&&=&=",
          "?%",
          "?a=%zz",
          "#fragment",
          "?x=" + "q".repeat(9_000));

  /** Any endpoint's path, bent: other methods, odd segments and encodings, hostile queries. */
  Case path(Random random) {
    Endpoint endpoint = pick(random, endpoints);
    String method = random.nextInt(3) == 0 ? endpoint.method() : pick(random, METHODS);
    String path = bend(endpoint.concrete(), random);
    List<String> headers = new ArrayList<>();
    byte[] body = new byte[0];
    if (!endpoint.bodies().isEmpty() && random.nextBoolean()) {
      body = utf8(pick(random, endpoint.bodies()));
      headers.add("Content-Type: " + JSON);
    }
    headers.add("Content-Length: " + body.length);
    return exchange(method + " " + shorten(path), endpoint, method, path, headers, body, false);
  }

  private static String bend(String path, Random random) {
    String base = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return switch (random.nextInt(12)) {
      case 0, 1 -> {
        // A route parameter (or the last segment) replaced.
        int slash = base.lastIndexOf('/');
        yield base.substring(0, slash + 1) + pick(random, SEGMENTS);
      }
      case 2 -> base + pick(random, QUERIES);
      case 3 -> base + "/";
      case 4 -> base.replace("/", "//");
      case 5 -> "/./" + base.substring(1) + "/../" + base.substring(base.lastIndexOf('/') + 1);
      case 6 -> base.toUpperCase(java.util.Locale.ROOT);
      case 7 -> percentEncode(base, random);
      case 8 ->
          pick(
              random,
              List.of(
                  "*",
                  "health",
                  "http://127.0.0.1" + base,
                  "//evil.example" + base,
                  "/..%2f..%2f..%2fetc%2fpasswd",
                  "/web/index.html",
                  "/../pom.xml",
                  "/" + "x".repeat(70_000),
                  base + "%00.json",
                  base + "\u00ff"));
      case 9 -> base + "/" + pick(random, SEGMENTS);
      default -> path + (path.contains("?") ? "&" : "?") + pick(random, QUERIES).substring(1);
    };
  }

  private static String percentEncode(String path, Random random) {
    StringBuilder out = new StringBuilder();
    for (char c : path.toCharArray()) {
      out.append(
          c != '/' && random.nextInt(3) == 0
              ? String.format("%%%02X", (int) c)
              : String.valueOf(c));
    }
    return out.toString();
  }

  // ---- headers and request lines -------------------------------------------------------------

  private static final List<Function<Random, String>> HEADERS =
      List.of(
          r ->
              "X-Request-Id: "
                  + pick(
                      r,
                      List.of(
                          "", "a".repeat(65), "../../x", "<b>", "\u00e9t\u00e9", "id with spaces")),
          r -> "X-Big: " + "h".repeat(pick(r, List.of(4_000, 9_000, 20_000, 70_000))),
          r ->
              "Authorization: "
                  + pick(
                      r,
                      List.of(
                          "Bearer",
                          "Bearer ",
                          "Bearer " + "k".repeat(5_000),
                          "Basic Og==",
                          "Bearer \u00ff",
                          "bearer x")),
          r ->
              "Prefer: "
                  + pick(
                      r,
                      List.of(
                          "respond-async",
                          "respond-async; wait=1",
                          ",,,",
                          "wait=-1",
                          "x".repeat(3_000))),
          r ->
              "Origin: "
                  + pick(r, List.of("https://evil.example", "null", "https://app.example", "")),
          r -> "Access-Control-Request-Method: " + pick(r, List.of("POST", "DELETE", "FOO")),
          r -> "Expect: " + pick(r, List.of("100-continue", "200-ok", "")),
          r ->
              "Accept: "
                  + pick(
                      r,
                      List.of(
                          "text/html", "application/xml", "*/*;q=-1", "", "application/json;q=0")),
          r ->
              "Accept-Encoding: "
                  + pick(r, List.of("gzip", "br", "deflate;q=2", "identity;q=0", "*;q=0")),
          r -> "Content-Encoding: " + pick(r, List.of("gzip", "br", "x-unknown")),
          r -> "X402-Version: " + pick(r, List.of("1", "2", "99", "-1", "one", "")),
          r ->
              "Range: "
                  + pick(
                      r,
                      List.of(
                          "bytes=0-1",
                          "bytes=999999999-",
                          "bytes=5-1",
                          "lines=1-2",
                          "bytes=" + "0-1,".repeat(500))),
          r -> "If-None-Match: " + pick(r, List.of("*", "\"x\"", "W/\"\"")),
          r ->
              "If-Modified-Since: "
                  + pick(r, List.of("yesterday", "Thu, 01 Jan 1970 00:00:00 GMT")),
          r -> "Cookie: " + "c=1; ".repeat(pick(r, List.of(10, 3_000))),
          r -> "Forwarded: for=" + pick(r, List.of("unknown", "\"[::1]\"", "1.2.3.4")),
          r -> "X-Forwarded-For: " + pick(r, List.of("1.2.3.4", "not an ip", "1.1.1.1, 2.2.2.2")),
          r -> "Content-Type: " + pick(r, List.of("application/json", "text/plain")),
          r -> "Connection: " + pick(r, List.of("Upgrade, HTTP2-Settings", "keep-alive", "TE")),
          r -> "Upgrade: " + pick(r, List.of("h2c", "websocket")),
          r -> "Transfer-Encoding: " + pick(r, List.of("identity", "gzip", "chunked, gzip")),
          r -> "Max-Forwards: " + pick(r, List.of("0", "-1")),
          r -> "Bad Header: x",
          r -> ": empty name",
          r -> "NoColon",
          r -> "X-Folded: a\r\n continued",
          r ->
              "X-Bytes: "
                  + new String(
                      new byte[] {(byte) 0xFF, (byte) 0xC0, 0x01}, StandardCharsets.ISO_8859_1));

  private static final List<String> VERSIONS =
      List.of(
          "HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/0.9", "HTTP/1.1x", "http/1.1", "HTTP/9.9", "");

  /** Any endpoint with one to four hostile headers, sometimes over a strange request line. */
  Case header(Random random) {
    Endpoint endpoint = pick(random, endpoints);
    List<String> headers = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      headers.add(pick(random, HEADERS).apply(random));
    }
    if (random.nextInt(10) == 0) {
      for (int i = 0; i < 300; i++) {
        headers.add("X-Many-" + i + ": " + i);
      }
    }
    byte[] body = new byte[0];
    if (!endpoint.bodies().isEmpty()) {
      body = utf8(pick(random, endpoint.bodies()));
      headers.add(0, "Content-Type: " + JSON);
    }
    headers.add("Content-Length: " + body.length);
    String version = random.nextInt(6) == 0 ? pick(random, VERSIONS) : "HTTP/1.1";
    boolean bareLf = random.nextInt(15) == 0;
    boolean noHost = random.nextInt(15) == 0;
    StringBuilder head = new StringBuilder();
    head.append(endpoint.method()).append(' ').append(endpoint.concrete());
    head.append(version.isEmpty() ? "" : " " + version).append("\r\n");
    if (!noHost) {
      head.append("Host: 127.0.0.1\r\n");
    }
    head.append("Connection: close\r\n");
    headers.forEach(header -> head.append(header).append("\r\n"));
    head.append("\r\n");
    String text = bareLf ? head.toString().replace("\r\n", "\n") : head.toString();
    String label =
        "headers "
            + shorten(String.join(" | ", headers))
            + (bareLf ? " (bare LF)" : "")
            + (noHost ? " (no Host)" : "")
            + " "
            + version;
    return new Case(
        label,
        endpoint,
        endpoint.method(),
        new RawHttp.Exchange(concat(text.getBytes(StandardCharsets.ISO_8859_1), body), false));
  }

  // ---- building ------------------------------------------------------------------------------

  private static Case post(String label, Endpoint endpoint, String contentType, byte[] body) {
    List<String> headers = new ArrayList<>();
    headers.add("Content-Type: " + contentType);
    headers.add("Content-Length: " + body.length);
    return exchange(label, endpoint, "POST", endpoint.concrete(), headers, body, false);
  }

  private static Case exchange(
      String label,
      Endpoint endpoint,
      String method,
      String target,
      List<String> headers,
      byte[] body,
      boolean halfClose) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
    headers.forEach(header -> head.append(header).append("\r\n"));
    head.append("\r\n");
    byte[] bytes = concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    String shown = label + ": " + shorten(new String(body, StandardCharsets.UTF_8));
    return new Case(shown, endpoint, method, new RawHttp.Exchange(bytes, halfClose));
  }

  private static byte[] chunks(byte[] body, int size, boolean last) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += size) {
      int length = Math.min(size, body.length - at);
      out.writeBytes(utf8(Integer.toHexString(length) + "\r\n"));
      out.write(body, at, length);
      out.writeBytes(utf8("\r\n"));
    }
    if (last) {
      out.writeBytes(utf8("0\r\n\r\n"));
    }
    return out.toByteArray();
  }

  private static byte[] insert(byte[] body, int at, byte[] bytes) {
    byte[] out = new byte[body.length + bytes.length];
    System.arraycopy(body, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(body, at, out, at + bytes.length, body.length - at);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return insert(a, a.length, b);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode object(String json) {
    return (ObjectNode) Json.parseObject(utf8(json), "template");
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String shorten(String text) {
    return text.length() <= 160
        ? text
        : text.substring(0, 160) + "...(" + text.length() + " chars)";
  }

  // ---- templates: well-formed, refused ---------------------------------------------------------

  /** An execution whose meta-transaction and fee are signed by the forger, not the user. */
  private static ObjectNode facilitate(Fixture fixture) {
    MetaTransaction call = fixture.call(0);
    TransferAuthorization fee =
        new TransferAuthorization(
            fixture.user.address(),
            Fixture.FORWARDER,
            BigInteger.valueOf(200_000),
            BigInteger.ZERO,
            call.deadline(),
            call.digest(fixture.forwarder));
    ObjectNode body =
        Json.object()
            .put("target", call.target().value())
            .put("calldata", call.calldata().hex())
            .put("gasLevel", call.gasLevel())
            .put("userAddress", fixture.user.address().value())
            .put("signature", FORGER.sign(call.digest(fixture.forwarder)).hex())
            .put("deadline", call.deadline())
            .put("nonce", call.nonce().toString());
    ObjectNode payment = body.putObject("payment");
    payment.set(
        "authorization",
        new X402Payments.Payment(fee, FORGER.sign(fee.receiveDigest(fixture.usdc)))
            .authorizationJson());
    payment.put("signature", FORGER.sign(fee.receiveDigest(fixture.usdc)).hex());
    return body;
  }

  /** An x402 body in {@code format} whose transfer the forger signed, not the payer. */
  private static ObjectNode x402(Fixture fixture, X402Format format) {
    ObjectNode body =
        X402Payments.body(format, X402Payments.payment(fixture, 5_000, FORGER), 5_000);
    if (format == X402Format.V2) {
      ObjectNode payload = (ObjectNode) body.get("paymentPayload");
      payload.putObject("resource").put("url", "https://shop.example/weather");
      payload.putObject("extensions").putObject("bazaar").putObject("info");
    }
    return body;
  }

  /** The JSON inside a Cronos body's {@code paymentHeader}. */
  private static ObjectNode header(ObjectNode cronos) {
    byte[] decoded = Base64.getDecoder().decode(cronos.get("paymentHeader").textValue());
    return (ObjectNode) Json.parseObject(decoded, "paymentHeader");
  }
}
