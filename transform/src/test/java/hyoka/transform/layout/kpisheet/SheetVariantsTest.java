package hyoka.transform.layout.kpisheet;

import static hyoka.transform.layout.kpisheet.SheetSamples.kpi;
import static hyoka.transform.layout.kpisheet.SheetSamples.sheets;
import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.MatchEvidence;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import hyoka.transform.ScoreStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sheets as other producers, cities and years print them: each variant reads exactly as the
 * fixture does, or (a damaged copy) says exactly what it could not read.
 */
class SheetVariantsTest {
  private final KpiSheetLayout layout = new KpiSheetLayout();

  private static List<String> unknown(ParsedReport r) {
    return r.residue().stream()
        .filter(l -> l.cls() == ResidueClass.UNKNOWN)
        .map(l -> l.page() + ": " + l.text())
        .toList();
  }

  private void readsAsTheFixture(String file, ReportText variant) {
    ParsedReport r = layout.parse(variant);
    assertThat(SheetSemantics.of(r)).isEqualTo(SheetSemantics.of(sheets(file)));
    assertThat(unknown(r)).isEmpty();
  }

  @Test
  void aWordProcessorsNaturalOrderWithItsSpacesReadsTheSame() {
    for (String file : List.of("r01", "h30")) {
      ReportText natural = SheetVariants.natural(sheets(file));
      // the variant is another order: no line stands where the fixture has it
      assertThat(natural.pages().get(0)).startsWith("まち・ひと・しごと").endsWith("- 1 -\n");
      readsAsTheFixture(file, natural);
      ReportText spaced =
          ReportText.of(natural.sourceFile(), SheetVariants.wordProcessorSpacing(natural.joined()));
      assertThat(spaced.joined()).contains("18 棟 21 棟", "平成 31 年度", "5 年累計");
      readsAsTheFixture(file, spaced);
    }
    assertThat(SheetVariants.natural(sheets("h30")).pages().get(0)).contains("平成30年度");
  }

  @Test
  void theSpreadsheetsOrderWithSpacesOrFullWidthDigitsReadsTheSame() {
    for (String file : List.of("r01", "h30")) {
      ReportText text = Fixtures.sheetText(file);
      ReportText spaced =
          ReportText.of(text.sourceFile(), SheetVariants.wordProcessorSpacing(text.joined()));
      assertThat(spaced.joined()).contains("実績値 18 棟", "平成 31 年度");
      readsAsTheFixture(file, spaced);
      ReportText wide =
          ReportText.of(text.sourceFile(), SheetVariants.fullWidthDigits(text.joined()));
      assertThat(wide.joined()).contains("実績値 １８棟", "区分 H２７", "（H２６）");
      readsAsTheFixture(file, wide);
    }
  }

  @Test
  void otherCitiesSpellingsOfTheLabelsReadTheSame() {
    for (String file : List.of("r01", "h30")) {
      ReportText a = SheetVariants.relabelledA(Fixtures.sheetText(file));
      assertThat(a.joined())
          .contains("政策目標：", "施策名", "KPI1", "担当課", "年度 H27", "基準値（H26）", "目標（H31）")
          .contains("実績 18棟", "単位：", "達成度", "評定", "進捗 ", "目標値の設定根拠", "今後の方向性")
          .contains("総合所見", "シートNo.", "【評価基準】Ａ：100％以上")
          .doesNotContain("指標担当部課等", "従前値", "達成率", "ＫＰＩ その");
      readsAsTheFixture(file, a);
      ReportText b = SheetVariants.relabelledB(Fixtures.sheetText(file));
      assertThat(b.joined())
          .contains("基本方針", "具体的施策", "ＫＰＩ（その1）", "所管課", "策定時（H26）", "今後の取組み")
          .contains("\n評定 Ｃ\n", "※判定基準：A=100%以上")
          .doesNotContain("指標担当部課等", "従前値");
      readsAsTheFixture(file, b);
    }
  }

  @Test
  void reiwaYearsInTheTitleAndTheGridAreReadAsTheirYears() {
    ReportText reiwa = SheetVariants.reiwa(Fixtures.sheetText("r01"));
    assertThat(reiwa.pages().get(0))
        .contains("令和５年度実績評価シート", "区分 R1 R2 R3 R4 R5", "従前値（H30） 目標値（R5）");
    assertThat(reiwa.joined()).contains("従前値（R元）", "従前値（R2）", "区分 従前値 R1");
    ParsedReport r = layout.parse(reiwa);
    ParsedReport original = sheets("r01");

    assertThat(r.fiscalYear()).isEqualTo(2023);
    assertThat(unknown(r)).isEmpty();
    assertThat(r.kpiCount()).isEqualTo(73);
    for (Project p : original.projects()) {
      for (Kpi o : p.kpis()) {
        Kpi k = kpi(r, p.projectNo(), o.kpiNo());
        String at = p.projectNo() + "-" + o.kpiNo();
        assertThat(k.baselineYear()).as(at).isEqualTo(plus4(o.baselineYear()));
        assertThat(k.targetYear()).as(at).isEqualTo(2023);
        assertThat(k.actual()).as(at).isEqualTo(o.actual());
        List<String> want = new ArrayList<>();
        for (KpiValue v : o.values()) {
          want.add(v.kind() + " " + plus4(v.fiscalYear()) + " " + v.value());
        }
        List<String> got = new ArrayList<>();
        for (KpiValue v : k.values()) {
          got.add(v.kind() + " " + v.fiscalYear() + " " + v.value());
        }
        assertThat(got).as(at).isEqualTo(want);
        assertThat(k.grading()).as(at).isEqualTo(o.grading());
        assertThat(k.name()).as(at).isEqualTo(o.name());
      }
    }
  }

  private static Integer plus4(Integer year) {
    return year == null ? null : year + 4;
  }

  /** Every KPI of the damaged parse but {@code except} as the fixture's. */
  private static void othersUnchanged(ParsedReport damaged, String... except) {
    List<String> skip = List.of(except);
    List<String> want = SheetSemantics.of(sheets("r01"));
    List<String> got = SheetSemantics.of(damaged);
    // the report line counts KPIs and mismatches; the KPI lines of the damaged sheets differ
    assertThat(strip(got, skip)).isEqualTo(strip(want, skip));
  }

  private static List<String> strip(List<String> semantics, List<String> skip) {
    List<String> out = new ArrayList<>();
    String project = "";
    for (String l : semantics) {
      if (l.startsWith("report ")) {
        continue;
      }
      if (l.startsWith("P")) {
        project = l.substring(1, l.indexOf(' '));
      }
      String kpi = l.startsWith("  K") ? project + "-" + l.substring(3, l.indexOf(' ', 3)) : null;
      if (kpi != null && skip.contains(kpi) || skip.contains("P" + project)) {
        continue;
      }
      out.add(l);
    }
    return out;
  }

  @Test
  void aSheetMissingItsGradeKeepsTheGradeByTheLegendAndSaysTheGradeIsNotPrinted() {
    ReportText text =
        SheetVariants.page(
            Fixtures.sheetText("r01"),
            1,
            p -> p.replace("達成率 60.0％ 評価 Ｃ 進捗状況 やや遅れ", "達成率 60.0％ 評価 進捗状況 やや遅れ"));
    ParsedReport r = layout.parse(text);

    Grading g = kpi(r, 1, 1).grading();
    assertThat(g.gradePrinted()).isNull();
    assertThat(g.grade()).isNull();
    assertThat(g.gradeByRule()).isEqualTo("C");
    assertThat(g.status()).isEqualTo(ScoreStatus.NOT_COMPUTABLE);
    assertThat(g.note()).isEqualTo("no grade printed; the legend gives C");
    assertThat(g.achievement().printed()).isEqualTo("60.0％");
    assertThat(g.progress()).isEqualTo("やや遅れ");
    assertThat(unknown(r)).isEmpty();
    othersUnchanged(r, "1-1");
  }

  @Test
  void theTopHalfOfACutSheetIsNumberedByItsProjectsNameAndLacksWhatTheOtherHalfHeld() {
    // page 6 (5-2) cut after 今後の取組: no シート番号, no ＫＰＩ その2, no 従前値（H26） 目標値（H31）, no
    // 設定根拠 text, no legend; the page before is 5-1 of the same 個別施策 移住促進事業
    List<String> lines = ReportText.lines(Fixtures.sheetText("r01").pages().get(5));
    int cut = lines.indexOf("シート番号 5-2");
    ParsedReport r = layout.parse(SheetVariants.cut(Fixtures.sheetText("r01"), 6, 0, cut));

    Kpi k = kpi(r, 5, 2);
    assertThat(k.matchEvidence()).isEqualTo(MatchEvidence.ORDER_INFERRED);
    assertThat(k.name()).isEqualTo("移住ワンストップ窓口を利用した移住世帯数");
    assertThat(k.page()).isEqualTo(6);
    // the values are all there, the years of 従前値 and 目標値 are not
    assertThat(k.baseline().printed()).isEqualTo("6世帯");
    assertThat(k.baselineYear()).isNull();
    assertThat(k.target().printed()).isEqualTo("10世帯");
    assertThat(k.targetYear()).isNull();
    assertThat(k.actual().printed()).isEqualTo("9世帯");
    assertThat(k.values().get(0).fiscalYear()).isNull();
    assertThat(k.values().get(k.values().size() - 1).fiscalYear()).isNull();
    assertThat(k.targetBasis()).isNull();
    // graded by the document's legend (the page prints none)
    assertThat(k.grading().gradeByRule()).isEqualTo("C");
    assertThat(k.grading().status()).isEqualTo(ScoreStatus.MATCH);
    assertThat(unknown(r)).isEmpty();
    othersUnchanged(r, "5-2");
  }

  @Test
  void theBottomHalfOfACutSheetWithoutItsProjectsNameIsLeftOutAsUnknownLines() {
    // page 7 (6-1) from シート番号 on: the number is there, the project's name, the values and the
    // grade are not, and no other sheet of project 6 names it
    List<String> lines = ReportText.lines(Fixtures.sheetText("r01").pages().get(6));
    int cut = lines.indexOf("シート番号 6-1");
    ParsedReport r =
        layout.parse(SheetVariants.cut(Fixtures.sheetText("r01"), 7, cut, lines.size()));

    assertThat(r.projects()).extracting(Project::projectNo).doesNotContain(6).hasSize(61);
    assertThat(r.kpiCount()).isEqualTo(72);
    assertThat(r.residue())
        .filteredOn(l -> l.page() == 7)
        .isNotEmpty()
        .allMatch(l -> l.cls() == ResidueClass.UNKNOWN || l.text().startsWith("評価基準"));
    assertThat(unknown(r)).contains("7: シート番号 6-1", "7: ＫＰＩ その1", "7: -7件/年");
    othersUnchanged(r, "P6");
  }

  @Test
  void aSheetWithoutItsNumberBetweenTwoProjectsIsTheOneBetween() {
    ReportText text =
        SheetVariants.page(Fixtures.sheetText("r01"), 7, p -> p.replace("シート番号 6-1\n", "\n"));
    ParsedReport r = layout.parse(text);

    Kpi k = kpi(r, 6, 1);
    assertThat(k.matchEvidence()).isEqualTo(MatchEvidence.ORDER_INFERRED);
    assertThat(k.name()).isEqualTo("交通事故件数");
    assertThat(unknown(r)).isEmpty();
    othersUnchanged(r, "6-1");
  }

  /** The text with a word processor's spaces (`約 14 件`, `▲ 100.0 ％`), parsed. */
  private ParsedReport spaced(ReportText text) {
    return layout.parse(
        ReportText.of(text.sourceFile(), SheetVariants.wordProcessorSpacing(text.joined())));
  }

  private static String shown(hyoka.transform.PrintedValue v) {
    return (v.isKnown() ? v.value().toPlainString() : "null(" + v.nullReason() + ")")
        + " «"
        + v.printed()
        + "»";
  }

  /**
   * An achievement printed with the accounting minus (▲, △) or as an estimate (約) is read, and so
   * are the grade and progress beside it.
   */
  @Test
  void anAchievementWithTheAccountingMinusOrAnEstimateIsRead() {
    String[][] cases = {
      {"28", "22", "達成率 -100.0％ 評価 Ｄ 進捗状況 遅れ", "達成率 ▲100.0％ 評価 Ｄ 進捗状況 遅れ", "-100.0 «▲100.0％»", "D"},
      {"28", "22", "達成率 -100.0％ 評価 Ｄ 進捗状況 遅れ", "達成率 △100.0％ 評価 Ｄ 進捗状況 遅れ", "-100.0 «△100.0％»", "D"},
      {"1", "1", "達成率 60.0％ 評価 Ｃ 進捗状況 やや遅れ", "達成率 約60.0％ 評価 Ｃ 進捗状況 やや遅れ", "60.0 «約60.0％»", "C"},
    };
    for (String[] c : cases) {
      int page = Integer.parseInt(c[0]);
      ReportText text =
          SheetVariants.page(
              Fixtures.sheetText("r01"),
              page,
              p -> {
                assertThat(p).contains(c[2]);
                return p.replace(c[2], c[3]);
              });
      ParsedReport r = layout.parse(text);
      assertThat(SheetSemantics.of(spaced(text))).isEqualTo(SheetSemantics.of(r));

      Grading g = kpi(r, Integer.parseInt(c[1]), 1).grading();
      assertThat(shown(g.achievement())).as(c[3]).isEqualTo(c[4]);
      assertThat(g.grade()).isEqualTo(c[5]);
      assertThat(g.gradeByRule()).isEqualTo(c[5]);
      assertThat(g.status()).isEqualTo(ScoreStatus.MATCH);
      assertThat(g.progress()).isNotNull();
      assertThat(unknown(r)).isEmpty();
      othersUnchanged(r, c[1] + "-1");
    }
  }

  /**
   * A 実績値 row with one cell printed as other cities print it keeps the whole grid: the number of an
   * estimate, NULL with its reason for a figure to come, a range or a word for the target, each
   * cell's printed text kept.
   */
  @Test
  void aValueRowWithAnEstimateAFigureToComeOrAWordForTheTargetKeepsItsGrid() {
    String row = "実績値 0件 ― 5件 9件 7件 14件 30件";
    String[][] cases = {
      {"実績値 0件 ― 5件 9件 7件 約14件 30件", "2019", "14 «約14件»"},
      {"実績値 0件 ― 5件 9件 7件 14件(見込) 30件", "2019", "14 «14件(見込)»"},
      {"実績値 0件 ― 5件 9件 7件 未集計 30件", "2019", "null(pending) «未集計»"},
      {"実績値 0件 ― 5件 9件 7件 集計中 30件", "2019", "null(pending) «集計中»"},
      {"実績値 0件 ▲5件 5件 9件 7件 14件 30件", "2015", "-5 «▲5件»"},
      {"実績値 0件 ― 5件 9件 7件 14件 30件以上", "target", "30 «30件以上»"},
      {"実績値 0件 ― 5件 9件 7件 14件 30件　以上", "target", "30 «30件　以上»"},
      {"実績値 0件 ― 5件 9件 7件 14（見込）件 30件", "2019", "14 «14（見込）件»"},
      {"実績値 0件 ― 5件 9件 7件 14件前後 30件", "2019", "14 «14件前後»"},
      // a word hyoka does not know glued to a number: NULL, the grid kept
      {"実績値 0件 ― 5件 9件 7件 たぶん14件 30件", "2019", "null(unparseable) «たぶん14件»"},
      {"実績値 0件 ― 5件 9件 7件 14件たぶん 30件", "2019", "null(unparseable) «14件たぶん»"},
      {"実績値 0件 ― 5件 9件 7件 14件 20～30件", "target", "null(unparseable) «20～30件»"},
      {"実績値 0件 ― 5件 9件 7件 14件 増加", "target", "null(unparseable) «増加»"},
    };
    for (String[] c : cases) {
      ReportText text =
          SheetVariants.page(
              Fixtures.sheetText("r01"),
              3,
              p -> {
                assertThat(p).contains(row);
                return p.replace(row, c[0]);
              });
      ParsedReport r = layout.parse(text);
      assertThat(SheetSemantics.of(spaced(text))).as(c[0]).isEqualTo(SheetSemantics.of(r));

      Kpi k = kpi(r, 3, 1);
      assertThat(shown(k.baseline())).as(c[0]).isEqualTo("0 «0件»");
      assertThat(k.baselineYear()).isEqualTo(2015);
      assertThat(k.values()).hasSize(7);
      hyoka.transform.PrintedValue cell =
          c[1].equals("target")
              ? k.target()
              : k.values().stream()
                  .filter(v -> v.kind() == hyoka.transform.ValueKind.ACTUAL)
                  .filter(v -> v.fiscalYear() == Integer.parseInt(c[1]))
                  .findFirst()
                  .orElseThrow()
                  .value();
      assertThat(shown(cell)).as(c[0]).isEqualTo(c[2]);
      assertThat(k.unit()).isEqualTo("件");
      assertThat(k.grading().gradePrinted()).isEqualTo("Ｄ");
      assertThat(unknown(r)).as(c[0]).isEmpty();
      othersUnchanged(r, "3-1");
    }
  }

  /**
   * The qualifiers of a sheet's 実績値 row are the KPI's and each value's, under a header in either
   * era (H31 or R元 for the report year): the baseline's, the report year's actual's, the target's.
   */
  @Test
  void aValueRowsQualifiersAreKeptUnderAHeiseiOrReiwaHeader() {
    String row = "実績値 0件 ― 5件 9件 7件 14件 30件";
    String header = "区分 H27 H28 H29 H30 H31";
    for (String reiwa : List.of(header, "区分 H27 H28 H29 H30 R元", "区分 H27 H28 H29 H30 R1")) {
      ReportText text =
          SheetVariants.page(
              Fixtures.sheetText("r01"),
              3,
              p -> {
                assertThat(p).contains(row, header);
                return p.replace(header, reiwa)
                    .replace(row, "実績値 約0件 ― 5件 9件 7件（暫定） 14件(見込) 約30件以上");
              });
      ParsedReport r = layout.parse(text);
      assertThat(SheetSemantics.of(spaced(text))).as(reiwa).isEqualTo(SheetSemantics.of(r));
      Kpi k = kpi(r, 3, 1);
      assertThat(k.baseline().qualifier()).as(reiwa).isEqualTo("approximate");
      assertThat(k.actual().printed()).isEqualTo("14件(見込)");
      assertThat(k.actual().qualifier()).isEqualTo("estimate");
      assertThat(k.target().value()).isEqualByComparingTo("30");
      assertThat(k.target().qualifier()).isEqualTo("approximate,at_least");
      assertThat(k.unit()).isEqualTo("件");
      assertThat(k.values())
          .extracting(v -> v.fiscalYear() + " " + v.kind().label() + " " + v.value().qualifier())
          .containsExactly(
              "2015 baseline approximate",
              "2015 actual null",
              "2016 actual null",
              "2017 actual null",
              "2018 actual provisional",
              "2019 actual estimate",
              "2019 target approximate,at_least");
      // the grade is the legend's for the printed achievement, as in the fixture
      assertThat(k.grading().gradePrinted()).isEqualTo("Ｄ");
      assertThat(k.grading().status()).isEqualTo(ScoreStatus.MATCH);
      assertThat(unknown(r)).as(reiwa).isEmpty();
      othersUnchanged(r, "3-1");
    }
  }

  @Test
  void aValueRowThatDoesNotFitItsHeaderIsNotGuessedIntoColumns() {
    // one value of 1-1's 実績値 row lost: 6 values for 7 columns
    ReportText text =
        SheetVariants.page(
            Fixtures.sheetText("r01"),
            1,
            p -> p.replace("実績値 18棟 21棟 27棟 31棟 34棟 36棟 48棟", "実績値 18棟 21棟 27棟 31棟 34棟 48棟"));
    ParsedReport r = layout.parse(text);

    Kpi k = kpi(r, 1, 1);
    assertThat(k.baseline().value()).isNull();
    assertThat(k.baseline().nullReason()).isEqualTo("unparseable");
    assertThat(k.actual().nullReason()).isEqualTo("unparseable");
    assertThat(k.target().nullReason()).isEqualTo("unparseable");
    assertThat(k.values()).isEmpty();
    assertThat(k.scoreComputed()).isNull();
    // the printed 達成率 and grade stay: the legend still grades them
    assertThat(k.grading().gradeByRule()).isEqualTo("C");
    assertThat(unknown(r))
        .containsExactly(
            "1: 区分 H27 H28 H29 H30 H31", "1: 実績値 18棟 21棟 27棟 31棟 34棟 48棟", "1: 従前値（H26） 目標値（H31）");
    othersUnchanged(r, "1-1");
  }

  @Test
  void aPageWhoseLegendDoesNotReadGradesNothingOnThatPage() {
    ReportText text =
        SheetVariants.page(
            Fixtures.sheetText("r01"), 2, p -> p.replaceAll("評価基準：.*", "評価基準：別紙のとおり"));
    ParsedReport r = layout.parse(text);

    Grading g = kpi(r, 2, 1).grading();
    assertThat(g.gradeByRule()).isNull();
    assertThat(g.status()).isEqualTo(ScoreStatus.NOT_COMPUTABLE);
    assertThat(g.note())
        .isEqualTo("the legend on page 2 does not read: no band (symbol = range) in 評価基準：別紙のとおり");
    assertThat(unknown(r)).containsExactly("2: 評価基準：別紙のとおり");
    assertThat(r.gradeLegend().page()).isEqualTo(1);
    othersUnchanged(r, "2-1");
  }

  @Test
  void aGroupNumberTooLongForOneIsKeptInTheNameNotReadAsANumber() {
    ReportText text =
        SheetVariants.page(
            Fixtures.sheetText("r01"),
            1,
            p -> p.replace("基本目標 １　あずましい暮らしプロジェクト", "基本目標 １２３４５６７８９０１２　あずましい暮らしプロジェクト"));
    Project p1 = SheetSamples.project(layout.parse(text), 1);
    assertThat(p1.groupNo()).isNull();
    assertThat(p1.groupName()).isEqualTo("１２３４５６７８９０１２　あずましい暮らしプロジェクト");
  }

  @Test
  void aCoverPageIsNoSheetAndItsLinesAreUnknown() {
    List<String> pages = new ArrayList<>(Fixtures.sheetText("r01").pages());
    pages.add(0, "\n小樽市\n\nまち・ひと・しごと創生総合戦略 実績評価\n\n令和２年９月\n");
    ParsedReport r = layout.parse(new ReportText("r01.pdf", pages));

    assertThat(r.pageCount()).isEqualTo(74);
    assertThat(r.kpiCount()).isEqualTo(73);
    assertThat(unknown(r)).containsExactly("1: 小樽市", "1: まち・ひと・しごと創生総合戦略 実績評価", "1: 令和２年９月");
    assertThat(r.residue()).extracting(ResidueLine::page).contains(74);
  }
}
