package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.ScoreStatus;
import hyoka.transform.Semantics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The FY2019 report with a cell of a KPI value row left empty (the text then shows nothing there):
 * the KPI is kept with its name, every value that only one column can hold, and NULL {@code
 * not_printed} for the empty cell or {@code column_unknown} (with the row as printed) where the
 * units and the score rule leave more than one column possible; no other project changes.
 */
class EmptyCellVariantsTest {
  private static final String P6_ROW = "213件 162件 220件 244件 220件 121.21 100.00 180件";

  private static String shown(PrintedValue v) {
    return (v.isKnown() ? v.value().toPlainString() : "null(" + v.nullReason() + ")")
        + " «"
        + v.printed()
        + "»";
  }

  /** The KPI's values as year:kind=shown. */
  private static List<String> values(Kpi k) {
    List<String> out = new ArrayList<>();
    for (KpiValue v : k.values()) {
      out.add(v.fiscalYear() + ":" + v.kind().label() + "=" + shown(v.value()));
    }
    return out;
  }

  private static Kpi p6With(String row) {
    ParsedReport r = H31Variants.parse(H31Variants.replaceOnce(H31Variants.TEXT, P6_ROW, row));
    H31Variants.onlyThisProjectChanged(r, H31Variants.SEMANTICS, 6, "");
    // a one-KPI project: had its row been dropped, the next projects would not be as before
    assertThat(r.projects().get(5).kpis()).hasSize(1);
    Kpi k = Semantics.kpi(r, 6, 1);
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(shown(k.actual())).isEqualTo("173 «173件»");
    assertThat(k.unit()).isEqualTo("件");
    assertThat(k.targetBasis()).isEqualTo("-7件/年");
    return k;
  }

  @Test
  void theSampleRowIsReadAsBefore() {
    Kpi k = Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 6, 1);
    assertThat(values(k))
        .containsExactly(
            "2014:baseline=213 «213件»",
            "2015:actual=162 «162件»",
            "2016:actual=220 «220件»",
            "2017:actual=244 «244件»",
            "2018:actual=220 «220件»",
            "2019:actual=173 «173件»",
            "2019:target=180 «180件»");
  }

  /**
   * The score cell empty: units place baseline, actuals and target; the one bare number is the raw
   * score, not the score, because the score rule gives 121.21 and 100.00 and it prints 121.21.
   */
  @Test
  void anEmptyScoreCell() {
    Kpi k = p6With("213件 162件 220件 244件 220件 121.21 180件");
    assertThat(shown(k.rawScore())).isEqualTo("121.21 «121.21»");
    assertThat(shown(k.score())).isEqualTo("null(not_printed) «null»");
    assertThat(shown(k.baseline())).isEqualTo("213 «213件»");
    assertThat(shown(k.target())).isEqualTo("180 «180件»");
    assertThat(values(k))
        .containsExactly(
            "2014:baseline=213 «213件»",
            "2015:actual=162 «162件»",
            "2016:actual=220 «220件»",
            "2017:actual=244 «244件»",
            "2018:actual=220 «220件»",
            "2019:actual=173 «173件»",
            "2019:target=180 «180件»");
    assertThat(k.scoreComputed()).isEqualByComparingTo("100.00");
    // a printed score missing where the rule gives one is a mismatch (Scores.compare)
    assertThat(k.scoreStatus()).isEqualTo(ScoreStatus.MISMATCH);
  }

  @Test
  void anEmptyRawScoreCell() {
    Kpi k = p6With("213件 162件 220件 244件 220件 100.00 180件");
    assertThat(shown(k.rawScore())).isEqualTo("null(not_printed) «null»");
    assertThat(shown(k.score())).isEqualTo("100.00 «100.00»");
    assertThat(shown(k.target())).isEqualTo("180 «180件»");
  }

  /** Where the printed score is both the raw score and the score, nothing tells its column. */
  @Test
  void anEmptyScoreCellWhereRawAndScoreAgree() {
    String row = "18棟 21棟 27棟 31棟 34棟 60.00 60.00 48棟";
    String empty = "18棟 21棟 27棟 31棟 34棟 60.00 48棟";
    ParsedReport r = H31Variants.parse(H31Variants.replaceOnce(H31Variants.TEXT, row, empty));
    H31Variants.onlyThisProjectChanged(r, H31Variants.SEMANTICS, 1, "");
    Kpi k = Semantics.kpi(r, 1, 1);
    assertThat(k.name()).isNotNull();
    assertThat(shown(k.baseline())).isEqualTo("18 «18棟»");
    assertThat(shown(k.target())).isEqualTo("48 «48棟»");
    assertThat(shown(k.rawScore())).isEqualTo("null(column_unknown) «" + empty + "»");
    assertThat(shown(k.score())).isEqualTo("null(column_unknown) «" + empty + "»");
    assertThat(values(k)).contains("2018:actual=34 «34棟»");
  }

  @Test
  void anEmptyTargetCell() {
    Kpi k = p6With("213件 162件 220件 244件 220件 121.21 100.00");
    assertThat(shown(k.target())).isEqualTo("null(not_printed) «null»");
    assertThat(shown(k.rawScore())).isEqualTo("121.21 «121.21»");
    assertThat(shown(k.score())).isEqualTo("100.00 «100.00»");
    assertThat(values(k))
        .contains("2018:actual=220 «220件»", "2019:target=null(not_printed) «null»");
    assertThat(k.scoreStatus()).isEqualTo(ScoreStatus.NOT_COMPUTABLE);
  }

  /**
   * The H28 actual empty: the baseline is certain (with any other cell empty the score rule
   * reproduces the printed 121.21 from it), but which year is empty nothing tells, so every yearly
   * actual is NULL {@code column_unknown}; nothing is shifted into a neighbour's year.
   */
  @Test
  void anEmptyActualInTheMiddleYear() {
    String empty = "213件 162件 244件 220件 121.21 100.00 180件";
    Kpi k = p6With(empty);
    String unknown = "null(column_unknown) «" + empty + "»";
    assertThat(values(k))
        .containsExactly(
            "2014:baseline=213 «213件»",
            "2015:actual=" + unknown,
            "2016:actual=" + unknown,
            "2017:actual=" + unknown,
            "2018:actual=" + unknown,
            "2019:actual=173 «173件»",
            "2019:target=180 «180件»");
    assertThat(k.scoreStatus()).isEqualTo(ScoreStatus.MATCH);
  }

  @Test
  void twoEmptyCells() {
    String empty = "213件 162件 220件 220件 121.21 180件";
    Kpi k = p6With(empty);
    String unknown = "null(column_unknown) «" + empty + "»";
    assertThat(shown(k.baseline())).isEqualTo("213 «213件»");
    assertThat(shown(k.rawScore())).isEqualTo("121.21 «121.21»");
    assertThat(shown(k.score())).isEqualTo("null(not_printed) «null»");
    assertThat(shown(k.target())).isEqualTo("180 «180件»");
    assertThat(values(k)).contains("2015:actual=" + unknown, "2018:actual=" + unknown);
  }

  /**
   * In a project of two KPIs (P8) both rows with their score cell empty: the score rule still tells
   * which name line goes with which row (some placement of each row reproduces its printed raw
   * score from that name's actual), as with the full rows, and each keeps its raw score.
   */
  @Test
  void bothRowsOfATwoKpiProjectWithAnEmptyScoreCell() {
    String text =
        H31Variants.replaceOnce(
            H31Variants.replaceOnce(
                H31Variants.TEXT,
                "1,199件 488件 836件 639件 429件 274.80 100.00 830件",
                "1,199件 488件 836件 639件 429件 274.80 830件"),
            "498件 430件 827件 837件 231件 921.05 100.00 460件",
            "498件 430件 827件 837件 231件 921.05 460件");
    ParsedReport r = H31Variants.parse(text);
    H31Variants.onlyThisProjectChanged(r, H31Variants.SEMANTICS, 8, "");
    ParsedReport sample = H31Variants.parse(H31Variants.TEXT);
    for (int i = 1; i <= 2; i++) {
      Kpi k = Semantics.kpi(r, 8, i);
      Kpi want = Semantics.kpi(sample, 8, i);
      assertThat(k.name()).isEqualTo(want.name());
      assertThat(k.matchEvidence()).isEqualTo(want.matchEvidence());
      assertThat(k.actual()).isEqualTo(want.actual());
      assertThat(k.rawScore()).isEqualTo(want.rawScore());
      assertThat(k.score().nullReason()).isEqualTo("not_printed");
      assertThat(values(k)).containsExactlyElementsOf(values(want));
    }
    assertThat(Semantics.kpi(r, 8, 1).matchEvidence().name()).isEqualTo("SCORE_RULE");
  }

  /**
   * A header naming far more years than the row prints values (as a damaged or hostile file could):
   * the ways of leaving cells empty are not all tried, the row is NULL {@code unparseable} with the
   * row as printed, and the KPI keeps its name and actual.
   */
  @Test
  void aRowOfFewValuesUnderAHeaderOfManyYears() {
    StringBuilder years = new StringBuilder();
    for (int y = 1; y <= 60; y++) {
      years.append(" ").append(1900 + y).append("実績値");
    }
    String header = "施策ＫＰＩ 基準値(H26) H27実績値 H28実績値 H29実績値 H30実績値";
    // P6's header: the first after its basis line
    int basis = H31Variants.TEXT.indexOf("-7件/年");
    int at = H31Variants.TEXT.indexOf(header, basis);
    assertThat(basis).isGreaterThan(0);
    assertThat(at).isGreaterThan(basis);
    String manyYears =
        H31Variants.TEXT.substring(0, at)
            + "施策ＫＰＩ 基準値(H26)"
            + years
            + H31Variants.TEXT.substring(at + header.length());
    String text = H31Variants.replaceOnce(manyYears, P6_ROW, "213件 121.21 180件");
    ParsedReport r = H31Variants.parse(text);
    Kpi k = Semantics.kpi(r, 6, 1);
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(shown(k.actual())).isEqualTo("173 «173件»");
    assertThat(shown(k.baseline())).isEqualTo("null(unparseable) «213件 121.21 180件»");
    assertThat(shown(k.score())).isEqualTo("null(unparseable) «213件 121.21 180件»");
    assertThat(r.kpiCount()).isEqualTo(73);
  }

  /**
   * As many values as columns, but a unit on a score column (the shape of the non-row of
   * LineClassifierTest, with one value more): no placement puts a value with a unit into a score
   * column, so the row is NULL {@code unparseable} with the row as printed, and the KPI is kept.
   */
  @Test
  void aFullRowWithAUnitOnAScoreColumnIsNotRead() {
    String row = "213件 162件 220件 244件 220件 121.21 100件 180件";
    Kpi k = p6With(row);
    assertThat(shown(k.baseline())).isEqualTo("null(unparseable) «" + row + "»");
    assertThat(shown(k.score())).isEqualTo("null(unparseable) «" + row + "»");
    assertThat(shown(k.target())).isEqualTo("null(unparseable) «" + row + "»");
  }

  /** A table whose header prints 平成 and 令和 years written out: the same placement and years. */
  @Test
  void anEmptyScoreCellInAReiwaYearTable() {
    String text = H31Variants.reiwaHeaders(H31Variants.TEXT);
    List<String> original = Semantics.of(H31Variants.parse(text));
    ParsedReport r =
        H31Variants.parse(
            H31Variants.replaceOnce(text, P6_ROW, "213件 162件 220件 244件 220件 121.21 180件"));
    H31Variants.onlyThisProjectChanged(r, original, 6, "");
    Kpi k = Semantics.kpi(r, 6, 1);
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(values(k))
        .containsExactly(
            "2014:baseline=213 «213件»",
            "2015:actual=162 «162件»",
            "2016:actual=220 «220件»",
            "2017:actual=244 «244件»",
            "2018:actual=220 «220件»",
            "2019:actual=173 «173件»",
            "2019:target=180 «180件»");
    assertThat(shown(k.rawScore())).isEqualTo("121.21 «121.21»");
    assertThat(shown(k.score())).isEqualTo("null(not_printed) «null»");
  }

  /**
   * The line that LineClassifierTest pins as no row stays none outside a head's rows: put into a
   * project's 現状分析 text it is no KPI (73 still) and nothing else moves.
   */
  @Test
  void theNonRowStaysANonRowOutsideTheRows() {
    String line = "1件 2件 3件 4件 5件 6 7件";
    assertThat(new LineClassifier().classify(1, 1, line).kind()).isEqualTo(LineKind.TEXT);
    String name = "交通事故件数 173件";
    ParsedReport r =
        H31Variants.parse(H31Variants.replaceOnce(H31Variants.TEXT, name, line + "\n\n" + name));
    assertThat(r.projects()).hasSize(62);
    assertThat(r.kpiCount()).isEqualTo(73);
    assertThat(Semantics.kpi(r, 6, 1).name()).isEqualTo("交通事故件数");
    assertThat(values(Semantics.kpi(r, 6, 1)))
        .containsExactlyElementsOf(
            values(Semantics.kpi(H31Variants.parse(H31Variants.TEXT), 6, 1)));
  }
}
