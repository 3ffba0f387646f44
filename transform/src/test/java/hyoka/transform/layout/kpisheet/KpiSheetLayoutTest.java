package hyoka.transform.layout.kpisheet;

import static hyoka.transform.layout.kpisheet.SheetSamples.sheets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.GradeLegend;
import hyoka.transform.HyokaException;
import hyoka.transform.LayoutClaim;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The kpi-sheet layout on its two sample files: what it claims and what a whole file gives. */
class KpiSheetLayoutTest {
  private final KpiSheetLayout layout = new KpiSheetLayout();

  @Test
  void theSheetFilesAreClaimedWithTheirEvidenceAndNoStrategyReportIs() {
    for (String file : List.of("r01", "h30")) {
      LayoutClaim claim = layout.claim(Fixtures.sheetText(file));
      assertThat(claim.claimed()).as(file).isTrue();
      assertThat(claim.found())
          .as(file)
          .containsExactly(
              "ＫＰＩ その{n} label (page 1)",
              "達成率/評価 row (page 1)",
              "評価基準 grade legend (page 1)",
              "実績値 row of values (page 1)");
      assertThat(Layouts.installed().choose(Fixtures.sheetText(file), null).name())
          .isEqualTo(KpiSheetLayout.NAME);
    }
    for (String report : List.of("h31", "h30")) {
      LayoutClaim claim = layout.claim(Fixtures.text(report));
      assertThat(claim.claimed()).as(report).isFalse();
      assertThat(claim.missing())
          .as(report)
          .containsExactly(
              "ＫＰＩ その{n} label", "達成率/評価 row", "評価基準 grade legend", "実績値 row of values");
      assertThat(Layouts.installed().choose(Fixtures.text(report), null).name())
          .isEqualTo("strategy-report");
    }
    assertThat(Layouts.installed().named("strategy-report").claim(Fixtures.sheetText("r01")))
        .extracting(LayoutClaim::claimed)
        .isEqualTo(false);
  }

  @Test
  void aWholeFileIsItsYearTitleLegendProjectsAndRows() {
    ParsedReport r01 = sheets("r01");
    assertThat(r01.layout()).isEqualTo("kpi-sheet");
    assertThat(r01.sourceFile()).isEqualTo("otaru-sheets-r01.pdf");
    // 令和元年度 in the title; the grid says H31: the same year
    assertThat(r01.fiscalYear()).isEqualTo(2019);
    assertThat(r01.title()).isEqualTo("まち・ひと・しごと創生総合戦略　令和元年度実績評価シート【個別施策－重要業績評価指標（ＫＰＩ）】");
    assertThat(r01.pageCount()).isEqualTo(73);
    assertThat(r01.projects()).hasSize(62);
    assertThat(r01.kpiCount()).isEqualTo(73);
    assertThat(r01.scoreMismatches()).isZero();
    assertThat(r01.unknownResidue()).isZero();

    ParsedReport h30 = sheets("h30");
    assertThat(h30.fiscalYear()).isEqualTo(2018);
    // FY2018 prints シート番号 on the title's line: the title is kept without it
    assertThat(h30.title()).isEqualTo("まち・ひと・しごと創生総合戦略　平成30年度実績評価シート【個別施策－重要業績評価指標（ＫＰＩ）】");
    assertThat(h30.projects()).hasSize(62);
    assertThat(h30.kpiCount()).isEqualTo(73);
    assertThat(h30.unknownResidue()).isZero();
  }

  @Test
  void theGradeLegendIsReadFromTheFirstPage() {
    GradeLegend legend = sheets("r01").gradeLegend();
    assertThat(legend.page()).isEqualTo(1);
    assertThat(legend.printed())
        .isEqualTo("評価基準：Ａ＝達成率100％以上　Ｂ＝80％以上100％未満　Ｃ＝50％以上80％未満　Ｄ＝50％未満　－＝実績なし");
    assertThat(legend.bands())
        .containsExactly(
            new GradeLegend.Band("A", new BigDecimal("100"), null),
            new GradeLegend.Band("B", new BigDecimal("80"), new BigDecimal("100")),
            new GradeLegend.Band("C", new BigDecimal("50"), new BigDecimal("80")),
            new GradeLegend.Band("D", null, new BigDecimal("50")));
    assertThat(legend.noActualSymbol()).isEqualTo("-");
    assertThat(sheets("h30").gradeLegend().bands()).isEqualTo(legend.bands());
  }

  @Test
  void everyOtherLineIsResidueWithItsClass() {
    for (String file : List.of("r01", "h30")) {
      ParsedReport r = sheets(file);
      Map<ResidueClass, Integer> byClass = new TreeMap<>();
      for (ResidueLine l : r.residue()) {
        byClass.merge(l.cls(), 1, Integer::sum);
      }
      // a footer per page; per page: the legend, the bare labels (設定根拠, 今後の取組, 効果発現要因（総合 /
      // 所見）, ＫＰＩ その{n} …), the title where it stands alone, the （その1に記載） references
      assertThat(byClass.get(ResidueClass.PAGE_MARKER)).as(file).isEqualTo(73);
      assertThat(byClass)
          .as(file)
          .doesNotContainKeys(ResidueClass.UNKNOWN, ResidueClass.CHART_LABEL);
      List<String> texts = r.residue().stream().map(ResidueLine::text).toList();
      assertThat(texts).as(file).contains("- 1 -", "設定根拠", "今後の取組", "効果発現要因（総合", "所見）");
      assertThat(texts.stream().filter(t -> t.equals("（その1に記載）")).count()).as(file).isEqualTo(22);
      assertThat(texts.stream().filter(t -> t.startsWith("評価基準：")).count()).as(file).isEqualTo(73);
    }
    // the FY2019 title stands alone (residue); FY2018's shares its line with シート番号 (data)
    assertThat(sheets("r01").residue())
        .filteredOn(l -> l.text().startsWith("まち・ひと・しごと"))
        .hasSize(73)
        .allMatch(l -> l.cls() == ResidueClass.SECTION_LABEL);
    assertThat(sheets("h30").residue()).noneMatch(l -> l.text().startsWith("まち・ひと・しごと"));
  }

  @Test
  void everyLineOfEveryPageIsDataOrResidueOnceAndNothingIsDropped() {
    for (String file : List.of("r01", "h30")) {
      ReportText text = Fixtures.sheetText(file);
      List<List<SheetLine>> pages = KpiSheetLayout.pages(text);
      SheetReader reader = new SheetReader();
      for (int p = 0; p < pages.size(); p++) {
        Sheet s = reader.read(p + 1, pages.get(p));
        Set<Integer> seen = new HashSet<>();
        List<Integer> twice = new ArrayList<>();
        for (SheetLine l : s.data()) {
          if (!seen.add(l.lineNo())) {
            twice.add(l.lineNo());
          }
        }
        for (SheetLine l : s.legendLines()) {
          if (!seen.add(l.lineNo())) {
            twice.add(l.lineNo());
          }
        }
        for (ResidueLine l : s.residue()) {
          if (!seen.add(l.lineNo())) {
            twice.add(l.lineNo());
          }
        }
        Set<Integer> nonBlank = new HashSet<>();
        for (SheetLine l : pages.get(p)) {
          if (!l.isBlank()) {
            nonBlank.add(l.lineNo());
          }
        }
        assertThat(twice).as(file + " page " + (p + 1)).isEmpty();
        assertThat(seen).as(file + " page " + (p + 1)).isEqualTo(nonBlank);
      }
      // and the report holds every residue line the pages give
      int residue = 0;
      for (int p = 0; p < pages.size(); p++) {
        Sheet s = reader.read(p + 1, pages.get(p));
        residue += s.residue().size() + s.legendLines().size();
      }
      assertThat(sheets(file).residue()).hasSize(residue);
    }
  }

  @Test
  void theTextWithoutPageBreaksIsCutAtItsFootersAndReadsTheSame() {
    // Tika's plain text as delivered: no form feeds, the PDF outline (\t1-1 …) after the last page
    String plain = Fixtures.sheetPlainText("r01");
    ParsedReport r = layout.parse(ReportText.of("otaru-sheets-r01.pdf", plain));
    ParsedReport paged = sheets("r01");

    assertThat(r.pageCount()).isEqualTo(73);
    assertThat(SheetSemantics.of(r)).isEqualTo(SheetSemantics.of(paged));
    // the outline is not the sheets': 73 lines the last page cannot place, kept as unknown
    assertThat(r.residue())
        .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
        .hasSize(73)
        .allMatch(l -> l.page() == 73 && l.text().matches("\t\\d+-\\d+"));
  }

  @Test
  void aTextWithoutSheetsOrYearIsNoSheetFile() {
    assertThatThrownBy(
            () -> layout.parse(new ReportText("memo.pdf", List.of("議事録\n出席者 5名\n", "以上\n"))))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "memo.pdf: not a KPI evaluation sheet file: no sheet (no シート番号, ＫＰＩ その{n}, 実績値 or 達成率"
                + " row)")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT));
    String untitled = Fixtures.sheetText("r01").joined().replaceAll("(?m)^まち・ひと・しごと創生総合戦略.*$", "");
    assertThatThrownBy(() -> layout.parse(ReportText.of("x.pdf", untitled)))
        .hasMessage(
            "x.pdf: not a KPI evaluation sheet file: no fiscal year (no sheet title with its 年度)");
  }
}
