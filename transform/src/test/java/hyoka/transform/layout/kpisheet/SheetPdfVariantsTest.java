package hyoka.transform.layout.kpisheet;

import static hyoka.transform.layout.kpisheet.SheetSamples.kpi;
import static hyoka.transform.layout.kpisheet.SheetSamples.project;
import static hyoka.transform.layout.kpisheet.SheetSamples.sheets;
import static hyoka.transform.layout.kpisheet.SheetSemantics.key;
import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Layouts;
import hyoka.transform.Narrative;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ResidueClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sheets printed again by real producers (LibreOffice Writer, LibreOffice Calc with another
 * city's labels and 令和 years; made for testing by {@link SheetPdfs}) read as the fixture's sheets
 * they were printed from, each value with its year.
 */
class SheetPdfVariantsTest {
  private final KpiSheetLayout layout = new KpiSheetLayout();

  @Test
  void aWordProcessorsPdfReadsAsTheFixture() {
    ParsedReport r = layout.parse(Fixtures.sheetVariantText("r01-writer"));
    assertThat(Layouts.installed().choose(Fixtures.sheetVariantText("r01-writer"), null).name())
        .isEqualTo(KpiSheetLayout.NAME);
    assertThat(r.fiscalYear()).isEqualTo(2019);
    sameSheets(r, 0);
    // what the producer did: spaces between Japanese and Latin, 効果発現要因（総合所 / 見）
    assertThat(Fixtures.sheetVariantText("r01-writer").joined())
        .contains("実績値 18 棟 21 棟", "平成 31 年度", "効果発現要因（総合所\n見）");
  }

  @Test
  void anotherCitysSpreadsheetFourYearsOnReadsAsTheFixtureWithItsYears() {
    ParsedReport r = layout.parse(Fixtures.sheetVariantText("r05-calc"));
    assertThat(r.fiscalYear()).isEqualTo(2023);
    assertThat(r.gradeLegend().printed()).startsWith("【評価基準】Ａ：100％以上、");
    assertThat(r.gradeLegend().bands()).isEqualTo(sheets("r01").gradeLegend().bands());
    sameSheets(r, 4);
    assertThat(Fixtures.sheetVariantText("r05-calc").joined())
        .contains("年度 R1 R2 R3 R4 R5", "基準値（H30） 目標（R5）", "KPI1 ", "99.6％評定");
  }

  /** The variant's 14 sheets hold what the fixture's do, their years {@code shift} years on. */
  private static void sameSheets(ParsedReport r, int shift) {
    ParsedReport fixture = sheets("r01");
    assertThat(r.residue()).noneMatch(l -> l.cls() == ResidueClass.UNKNOWN);
    assertThat(r.projects())
        .extracting(Project::projectNo)
        .containsExactlyElementsOf(SheetPdfs.PROJECTS.stream().sorted().toList());
    assertThat(r.kpiCount()).isEqualTo(14);
    int page = 0;
    for (Project p : r.projects()) {
      Project f = project(fixture, p.projectNo());
      String pat = "P" + p.projectNo();
      assertThat(p.groupNo()).as(pat).isEqualTo(f.groupNo());
      assertThat(key(p.groupName())).as(pat).isEqualTo(key(f.groupName()));
      assertThat(key(p.name())).as(pat).isEqualTo(key(f.name()));
      assertThat(key(p.department())).as(pat).isEqualTo(key(f.department()));
      assertThat(key(p.section())).as(pat).isEqualTo(key(f.section()));
      assertThat(p.narratives()).as(pat).hasSameSizeAs(f.narratives());
      for (int i = 0; i < f.narratives().size(); i++) {
        Narrative n = p.narratives().get(i);
        assertThat(n.kind()).as(pat).isEqualTo(f.narratives().get(i).kind());
        assertThat(key(n.text())).as(pat).isEqualTo(key(f.narratives().get(i).text()));
        assertThat(n.page()).as(pat).isEqualTo(p.page());
      }
      for (Kpi k : p.kpis()) {
        Kpi o = kpi(fixture, p.projectNo(), k.kpiNo());
        String at = p.projectNo() + "-" + k.kpiNo();
        assertThat(k.page()).as(at).isEqualTo(++page);
        assertThat(key(k.name())).as(at).isEqualTo(key(o.name()));
        assertThat(k.unit()).as(at).isEqualTo(o.unit());
        assertThat(key(k.targetBasis())).as(at).isEqualTo(key(o.targetBasis()));
        assertThat(k.baselineYear()).as(at).isEqualTo(plus(o.baselineYear(), shift));
        assertThat(k.targetYear()).as(at).isEqualTo(plus(o.targetYear(), shift));
        assertThat(values(k, 0)).as(at).isEqualTo(values(o, shift));
        assertThat(k.scoreComputed()).as(at).isEqualTo(o.scoreComputed());
        Grading g = k.grading();
        Grading og = o.grading();
        assertThat(g.achievement().value()).as(at).isEqualTo(og.achievement().value());
        assertThat(g.grade()).as(at).isEqualTo(og.grade());
        assertThat(g.gradeByRule()).as(at).isEqualTo(og.gradeByRule());
        assertThat(g.status()).as(at).isEqualTo(og.status());
        assertThat(g.progress()).as(at).isEqualTo(og.progress());
        assertThat(g.page()).as(at).isEqualTo(k.page());
      }
    }
    assertThat(r.gradeMismatches()).isEqualTo(1); // 44-1's Ｃ at 40.0％
  }

  private static Integer plus(Integer year, int shift) {
    return year == null ? null : year + shift;
  }

  private static List<String> values(Kpi k, int shift) {
    List<String> out = new ArrayList<>();
    for (KpiValue v : k.values()) {
      out.add(
          v.kind()
              + " "
              + plus(v.fiscalYear(), shift)
              + " "
              + (v.value().isKnown()
                  ? v.value().value().toPlainString() + " " + v.value().unit()
                  : v.value().nullReason()));
    }
    return out;
  }
}
