package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.ProducerVariants;
import hyoka.transform.ReportText;
import hyoka.transform.ScoreStatus;
import hyoka.transform.Semantics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FY2019 report with one KPI row printed as other cities and later years print their values (▲
 * for minus, 約 and （見込）, 以上, 未集計, a range, a word for a target): the row is still read, every value
 * is the number or NULL with its reason and keeps its printed text, and nothing else of the parse
 * changes.
 */
class ValueVariantsTest {
  private static final EvaluationReportParser PARSER = new EvaluationReportParser();
  private static String h31Text;
  private static List<String> h31;

  @BeforeAll
  static void parseOriginal() {
    h31Text = Fixtures.text("h31").joined();
    h31 = Semantics.of(PARSER.parse(ReportText.of("h31.pdf", h31Text)));
  }

  /** The report with the one line that starts with {@code from} printed as {@code to}. */
  private static ParsedReport parseWith(String from, String to) {
    int at = h31Text.indexOf(from);
    assertThat(at).as(from).isGreaterThanOrEqualTo(0);
    assertThat(h31Text.indexOf(from, at + 1)).as("once: " + from).isEqualTo(-1);
    String variant = h31Text.replace(from, to);
    assertThat(variant).isNotEqualTo(h31Text);
    ParsedReport r = PARSER.parse(ReportText.of("h31.pdf", variant));
    // a producer's spaces between numbers and Japanese (約 220 件, 220 件（見込）) change nothing
    ParsedReport spaced = PARSER.parse(ReportText.of("h31.pdf", ProducerVariants.spaced(variant)));
    assertThat(Semantics.of(spaced)).isEqualTo(Semantics.of(r));
    return r;
  }

  private static void onlyThisProjectChanged(ParsedReport r, int projectNo) {
    assertThat(r.projects()).hasSize(62);
    assertThat(r.kpiCount()).isEqualTo(73);
    assertThat(r.unknownResidue()).isEqualTo(3);
    assertThat(Semantics.allBut(Semantics.of(r), projectNo))
        .containsExactlyElementsOf(Semantics.allBut(h31, projectNo));
  }

  private static String shown(PrintedValue v) {
    return (v.isKnown() ? v.value().toPlainString() : "null(" + v.nullReason() + ")")
        + " «"
        + v.printed()
        + "»"
        + (v.qualifier() == null ? "" : " [" + v.qualifier() + "]");
  }

  @Test
  void accountingMinusInTheScoreColumns() {
    for (String minus : List.of("▲", "△", "▲ ")) {
      ParsedReport r =
          parseWith(
              "269回 359回 309回 241回 278回 -122.58 -100.00 300回",
              "269回 359回 309回 241回 278回 " + minus + "122.58 " + minus + "100.00 300回");
      onlyThisProjectChanged(r, 22);
      Kpi k = Semantics.kpi(r, 22, 1);
      assertThat(shown(k.rawScore())).isEqualTo("-122.58 «" + minus + "122.58»");
      assertThat(shown(k.score())).isEqualTo("-100.00 «" + minus + "100.00»");
      assertThat(k.name()).isEqualTo("幼稚園、保育所等における教育・保育環境充実に関する取組");
      assertThat(k.scoreStatus()).isEqualTo(ScoreStatus.MATCH);
    }
  }

  @Test
  void anEstimateOrAFigureToComeInTheRow() {
    String row = "213件 162件 220件 244件 220件 121.21 100.00 180件";
    String[][] cases = {
      {"約220件", "220 «約220件» [approximate]"},
      {"約 ２２０件", "220 «約 ２２０件» [approximate]"},
      {"概ね220件", "220 «概ね220件» [approximate]"},
      {"220件程度", "220 «220件程度» [approximate]"},
      {"220件(見込)", "220 «220件(見込)» [estimate]"},
      {"220件（見込）", "220 «220件（見込）» [estimate]"},
      {"220件見込み", "220 «220件見込み» [estimate]"},
      {"220件（見込値）", "220 «220件（見込値）» [estimate]"},
      {"220件（暫定）", "220 «220件（暫定）» [provisional]"},
      {"（暫定）220件", "220 «（暫定）220件» [provisional]"},
      {"未集計", "null(pending) «未集計»"},
      {"集計中", "null(pending) «集計中»"},
    };
    for (String[] c : cases) {
      ParsedReport r = parseWith(row, "213件 162件 220件 244件 " + c[0] + " 121.21 100.00 180件");
      onlyThisProjectChanged(r, 6);
      Kpi k = Semantics.kpi(r, 6, 1);
      KpiValue h30 = k.values().get(4);
      assertThat(h30.fiscalYear()).isEqualTo(2018);
      assertThat(shown(h30.value())).as(c[0]).isEqualTo(c[1]);
      assertThat(k.name()).isEqualTo("交通事故件数");
      assertThat(shown(k.actual())).isEqualTo("173 «173件»");
      assertThat(k.unit()).isEqualTo("件");
    }
  }

  @Test
  void aTargetPrintedAsABoundARangeOrAWord() {
    String row = "213件 162件 220件 244件 220件 121.21 100.00 180件";
    String[][] cases = {
      {"180件以上", "180 «180件以上» [at_least]", "MATCH"},
      {"180件以下", "180 «180件以下» [at_most]", "MATCH"},
      {"約180件以上", "180 «約180件以上» [approximate,at_least]", "MATCH"},
      {"180件未満", "180 «180件未満» [below]", "MATCH"},
      {"170～190件", "null(unparseable) «170～190件»", "NOT_COMPUTABLE"},
      {"減少", "null(unparseable) «減少»", "NOT_COMPUTABLE"},
    };
    for (String[] c : cases) {
      ParsedReport r = parseWith(row, "213件 162件 220件 244件 220件 121.21 100.00 " + c[0]);
      onlyThisProjectChanged(r, 6);
      Kpi k = Semantics.kpi(r, 6, 1);
      assertThat(shown(k.target())).as(c[0]).isEqualTo(c[1]);
      assertThat(k.unit()).isEqualTo("件");
      assertThat(k.scoreStatus().name()).isEqualTo(c[2]);
      // the printed scores are kept whatever hyoka can compute
      assertThat(shown(k.score())).isEqualTo("100.00 «100.00»");
    }
    ParsedReport r =
        parseWith(
            "152町会 151町会 151町会 151町会 151町会 86.67 86.67 152町会",
            "152町会 151町会 151町会 151町会 151町会 86.67 86.67 維持");
    onlyThisProjectChanged(r, 59);
    assertThat(shown(Semantics.kpi(r, 59, 1).target())).isEqualTo("null(unparseable) «維持»");
    assertThat(Semantics.kpi(r, 59, 1).name()).isEqualTo("町会加入数");
  }

  @Test
  void theReportYearsActualWithAQualifierOrToCome() {
    String[][] cases = {
      {"約173件", "173 «約173件» [approximate]"},
      {"約１７３件", "173 «約１７３件» [approximate]"},
      {"173件（見込み）", "173 «173件（見込み）» [estimate]"},
      {"173件(見込)", "173 «173件(見込)» [estimate]"},
      {"（見込）173件", "173 «（見込）173件» [estimate]"},
      {"173件（速報値）", "173 «173件（速報値）» [provisional]"},
      {"未集計", "null(pending) «未集計»"},
      {"集計中", "null(pending) «集計中»"},
    };
    for (String[] c : cases) {
      ParsedReport r = parseWith("交通事故件数 173件", "交通事故件数 " + c[0]);
      onlyThisProjectChanged(r, 6);
      Kpi k = Semantics.kpi(r, 6, 1);
      assertThat(k.name()).as(c[0]).isEqualTo("交通事故件数");
      assertThat(shown(k.actual())).as(c[0]).isEqualTo(c[1]);
      if (k.actual().isKnown()) {
        // the report scored the qualified number as printed: hyoka's score matches it, no note
        assertThat(k.scoreStatus()).as(c[0]).isEqualTo(ScoreStatus.MATCH);
        assertThat(k.scoreNote()).as(c[0]).isNull();
      }
    }
  }

  /**
   * A row without units (only its target prints %) with a cell left empty has one value fewer than
   * its header has columns, and the units cannot tell which cell: the value is placed only where
   * every placement the score rule leaves puts the same one (EmptyCellVariantsTest for rows with
   * units). Any other column is NULL {@code column_unknown} with the row as printed; an H30 actual
   * is never read as a score, nor a score as the target. The KPI keeps its name and the report
   * year's actual from its name line.
   */
  @Test
  void aRowWithoutUnitsWithACellLeftEmpty() {
    String row = "75.85 79.90 80.60 78.60 87.20 39.22 39.22 90%";
    String[][] cases = {
      // the score cell (or the raw score's) empty: 39.22 is both, nothing tells which was printed
      {
        "75.85 79.90 80.60 78.60 87.20  39.22 90%",
        "75.85",
        "79.90 80.60 78.60 87.20",
        "?",
        "?",
        "90"
      },
      // the target empty: with no target the score rule confirms no placement; nothing is certain
      {"75.85 79.90 80.60 78.60 87.20 39.22 39.22", "?", "? ? ? ?", "?", "?", "?"},
      // the H27 actual empty: the score rule reproduces 39.22 from 75.85 and 90%
      {"75.85  80.60 78.60 87.20 39.22 39.22 90%", "75.85", "? ? ? ?", "?", "?", "90"},
    };
    for (String[] c : cases) {
      String empty = c[0];
      ParsedReport r = parseWith(row, empty);
      assertThat(r.projects()).hasSize(62);
      assertThat(r.kpiCount()).isEqualTo(73);
      assertThat(Semantics.allBut(Semantics.of(r), 12))
          .containsExactlyElementsOf(Semantics.allBut(h31, 12));
      Kpi k = Semantics.kpi(r, 12, 1);
      String unknown = "null(column_unknown) «" + empty + "»";
      java.util.function.Function<String, String> cell =
          v -> v.equals("?") ? unknown : v + " «" + (v.equals("90") ? "90%" : v) + "»";
      assertThat(shown(k.baseline())).as(empty).isEqualTo(cell.apply(c[1]));
      List<String> years = new ArrayList<>();
      for (String y : c[2].split(" ")) {
        years.add(cell.apply(y));
      }
      assertThat(k.values().subList(1, 5))
          .extracting(v -> shown(v.value()))
          .as(empty)
          .containsExactlyElementsOf(years);
      assertThat(k.values().subList(1, 5))
          .extracting(KpiValue::fiscalYear)
          .containsExactly(2015, 2016, 2017, 2018);
      assertThat(shown(k.rawScore())).as(empty).isEqualTo(cell.apply(c[3]));
      assertThat(shown(k.score())).as(empty).isEqualTo(cell.apply(c[4]));
      assertThat(shown(k.target())).as(empty).isEqualTo(cell.apply(c[5]));
      assertThat(k.name()).isEqualTo("授業がよくわかると答えた児童の割合（小学校）");
      assertThat(shown(k.actual())).isEqualTo("81.40 «81.40»");
      // the project's other row is read as before
      assertThat(shown(Semantics.kpi(r, 12, 2).rawScore())).isEqualTo("27.33 «27.33»");
    }
  }

  /**
   * The report year's actual cell left empty: the KPI keeps its name and target basis, its actual
   * is NULL {@code not_printed}, and the name and basis are not read into the 現状分析 text (they were:
   * `交通事故件数-7件/年近年、北海道の…`).
   */
  @Test
  void theReportYearsActualLeftEmpty() {
    ParsedReport r = parseWith("交通事故件数 173件", "交通事故件数");
    onlyThisProjectChanged(r, 6);
    Kpi k = Semantics.kpi(r, 6, 1);
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(shown(k.actual())).isEqualTo("null(not_printed) «null»");
    assertThat(k.targetBasis()).isEqualTo("-7件/年");
    List<String> original = Semantics.of(PARSER.parse(ReportText.of("h31.pdf", h31Text)));
    List<String> texts =
        Semantics.of(r).stream().filter(l -> l.startsWith("  N") || l.startsWith("  I")).toList();
    assertThat(texts).isNotEmpty().allSatisfy(l -> assertThat(original).contains(l));
  }
}
