package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's head (names, value rows, labels) and the narrative after it, on a page made here. */
class PageReaderTest {
  private static List<Line> page(int no, String... lines) {
    LineClassifier classifier = new LineClassifier();
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      out.add(classifier.classify(no, i + 1, lines[i]));
    }
    return out;
  }

  @Test
  void theHeadHoldsEachProjectsNameRowsNotesAndLabelPairs() {
    PageReader.Result r =
        new PageReader()
            .read(
                List.of(
                    page(
                        1,
                        " # （２）樽っ子プライド育成プロジェクト",
                        "66.67",
                        " 小樽産品商品力・販売力向上事業",
                        "（Ｈ31年度：稼ぐ力向上実践事業）",
                        "補正前ｽｺｱ スコア",
                        "11社 12社 14社 12社 2社 -55.56 -55.56 20社",
                        "0件 ― ― 0件 0件 0.00 0.00 12件",
                        "[目標値]",
                        "※H29.3改訂で追加",
                        "《現状分析》",
                        "●個別事業(予算ベース)●",
                        "概要：",
                        "目的：",
                        "概要：",
                        "目的： 男女共同参画の推進",
                        "小樽産品商品力・販売力向上事業費")));

    ProjectHead head = r.heads().get(0);
    assertThat(head.groupNo()).isEqualTo(2);
    assertThat(head.groupName()).isEqualTo("樽っ子プライド育成プロジェクト");
    assertThat(head.name()).isEqualTo("小樽産品商品力・販売力向上事業（Ｈ31年度：稼ぐ力向上実践事業）");
    assertThat(head.budgetPairs()).isEqualTo(2);
    assertThat(head.rows()).hasSize(2);
    // one [目標値] closes both rows: its note is theirs, and they share it
    assertThat(head.rows())
        .allSatisfy(
            row -> {
              assertThat(row.notes()).extracting(Line::printed).containsExactly("※H29.3改訂で追加");
              assertThat(row.noteGroup()).containsExactly(0, 1);
            });
    // the text glued to the last 目的： label starts the narrative
    assertThat(r.narrative())
        .extracting(Line::printed)
        .containsExactly("男女共同参画の推進", "小樽産品商品力・販売力向上事業費");
    assertThat(r.gluedToPurpose()).extracting(Line::printed).containsExactly("男女共同参画の推進");
    assertThat(r.residue())
        .extracting(ResidueLine::text, ResidueLine::cls)
        .containsExactly(
            tuple(" # （２）樽っ子プライド育成プロジェクト", ResidueClass.PAGE_MARKER),
            tuple("66.67", ResidueClass.CHART_LABEL));
  }

  @Test
  void aPageWithNoHeadIsNarrativeOnly() {
    PageReader.Result r =
        new PageReader().read(List.of(page(30, "国民健康保険の被保険者を対象に保健指導を実施する事業", "被保険者の健康増進を目的とする")));

    assertThat(r.heads()).isEmpty();
    assertThat(r.narrative()).hasSize(2);
  }
}
