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

  /**
   * Parentheses nested deeper than this are refused before Lucene's parser sees them: it recurses
   * once per level, and 5,000 of them overflowed the stack.
   */
  static final int MAX_DEPTH = 32;

  /** Characters of a query shown in a message; a longer one is cut with an ellipsis. */
  private static final int SHOWN = 60;

  /**
   * The query as a message shows it: on one line, control characters (a NUL, a tab) as spaces, at
   * most {@value #SHOWN} characters.
   */
  static String shown(String text) {
    String one = text.replaceAll("[\\s\\p{Cc}]+", " ").strip();
    return one.length() <= SHOWN ? one : one.substring(0, SHOWN) + "…";
  }

  static Query parse(String text, String field, Analyzer analyzer) {
    String folded = Texts.fold(text).strip();
    // Lucene reports an open phrase as a lexical error with the text in Java escapes: say it
    // plainly.
    if (folded.chars().filter(c -> c == '"').count() % 2 != 0) {
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          "query '" + shown(text) + "' has an unbalanced quote: close the phrase with \"");
    }
    Parens parens = parens(folded);
    int depth = parens.depth();
    if (depth > MAX_DEPTH) {
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          "query '"
              + shown(text)
              + "' nests parentheses "
              + depth
              + " deep: at most "
              + MAX_DEPTH
              + " are supported");
    }
    if (!parens.pair()) {
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          "query '"
              + shown(text)
              + "' has an unbalanced parenthesis: pair each ( with a ), or put the words in"
              + " quotes to search for them as printed (\"（継続\")");
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
      if (e.getCause() instanceof org.apache.lucene.search.IndexSearcher.TooManyClauses) {
        throw tooComplex(text);
      }
      String operator = misplacedOperator(folded);
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          operator != null
              ? "query '"
                  + shown(text)
                  + "' has "
                  + operator
                  + ": OR and AND join two words, NOT goes before a word to leave out"
              : "cannot parse query '" + shown(text) + "': " + firstLine(e));
    }
    if (q == null
        || q instanceof MatchNoDocsQuery
        || (q instanceof BooleanQuery b && b.clauses().isEmpty())) {
      throw new HyokaException(
          ErrorCode.BAD_QUERY, "query '" + shown(text) + "' has no searchable words");
    }
    if (q instanceof BooleanQuery b
        && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
      // Lucene matches nothing for a purely negative query: "0 matches" would read as an answer.
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          "query '" + shown(text) + "' only excludes words: add a word to find");
    }
    return q;
  }

  private enum Token {
    WORD,
    OPEN,
    CLOSE,
    AND,
    OR,
    NOT
  }

  /**
   * Where the query puts an operator with nothing to join ({@code 除雪 OR}, {@code AND 除雪}, {@code 除雪
   * OR OR 排雪}, {@code (NOT)}): "OR with no word after it", or null. Only for the message of a query
   * Lucene refused; phrases count as words.
   */
  private static String misplacedOperator(String folded) {
    java.util.List<Token> tokens = new java.util.ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean phrase = false;
    for (int i = 0; i <= folded.length(); i++) {
      char c = i < folded.length() ? folded.charAt(i) : ' ';
      if (phrase) {
        phrase = c != '"';
        continue;
      }
      if (c == '"') {
        word.append(c);
        phrase = true;
      } else if (Character.isWhitespace(c) || c == '(' || c == ')') {
        if (word.length() > 0) {
          String w = word.toString();
          tokens.add(
              switch (w) {
                case "AND" -> Token.AND;
                case "OR" -> Token.OR;
                case "NOT" -> Token.NOT;
                default -> Token.WORD;
              });
          word.setLength(0);
        }
        if (c == '(') {
          tokens.add(Token.OPEN);
        } else if (c == ')') {
          tokens.add(Token.CLOSE);
        }
      } else {
        word.append(c);
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t != Token.AND && t != Token.OR && t != Token.NOT) {
        continue;
      }
      Token before = i == 0 ? null : tokens.get(i - 1);
      Token after = i + 1 == tokens.size() ? null : tokens.get(i + 1);
      if (t != Token.NOT && before != Token.WORD && before != Token.CLOSE) {
        return t + " with no word before it";
      }
      if (after != Token.WORD && after != Token.OPEN && !(t != Token.NOT && after == Token.NOT)) {
        return t + " with no word after it";
      }
    }
    return null;
  }

  /** The deepest nesting of parentheses outside phrases, and whether they pair. */
  private record Parens(int depth, boolean pair) {}

  private static Parens parens(String s) {
    int depth = 0;
    int max = 0;
    boolean pair = true;
    boolean phrase = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        phrase = !phrase;
      } else if (!phrase && c == '(') {
        max = Math.max(max, ++depth);
      } else if (!phrase && c == ')' && --depth < 0) {
        pair = false;
        depth = 0;
      }
    }
    return new Parens(max, pair && depth == 0);
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

  /** Lucene's reason, without the query it repeats ({@code Cannot parse '…': reason}). */
  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    m = (nl < 0 ? m : m.substring(0, nl)).strip();
    if (m.startsWith("Cannot parse '")) {
      int reason = m.lastIndexOf("': ");
      if (reason > 0) {
        m = m.substring(reason + 3);
      }
    }
    return m;
  }

  static HyokaException tooComplex(String text) {
    return new HyokaException(
        ErrorCode.BAD_QUERY,
        "query '"
            + shown(text)
            + "' is too complex to run (it expands to more than "
            + org.apache.lucene.search.IndexSearcher.getMaxClauseCount()
            + " clauses): use fewer or shorter words");
  }
}
