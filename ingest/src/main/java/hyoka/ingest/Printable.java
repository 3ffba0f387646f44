package hyoka.ingest;

import java.util.HexFormat;

/**
 * File names as one line of text: what the ingest prints for a file and what the manifest stores. A
 * Linux file name may hold any character but {@code /} and NUL, including newlines, carriage
 * returns and terminal escape sequences; printed as they are, a newline splits a file's output line
 * in two, and an escape sequence rewrites the terminal.
 *
 * <p>Backslash and the characters that move the cursor or control the terminal are escaped as in C
 * and Java source: {@code \\}, {@code \n}, {@code \r}, {@code \t}, and {@code \x} with two hex
 * digits ({@code \x1b}) or a backslash, {@code u} and four hex digits for the others: C0 and C1
 * controls, DEL, the Unicode line and paragraph separators and the bidirectional controls, which
 * can make a name display as another. Everything else, Japanese included, stays as it is. {@link
 * #unescape} is the exact inverse.
 */
final class Printable {
  private Printable() {}

  /** {@code s} with backslash and control characters escaped; {@code s} itself when it has none. */
  static String of(String s) {
    int i = 0;
    while (i < s.length() && !needsEscape(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!needsEscape(c)) {
        b.append(c);
        continue;
      }
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x100) {
            b.append("\\x").append(HexFormat.of().toHexDigits((byte) c));
          } else {
            b.append("\\u").append(HexFormat.of().toHexDigits(c));
          }
        }
      }
    }
    return b.toString();
  }

  /** The inverse of {@link #of}. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'x' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }

  private static boolean needsEscape(char c) {
    return c == '\\'
        || c < 0x20
        || (c >= 0x7f && c < 0xa0)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }
}
