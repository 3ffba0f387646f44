package hyoka.web;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses an API query string that the server would otherwise read as something else: Javalin drops
 * a parameter whose percent-encoding is broken ({@code year=%zz} searched every year, {@code
 * q=select+10%} ran as an empty query), decodes bytes that are not UTF-8 to U+FFFD, and answers a
 * repeated parameter ({@code q=a&q=b}) with its first value. Each is a 400 naming the parameter.
 */
final class QueryString {
  private QueryString() {}

  /** At most this much of a raw parameter is quoted in a message. */
  private static final int QUOTE = 40;

  static void check(String raw) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decode(rawName, rawName);
      if (eq >= 0) {
        decode(pair.substring(eq + 1), rawName);
      }
      if (!names.add(name)) {
        throw new HyokaException(
            ErrorCode.BAD_ARGUMENT,
            "the parameter "
                + quote(rawName)
                + " is given more than once: give it once (several grades go in one, as"
                + " grade=c,d)");
      }
    }
  }

  private static String decode(String s, String rawName) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new HyokaException(
              ErrorCode.BAD_ARGUMENT,
              "the parameter "
                  + quote(rawName)
                  + " has a '%' not followed by two hex digits: "
                  + quote(s.substring(i, Math.min(s.length(), i + 3)))
                  + " (write a % itself as %25)");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // not valid in a URL, but a client may send it raw: as its UTF-8
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT,
          "the parameter " + quote(rawName) + " is not UTF-8 once its %-escapes are decoded");
    }
  }

  private static String quote(String raw) {
    String s = raw.length() > QUOTE ? raw.substring(0, QUOTE) + "…" : raw;
    return "'" + s.replaceAll("[\\p{Cntrl}]", "?") + "'";
  }

  /** Whether {@code path} is one whose parameters the server reads (the API's). */
  static boolean checked(String path) {
    return path.toLowerCase(Locale.ROOT).startsWith("/api/");
  }
}
