package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** The messages a researcher gets for query text Lucene's parser refuses. */
class QueryTextTest {
  private final Analyzer analyzer = JapaneseTextAnalyzer.forQuery();

  @Test
  void anUnbalancedQuoteIsNamedPlainly() {
    // Lucene's own message for this is a lexical error with the Japanese escaped.
    for (String q : new String[] {"\"除雪", "除雪 \"体制", "＂除雪"}) {
      assertThatThrownBy(() -> QueryText.parse(q, IndexFields.TEXT, analyzer))
          .isInstanceOfSatisfying(
              HyokaException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_QUERY);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "query '" + q + "' has an unbalanced quote: close the phrase with \"");
              });
    }
  }

  @Test
  void aQueryThatOnlyExcludesIsRefusedRatherThanMatchingNothing() {
    // Lucene matches no document for a purely negative query; "0 matches" would read as an answer.
    for (String q : new String[] {"NOT 除雪", "-除雪 -排雪"}) {
      assertThatThrownBy(() -> QueryText.parse(q, IndexFields.TEXT, analyzer))
          .isInstanceOfSatisfying(
              HyokaException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.BAD_QUERY);
                assertThat(e.getMessage())
                    .isEqualTo("query '" + q + "' only excludes words: add a word to find");
              });
    }
    assertThat(QueryText.parse("除雪 -排雪", IndexFields.TEXT, analyzer).toString())
        .startsWith("+(text:除雪")
        .contains(" -text:");
  }

  @Test
  void balancedPhrasesStillParse() {
    assertThat(QueryText.parse("\"除雪 体制\" OR 空家", IndexFields.TEXT, analyzer).toString())
        .contains("除雪 体制")
        .contains("空家");
  }

  private void refused(String q, String message) {
    assertThatThrownBy(() -> QueryText.parse(q, IndexFields.TEXT, analyzer))
        .as(q)
        .isInstanceOfSatisfying(
            HyokaException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.BAD_QUERY);
              assertThat(e.getMessage()).isEqualTo("query '" + q + "' " + message);
            });
  }

  @Test
  void anUnbalancedParenthesisIsNamedPlainly() {
    // a fragment pasted from a text: the reports print （継続）, which NFKC folds to (継続)
    for (String q : new String[] {"（継続", "(除雪", "除雪)", "除雪 (排雪 OR 体制", "(除雪))(", "\"(\" (除雪"}) {
      refused(
          q,
          "has an unbalanced parenthesis: pair each ( with a ), or put the words in quotes to"
              + " search for them as printed (\"（継続\")");
    }
    // inside a phrase a parenthesis is text; balanced ones group
    assertThat(QueryText.parse("\"早期発会（継続\"", IndexFields.TEXT, analyzer).toString())
        .contains("早期");
    assertThat(QueryText.parse("除雪 (排雪 OR 体制)", IndexFields.TEXT, analyzer).toString())
        .startsWith("+(text:除雪")
        .contains(" +(text:\"排 雪\" text:体制)");
  }

  @Test
  void anOperatorWithNothingToJoinIsNamedPlainly() {
    String hint = ": OR and AND join two words, NOT goes before a word to leave out";
    refused("除雪 OR", "has OR with no word after it" + hint);
    refused("OR 除雪", "has OR with no word before it" + hint);
    refused("AND", "has AND with no word before it" + hint);
    refused("除雪 OR OR 排雪", "has OR with no word after it" + hint);
    refused("除雪 AND NOT", "has NOT with no word after it" + hint);
    refused("(OR 除雪)", "has OR with no word before it" + hint);
    refused("除雪 ＯＲ", "has OR with no word after it" + hint);
    // valid combinations still parse
    for (String q : new String[] {"除雪 AND NOT 排雪", "\"除雪\" OR (排雪 AND 体制)", "除雪 OR -排雪"}) {
      assertThat(QueryText.parse(q, IndexFields.TEXT, analyzer)).as(q).isNotNull();
    }
  }
}
