package hyoka.transform;

import static java.util.Objects.requireNonNull;

/**
 * A printed string together with its matching form: every code point folded on its own with {@link
 * Texts#fold} (NFKC plus the tilde and minus foldings) and every kind of space made an ASCII space.
 * Folding code point by code point keeps a map from the folded form back to the printed one, so a
 * value found by a pattern on the folded form can keep its exact printed text.
 */
final class FoldedText {
  private final String printed;
  private final String folded;

  /** origin[i] = index in printed of the code point that produced folded char i; one extra end. */
  private final int[] origin;

  private FoldedText(String printed, String folded, int[] origin) {
    this.printed = printed;
    this.folded = folded;
    this.origin = origin;
  }

  static FoldedText of(String printed) {
    requireNonNull(printed, "printed is null");
    StringBuilder b = new StringBuilder(printed.length());
    int[] map = new int[printed.length() * 4 + 1];
    int i = 0;
    while (i < printed.length()) {
      int cp = printed.codePointAt(i);
      int n = Character.charCount(cp);
      String f =
          Character.isWhitespace(cp) || Character.isSpaceChar(cp)
              ? " "
              : Texts.fold(printed.substring(i, i + n));
      for (int k = 0; k < f.length(); k++) {
        if (b.length() + 1 >= map.length) {
          map = java.util.Arrays.copyOf(map, map.length * 2);
        }
        map[b.length()] = i;
        b.append(f.charAt(k));
      }
      i += n;
    }
    map[b.length()] = printed.length();
    return new FoldedText(printed, b.toString(), java.util.Arrays.copyOf(map, b.length() + 1));
  }

  String printed() {
    return printed;
  }

  String folded() {
    return folded;
  }

  /** The printed text that produced folded[start, end). */
  String printedOf(int start, int end) {
    if (start >= end) {
      return "";
    }
    int from = origin[start];
    int to = end >= folded.length() ? printed.length() : origin[end];
    // a code point folded into several chars: end inside it means take all of it
    if (to <= from) {
      to = Math.min(printed.length(), from + Character.charCount(printed.codePointAt(from)));
    }
    return printed.substring(from, to);
  }

  /** The folded form with all spaces removed: the key for labels and names. */
  static String tight(String folded) {
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c != ' ') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
