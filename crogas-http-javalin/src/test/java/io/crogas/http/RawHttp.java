package io.crogas.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP/1.1 exchange over a plain socket, for requests no well-behaved client sends: bytes that
 * are not UTF-8, lying lengths, broken framing, odd request lines. One connection per request
 * ({@code Connection: close}), so the answer ends where the socket does.
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * @param bytes the whole request as sent
   * @param halfClose whether to end the sending side afterwards (a body shorter than announced)
   */
  record Exchange(byte[] bytes, boolean halfClose) {}

  /** A parsed answer: the final status (1xx interim answers skipped), headers and body. */
  record Answer(int status, Map<String, String> headers, byte[] body) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The answer, or empty when the server closed without one. */
  static Optional<Answer> exchange(int port, Exchange request, boolean head) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      try {
        socket.getOutputStream().write(request.bytes());
        socket.getOutputStream().flush();
        if (request.halfClose()) {
          socket.shutdownOutput();
        }
      } catch (IOException refusedMidway) {
        // The server answered (or closed) before taking the whole request: read what it said.
      }
      return parse(readAll(socket.getInputStream()), head);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within 10 s", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // A reset after the answer (the server closed with unread request bytes): keep what came.
    }
    return out.toByteArray();
  }

  private static Optional<Answer> parse(byte[] raw, boolean head) {
    int start = 0;
    while (start < raw.length) {
      int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
      if (end < 0) {
        throw new AssertionError("an answer without a complete head: " + preview(raw, start));
      }
      String[] lines =
          new String(raw, start, end - start, StandardCharsets.ISO_8859_1).split("\r\n");
      String[] statusLine = lines[0].split(" ", 3);
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
        throw new AssertionError("not an HTTP status line: " + lines[0]);
      }
      int status = Integer.parseInt(statusLine[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.merge(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip(),
            (a, b) -> a + ", " + b);
      }
      int bodyStart = end + 4;
      if (status >= 100 && status < 200) {
        start = bodyStart;
        continue;
      }
      return Optional.of(new Answer(status, headers, body(raw, bodyStart, headers, head)));
    }
    return Optional.empty();
  }

  private static byte[] body(byte[] raw, int from, Map<String, String> headers, boolean head) {
    if (head) {
      return new byte[0];
    }
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = from;
      while (true) {
        int lineEnd = indexOf(raw, new byte[] {'\r', '\n'}, at);
        String size = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0];
        int length = Integer.parseInt(size.strip(), 16);
        if (length == 0) {
          return out.toByteArray();
        }
        out.write(raw, lineEnd + 2, length);
        at = lineEnd + 2 + length + 2;
      }
    }
    String length = headers.get("content-length");
    int size = length == null ? raw.length - from : Integer.parseInt(length);
    return java.util.Arrays.copyOfRange(raw, from, from + size);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String preview(byte[] raw, int from) {
    return new String(raw, from, Math.min(200, raw.length - from), StandardCharsets.ISO_8859_1);
  }
}
