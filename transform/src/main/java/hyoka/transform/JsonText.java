package hyoka.transform;

import java.util.Locale;

/**
 * JSON string literals for the hand-written JSON outputs (SQL results, search hits). Japanese stays
 * as UTF-8 text, not {@code \\u} escapes, so the output is readable and greppable; only what JSON
 * requires (and U+2028/U+2029, which break JavaScript readers) is escaped.
 */
public final class JsonText {
  private JsonText() {}

  /** Appends {@code s} as a JSON string, or {@code null}. */
  public static void append(StringBuilder b, String s) {
    if (s == null) {
      b.append("null");
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
