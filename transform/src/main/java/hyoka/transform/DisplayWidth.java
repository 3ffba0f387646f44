package hyoka.transform;

/**
 * Terminal columns of text, for the aligned tables every module prints (SQL results, search hits,
 * notebook plain-text fallbacks): East Asian Wide and Fullwidth characters (UAX #11, by block
 * ranges) take two columns, combining marks and zero-width spaces none.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  /** Columns {@code s} takes; 0 for null. */
  public static int of(String s) {
    if (s == null) {
      return 0;
    }
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += of(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** Columns one code point takes: 0, 1 or 2. */
  public static int of(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) {
      return 0;
    }
    return isWide(cp) ? 2 : 1;
  }

  /** East Asian Width W or F. */
  public static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  /** {@code s} cut to at most {@code max} columns, the cut marked with …; "" for null. */
  public static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    if (of(s) <= max) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = of(cp);
      if (w + cw > max - 1) {
        break;
      }
      b.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return b.append('…').toString();
  }
}
