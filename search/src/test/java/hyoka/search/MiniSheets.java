package hyoka.search;

import hyoka.transform.GradeLegend;
import hyoka.transform.Grading;
import hyoka.transform.IngestedReport;
import hyoka.transform.Kpi;
import hyoka.transform.MatchEvidence;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import hyoka.transform.ScoreRule;
import hyoka.transform.ScoreStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Two projects of {@link MiniSample} as the FY2019 evaluation sheets (layout kpi-sheet) print them:
 * an achievement, a grade and a progress label per KPI instead of scores, the project's 効果発現要因 and
 * 今後の取組, and the KPI's 設定根拠. Project 3 is graded Ｄ; project 8's first KPI Ａ, its second printed Ｂ
 * although its achievement (100.0％) gives Ａ by the legend.
 */
final class MiniSheets {
  private MiniSheets() {}

  static final String LEGEND = "評価基準：Ａ＝達成率100％以上　Ｂ＝80％以上100％未満　Ｃ＝50％以上80％未満　Ｄ＝50％未満　－＝実績なし";

  static IngestedReport report(String sha256, String series, int fiscalYear) {
    GradeLegend legend =
        new GradeLegend(
            LEGEND,
            1,
            List.of(
                new GradeLegend.Band("A", new BigDecimal("100"), null),
                new GradeLegend.Band("B", new BigDecimal("80"), new BigDecimal("100")),
                new GradeLegend.Band("C", new BigDecimal("50"), new BigDecimal("80")),
                new GradeLegend.Band("D", null, new BigDecimal("50"))),
            "-");
    ParsedReport parsed =
        new ParsedReport(
            "otaru-sheets-r01.pdf",
            "kpi-sheet",
            fiscalYear,
            null,
            3,
            List.of(project3(), project8()),
            List.of(),
            legend);
    return new IngestedReport(
        IngestedReport.reportIdOf(sha256),
        "otaru-sheets-r01.pdf",
        sha256,
        series,
        Instant.parse("2026-11-28T10:00:00Z"),
        parsed);
  }

  static Kpi kpi(int no, String name, String basis, int page, Grading grading) {
    return new Kpi(
        no,
        name,
        "件",
        2014,
        PrintedValue.notPrinted(),
        PrintedValue.notPrinted(),
        2019,
        PrintedValue.notPrinted(),
        List.of(),
        PrintedValue.notPrinted(),
        PrintedValue.notPrinted(),
        null,
        null,
        ScoreStatus.NOT_COMPUTABLE,
        ScoreRule.NONE,
        null,
        null,
        basis,
        List.of(),
        MatchEvidence.SINGLE,
        page,
        grading);
  }

  static Grading grading(
      String achievement, String printed, String grade, String byRule, String progress, int page) {
    return new Grading(
        PrintedValue.of(achievement + "％", new BigDecimal(achievement), "%"),
        printed,
        grade,
        byRule,
        grade.equals(byRule) ? ScoreStatus.MATCH : ScoreStatus.MISMATCH,
        grade.equals(byRule) ? null : "printed " + printed + ", the legend gives " + byRule,
        progress,
        page);
  }

  static Project project3() {
    return new Project(
        3,
        1,
        "あずましい暮らしプロジェクト",
        "住宅エコリフォーム助成事業",
        "建設部",
        "建築住宅課",
        null,
        1,
        List.of(
            kpi(1, "住宅エコリフォーム助成件数", "30件/年 ※H28新規事業", 1, grading("46.7", "Ｄ", "D", "D", "遅れ", 1))),
        List.of(),
        List.of(
            new Narrative(
                null,
                NarrativeKind.EFFECT_FACTORS,
                "平成31年度は、消費税増税前の駆け込み需要もあり、大幅に利用者が増加したものの、目標件数には到達しなかった。",
                1),
            new Narrative(
                null,
                NarrativeKind.FUTURE_WORK,
                "年々制度周知を進めてきたことにより、昨年は過去５年間で最も多い申請を受けた。今後はさらに周知を進めていき利用者の増加に努める。",
                1)));
  }

  static Project project8() {
    return new Project(
        8,
        1,
        "あずましい暮らしプロジェクト",
        "除雪事業",
        "建設部",
        "維持課",
        null,
        2,
        List.of(
            kpi(1, "市民の声「除雪依頼」件数", "過去5年間の平均値×8割", 2, grading("100.0", "Ａ", "A", "A", "順調", 2)),
            kpi(2, "市民の声「排雪依頼」件数", "過去5年間の平均値×8割", 3, grading("100.0", "Ｂ", "B", "A", "概ね順調", 3))),
        List.of(),
        List.of(
            new Narrative(
                null,
                NarrativeKind.EFFECT_FACTORS,
                "実績値については、気象状況に左右される面があるが、除雪依頼、排雪依頼ともに、新たな取組等により一定程度の効果があったものと思われる。",
                2),
            new Narrative(null, NarrativeKind.FUTURE_WORK, "今後も除雪体制の充実を図り、市民の声に応えていく。", 2)));
  }
}
