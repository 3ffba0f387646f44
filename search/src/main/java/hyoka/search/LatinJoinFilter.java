package hyoka.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Glues Latin words that Kuromoji cut at a joiner back into one token: {@code Wi-Fi} (also {@code
 * Ｗｉ－Ｆｉ} after NFKC, {@code Wi‐Fi}, {@code Wi・Fi}) becomes the one token {@code Wi-Fi}, which
 * {@link LatinPartsFilter} (index) or WordDelimiterGraphFilter (query) later expand into the joined
 * form {@code wifi} and the parts {@code wi}, {@code fi}. Only letters on both sides are joined (a
 * hyphen between digits is a range: H27-H31), and only through exactly one joiner with no gap, so
 * Japanese text is never touched: {@code コミュニティ・スクール} stays two words, as before. A middle dot
 * joins words of two letters or more only: between single letters it lists them ({@code S・S},
 * {@code A・B判定}); and letters that NFKC made from another char (Ⅱ → II) are not joined.
 *
 * <p>It reads a {@link JapaneseTokenizer} built with {@code discardPunctuation=false}, because the
 * joiner itself is a punctuation token, and drops every punctuation token that the tokenizer would
 * have dropped (a token whose first char is a space, control, punctuation or symbol char), without
 * leaving a position gap, as the tokenizer does: apart from the joins, the output is what {@code
 * discardPunctuation=true} gives ({@code JapaneseTextAnalyzerTest} checks that on whole reports).
 *
 * <p>At query time a single space joins too, so the phrase {@code "wi fi"} also matches {@code
 * wifi}; texts are not joined at spaces (in {@code Free Wi-Fi} the word is {@code wifi}, not {@code
 * freewifi}).
 */
final class LatinJoinFilter extends TokenFilter {
  /** A run of more parts is cut: every part and sub-run is indexed, so keep the count small. */
  static final int MAX_PARTS = 6;

  /** The char joined parts are written with; the later filters split at it. */
  static final char JOINER = '-';

  private final boolean joinSpaces;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final BaseFormAttribute baseForm = addAttribute(BaseFormAttribute.class);

  /** Tokens read ahead and not used, to be read again first. */
  private final Deque<State> pending = new ArrayDeque<>();

  private boolean exhausted;

  LatinJoinFilter(TokenStream in, boolean joinSpaces) {
    super(in);
    this.joinSpaces = joinSpaces;
  }

  @Override
  public boolean incrementToken() throws IOException {
    while (next()) {
      if (term.length() > 0 && isPunctuation(term.charAt(0))) {
        continue;
      }
      if (isLatin()) {
        joinRun();
      }
      return true;
    }
    return false;
  }

  /** Extends the Latin token in the attributes with the parts that follow it through joiners. */
  private void joinRun() throws IOException {
    if (!isPrintedAsLatin()) {
      return; // Ⅱ and its kind fold to Latin letters but join nothing
    }
    State first = captureState();
    StringBuilder joined = new StringBuilder().append(term);
    int start = offset.startOffset();
    int end = offset.endOffset();
    int parts = 1;
    boolean firstIsWord = term.length() >= 2;
    while (parts < MAX_PARTS && next()) {
      State joiner = captureState();
      if (!isJoiner() || offset.startOffset() != end) {
        pending.addFirst(joiner);
        break;
      }
      boolean dot = isMiddleDot(term.charAt(0));
      int joinerEnd = offset.endOffset();
      if (!next()) {
        pending.addFirst(joiner);
        break;
      }
      if (!isLatin()
          || offset.startOffset() != joinerEnd
          || !isPrintedAsLatin()
          // a middle dot between single letters lists them (A・B判定), it joins no word
          || dot && (!firstIsWord || term.length() < 2)) {
        pending.addFirst(captureState());
        pending.addFirst(joiner);
        break;
      }
      joined.append(JOINER).append(term);
      end = offset.endOffset();
      firstIsWord = term.length() >= 2;
      parts++;
    }
    restoreState(first);
    if (parts > 1) {
      term.setEmpty().append(joined);
      offset.setOffset(start, end);
      // a Latin word has no dictionary base form to replace it with
      baseForm.setToken(null);
    }
  }

  private boolean next() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(pending.pollFirst());
      return true;
    }
    if (exhausted) {
      return false;
    }
    if (input.incrementToken()) {
      return true;
    }
    exhausted = true;
    return false;
  }

  /** ASCII letters only (full-width letters are ASCII after NFKC). */
  private boolean isLatin() {
    if (term.length() == 0) {
      return false;
    }
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the token's printed span has one char per letter, as Latin letters (full-width or not)
   * have: Ⅱ (U+2161) is "II" after NFKC, and Ⅰ・Ⅱ must not become the word "iii".
   */
  private boolean isPrintedAsLatin() {
    return offset.endOffset() - offset.startOffset() == term.length();
  }

  static boolean isMiddleDot(char c) {
    return c == '\u30FB' || c == '\u00B7';
  }

  private boolean isJoiner() {
    if (term.length() != 1) {
      return false;
    }
    char c = term.charAt(0);
    return isJoiner(c) || joinSpaces && c == ' ';
  }

  /**
   * Hyphens and dashes that join word parts (- ‐ ‑ ‒ – — and the small hyphen-minus; the minus sign
   * and the full-width hyphen-minus are '-' already) and the middle dots (・, and · U+00B7).
   */
  static boolean isJoiner(char c) {
    return c == '-'
        || c >= '\u2010' && c <= '\u2014'
        || c == '\uFE63'
        || c == '\u30FB'
        || c == '\u00B7';
  }

  /** What the tokenizer's discardPunctuation drops: a token that starts with such a char. */
  static boolean isPunctuation(char c) {
    return switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.CONTROL,
          Character.FORMAT,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.CONNECTOR_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    exhausted = false;
  }
}
