package hyoka.warehouse;

import hyoka.transform.BudgetItem;
import hyoka.transform.GradeLegend;
import hyoka.transform.Grading;
import hyoka.transform.IngestedReport;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.MatchEvidence;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import hyoka.transform.ScoreRule;
import hyoka.transform.ScoreStatus;
import hyoka.transform.ValueKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small reports built by hand, for tests that must not depend on the parser. */
final class HandReports {
  private HandReports() {}

  static PrintedValue v(String printed, String number, String unit) {
    return PrintedValue.of(printed, new BigDecimal(number), unit);
  }

  /**
   * A one-project report of {@code fiscalYear} whose KPI 交通事故件数 prints actuals for 2015 up to the
   * year before, the report year's actual on its name line, baseline 213 (2014) and target 180
   * (2019). {@code h29} overrides the 2017 actual.
   */
  static IngestedReport report(String sha, int fiscalYear, String h29, Instant at) {
    List<KpiValue> values = new ArrayList<>();
    values.add(new KpiValue(2014, ValueKind.BASELINE, v("213件", "213", "件")));
    String[] actuals = {"162", "220", h29, "220", "173"};
    for (int year = 2015; year < fiscalYear; year++) {
      String a = actuals[year - 2015];
      values.add(new KpiValue(year, ValueKind.ACTUAL, v(a + "件", a, "件")));
    }
    String actual = actuals[fiscalYear - 2015];
    values.add(new KpiValue(2019, ValueKind.TARGET, v("180件", "180", "件")));
    Kpi kpi =
        new Kpi(
            1,
            "交通事故件数",
            "件",
            2014,
            v("213件", "213", "件"),
            v(actual + "件", actual, "件"),
            2019,
            v("180件", "180", "件"),
            values,
            v("121.21", "121.21", null),
            v("100.00", "100.00", null),
            new BigDecimal("121.21"),
            new BigDecimal("100.00"),
            ScoreStatus.MATCH,
            ScoreRule.LINEAR,
            null,
            null,
            "計画における目標値",
            List.of(),
            MatchEvidence.SINGLE,
            3,
            null);
    Kpi pending =
        new Kpi(
            2,
            "ＬＥＤ 防犯灯の 設置数",
            "灯",
            null,
            PrintedValue.missing("―", null, "dash"),
            PrintedValue.missing("（後日報告）灯", "灯", "pending"),
            2019,
            v("1,199灯", "1199", "灯"),
            List.of(
                new KpiValue(null, ValueKind.BASELINE, PrintedValue.missing("―", null, "dash"))),
            PrintedValue.notPrinted(),
            PrintedValue.notPrinted(),
            null,
            null,
            ScoreStatus.NOT_COMPUTABLE,
            ScoreRule.NONE,
            "actual pending",
            "※H29.3改訂で目標値見直し",
            null,
            List.of(1),
            MatchEvidence.ORDER_INFERRED,
            3,
            null);
    Project project =
        new Project(
            fiscalYear == 2019 ? 1 : 2,
            1,
            "あずましい暮らしプロジェクト",
            "交通安全 対策事業",
            "生活環境部",
            "生活安全課",
            "交通事故を減らす",
            3,
            List.of(kpi, pending),
            List.of(new BudgetItem(1, "交通安全推進", "概要の文", "目的の文", null, 3)),
            List.of(
                new Narrative(null, NarrativeKind.STATUS_ANALYSIS, "事故は減った", 3),
                new Narrative(1, NarrativeKind.OVERVIEW, "概要の文", 3)));
    ParsedReport parsed =
        new ParsedReport(
            "r" + fiscalYear + ".pdf",
            "strategy-report",
            fiscalYear,
            null,
            36,
            List.of(project),
            List.of(new ResidueLine(3, 1, " 6", ResidueClass.PAGE_MARKER)),
            null);
    // the producer printed a radical in one line, which the text repair folded before parsing
    return new IngestedReport(
        IngestedReport.reportIdOf(sha),
        "r" + fiscalYear + ".pdf",
        sha,
        "otaru",
        at,
        parsed,
        List.of(new hyoka.transform.TextRepair(1, 3, "交通事故件数 市\u2EA0", "交通事故件数 市民")));
  }

  static final String LEGEND = "評価基準：Ａ＝達成率100％以上　Ｂ＝80％以上100％未満　Ｃ＝50％以上80％未満　Ｄ＝50％未満　－＝実績なし";

  static GradeLegend legend(int page) {
    return new GradeLegend(
        LEGEND,
        page,
        List.of(
            new GradeLegend.Band("A", new BigDecimal("100"), null),
            new GradeLegend.Band("B", new BigDecimal("80"), new BigDecimal("100")),
            new GradeLegend.Band("C", new BigDecimal("50"), new BigDecimal("80")),
            new GradeLegend.Band("D", null, new BigDecimal("50"))),
        "-");
  }

  /**
   * The same project and KPIs as {@link #report}, as the evaluation sheets of {@code fiscalYear}
   * print them (layout kpi-sheet): one sheet per KPI with an achievement, a grade and a progress
   * label instead of scores, the project's 効果発現要因 and 今後の取組 texts, and the legend. Like the FY2018
   * sheets, a sheet of 2018 prints {@code ―} for the 2019 actual. KPI 1 is graded Ａ at 100.0％ (as
   * the legend says); KPI 2 has no actual and prints Ｂ where the legend gives －.
   */
  static IngestedReport sheet(String sha, int fiscalYear, String h29, Instant at) {
    List<KpiValue> values = new ArrayList<>();
    values.add(new KpiValue(2014, ValueKind.BASELINE, v("213件", "213", "件")));
    String[] actuals = {"162", "220", h29, "220", "173"};
    for (int year = 2015; year <= 2019; year++) {
      values.add(
          new KpiValue(
              year,
              ValueKind.ACTUAL,
              year <= fiscalYear
                  ? v(actuals[year - 2015] + "件", actuals[year - 2015], "件")
                  : PrintedValue.missing("―", null, "dash")));
    }
    values.add(new KpiValue(2019, ValueKind.TARGET, v("180件", "180", "件")));
    String actual = actuals[fiscalYear - 2015];
    Kpi kpi =
        new Kpi(
            1,
            "交通事故件数",
            "件",
            2014,
            v("213件", "213", "件"),
            v(actual + "件", actual, "件"),
            2019,
            v("180件", "180", "件"),
            values,
            PrintedValue.notPrinted(),
            PrintedValue.notPrinted(),
            null,
            null,
            ScoreStatus.NOT_COMPUTABLE,
            ScoreRule.NONE,
            "no score printed",
            null,
            "計画における目標値",
            List.of(),
            MatchEvidence.SINGLE,
            1,
            new Grading(
                v("100.0％", "100.0", "%"), "Ａ", "A", "A", ScoreStatus.MATCH, null, "順調", 1));
    Kpi pending =
        new Kpi(
            2,
            "ＬＥＤ 防犯灯の 設置数",
            "灯",
            null,
            PrintedValue.missing("―", null, "dash"),
            PrintedValue.missing("―", null, "dash"),
            2019,
            v("1,199灯", "1199", "灯"),
            List.of(
                new KpiValue(null, ValueKind.BASELINE, PrintedValue.missing("―", null, "dash"))),
            PrintedValue.notPrinted(),
            PrintedValue.notPrinted(),
            null,
            null,
            ScoreStatus.NOT_COMPUTABLE,
            ScoreRule.NONE,
            "no score printed",
            null,
            "防犯灯の設置計画",
            List.of(),
            MatchEvidence.SINGLE,
            2,
            new Grading(
                PrintedValue.missing("―", null, "dash"),
                "Ｂ",
                "B",
                "-",
                ScoreStatus.MISMATCH,
                "printed Ｂ, the legend gives － (no actual)",
                null,
                2));
    Project project =
        new Project(
            fiscalYear == 2019 ? 1 : 2,
            1,
            "あずましい暮らしプロジェクト",
            "交通安全 対策事業",
            "生活環境部",
            "生活安全課",
            null,
            1,
            List.of(kpi, pending),
            List.of(),
            List.of(
                new Narrative(null, NarrativeKind.EFFECT_FACTORS, "街頭啓発で事故は減った", 1),
                new Narrative(null, NarrativeKind.FUTURE_WORK, "高齢者の啓発を続ける", 1)));
    ParsedReport parsed =
        new ParsedReport(
            "s" + fiscalYear + ".pdf",
            "kpi-sheet",
            fiscalYear,
            null,
            2,
            List.of(project),
            List.of(new ResidueLine(1, 1, "- 1 -", ResidueClass.PAGE_MARKER)),
            legend(1));
    return new IngestedReport(
        IngestedReport.reportIdOf(sha), "s" + fiscalYear + ".pdf", sha, "otaru", at, parsed);
  }

  static String sha(char c) {
    return String.valueOf(c).repeat(64);
  }
}
