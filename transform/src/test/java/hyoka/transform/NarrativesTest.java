package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Budget items and commentary, checked by hand against the report text, including the reading
 * order traps of report-format.md.
 */
class NarrativesTest {
  private static ParsedReport h31;
  private static ParsedReport h30;

  @BeforeAll
  static void parse() {
    EvaluationReportParser parser = new EvaluationReportParser();
    h31 = parser.parse(Fixtures.text("h31"));
    h30 = parser.parse(Fixtures.text("h30"));
  }

  private static Project p(ParsedReport r, int no) {
    return EvaluationReportParserTest.project(r, no);
  }

  private static String text(Project p, NarrativeKind kind) {
    return p.narratives().stream().filter(n -> n.kind() == kind && n.itemNo() == null)
        .map(Narrative::text).findFirst().orElse(null);
  }

  @Test
  void countsOverTheWholeReport() {
    assertThat(h31.projects().stream().mapToInt(x -> x.budgetItems().size()).sum()).isEqualTo(96);
    assertThat(h30.projects().stream().mapToInt(x -> x.budgetItems().size()).sum()).isEqualTo(96);
    // one item prints no name: project 49's block starts on a new page with its overview
    assertThat(h31.projects().stream().flatMap(x -> x.budgetItems().stream()
            .filter(i -> i.name() == null).map(i -> x.projectNo() + "/" + i.itemNo())))
        .containsExactly("49/1");
    assertThat(h31.projects()).allSatisfy(x -> {
      assertThat(text(x, NarrativeKind.FIVE_YEAR_SUMMARY)).isNotBlank();
      assertThat(text(x, NarrativeKind.STATUS_ANALYSIS)).isNotBlank();
    });
    // the FY2018 report has no five-year summary
    assertThat(h30.projects()).allSatisfy(x ->
        assertThat(text(x, NarrativeKind.FIVE_YEAR_SUMMARY)).isNull());
  }

  @Test
  void aPlainBlock() {
    Project p3 = p(h31, 3);
    BudgetItem i = p3.budgetItems().get(0);
    assertThat(i.name()).isEqualTo("住宅エコリフォーム助成事業費");
    assertThat(i.overview()).isEqualTo("住宅の断熱改修や省エネ型設備機器などの省エネ改修を行った場合の工事費用を一部助成する"
        + "制度。助成額は対象工事費の10分の1で助成限度額は30万円。");
    assertThat(i.purpose()).isEqualTo("市内における環境負荷の低減及び空き家の有効活用を図ることを目的とする。");
    assertThat(i.implementation()).isEqualTo("14件の申請があり、計2,074,000円の助成金を行った。");
    assertThat(i.page()).isEqualTo(1);
    assertThat(text(p3, NarrativeKind.FIVE_YEAR_SUMMARY)).startsWith("年々制度周知を進めてきた");
    assertThat(text(p3, NarrativeKind.STATUS_ANALYSIS))
        .startsWith("平成31年度は、消費税増税前の駆け込み需要もあり")
        .endsWith("今後は平成31年度以上の助成件数を出せるよう努める。");
    assertThat(p3.narratives()).extracting(Narrative::itemNo, Narrative::kind, Narrative::page)
        .contains(org.assertj.core.groups.Tuple.tuple(1, NarrativeKind.OVERVIEW, 1),
            org.assertj.core.groups.Tuple.tuple(1, NarrativeKind.PURPOSE, 1),
            org.assertj.core.groups.Tuple.tuple(1, NarrativeKind.IMPLEMENTATION, 1));
    assertThat(text(p(h30, 3), NarrativeKind.STATUS_ANALYSIS)).startsWith("平成30年度は、");
    assertThat(p(h30, 3).budgetItems().get(0).implementation())
        .isEqualTo("7件の申請があり、助成金の交付を行った。");
  }

  @Test
  void aNameStandingAloneAboveThe現状分析() {
    // P6: the first item's texts come first, its name stands alone above the 現状分析 further
    // down; its overview looks like a name (…のための交付金)
    Project p6 = p(h31, 6);
    assertThat(p6.budgetItems()).extracting(BudgetItem::name).containsExactly(
        "交通安全運動推進委員会交付金", "交通安全指導員協議会補助金", "交通安全協会補助金");
    assertThat(p6.budgetItems().get(0).overview()).isEqualTo("交通安全運動推進委員会の活動のための交付金");
    assertThat(p6.budgetItems().get(0).purpose()).startsWith("交通道徳の向上を図り");
    assertThat(text(p6, NarrativeKind.STATUS_ANALYSIS)).startsWith("近年、北海道の人身事故")
        .endsWith("と考える。");
    // P7: the same with the first item's texts at the block start
    Project p7 = p(h31, 7);
    assertThat(p7.budgetItems()).extracting(BudgetItem::name).containsExactly(
        "空家実態調査事業費", "小樽市特定空家等住宅除却費助成事業費", "空き家対策事業費");
    assertThat(p7.budgetItems().get(0).overview())
        .isEqualTo("市内全域を調査対象とし、空き家の位置や空き家の管理状況などを調査する。");
    assertThat(p7.budgetItems().get(1).overview()).endsWith("助成金：補助率1/3　限度額30万円");
    assertThat(text(p7, NarrativeKind.STATUS_ANALYSIS)).startsWith("特定空家等に対する法に基づく助言");
    assertThat(text(p7, NarrativeKind.FIVE_YEAR_SUMMARY)).startsWith("平成27年に空家特措法")
        .doesNotContain("特定空家等に対する法に基づく助言");
  }

  @Test
  void itemTextsAfterItsLabelElsewhere() {
    // P9: the first item's purpose comes before its label, its name and overview much later
    BudgetItem i = p(h31, 9).budgetItems().get(0);
    assertThat(i.name()).isEqualTo("街路防犯灯維持費補助金");
    assertThat(i.overview()).startsWith("夜間における治安の維持及び交通の安全を図るため、街路防犯灯を維持管理する");
    assertThat(i.purpose()).startsWith("街路防犯灯を維持管理している団体に対して");
    assertThat(i.implementation()).startsWith("小樽市街路防犯灯組合連合会に加入している199団体");
    // P35: two labels in a row; the second item's name and texts follow later
    BudgetItem second = p(h31, 35).budgetItems().get(1);
    assertThat(second.name()).isEqualTo("宣伝物製作等経費（観光宣伝費）");
    assertThat(second.overview()).isEqualTo("観光客誘致促進のため印刷物の作成等を行う。");
    assertThat(second.implementation()).startsWith("観光ポストカード");
    // P10: a name standing alone at the end of the block
    BudgetItem first = p(h31, 10).budgetItems().get(0);
    assertThat(first.name()).isEqualTo("地域公共交通活性化事業費");
    assertThat(first.overview()).startsWith("地域公共交通の活性化及び再生に関する法律");
  }

  @Test
  void aPurposeAfterAnotherItemsLabel() {
    // P37: 《…実施内容》 followed by the 目的 of the short-film item, whose label comes after
    Project p37 = p(h31, 37);
    BudgetItem film = p37.budgetItems().get(4);
    assertThat(film.name()).isEqualTo("小樽ショートフィルムセッション開催補助金");
    assertThat(film.overview()).isEqualTo("小樽の街を舞台としたショートフィルムのコンテストを開催。");
    assertThat(film.purpose()).startsWith("小樽の優れたロケーションを広く発信する")
        .endsWith("を目的として開催。");
    assertThat(film.implementation()).startsWith("Ｈ31は新型コロナ感染症防止対策のため");
    assertThat(p37.budgetItems().get(3).implementation()).isNull();
    // P32: the same for 小樽産品商品力・販売力向上事業費
    BudgetItem goods = p(h31, 32).budgetItems().stream()
        .filter(i -> "小樽産品商品力・販売力向上事業費".equals(i.name())).findFirst().orElseThrow();
    assertThat(goods.overview()).startsWith("主に食品分野において");
    assertThat(goods.purpose()).startsWith("主に食品分野において").endsWith("支援することを目的とする。");
  }

  @Test
  void theItemWithoutPrintedName() {
    BudgetItem i = p(h31, 49).budgetItems().get(0);
    assertThat(i.name()).isNull();
    assertThat(i.overview()).startsWith("国民健康保険の被保険者(40歳以上)を対象に")
        .endsWith("保健指導を実施する事業");
    assertThat(i.purpose()).isEqualTo("被保険者の健康増進・疾病予防・医療費の適正化を目的とする");
    assertThat(i.page()).isEqualTo(30);
  }

  @Test
  void the現状分析InsideTheSummaryRun() {
    // P8: 現状分析 between the summary and the item name
    Project p8 = p(h31, 8);
    assertThat(text(p8, NarrativeKind.FIVE_YEAR_SUMMARY)).endsWith("H31年度目標を達成している。");
    assertThat(text(p8, NarrativeKind.STATUS_ANALYSIS))
        .startsWith("実績値については、気象状況に左右される面があるが、除雪、排雪依頼件数ともに");
    // P5: three one-line paragraphs after the summary's wrapped one, before the item name;
    // the FY2018 report (no summary) prints the same 現状分析 alone
    Project p5 = p(h31, 5);
    assertThat(text(p5, NarrativeKind.FIVE_YEAR_SUMMARY)).startsWith("移住体験ツアーなど")
        .endsWith("改めて移住を意識するように促す。");
    assertThat(text(p5, NarrativeKind.STATUS_ANALYSIS))
        .isEqualTo(text(p(h30, 5), NarrativeKind.STATUS_ANALYSIS))
        .startsWith("全国的に移住がブームになっていた平成27年度より相談件数が増加した。")
        .endsWith("相談から移住に結びつけるよう丁寧な対応を行なっていく。");
    // P31: the 現状分析 repeats the summary, with ＜item＞ sub-headings
    Project p31 = p(h31, 31);
    assertThat(text(p31, NarrativeKind.STATUS_ANALYSIS))
        .isEqualTo(text(p31, NarrativeKind.FIVE_YEAR_SUMMARY)).startsWith("＜卒業記念硝子製作体験＞");
  }

  @Test
  void itemNarrativesMirrorTheItems() {
    for (Project x : h31.projects()) {
      for (BudgetItem i : x.budgetItems()) {
        List<String> texts = x.narratives().stream()
            .filter(n -> Integer.valueOf(i.itemNo()).equals(n.itemNo()))
            .map(Narrative::text).collect(Collectors.toList());
        List<String> expected = new java.util.ArrayList<>();
        for (String s : new String[] {i.overview(), i.purpose(), i.implementation()}) {
          if (s != null) {
            expected.add(s);
          }
        }
        assertThat(texts).as("P" + x.projectNo() + " item " + i.itemNo()).isEqualTo(expected);
      }
    }
  }
}
