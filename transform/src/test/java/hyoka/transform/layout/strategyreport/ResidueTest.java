package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import hyoka.transform.Fixtures;
import hyoka.transform.ParsedReport;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lines that are not data are kept as residue with a class; the score charts stay out. */
class ResidueTest {
  private static ParsedReport h31;
  private static ParsedReport h30;

  @BeforeAll
  static void parse() {
    EvaluationReportParser parser = new EvaluationReportParser();
    h31 = parser.parse(Fixtures.text("h31"));
    h30 = parser.parse(Fixtures.text("h30"));
  }

  @Test
  void everyResidueLineIsExplained() {
    // the only lines no step places (see NarrativesTest): P11's text at the block start right
    // before the ５年間の総括 label (with the label's ➭ glued on) and its one-line paragraph after the
    // summary's wrapped one, two texts that could each be the 旧寿原邸 item's displaced 実施内容 (or
    // the summary's)
    assertThat(h31.residue())
        .filteredOn(r -> r.cls() == ResidueClass.UNKNOWN)
        .extracting(ResidueLine::page, ResidueLine::text)
        .containsExactly(
            tuple(7, "➭ 老朽化した旧寿原邸を活用する上で、最大の課題であった改修が終了し、拠点としての最"),
            tuple(7, "低限の機能を確保することができた。"),
            tuple(7, "H30に終了"));
    // FY2018 (no summary): the same two texts, at the block start
    assertThat(h30.residue())
        .filteredOn(r -> r.cls() == ResidueClass.UNKNOWN)
        .extracting(ResidueLine::page, ResidueLine::text)
        .containsExactly(
            tuple(7, "老朽化した旧寿原邸を活用する上で、最大の課題であった改修が終了し、拠点としての最"),
            tuple(7, "低限の機能を確保することができた。"),
            tuple(7, "H30に終了"));
  }

  /** An unknown line says why no rule could attribute it, and what it could be. */
  @Test
  void everyUnknownLineSaysWhyItIsNoOnes() {
    for (ParsedReport r : java.util.List.of(h31, h30)) {
      assertThat(r.residue())
          .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
          .isNotEmpty()
          .allSatisfy(
              l ->
                  assertThat(l.note())
                      .startsWith("not attributed: ")
                      .endsWith("; items without their 実施内容: 旧寿原邸改修事業"));
      assertThat(r.residue())
          .filteredOn(l -> l.cls() != ResidueClass.UNKNOWN)
          .allSatisfy(l -> assertThat(l.note()).isNull());
    }
    assertThat(h31.residue())
        .filteredOn(l -> l.text().equals("H30に終了"))
        .extracting(ResidueLine::note)
        .containsExactly(
            "not attributed: a one-line paragraph after the ５年間の総括: it can be the summary's as well"
                + " as an item's 実施内容 printed away from its label; items without their 実施内容:"
                + " 旧寿原邸改修事業");
  }

  @Test
  void chartLabelsAreChartResidueNotData() {
    assertThat(h31.residue())
        .extracting(ResidueLine::page, ResidueLine::text, ResidueLine::cls)
        .contains(
            tuple(2, "66.67", ResidueClass.CHART_LABEL),
            tuple(8, "33.44 27.33", ResidueClass.CHART_LABEL),
            tuple(14, "94.82 99.533437", ResidueClass.CHART_LABEL),
            tuple(36, "-66.67 -100", ResidueClass.CHART_LABEL),
            tuple(12, " アンケート実施しなかったため実績値無し", ResidueClass.CHART_LABEL),
            tuple(30, "実績値 目標値 スコア", ResidueClass.CHART_LABEL),
            tuple(30, "H26 H27 H28 H29 H30 H31", ResidueClass.CHART_LABEL),
            tuple(30, "がんの標準化死亡比（女）", ResidueClass.CHART_LABEL));
    // the chart points never became KPI values
    assertThat(
            h31.projects().stream()
                .flatMap(p -> p.kpis().stream())
                .flatMap(k -> k.values().stream())
                .map(v -> v.value().printed()))
        .doesNotContain("66.67", "33.44", "94.82", "-66.67");
  }

  @Test
  void pageMarkersAndLayoutLabels() {
    assertThat(h31.residue())
        .extracting(ResidueLine::page, ResidueLine::text, ResidueLine::cls)
        .contains(
            tuple(1, "1 （１）あずましい暮らしプロジェクト", ResidueClass.PAGE_MARKER),
            tuple(3, " 6", ResidueClass.PAGE_MARKER),
            tuple(8, " # （２）樽っ子プライド育成プロジェクト", ResidueClass.PAGE_MARKER),
            tuple(3, "補正前ｽｺｱ スコア", ResidueClass.SECTION_LABEL),
            tuple(3, "《現状分析》", ResidueClass.SECTION_LABEL),
            tuple(3, "《平成31年度実施内容》", ResidueClass.SECTION_LABEL));
    // line numbers count blank lines: the marker of page 3 is its second line
    assertThat(h31.residue())
        .filteredOn(r -> r.page() == 3 && r.cls() == ResidueClass.PAGE_MARKER)
        .extracting(ResidueLine::lineNo)
        .containsExactly(2);
    assertThat(h30.residue())
        .extracting(ResidueLine::text)
        .contains("《平成30年度実施内容》")
        .doesNotContain("《平成31年度実施内容》");
  }

  @Test
  void dataLinesAreNotResidue() {
    assertThat(h31.residue())
        .extracting(ResidueLine::text)
        .doesNotContain(
            "213件 162件 220件 244件 220件 121.21 100.00 180件 ",
            "交通事故件数 173件 ",
            "除雪事業",
            "6 ＜生活環境部",
            "（生活安全課）＞",
            "※H29.3改訂で目標値見直し950件→830件");
  }
}
