package hyoka.transform;

import java.text.Normalizer;

/**
 * Text normalisation shared by the parser, the warehouse keys and the search analyzer. Matching and
 * search work on the NFKC form (full-width ＬＥＤ = LED, Kangxi radical ⽬ = 目, U+2003 = space); the
 * printed form is always stored beside it.
 */
public final class Texts {
  private Texts() {}

  /**
   * NFKC plus the few foldings NFKC leaves out but that PDF producers vary on: the wave dash 〜
   * (U+301C) and the full-width tilde (NFKC gives '~') both become '~', and the minus-like signs
   * become '-'. Dashes used as "no value" (― U+2015, － U+FF0D) are not touched here.
   */
  public static String fold(String s) {
    if (s == null) {
      return null;
    }
    if (isStable(s)) {
      // most report text is ASCII, kana and ideographs: NFKC would only copy it
      return s;
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
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

  /** Whether every char of s folds to itself, even next to its neighbours. */
  private static boolean isStable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!foldsToItself(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@link #fold} leaves this char as it is, alone or in any string of such chars:
   * printable ASCII, the kana and CJK punctuation the reports print, CJK unified ideographs. All
   * are NFKC starters that compose with nothing (TextsTest checks every char of these ranges), so a
   * string of them needs no normalisation. A cheap range test, checked before NFKC.
   */
  static boolean foldsToItself(char c) {
    if (c < 0x3000) {
      return c >= 0x20 && c < 0x7F;
    }
    return c >= 0x4E00 && c <= 0x9FFF
        || c >= 0x3041 && c <= 0x3096
        || c >= 0x30A1 && c <= 0x30FA
        || c == 0x30FC
        || c >= 0x3001 && c <= 0x3011;
  }
}
