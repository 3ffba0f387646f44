package hyoka.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Index side of the Latin joins: a token {@link LatinJoinFilter} glued ({@code wi-fi}) is indexed
 * as its joined form {@code wifi} and, at the same position, every part and every run of adjacent
 * parts ({@code wi}, {@code fi}; for {@code a-b-c} also {@code ab}, {@code bc}). So {@code wifi},
 * {@code wi-fi}, {@code wi fi} and {@code Ｗｉ－Ｆｉ} all find the text, and a phrase keeps working on
 * both sides of the word ({@code wifi環境}, {@code 移動式wifi}), which a graph flattened by
 * FlattenGraphFilter would not give (it puts {@code fi} one position after {@code wifi}).
 *
 * <p>The query side expands the same token with WordDelimiterGraphFilter into the graph {@code wifi
 * | wi fi}; its {@code wifi} path meets the joined form here, its {@code wi fi} path a text that
 * prints the parts apart.
 */
final class LatinPartsFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

  /** Stacked tokens still to emit: term, start, end. */
  private final List<Object[]> stacked = new ArrayList<>();

  private int next;
  private State state;

  LatinPartsFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (next < stacked.size()) {
      restoreState(state);
      Object[] t = stacked.get(next++);
      term.setEmpty().append((String) t[0]);
      offset.setOffset((Integer) t[1], (Integer) t[2]);
      posInc.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    String text = term.toString();
    if (text.indexOf(LatinJoinFilter.JOINER) < 0) {
      return true;
    }
    String[] parts = text.split(String.valueOf(LatinJoinFilter.JOINER), -1);
    int start = offset.startOffset();
    int end = offset.endOffset();
    // part offsets only where the term maps char by char onto the printed text
    boolean exact = end - start == text.length();
    int[] from = new int[parts.length];
    int[] to = new int[parts.length];
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      from[i] = exact ? start + at : start;
      to[i] = exact ? start + at + parts[i].length() : end;
      at += parts[i].length() + 1;
    }
    stacked.clear();
    next = 0;
    // in start-offset order: every run starting at part i, longest first (the whole run is the
    // token itself)
    for (int i = 0; i < parts.length; i++) {
      for (int j = parts.length; j > i; j--) {
        if (i == 0 && j == parts.length) {
          continue;
        }
        stacked.add(
            new Object[] {String.join("", List.of(parts).subList(i, j)), from[i], to[j - 1]});
      }
    }
    term.setEmpty().append(String.join("", parts));
    state = captureState();
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    stacked.clear();
    next = 0;
    state = null;
  }
}
