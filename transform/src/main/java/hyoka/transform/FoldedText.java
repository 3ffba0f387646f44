package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Objects;

/**
 * A printed string together with its matching form: every code point folded on its own with {@link
 * Texts#fold} (NFKC plus the tilde and minus foldings) and every kind of space made an ASCII space.
 * Folding code point by code point keeps a map from the folded form back to the printed one, so a
 * value found by a pattern on the folded form can keep its exact printed text.
 */
public final class FoldedText {
  private final String printed;
  private final String folded;

  /**
   * origin[i] = index in printed of the code point that produced folded char i; one extra end. Null
   * when every printed char gave one folded char (origin[i] = i), as in most lines.
   */
  private final int[] origin;

  private FoldedText(String printed, String folded, int[] origin) {
    this.printed = printed;
    this.folded = folded;
    this.origin = origin;
  }

  /** The printed string and its folded form. */
  public static FoldedText of(String printed) {
    requireNonNull(printed, "printed is null");
    int length = printed.length();
    int i = 0;
    while (i < length && Texts.foldsToItself(printed.charAt(i))) {
      i++;
    }
    if (i == length) {
      // nothing to fold (blank lines, most Japanese text): the printed string is the folded one
      return new FoldedText(printed, printed, null);
    }
    return of(printed, i);
  }

  /**
   * The folding of a line whose first chars up to {@code i} fold to themselves. Apart from {@link
   * #of(String)} so that the JIT compiles the common case small and on its own.
   */
  private static FoldedText of(String printed, int i) {
    int length = printed.length();
    char[] b = new char[length + 8];
    int[] map = new int[b.length + 1];
    printed.getChars(0, i, b, 0);
    for (int k = 0; k < i; k++) {
      map[k] = k;
    }
    int n = i;
    boolean oneToOne = true;
    while (i < length) {
      char c = printed.charAt(i);
      // the common chars first, with no NFKC call and no substring (the same result: FoldingTest
      // compares every char with plain NFKC): those that fold to themselves, the full-width forms
      // of ASCII (NFKC maps U+FF01..U+FF5E to U+0021..U+007E)
      char fast = 0;
      if (Texts.foldsToItself(c)) {
        fast = c;
      } else if (Texts.isFullWidthAscii(c)) {
        fast = Texts.fullWidthToAscii(c);
      }
      if (fast != 0) {
        if (n == b.length) {
          b = Arrays.copyOf(b, b.length * 2);
          map = Arrays.copyOf(map, b.length + 1);
        }
        map[n] = i;
        b[n++] = fast;
        i++;
        continue;
      }
      int cp = printed.codePointAt(i);
      int cn = Character.charCount(cp);
      String f = foldCodePoint(printed, i, cp, cn);
      if (n + f.length() > b.length) {
        b = Arrays.copyOf(b, Math.max(b.length * 2, n + f.length()));
        map = Arrays.copyOf(map, b.length + 1);
      }
      for (int k = 0; k < f.length(); k++) {
        map[n] = i;
        b[n++] = f.charAt(k);
      }
      oneToOne &= cn == 1 && f.length() == 1;
      i += cn;
    }
    map[n] = length;
    // origin may be longer than needed: only its first n + 1 entries are read
    return new FoldedText(printed, new String(b, 0, n), oneToOne ? null : map);
  }

  /** One code point folded on its own; apart so that the rare NFKC call is not compiled inline. */
  private static String foldCodePoint(String printed, int i, int cp, int cn) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
        ? " "
        : Texts.fold(printed.substring(i, i + cn));
  }

  /** The text as printed. */
  public String printed() {
    return printed;
  }

  /**
   * The folded form: NFKC and {@link Texts#fold}, every space an ASCII space; as long as the
   * printed text or longer (a code point can fold into several chars).
   */
  public String folded() {
    return folded;
  }

  /** The printed text that produced folded[start, end). */
  public String printedOf(int start, int end) {
    if (start >= end) {
      return "";
    }
    // origin can be longer than the folded text: fail where the exact-length map would
    int from = origin(Objects.checkIndex(start, folded.length() + 1));
    int to = end >= folded.length() ? printed.length() : origin(end);
    // a code point folded into several chars: end inside it means take all of it
    if (to <= from) {
      to = Math.min(printed.length(), from + Character.charCount(printed.codePointAt(from)));
    }
    return printed.substring(from, to);
  }

  /** Equal when printed the same: the folded form and its map follow from the printed text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FoldedText t && printed.equals(t.printed);
  }

  @Override
  public int hashCode() {
    return printed.hashCode();
  }

  @Override
  public String toString() {
    return printed;
  }

  private int origin(int i) {
    return origin == null ? i : origin[i];
  }

  /** The folded form with all spaces removed: the key for labels and names. */
  public static String tight(String folded) {
    int space = folded.indexOf(' ');
    if (space < 0) {
      return folded;
    }
    char[] b = new char[folded.length() - 1];
    folded.getChars(0, space, b, 0);
    int n = space;
    for (int i = space + 1; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c != ' ') {
        b[n++] = c;
      }
    }
    return new String(b, 0, n);
  }
}
