package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the table cuts a snippet to its column. */
class SearchFormatTest {
  /** The FY2018 report's 現状分析 of project 8 as the highlighter marks it for "除雪 体制". */
  private static final String LATE_MATCH =
      "平成30年9月の北海道胆振東部地震に伴うブラックアウトを教訓に、冬期の停電時にも«除排雪体制»を維持できるよう、" + "除雪ステーションの非常用電源と燃料の確保を進めた。";

  @Test
  void aSnippetWhoseMatchLiesPastTheColumnIsCutToShowTheMatch() {
    String cell = SearchFormat.snippetCell(LATE_MATCH, 70);
    assertThat(cell).contains("«除排雪体制»").startsWith("…").endsWith("…");
    assertThat(SearchFormat.width(cell)).isLessThanOrEqualTo(70);
  }

  @Test
  void aSnippetWhoseMatchIsVisibleIsCutAtItsEndOnly() {
    String early = "実績値については、気象状況に左右される面があるが、«除雪»、排雪依頼件数ともに、新たな取組等により一定程度の効果があったものと思われ";
    String cell = SearchFormat.snippetCell(early, 70);
    assertThat(cell).startsWith("実績値については、").contains("«除雪»").endsWith("…");
    assertThat(SearchFormat.width(cell)).isLessThanOrEqualTo(70);
    assertThat(SearchFormat.snippetCell("«除雪»事業", 70)).isEqualTo("«除雪»事業");
  }
}
