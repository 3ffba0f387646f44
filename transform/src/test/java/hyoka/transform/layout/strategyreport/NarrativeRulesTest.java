package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.BudgetItem;
import hyoka.transform.layout.strategyreport.NarrativeReader.Decision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each reading rule of a narrative block on a short block made here (about ten lines, in the text
 * order the extractor gives), so that a failure names its rule: the test asserts what the rule
 * decided and that it was that rule. The blocks follow the patterns of the sample reports
 * (docs/report-format.md), with texts shortened.
 */
class NarrativeRulesTest {
  private static final String LABEL = "《平成31年度実施内容》";
  private static final String SUMMARY = "➭ ５年間の総括 ： （Ｈ27～Ｈ31）";

  /** A KPI name line: lines equal to it are given to the reader as the KPI reader's. */
  private static final String KPI = "交通事故件数 173件";

  private static NarrativeReader.Result read(String... lines) {
    return read(-1, Set.of(), lines);
  }

  /**
   * @param pairs the head's 概要/目的 pairs; -1 for one per label
   * @param glued indexes of lines that are text glued to a head's 目的： label
   */
  private static NarrativeReader.Result read(int pairs, Set<Integer> glued, String... lines) {
    LineClassifier classifier = new LineClassifier();
    List<Line> body = new ArrayList<>();
    Set<Line> kpi = new HashSet<>();
    Set<Line> gluedLines = new HashSet<>();
    int labels = 0;
    for (int i = 0; i < lines.length; i++) {
      Line l = classifier.classify(1, i + 1, lines[i]);
      body.add(l);
      if (lines[i].equals(KPI)) {
        kpi.add(l);
      }
      if (glued.contains(i)) {
        gluedLines.add(l);
      }
      labels += l.is(LineKind.IMPL_LABEL) ? 1 : 0;
    }
    return new NarrativeReader().read(body, kpi, pairs < 0 ? labels : pairs, 1, gluedLines);
  }

  private static void assertDecided(
      NarrativeReader.Result r, String slot, String text, ReadingRule rule) {
    assertThat(r.decisions()).contains(new Decision(slot, text, rule));
  }

  private static BudgetItem item(NarrativeReader.Result r, int no) {
    return r.items().get(no - 1);
  }

  @Test
  void ownTextsBeforeLabelAndTextsAfterLabels() {
    NarrativeReader.Result r =
        read(
            "住宅エコリフォーム助成事業費",
            "住宅の省エネ改修の工事費用を一部助成する制度。",
            "市内の環境負荷の低減を図ることを目的とする。",
            LABEL,
            "14件の申請があり、助成を行った。",
            KPI,
            "平成31年度は駆け込み需要もあり増加した。");

    assertDecided(r, "1 NAME", "住宅エコリフォーム助成事業費", Placement.OWN_TEXTS_BEFORE_LABEL);
    assertDecided(r, "1 OVERVIEW", "住宅の省エネ改修の工事費用を一部助成する制度。", Placement.OWN_TEXTS_BEFORE_LABEL);
    assertDecided(r, "1 PURPOSE", "市内の環境負荷の低減を図ることを目的とする。", Placement.OWN_TEXTS_BEFORE_LABEL);
    assertDecided(r, "1 IMPLEMENTATION", "14件の申請があり、助成を行った。", Placement.TEXT_AFTER_LABEL);
    assertDecided(r, "STATUS_ANALYSIS", "平成31年度は駆け込み需要もあり増加した。", Placement.TEXT_AFTER_LABEL);
    assertThat(r.decisions()).hasSize(5);
  }

  @Test
  void nameRightBeforeLabel() {
    NarrativeReader.Result r = read("除雪事業費", LABEL, "市内の除雪を行った。");

    assertDecided(r, "1 NAME", "除雪事業費", Placement.NAME_RIGHT_BEFORE_LABEL);
    assertThat(item(r, 1).implementation()).isEqualTo("市内の除雪を行った。");
  }

  @Test
  void labelTextThenOwnTexts() {
    NarrativeReader.Result r =
        read(LABEL, "防犯灯の維持管理を行った。", "街路防犯灯を維持管理する団体に補助する。", "夜間の治安の維持を図る。", LABEL, "199団体に補助した。");

    assertDecided(r, "1 IMPLEMENTATION", "防犯灯の維持管理を行った。", Placement.LABEL_TEXT_THEN_OWN_TEXTS);
    assertDecided(r, "2 OVERVIEW", "街路防犯灯を維持管理する団体に補助する。", Placement.LABEL_TEXT_THEN_OWN_TEXTS);
    assertDecided(r, "2 PURPOSE", "夜間の治安の維持を図る。", Placement.LABEL_TEXT_THEN_OWN_TEXTS);
  }

  @Test
  void labelTextThenOwnTextsKeepsAParagraphUnderASubHeadingWithTheLabel() {
    NarrativeReader.Result r =
        read(
            SUMMARY,
            "市内企業の製品を広く周知した。",
            "＜ものづくり市場開拓支援事業＞",
            "展示会に3社が出展した。",
            LABEL,
            "出展した。",
            KPI,
            "現状の分析。");

    assertThat(r.narratives())
        .filteredOn(n -> n.itemNo() == null)
        .extracting(n -> n.text())
        .containsExactly("市内企業の製品を広く周知した。\n＜ものづくり市場開拓支援事業＞\n展示会に3社が出展した。", "現状の分析。");
    assertThat(item(r, 1).overview()).isNull();
    assertThat(item(r, 1).purpose()).isNull();
  }
}
