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
}
