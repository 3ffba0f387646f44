package hyoka.transform;

import java.text.Normalizer;

/**
 * Text normalisation shared by the parser, the warehouse keys and the search analyzer. Matching and
 * search work on the NFKC form (full-width ＬＥＤ = LED, Kangxi radical ⽬ = 目, U+2003 = space); the
 * printed form is always stored beside it. Radicals are the exception: {@link ReportText} folds
 * them in the stored text too, since they are a producer's defect, not a printed form.
 */
public final class Texts {
  private Texts() {}

  /**
   * NFKC plus the few foldings NFKC leaves out but that PDF producers vary on: CJK radicals become
   * the ideograph a Japanese reader sees ({@link Radicals}, before NFKC: NFKC folds no supplement
   * radical and gives the Chinese 戶 for ⼾), the wave dash 〜 (U+301C) and the full-width tilde (NFKC
   * gives '~') both become '~', and the minus-like signs become '-'. Dashes used as "no value" (―
   * U+2015, － U+FF0D) are not touched here.
   */
  public static String fold(String s) {
    if (s == null) {
      return null;
    }
    int full = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isFullWidthAscii(c)) {
        full++;
      } else if (!foldsToItself(c)) {
        return foldSlowly(s);
      }
    }
    // most report text is ASCII, kana, ideographs and full-width ASCII, where NFKC changes
    // nothing or maps char by char (nothing in such a string composes)
    if (full == 0) {
      return s;
    }
    char[] b = s.toCharArray();
    for (int i = 0; i < b.length; i++) {
      if (isFullWidthAscii(b[i])) {
        b[i] = fullWidthToAscii(b[i]);
      }
    }
    return new String(b);
  }

  private static String foldSlowly(String s) {
    String n = Normalizer.normalize(Radicals.fold(s), Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      switch (c) {
        case '\u301C', '\u2053' -> b.append('~');
        case '\u2212' -> b.append('-');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** U+FF01..U+FF5E, which NFKC maps to U+0021..U+007E. */
  static boolean isFullWidthAscii(char c) {
    return c >= '\uFF01' && c <= '\uFF5E';
  }

  static char fullWidthToAscii(char c) {
    return (char) (c - 0xFEE0);
  }

  /**
   * Whether {@link #fold} leaves this char as it is, alone or in any string of such chars:
   * printable ASCII, the kana, CJK punctuation and symbols the reports print (―, ※, →, ●, ➭), CJK
   * unified ideographs. All are NFKC starters that compose with nothing (FoldingTest checks every
   * char taken), so a string of them needs no normalisation. A cheap range test, checked before
   * NFKC.
   */
  static boolean foldsToItself(char c) {
    if (c < 0x3000) {
      return c >= 0x20 && c < 0x7F
          || c == '\u2015'
          || c == '\u203B'
          || c == '\u2192'
          || c == '\u25CF'
          || c == '\u27AD';
    }
    return c >= 0x4E00 && c <= 0x9FFF
        || c >= 0x3041 && c <= 0x3096
        || c >= 0x30A1 && c <= 0x30FC
        || c >= 0x3001 && c <= 0x3011;
  }
}
