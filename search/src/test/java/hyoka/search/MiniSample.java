package hyoka.search;

import static hyoka.search.TestWarehouse.num;

import hyoka.transform.BudgetItem;
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
 * Three projects of the H31 report (3 住宅エコリフォーム助成事業, 7 空き家対策事業, 8 除雪事業) typed in from
 * otaru-sogo-senryaku-h31.txt as the parser should read them: enough for the index's bookkeeping
 * tests without depending on the parser.
 */
final class MiniSample {
  private MiniSample() {}

  static IngestedReport report(String sha256, String series, int fiscalYear) {
    ParsedReport parsed =
        new ParsedReport(
            "otaru-sogo-senryaku-h31.pdf",
            "strategy-report",
            fiscalYear,
            null,
            36,
            List.of(project3(), project7(), project8()),
            List.of(),
            null);
    return new IngestedReport(
        IngestedReport.reportIdOf(sha256),
        "otaru-sogo-senryaku-h31.pdf",
        sha256,
        series,
        Instant.parse("2026-11-28T10:00:00Z"),
        parsed);
  }

  static Kpi kpi(int no, String name, String raw, String score, String basis, int page) {
    PrintedValue rawV = num(raw);
    PrintedValue scoreV = num(score);
    return new Kpi(
        no,
        name,
        null,
        2014,
        PrintedValue.notPrinted(),
        PrintedValue.notPrinted(),
        2019,
        PrintedValue.notPrinted(),
        List.of(),
        rawV,
        scoreV,
        rawV.value(),
        scoreV.value(),
        rawV.isKnown() ? ScoreStatus.MATCH : ScoreStatus.NOT_COMPUTABLE,
        rawV.isKnown() ? ScoreRule.LINEAR : ScoreRule.NONE,
        null,
        null,
        basis,
        List.of(),
        MatchEvidence.SINGLE,
        page,
        null);
  }

  static Project project3() {
    return new Project(
        3,
        1,
        "あずましい暮らしプロジェクト",
        "住宅エコリフォーム助成事業",
        "建設部",
        "建築住宅課",
        "安全・安心で快適な住環境整備に取り組むため、断熱性の向上を目的とした改修等を対象とした助成事業",
        1,
        List.of(kpi(1, "住宅エコリフォーム助成件数", "46.67", "46.67", "30件/年 ※H28新規事業", 1)),
        List.of(
            new BudgetItem(
                1,
                "住宅エコリフォーム助成事業費",
                "住宅の断熱改修や省エネ型設備機器などの省エネ改修を行った場合の工事費用を一部助成する制度。助成額は対象工事費の10分の1で助成限度額は30万円。",
                "市内における環境負荷の低減及び空き家の有効活用を図ることを目的とする。",
                "14件の申請があり、計2,074,000円の助成金を行った。",
                1)),
        List.of(
            new Narrative(
                null,
                NarrativeKind.FIVE_YEAR_SUMMARY,
                "年々制度周知を進めてきたことにより、昨年は過去５年間で最も多い申請を受けた。今後はさらに周知を進めていき利用者の増加に努める。",
                1),
            new Narrative(
                null,
                NarrativeKind.STATUS_ANALYSIS,
                "平成31年度は、消費税増税前の駆け込み需要もあり、大幅に利用者が増加したものの、目標件数には到達しなかった。\n今後は平成31年度以上の助成件数を出せるよう努める。",
                1)));
  }

  static Project project7() {
    return new Project(
        7,
        1,
        "あずましい暮らしプロジェクト",
        "空き家対策事業",
        "建設部",
        "建築住宅課",
        null,
        3,
        List.of(kpi(1, "管理不全な空家等の改善件数", "22.00", "22.00", null, 3)),
        List.of(
            new BudgetItem(
                1,
                "空家実態調査事業費",
                "市内全域を調査対象とし、空き家の位置や空き家の管理状況などを調査する。",
                "市内の空き家の状況を把握し、今後の空家等対策計画の策定や特定空家等の認定、適切に管理されている空き家の有効活用など、空き家対策に関する基礎資料の整備を図る。",
                "H27に実施した実態調査に基づき作成したデータベースに、新たに相談等があり空き家として追加したもの、空き家の解体により更地になったものの加除を行い、データの更新を図った。",
                3),
            new BudgetItem(
                2,
                "小樽市特定空家等住宅除却費助成事業費",
                "周辺に被害を与えるおそれがある「特定空家等」で、かつ危険度、緊急度が高い「不良住宅」を解体する場合、その費用の一部を助成する。",
                "適切な維持管理がされていない特定空家等の住宅の解体を促進し、市民の安全で安心な生活環境を確保する。",
                "・解体に対する助成の実施（10件）",
                3)),
        List.of(
            new Narrative(
                null,
                NarrativeKind.FIVE_YEAR_SUMMARY,
                "平成27年に空家特措法の全面施行を受け、空家等に関する相談窓口を１本化し、平成29年に空家等対策計画を策定した。",
                3)));
  }

  static Project project8() {
    return new Project(
        8,
        1,
        "あずましい暮らしプロジェクト",
        "除雪事業",
        "建設部",
        "維持課",
        "安全で快適な冬の生活を確保するため、市道の総合的な除排雪等を行う事業",
        3,
        List.of(
            kpi(1, "市民の声「除雪依頼」件数", "274.80", "100.00", "過去5年間の平均値×8割", 3),
            kpi(2, "市民の声「排雪依頼」件数", "921.05", "100.00", "過去5年間の平均値×8割", 3)),
        List.of(
            new BudgetItem(
                1,
                "除雪事業",
                "安全で快適な冬の生活を確保するため、国や北海道との除雪体制の連携を強化するとともに、市民との協働を進めながら、地域総合除雪体制の充実を図る。",
                "北国の厳しい自然環境の中で、安全で快適な市民生活の確保を目的とする。",
                "・除雪対策本部の早期発会（継続）\n・地域総合除雪業務における計画排雪量の増加（継続）\n・観光に配慮した除排雪作業の強化",
                3)),
        List.of(
            new Narrative(
                null,
                NarrativeKind.FIVE_YEAR_SUMMARY,
                "実績値については、気象状況に左右される面があるが、除雪依頼、排雪依頼ともに、新たな取組等により一定程度の効果があったものと思われ、H31年度目標を達成している。",
                3)));
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
