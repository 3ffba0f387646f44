package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.FoldedText;
import hyoka.transform.ProducerVariants;
import hyoka.transform.Values;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a line of the strategy report is, from its own text. */
class LineClassifierTest {
  private static LineKind kind(String printed) {
    return new LineClassifier().classify(1, 1, printed).kind();
  }

  @Test
  void labelsInEveryPrintedForm() {
    assertThat(kind("補正前ｽｺｱ スコア")).isEqualTo(LineKind.SCORE_LABEL);
    assertThat(kind("[目標値]")).isEqualTo(LineKind.TARGET_LABEL);
    assertThat(kind("  《現状分析》")).isEqualTo(LineKind.STATUS_LABEL);
    assertThat(kind("●個別事業(予算ベース)●")).isEqualTo(LineKind.BUDGET_LABEL);
    assertThat(kind("概要：")).isEqualTo(LineKind.OVERVIEW_LABEL);
    assertThat(kind("目的： 男女共同参画の推進")).isEqualTo(LineKind.PURPOSE_LABEL);
    assertThat(kind("《平成31年度実施内容》")).isEqualTo(LineKind.IMPL_LABEL);
    assertThat(kind("《令和元年度実施内容》")).isEqualTo(LineKind.IMPL_LABEL);
    assertThat(kind("➭ ５年間の総括 ： （Ｈ27～Ｈ31）")).isEqualTo(LineKind.SUMMARY_LABEL);
    assertThat(kind("（Ｈ27～Ｈ31）")).isEqualTo(LineKind.SUMMARY_RANGE);
    assertThat(kind("目標値(H31)")).isEqualTo(LineKind.TARGET_HEAD);
    assertThat(kind("実績値")).isEqualTo(LineKind.ACTUAL_HEAD);
    assertThat(kind("H31 年度")).isEqualTo(LineKind.YEAR_HEAD);
    assertThat(kind("6 ＜生活環境部")).isEqualTo(LineKind.DEPT);
    assertThat(kind("施策ＫＰＩ 基準値(H26) H27実績値 H28実績値")).isEqualTo(LineKind.KPI_HEADER);
    assertThat(kind("基準値(H-")).isEqualTo(LineKind.HEADER_FRAGMENT);
    assertThat(kind("1988)")).isEqualTo(LineKind.HEADER_FRAGMENT);
    assertThat(kind("※H29.3改訂で目標値見直し950件→830件")).isEqualTo(LineKind.NOTE);
    assertThat(kind("実績値 目標値 スコア")).isEqualTo(LineKind.CHART_LEGEND);
    assertThat(kind("H26 H27 H28 H29 H30 H31")).isEqualTo(LineKind.CHART_AXIS);
    assertThat(kind("33.44 27.33")).isEqualTo(LineKind.NUMBERS);
    assertThat(kind("   ")).isEqualTo(LineKind.BLANK);
    assertThat(kind("交通事故件数 173件")).isEqualTo(LineKind.TEXT);
  }

  /** A later year's or another city's header years: eras written out, R years, Western years. */
  @Test
  void headerYearsInEveryPrintedForm() {
    assertThat(kind("令和2年度")).isEqualTo(LineKind.YEAR_HEAD);
    assertThat(kind("令和 元 年度")).isEqualTo(LineKind.YEAR_HEAD);
    assertThat(kind("Ｒ２年度")).isEqualTo(LineKind.YEAR_HEAD);
    assertThat(kind("2020年度")).isEqualTo(LineKind.YEAR_HEAD);
    assertThat(kind("目標値(令和2年度)")).isEqualTo(LineKind.TARGET_HEAD);
    assertThat(kind("目標値（Ｒ２）")).isEqualTo(LineKind.TARGET_HEAD);
    assertThat(kind("目標値(2020)")).isEqualTo(LineKind.TARGET_HEAD);
    // the wrapped part of a header
    assertThat(kind("H30実績値 R元実績値")).isEqualTo(LineKind.HEADER_FRAGMENT);
    assertThat(kind("平成30年度実績値 令和元年度実績値")).isEqualTo(LineKind.HEADER_FRAGMENT);
    assertThat(KpiHeader.yearOf("令和2年度")).isEqualTo(2020);
    assertThat(KpiHeader.yearOf("目標値(2020)")).isEqualTo(2020);
    assertThat(KpiHeader.yearOf("目標値(H32)")).isEqualTo(2020);
    // a year in a sentence is no head
    assertThat(kind("令和2年度に改定した。")).isEqualTo(LineKind.TEXT);
  }

  @Test
  void aValueRowHasSixValuesAndTwoScoresWithoutUnit() {
    assertThat(kind("213件 162件 220件 244件 220件 121.21 100.00 180件 ")).isEqualTo(LineKind.VALUE_ROW);
    assertThat(kind("１８棟 ２１棟 ２７棟 ３１棟 ３４棟 ６０．００ ６０．００ ４８棟")).isEqualTo(LineKind.VALUE_ROW);
    assertThat(kind("0戸 ― ― 4戸 4戸 13.33 13.33 30戸")).isEqualTo(LineKind.VALUE_ROW);
    assertThat(kind("― ― ― （後日報告）人 未確定 1.0 2.0 3")).isEqualTo(LineKind.VALUE_ROW);
    // a unit on a score column, too few values, a value glued to text
    assertThat(kind("1件 2件 3件 4件 5件 6 7件")).isNotEqualTo(LineKind.VALUE_ROW);
    assertThat(kind("1 2 3 4 5")).isNotEqualTo(LineKind.VALUE_ROW);
    assertThat(kind("1 2 3 4 5x6 7")).isNotEqualTo(LineKind.VALUE_ROW);
  }

  /** The five-space shortcut decides as the values themselves do, on every sample line. */
  @Test
  void theValueRowShortcutAgreesWithTheValuesOnEverySampleLine() {
    String h31 = Fixtures.text("h31").joined();
    List<String> lines = new ArrayList<>();
    for (String text :
        List.of(
            h31,
            Fixtures.text("h30").joined(),
            ProducerVariants.spaced(h31),
            ProducerVariants.fullWidth(h31))) {
      lines.addAll(List.of(text.split("[\n\f]", -1)));
    }
    int rows = 0;
    for (String line : lines) {
      FoldedText t = FoldedText.of(line);
      List<Values.Token> v = Values.tokens(t);
      boolean byValues =
          v.size() >= 6
              && v.get(v.size() - 3).value().unit() == null
              && v.get(v.size() - 2).value().unit() == null;
      assertThat(LineClassifier.isValueRow(t)).as(line).isEqualTo(byValues);
      if (byValues) {
        rows++;
      }
    }
    // the 73 value rows of each of the four texts, and nothing else
    assertThat(rows).isEqualTo(4 * 73);
  }
}
