package hyoka.search;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.Texts;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Turns what a researcher types into a Lucene query on one field. The syntax is deliberately small:
 * words (all required), {@code "phrases"}, {@code OR}, {@code AND}, {@code NOT}, a leading {@code
 * -} to exclude, parentheses. Every other query-syntax character ({@code : / ~ * ?} …) is taken
 * literally, because report texts are full of them (10件/年, 目標値:).
 */
final class QueryText {
  private QueryText() {}

  static Query parse(String text, String field, Analyzer analyzer) {
    String folded = Texts.fold(text).strip();
    // Lucene reports an open phrase as a lexical error with the text in Java escapes: say it
    // plainly.
    if (folded.chars().filter(c -> c == '"').count() % 2 != 0) {
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          "query '" + text + "' has an unbalanced quote: close the phrase with \"");
    }
    QueryParser parser = new QueryParser(field, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setSplitOnWhitespace(true);
    // A Japanese "word" between spaces is several tokens: they must be adjacent, as typed.
    parser.setAutoGeneratePhraseQueries(true);
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    Query q;
    try {
      q = parser.parse(escape(folded));
    } catch (ParseException | IllegalArgumentException e) {
      throw new HyokaException(
          ErrorCode.BAD_QUERY, "cannot parse query '" + text + "': " + firstLine(e));
    }
    if (q == null
        || q instanceof MatchNoDocsQuery
        || (q instanceof BooleanQuery b && b.clauses().isEmpty())) {
      throw new HyokaException(ErrorCode.BAD_QUERY, "query '" + text + "' has no searchable words");
    }
    if (q instanceof BooleanQuery b
        && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
      // Lucene matches nothing for a purely negative query: "0 matches" would read as an answer.
      throw new HyokaException(
          ErrorCode.BAD_QUERY, "query '" + text + "' only excludes words: add a word to find");
    }
    return q;
  }

  /**
   * Escapes the classic syntax characters we do not offer; keeps quotes, parentheses, a leading -.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean wordStart =
          i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(';
      switch (c) {
        case '\\', '+', '!', ':', '^', '[', ']', '{', '}', '~', '*', '?', '/', '&', '|' ->
            b.append('\\').append(c);
        case '-' -> {
          if (!wordStart) {
            b.append('\\');
          }
          b.append(c);
        }
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
