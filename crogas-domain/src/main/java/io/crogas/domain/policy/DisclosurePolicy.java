package io.crogas.domain.policy;

import java.util.regex.Pattern;

/**
 * What of a failure text may be shown to clients. Failure texts are built from exception messages
 * and node answers, which quote RPC URLs (providers put API keys in them), file paths and stack
 * frames; none of that belongs in an answer or a journal record that answers are read from. URLs
 * become {@code <url>}, paths {@code <path>}, Java class names and frames disappear, and only the
 * first line, at most {@value #MAX_LENGTH} characters, is kept.
 */
public final class DisclosurePolicy {
  static final int MAX_LENGTH = 300;

  private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"'<>]+");
  private static final Pattern WINDOWS_PATH = Pattern.compile("\\b[A-Za-z]:\\\\[^\\s\"'<>()]+");
  private static final Pattern UNIX_PATH =
      Pattern.compile("(?<![\\w.:/])/(?:[^\\s/\"'<>():]+/)+[^\\s/\"'<>():]*");
  private static final Pattern FRAME = Pattern.compile("\\s*\\bat [\\w$./<>]+\\([^)]*\\)");
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable)\\b:?\\s*");

  private DisclosurePolicy() {}

  /** {@code raw} without URLs, file paths, class names or stack frames, on one short line. */
  public static String publicText(String raw) {
    String text = raw == null ? "" : raw;
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline);
    }
    text = URL.matcher(text).replaceAll("<url>");
    text = WINDOWS_PATH.matcher(text).replaceAll("<path>");
    text = UNIX_PATH.matcher(text).replaceAll("<path>");
    text = FRAME.matcher(text).replaceAll("");
    text = CLASS_NAME.matcher(text).replaceAll("");
    text = text.strip();
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
  }
}
