package hyoka.transform.layout.strategyreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.LayoutClaim;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ReportText;
import hyoka.transform.ScoreRule;
import hyoka.transform.ScoreStatus;
import hyoka.transform.ValueKind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parser on the two sample reports: counts, projects and hand-checked KPI rows. */
class EvaluationReportParserTest {
  private static ParsedReport h31;
  private static ParsedReport h30;

  @BeforeAll
  static void parse() {
    EvaluationReportParser parser = new EvaluationReportParser();
    h31 = parser.parse(Fixtures.text("h31"));
    h30 = parser.parse(Fixtures.text("h30"));
  }

  @Test
  void readsTheFiscalYearFromTheText() {
    assertThat(h31.fiscalYear()).isEqualTo(2019);
    assertThat(h30.fiscalYear()).isEqualTo(2018);
    assertThat(h31.pageCount()).isEqualTo(36);
  }

  @Test
  void findsAllProjectsAndKpiRows() {
    for (ParsedReport r : List.of(h31, h30)) {
      assertThat(r.projects())
          .extracting(Project::projectNo)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(1, 62).boxed().toList());
      assertThat(r.kpiCount()).isEqualTo(73);
      assertThat(r.projects())
          .allSatisfy(
              p -> {
                assertThat(p.department()).isNotBlank();
                assertThat(p.section()).isNotBlank();
                assertThat(p.kpis()).isNotEmpty();
              });
    }
  }

  @Test
  void projectGroupsStartAtTheirHeadings() {
    assertThat(project(h31, 1).groupNo()).isEqualTo(1);
    assertThat(project(h31, 1).groupName()).isEqualTo("あずましい暮らしプロジェクト");
    assertThat(project(h31, 11).groupNo()).isEqualTo(1);
    assertThat(project(h31, 12).groupNo()).isEqualTo(2);
    assertThat(project(h31, 12).groupName()).isEqualTo("樽っ子プライド育成プロジェクト");
    assertThat(project(h31, 30).groupNo()).isEqualTo(2);
    assertThat(project(h31, 31).groupNo()).isEqualTo(3);
    assertThat(project(h31, 48).groupNo()).isEqualTo(3);
    assertThat(project(h31, 49).groupNo()).isEqualTo(4);
    assertThat(project(h31, 49).groupName()).isEqualTo("あんしん絆再生プロジェクト");
    assertThat(project(h31, 62).groupNo()).isEqualTo(4);
  }

  @Test
  void twoDepartmentsAreKeptBoth() {
    Project p37 = project(h31, 37);
    assertThat(p37.department()).isEqualTo("産業港湾部・建設部");
    assertThat(p37.section()).isEqualTo("観光振興室・新幹線・まちづくり推進室");
    Project p43 = project(h31, 43);
    assertThat(p43.department()).isEqualTo("教育部・産業港湾部");
    assertThat(p43.section()).isEqualTo("生涯学習課・商業労政課");
    assertThat(project(h31, 32).section()).isEqualTo("産業振興課・商業労政課");
  }

  @Test
  void namesAndDescriptionsJoinedWhenTheyWrap() {
    assertThat(project(h31, 46).name()).isEqualTo("小樽産品商品力・販売力向上事業（Ｈ31年度：稼ぐ力向上実践事業）");
    assertThat(project(h31, 46).page()).isEqualTo(27);
    // the page marker glued to the name line (' 起業者定住促進事業') is not part of the name
    assertThat(project(h31, 4).name()).isEqualTo("起業者定住促進事業");
    assertThat(project(h31, 11).description())
        .isEqualTo(
            "市指定歴史的建造物「旧寿原邸」を改修しリノベーションの拠点として活用するとともに、空き家の維持・"
                + "管理ができる組織づくり、移住希望者に空き家マッチングの仕組みづくりを行う事業");
    // printed before the 'N ＜部' line in this block
    assertThat(project(h31, 33).description())
        .startsWith("近年、太平洋側への物流シフトなどにより")
        .endsWith("経済の活性化を図る事業");
    // printed after it, at the end of the page, with the header before it
    assertThat(project(h31, 6).description())
        .isEqualTo("交通事故の撲滅を目指し、関係機関・団体と連携し、多くの市民へ交通事故防止の呼びかけを行う事業");
  }

  @Test
  void project8IsSnowClearingWithTwoKpis() {
    Project p = project(h31, 8);
    assertThat(p.name()).isEqualTo("除雪事業");
    assertThat(p.department()).isEqualTo("建設部");
    assertThat(p.section()).isEqualTo("維持課");
    assertThat(p.page()).isEqualTo(5);
    assertThat(p.kpis()).hasSize(2);
  }

  @Test
  void project6TrafficAccidents() {
    Project p = project(h31, 6);
    assertThat(p.name()).isEqualTo("交通事故防止啓発事業");
    assertThat(p.department()).isEqualTo("生活環境部");
    assertThat(p.section()).isEqualTo("生活安全課");
    assertThat(p.page()).isEqualTo(3);
    Kpi k = p.kpis().get(0);
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(k.unit()).isEqualTo("件");
    assertThat(k.baselineYear()).isEqualTo(2014);
    assertThat(k.baseline().value()).isEqualByComparingTo("213");
    assertThat(k.baseline().printed()).isEqualTo("213件");
    assertThat(k.actual().value()).isEqualByComparingTo("173");
    assertThat(k.target().value()).isEqualByComparingTo("180");
    assertThat(k.targetYear()).isEqualTo(2019);
    assertThat(k.rawScore().value()).isEqualByComparingTo("121.21");
    assertThat(k.score().value()).isEqualByComparingTo("100.00");
    assertThat(k.rawScoreComputed()).isEqualByComparingTo("121.21");
    assertThat(k.scoreComputed()).isEqualByComparingTo("100.00");
    assertThat(k.scoreStatus()).isEqualTo(ScoreStatus.MATCH);
    assertThat(k.scoreRule()).isEqualTo(ScoreRule.LINEAR);
    assertThat(k.values())
        .extracting(KpiValue::fiscalYear, KpiValue::kind, v -> v.value().value())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2014, ValueKind.BASELINE, new BigDecimal("213")),
            org.assertj.core.groups.Tuple.tuple(2015, ValueKind.ACTUAL, new BigDecimal("162")),
            org.assertj.core.groups.Tuple.tuple(2016, ValueKind.ACTUAL, new BigDecimal("220")),
            org.assertj.core.groups.Tuple.tuple(2017, ValueKind.ACTUAL, new BigDecimal("244")),
            org.assertj.core.groups.Tuple.tuple(2018, ValueKind.ACTUAL, new BigDecimal("220")),
            org.assertj.core.groups.Tuple.tuple(2019, ValueKind.ACTUAL, new BigDecimal("173")),
            org.assertj.core.groups.Tuple.tuple(2019, ValueKind.TARGET, new BigDecimal("180")));
  }

  @Test
  void fy2018ReportHasThreeYearlyActualsAndTheH30Actual() {
    Kpi k = project(h30, 6).kpis().get(0);
    assertThat(k.baseline().value()).isEqualByComparingTo("213");
    assertThat(k.actual().value()).isEqualByComparingTo("220");
    assertThat(k.rawScore().value()).isEqualByComparingTo("-21.21");
    assertThat(k.scoreComputed()).isEqualByComparingTo("-21.21");
    assertThat(k.values())
        .extracting(KpiValue::fiscalYear, KpiValue::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2014, ValueKind.BASELINE),
            org.assertj.core.groups.Tuple.tuple(2015, ValueKind.ACTUAL),
            org.assertj.core.groups.Tuple.tuple(2016, ValueKind.ACTUAL),
            org.assertj.core.groups.Tuple.tuple(2017, ValueKind.ACTUAL),
            org.assertj.core.groups.Tuple.tuple(2018, ValueKind.ACTUAL),
            org.assertj.core.groups.Tuple.tuple(2019, ValueKind.TARGET));
  }

  @Test
  void everyComputedScoreEqualsThePrintedOneExceptTheTwoThatFollowNoRule() {
    // P7 KPI 2: 3件 against the printed five-year target 50件 gives 6.00; the printed 30.00 is
    // 3 / 10 against the yearly target 10件/年 of its basis line.
    // P59: 現状維持 with target = baseline (152町会): 151/152 gives 99.34; printed 86.67.
    assertThat(
            h31.projects().stream()
                .flatMap(
                    p ->
                        p.kpis().stream()
                            .filter(k -> k.scoreStatus() == ScoreStatus.MISMATCH)
                            .map(
                                k ->
                                    p.projectNo()
                                        + "/"
                                        + k.kpiNo()
                                        + " "
                                        + k.rawScore().printed())))
        .containsExactly("7/2 30.00", "59/1 86.67");
    assertThat(h30.scoreMismatches()).isZero();
  }

  @Test
  void rejectsTextThatIsNoReport() {
    EvaluationReportParser parser = new EvaluationReportParser();
    assertThatThrownBy(() -> parser.parse(ReportText.of("empty.pdf", "")))
        .isInstanceOf(HyokaException.class)
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT))
        .hasMessage(
            "empty.pdf: not a KPI evaluation report:"
                + " no project with a 補正前ｽｺｱ スコア value table");
    String prose =
        "吾輩は猫である。名前はまだ無い。\nどこで生れたかとんと見当がつかぬ。\f" + "何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。\n";
    assertThatThrownBy(() -> parser.parse(ReportText.of("neko.pdf", prose)))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith("neko.pdf: not a KPI evaluation report:")
        .hasMessageNotContaining("\n");
  }

  @Test
  void claimsTheSamplesWithItsEvidenceAndIsTheInstalledLayoutThatReadsThem() {
    LayoutClaim claim = new EvaluationReportParser().claim(Fixtures.text("h31"));

    assertThat(claim.claimed()).isTrue();
    assertThat(claim.found())
        .containsExactly(
            "補正前ｽｺｱ スコア label (page 1)",
            "施策ＫＰＩ header (page 1)",
            "project department line (N ＜部) (page 1)");
    for (String sample : List.of("h31", "h30")) {
      assertThat(Layouts.installed().choose(Fixtures.text(sample), null))
          .isInstanceOf(EvaluationReportParser.class);
    }
    assertThat(List.of(h31.layout(), h30.layout())).containsOnly(EvaluationReportParser.NAME);
  }

  @Test
  void aTextWithoutItsMarksIsNotClaimedAndTheMissingMarksAreNamed() {
    LayoutClaim claim =
        new EvaluationReportParser()
            .claim(ReportText.of("memo.pdf", "施策ＫＰＩ 基準値(H26) H27実績値\n会議の記録\n"));

    assertThat(claim.claimed()).isFalse();
    assertThat(claim.found()).containsExactly("施策ＫＰＩ header (page 1)");
    assertThat(claim.missing())
        .containsExactly("補正前ｽｺｱ スコア label", "project department line (N ＜部)");
  }

  static Project project(ParsedReport r, int no) {
    return r.projects().stream().filter(p -> p.projectNo() == no).findFirst().orElseThrow();
  }
}
