package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import hyoka.transform.Semantics;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A project's KPI table broken over a page break, as a report with longer tables prints it: P8's
 * second row (and its [目標値]) at the top of the next page, alone or under P8's name repeated with
 * (続き) / (継続). The row stays P8's, on the page it is printed on, and nothing else changes, with or
 * without form feeds between the pages; before, the next page lost its head and every later project
 * was numbered one off, with other projects' names and actuals.
 */
class TableBreakVariantsTest {
  private static final EvaluationReportParser PARSER = new EvaluationReportParser();
  private static final String ROW = "498件 430件 827件 837件 231件 921.05 100.00 460件 \n\n\n[目標値]\n\n\n";
  private static final String NEXT_PAGE = "\f\n 9\n\n\n";
  private static String h31Text;
  private static ParsedReport h31;

  @BeforeAll
  static void parseOriginal() {
    h31Text = Fixtures.text("h31").joined();
    h31 = PARSER.parse(ReportText.of("h31.pdf", h31Text));
  }

  private static ParsedReport broken(String before) {
    assertThat(h31Text.indexOf(ROW)).isGreaterThan(0).isEqualTo(h31Text.lastIndexOf(ROW));
    assertThat(h31Text.indexOf(NEXT_PAGE))
        .isGreaterThan(0)
        .isEqualTo(h31Text.lastIndexOf(NEXT_PAGE));
    String variant = h31Text.replace(ROW, "").replace(NEXT_PAGE, NEXT_PAGE + before + ROW);
    assertThat(variant).isNotEqualTo(h31Text);
    ParsedReport paged = PARSER.parse(ReportText.of("h31.pdf", variant));
    // the same text without form feeds is cut into the same pages
    ParsedReport plain = PARSER.parse(ReportText.of("h31.pdf", variant.replace("\f", "")));
    assertThat(plain.pageCount()).isEqualTo(36);
    assertThat(Semantics.of(plain).stream().filter(l -> !l.startsWith("R ")).toList())
        .containsExactlyElementsOf(
            Semantics.of(paged).stream().filter(l -> !l.startsWith("R ")).toList());
    return paged;
  }

  /** The semantics with P8's second KPI on page 6 instead of 5, and without residue lines. */
  private static List<String> expected() {
    return Semantics.of(h31).stream()
        .filter(l -> !l.startsWith("R "))
        .map(l -> l.startsWith("  K2 市民の声「排雪依頼」件数 ") ? l.replace(" p5 ", " p6 ") : l)
        .toList();
  }

  private static void theRowStaysItsProjects(ParsedReport r) {
    assertThat(r.projects()).hasSize(62);
    assertThat(r.kpiCount()).isEqualTo(73);
    assertThat(r.unknownResidue()).isEqualTo(3);
    assertThat(Semantics.of(r).stream().filter(l -> !l.startsWith("R ")).toList())
        .containsExactlyElementsOf(expected());
    Kpi k = r.projects().get(7).kpis().get(1);
    assertThat(k.name()).isEqualTo("市民の声「排雪依頼」件数");
    assertThat(k.page()).isEqualTo(6);
    assertThat(k.actual().printed()).isEqualTo("148件");
  }

  /**
   * The row at the top of the next page with its score cell empty: still P8's second KPI, on page
   * 6, with the raw score placed by the score rule and the score not printed.
   */
  @Test
  void aRowWithAnEmptyCellAtTheTopOfTheNextPage() {
    String empty = "498件 430件 827件 837件 231件 921.05 460件";
    assertThat(h31Text.indexOf(NEXT_PAGE)).isGreaterThan(0);
    String variant =
        h31Text
            .replace(ROW, "")
            .replace(NEXT_PAGE, NEXT_PAGE + ROW.replace("921.05 100.00 460件", "921.05 460件"));
    for (String text : List.of(variant, variant.replace("\f", ""))) {
      ParsedReport r = PARSER.parse(ReportText.of("h31.pdf", text));
      assertThat(r.projects()).hasSize(62);
      assertThat(r.kpiCount()).isEqualTo(73);
      assertThat(r.unknownResidue()).isEqualTo(3);
      Kpi k = r.projects().get(7).kpis().get(1);
      assertThat(k.name()).isEqualTo("市民の声「排雪依頼」件数");
      assertThat(k.page()).isEqualTo(6);
      assertThat(k.rawScore().value()).isEqualByComparingTo("921.05");
      assertThat(k.score().nullReason()).isEqualTo("not_printed");
      assertThat(k.target().printed()).isEqualTo("460件");
      assertThat(k.values().get(4).value().printed()).isEqualTo("231件");
      assertThat(Semantics.of(r).stream().filter(l -> !l.startsWith("R ")).toList())
          .as(empty)
          .hasSameSizeAs(expected());
      // every other project as with the full row
      assertThat(r.projects().subList(8, 62)).isEqualTo(h31.projects().subList(8, 62));
    }
  }

  @Test
  void aRowAtTheTopOfTheNextPage() {
    theRowStaysItsProjects(broken(""));
  }

  @Test
  void aRowUnderTheProjectsNameRepeatedWithItsScoreLabel() {
    ParsedReport r = broken("除雪事業（続き）\n\n\n補正前ｽｺｱ スコア\n\n\n");
    theRowStaysItsProjects(r);
    assertThat(r.residue())
        .filteredOn(l -> l.text().startsWith("除雪事業"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.cls()).isEqualTo(ResidueClass.SECTION_LABEL);
              assertThat(l.page()).isEqualTo(6);
              assertThat(l.note()).contains("repeated");
            });
  }

  @Test
  void aRowUnderTheProjectsNameRepeatedAlone() {
    ParsedReport r = broken("除雪事業(継続)\n\n\n");
    theRowStaysItsProjects(r);
    assertThat(r.residue()).extracting(ResidueLine::text).contains("除雪事業(継続)");
  }

  /**
   * Page 30 holds only the rest of P49's narrative block; a report that repeats the project's name
   * with (続き) there printed it as P49's first budget item's name, which the item does not print.
   * The repeated name is residue; the parse is the fixture's otherwise, with or without form feeds.
   */
  @Test
  void aProjectsNameRepeatedOverItsTextsIsNoItemName() {
    String page30 = "\f\n \n\n\n国民健康保険の被保険者";
    assertThat(h31Text.indexOf(page30)).isGreaterThan(0).isEqualTo(h31Text.lastIndexOf(page30));
    String variant = h31Text.replace(page30, "\f\n \n\n\n特定健康診査等事業（続き）\n\n\n国民健康保険の被保険者");
    for (String text : List.of(variant, variant.replace("\f", ""))) {
      ParsedReport r = PARSER.parse(ReportText.of("h31.pdf", text));
      assertThat(Semantics.of(r).stream().filter(l -> !l.startsWith("R ")).toList())
          .containsExactlyElementsOf(
              Semantics.of(h31).stream().filter(l -> !l.startsWith("R ")).toList());
      assertThat(r.projects().get(48).budgetItems().get(0).name()).isNull();
      assertThat(r.unknownResidue()).isEqualTo(3);
      assertThat(r.residue())
          .filteredOn(l -> l.text().startsWith("特定健康診査等事業"))
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.cls()).isEqualTo(ResidueClass.SECTION_LABEL);
                assertThat(l.page()).isEqualTo(30);
              });
    }
  }
}
