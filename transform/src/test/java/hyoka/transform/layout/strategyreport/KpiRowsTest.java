package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.MatchEvidence;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import hyoka.transform.ScoreRule;
import hyoka.transform.ScoreStatus;
import hyoka.transform.ValueKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KPI rows checked by hand against the report text (value row in the page head, name line with the
 * report year's actual in the project's block, header years), spread over the four project groups,
 * and the same rows in the FY2018 report one year earlier.
 */
class KpiRowsTest {
  private static ParsedReport h31;
  private static ParsedReport h30;

  @BeforeAll
  static void parse() {
    EvaluationReportParser parser = new EvaluationReportParser();
    h31 = parser.parse(Fixtures.text("h31"));
    h30 = parser.parse(Fixtures.text("h30"));
  }

  /** Null in a numeric position means the report prints no number there. */
  private record Row(
      int project,
      int kpi,
      String name,
      String unit,
      Integer baselineYear,
      String baseline,
      String[] yearly,
      String actual,
      String target,
      String raw,
      String score,
      ScoreStatus status,
      ScoreRule rule) {}

  private static Row row(
      int project,
      int kpi,
      String name,
      String unit,
      Integer baselineYear,
      String baseline,
      String yearly,
      String actual,
      String target,
      String raw,
      String score,
      ScoreStatus status,
      ScoreRule rule) {
    String[] y = yearly.split(" ");
    for (int i = 0; i < y.length; i++) {
      y[i] = y[i].equals("-") ? null : y[i];
    }
    return new Row(
        project,
        kpi,
        name,
        unit,
        baselineYear,
        baseline,
        y,
        actual,
        target,
        raw,
        score,
        status,
        rule);
  }

  private static final ScoreStatus MATCH = ScoreStatus.MATCH;
  private static final ScoreStatus MISMATCH = ScoreStatus.MISMATCH;
  private static final ScoreStatus NOT_COMPUTABLE = ScoreStatus.NOT_COMPUTABLE;
  private static final ScoreRule LINEAR = ScoreRule.LINEAR;
  private static final ScoreRule MAINTAIN = ScoreRule.MAINTAIN_RATIO;
  private static final ScoreRule NONE = ScoreRule.NONE;

  // yearly = H27 H28 H29 H30 actuals, "-" where the report prints ―
  private static final List<Row> H31_ROWS =
      List.of(
          // (1) あずましい暮らし
          row(
              1,
              1,
              "市営住宅の改善・建替の実施棟数",
              "棟",
              2014,
              "18",
              "21 27 31 34",
              "36",
              "48",
              "60.00",
              "60.00",
              MATCH,
              LINEAR),
          row(
              3,
              1,
              "住宅エコリフォーム助成件数",
              "件",
              2015,
              "0",
              "- 5 9 7",
              "14",
              "30",
              "46.67",
              "46.67",
              MATCH,
              LINEAR),
          // a dash score: the actual is printed as ―件
          row(
              4,
              1,
              "助成対象起業者数",
              "件",
              2014,
              "5",
              "4 5 3 2",
              null,
              "6",
              null,
              null,
              NOT_COMPUTABLE,
              NONE),
          // two KPIs; the second name wraps over two lines
          row(
              5,
              1,
              "移住・定住に関する問合せ件数",
              "件",
              2014,
              "52",
              "104 78 70 88",
              "114",
              "100",
              "129.17",
              "100.00",
              MATCH,
              LINEAR),
          row(
              5,
              2,
              "移住ワンストップ窓口を利用した移住世帯数",
              "世帯",
              2014,
              "6",
              "6 12 4 5",
              "9",
              "10",
              "75.00",
              "75.00",
              MATCH,
              LINEAR),
          row(
              6,
              1,
              "交通事故件数",
              "件",
              2014,
              "213",
              "162 220 244 220",
              "173",
              "180",
              "121.21",
              "100.00",
              MATCH,
              LINEAR),
          // the printed 30.00 is 3 against the yearly 10件/年, not the printed target 50
          row(
              7,
              2,
              "特定空家等で除却・解体以外で是正された件数",
              "件",
              2014,
              "0",
              "0 0 0 2",
              "3",
              "50",
              "30.00",
              "30.00",
              MISMATCH,
              LINEAR),
          row(
              8,
              1,
              "市民の声「除雪依頼」件数",
              "件",
              2014,
              "1199",
              "488 836 639 429",
              "185",
              "830",
              "274.80",
              "100.00",
              MATCH,
              LINEAR),
          row(
              8,
              2,
              "市民の声「排雪依頼」件数",
              "件",
              2014,
              "498",
              "430 827 837 231",
              "148",
              "460",
              "921.05",
              "100.00",
              MATCH,
              LINEAR),
          // (2) 樽っ子プライド: a percentage printed without unit except on the target
          row(
              12,
              1,
              "授業がよくわかると答えた児童の割合（小学校）",
              "%",
              2014,
              "75.85",
              "79.90 80.60 78.60 87.20",
              "81.40",
              "90",
              "39.22",
              "39.22",
              MATCH,
              LINEAR),
          // the garbled header 基準値(H- / 1988): baseline year unknown
          row(
              14,
              1,
              "コミュニティスクールの指定",
              "校",
              null,
              "0",
              "- - - 1",
              "3",
              "2",
              "150.00",
              "100.00",
              MATCH,
              LINEAR),
          // clamped at -100; name wraps
          row(
              22,
              1,
              "幼稚園、保育所等における教育・保育環境充実に関する取組",
              "回",
              2014,
              "269",
              "359 309 241 278",
              "231",
              "300",
              "-122.58",
              "-100.00",
              MATCH,
              LINEAR),
          // 現状維持 with the target below the baseline: actual / baseline
          row(
              25,
              1,
              "乳幼児健診受診率",
              null,
              2014,
              "96.45",
              "95.80 97.00 97.20 96.20",
              "96.00",
              "96",
              "99.53",
              "99.53",
              MATCH,
              MAINTAIN),
          // (3) にぎわい再生: one of three KPIs
          row(
              36,
              3,
              "移動式Wi-Fi環境提供実績（設置日数）",
              "日",
              2014,
              "0",
              "17 18 35 28",
              "33",
              "30",
              "110.00",
              "100.00",
              MATCH,
              LINEAR),
          row(
              38,
              1,
              "創業支援対象者数",
              "件",
              2014,
              "117",
              "87 164 142 196",
              "157",
              "260",
              "27.97",
              "27.97",
              MATCH,
              LINEAR),
          // actual （後日報告）人: pending
          row(
              48,
              1,
              "北しりべし６市町村の外国人宿泊客数",
              "人",
              2014,
              "141441",
              "180741 203475 263831 320357",
              null,
              "332000",
              null,
              null,
              NOT_COMPUTABLE,
              NONE),
          // (4) あんしん絆: actual 未確定
          row(
              49,
              1,
              "特定健診受診率",
              "%",
              2014,
              "15.5",
              "16.0 16.5 18.0 20.0",
              null,
              "40",
              null,
              null,
              NOT_COMPUTABLE,
              NONE),
          row(
              50,
              1,
              "がんの標準化死亡比（男）",
              null,
              2014,
              "118.7",
              "119.1 120.1 120.3 121.1",
              "121.0",
              "117.1",
              "-143.75",
              "-100.00",
              MATCH,
              LINEAR),
          row(
              50,
              2,
              "がんの標準化死亡比（女）",
              null,
              2014,
              "112.1",
              "112.4 114.2 114.0 113.9",
              "116.1",
              "109.3",
              "-142.86",
              "-100.00",
              MATCH,
              LINEAR),
          // 現状維持 with target = baseline, published as 86.67: no rule gives it
          row(
              59,
              1,
              "町会加入数",
              "町会",
              2014,
              "152",
              "151 151 151 151",
              "151",
              "152",
              "86.67",
              "86.67",
              MISMATCH,
              MAINTAIN),
          row(
              61,
              1,
              "連携事業数",
              "回",
              2014,
              "13",
              "12 12 12 11",
              "10",
              "16",
              "-100.00",
              "-100.00",
              MATCH,
              LINEAR),
          row(62, 1, "連携事業数", "回", 2014, "1", "2 2 2 2", "1", "5", "0.00", "0.00", MATCH, LINEAR));

  // the same rows in FY2018: H27-H29 columns, the H30 actual on the name line
  private static final List<Row> H30_ROWS =
      List.of(
          row(
              1,
              1,
              "市営住宅の改善・建替の実施棟数",
              "棟",
              2014,
              "18",
              "21 27 31",
              "34",
              "48",
              "53.33",
              "53.33",
              MATCH,
              LINEAR),
          row(
              4,
              1,
              "助成対象起業者数",
              "件",
              2014,
              "5",
              "4 5 3",
              "2",
              "6",
              "-300.00",
              "-100.00",
              MATCH,
              LINEAR),
          row(
              6,
              1,
              "交通事故件数",
              "件",
              2014,
              "213",
              "162 220 244",
              "220",
              "180",
              "-21.21",
              "-21.21",
              MATCH,
              LINEAR),
          row(
              14,
              1,
              "コミュニティスクールの指定",
              "校",
              null,
              "0",
              "- - -",
              "1",
              "2",
              "50.00",
              "50.00",
              MATCH,
              LINEAR),
          row(
              25,
              1,
              "乳幼児健診受診率",
              null,
              2014,
              "96.45",
              "95.80 97.00 97.20",
              "96.20",
              "96",
              "99.74",
              "99.74",
              MATCH,
              MAINTAIN),
          row(
              48,
              1,
              "北しりべし６市町村の外国人宿泊客数",
              "人",
              2014,
              "141441",
              "180741 203475 263831",
              "320357",
              "332000",
              "93.89",
              "93.89",
              MATCH,
              LINEAR),
          row(
              49,
              1,
              "特定健診受診率",
              "%",
              2014,
              "15.5",
              "16.0 16.5 18.0",
              "20.0",
              "40",
              "18.37",
              "18.37",
              MATCH,
              LINEAR),
          row(
              59,
              1,
              "町会加入数",
              "町会",
              2014,
              "152",
              "151 151 151",
              "151",
              "152",
              "99.34",
              "99.34",
              MATCH,
              MAINTAIN),
          row(
              61,
              1,
              "連携事業数",
              "回",
              2014,
              "13",
              "12 12 12",
              "11",
              "16",
              "-66.67",
              "-66.67",
              MATCH,
              LINEAR));

  @Test
  void fy2019RowsAsPrinted() {
    assertThat(H31_ROWS.stream().map(r -> h31.projects().get(r.project() - 1).groupNo()).distinct())
        .containsExactlyInAnyOrder(1, 2, 3, 4);
    for (Row r : H31_ROWS) {
      check(h31, r, 2015, 2019);
    }
  }

  @Test
  void fy2018RowsOneYearEarlier() {
    for (Row r : H30_ROWS) {
      check(h30, r, 2015, 2018);
    }
  }

  @Test
  void projectsWithTwoAndThreeKpis() {
    assertThat(EvaluationReportParserTest.project(h31, 8).kpis()).hasSize(2);
    assertThat(EvaluationReportParserTest.project(h31, 36).kpis()).hasSize(3);
    assertThat(EvaluationReportParserTest.project(h31, 36).kpis())
        .extracting(Kpi::name)
        .containsExactly("観光案内所利用者数", "国際インフォーメーションセンター年間利用者数", "移動式Wi-Fi環境提供実績（設置日数）");
  }

  @Test
  void missingValuesKeepTheirPrintedText() {
    Kpi k4 = EvaluationReportParserTest.project(h31, 4).kpis().get(0);
    assertThat(k4.actual().printed()).isEqualTo("―件");
    assertThat(k4.actual().nullReason()).isEqualTo("dash");
    assertThat(k4.rawScore().printed()).isEqualTo("―");
    Kpi k48 = EvaluationReportParserTest.project(h31, 48).kpis().get(0);
    assertThat(k48.actual().printed()).isEqualTo("（後日報告）人");
    assertThat(k48.actual().nullReason()).isEqualTo("pending");
    assertThat(k48.rawScore().printed()).isEqualTo("－");
    Kpi k49 = EvaluationReportParserTest.project(h31, 49).kpis().get(0);
    assertThat(k49.actual().printed()).isEqualTo("未確定");
    assertThat(k49.actual().nullReason()).isEqualTo("undetermined");
    Kpi k3 = EvaluationReportParserTest.project(h31, 3).kpis().get(0);
    assertThat(k3.values().get(1).value().printed()).isEqualTo("―");
    assertThat(k3.values().get(1).value().value()).isNull();
  }

  @Test
  void notesAndBasesSharedByRowsAreSaidToBeShared() {
    Project p7 = EvaluationReportParserTest.project(h31, 7);
    assertThat(p7.kpis())
        .extracting(Kpi::targetNote)
        .containsExactly("※H29.3改訂で指標見直し", "※H29.3改訂で指標見直し");
    assertThat(p7.kpis()).extracting(Kpi::sharedNoteWith).containsExactly(List.of(2), List.of(1));
    Project p8 = EvaluationReportParserTest.project(h31, 8);
    assertThat(p8.kpis().get(0).targetNote()).isEqualTo("※H29.3改訂で目標値見直し950件→830件");
    assertThat(p8.kpis().get(1).targetNote()).isNull();
    assertThat(p8.kpis()).extracting(Kpi::sharedNoteWith).containsExactly(List.of(), List.of());
    assertThat(p8.kpis())
        .extracting(Kpi::targetBasis)
        .containsExactly("過去5年間の平均値×8割", "過去5年間の平均値×8割");
    Project p50 = EvaluationReportParserTest.project(h31, 50);
    assertThat(p50.kpis())
        .extracting(Kpi::targetBasis)
        .containsOnly("-0.4/年(男),-0.7/年(女)×4（単年では変動が大きい→10年間の平均値)");
    assertThat(p50.kpis()).extracting(Kpi::sharedNoteWith).containsExactly(List.of(2), List.of(1));
  }

  @Test
  void aBasisWrappedInsideParenthesesKeepsItsSecondLine() {
    // P32: `5事業(技術開発促進事業・…、海外販路` / `拡大支援事業:90)の計　～　基準値(H26):未計測`
    for (ParsedReport r : List.of(h31, h30)) {
      Project p32 = EvaluationReportParserTest.project(r, 32);
      assertThat(p32.kpis())
          .singleElement()
          .extracting(Kpi::targetBasis)
          .asString()
          .startsWith("5事業(技術開発促進事業・ものづくり市場開拓支援事業:10、")
          .endsWith("海外販路 拡大支援事業:90)の計　～　基準値(H26):未計測");
      assertThat(p32.narratives()).noneSatisfy(n -> assertThat(n.text()).contains("拡大支援事業:90)の計"));
    }
  }

  @Test
  void matchEvidenceSaysWhatDecided() {
    assertThat(EvaluationReportParserTest.project(h31, 6).kpis().get(0).matchEvidence())
        .isEqualTo(MatchEvidence.SINGLE);
    assertThat(EvaluationReportParserTest.project(h31, 8).kpis())
        .extracting(Kpi::matchEvidence)
        .containsOnly(MatchEvidence.SCORE_RULE);
    // both actuals 0 (P11) or both ― (P28): nothing but the printed order can tell
    assertThat(EvaluationReportParserTest.project(h31, 11).kpis())
        .extracting(Kpi::matchEvidence)
        .containsOnly(MatchEvidence.ORDER_INFERRED);
    assertThat(EvaluationReportParserTest.project(h31, 28).kpis())
        .extracting(Kpi::matchEvidence)
        .containsOnly(MatchEvidence.ORDER_INFERRED);
  }

  private static void check(ParsedReport report, Row r, int firstYear, int reportYear) {
    Kpi k = EvaluationReportParserTest.project(report, r.project()).kpis().get(r.kpi() - 1);
    String at = "P" + r.project() + " K" + r.kpi() + " FY" + report.fiscalYear();
    assertThat(k.name()).as(at).isEqualTo(r.name());
    assertThat(k.unit()).as(at).isEqualTo(r.unit());
    assertThat(k.baselineYear()).as(at).isEqualTo(r.baselineYear());
    assertThat(number(k.baseline())).as(at).isEqualTo(dec(r.baseline()));
    assertThat(number(k.actual())).as(at).isEqualTo(dec(r.actual()));
    assertThat(number(k.target())).as(at).isEqualTo(dec(r.target()));
    assertThat(k.targetYear()).as(at).isEqualTo(2019);
    assertThat(number(k.rawScore())).as(at).isEqualTo(dec(r.raw()));
    assertThat(number(k.score())).as(at).isEqualTo(dec(r.score()));
    assertThat(k.scoreStatus()).as(at).isEqualTo(r.status());
    assertThat(k.scoreRule()).as(at).isEqualTo(r.rule());
    List<String> years = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (KpiValue v : k.values()) {
      if (v.kind() == ValueKind.ACTUAL) {
        years.add(String.valueOf(v.fiscalYear()));
        values.add(number(v.value()));
      }
    }
    List<String> expectedYears = new ArrayList<>();
    for (int y = firstYear; y <= reportYear; y++) {
      expectedYears.add(String.valueOf(y));
    }
    assertThat(years).as(at + " actual years").isEqualTo(expectedYears);
    List<BigDecimal> expected = new ArrayList<>();
    Arrays.stream(r.yearly()).forEach(s -> expected.add(dec(s)));
    expected.add(dec(r.actual()));
    assertThat(values).as(at + " actuals").isEqualTo(expected);
    if (k.scoreStatus() == ScoreStatus.MATCH) {
      assertThat(k.rawScoreComputed()).as(at).isEqualByComparingTo(k.rawScore().value());
      assertThat(k.scoreComputed()).as(at).isEqualByComparingTo(k.score().value());
    }
  }

  private static BigDecimal number(PrintedValue v) {
    return v.value() == null ? null : v.value().stripTrailingZeros();
  }

  private static BigDecimal dec(String s) {
    return s == null ? null : new BigDecimal(s).stripTrailingZeros();
  }
}
