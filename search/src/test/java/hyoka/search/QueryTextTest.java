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
}
