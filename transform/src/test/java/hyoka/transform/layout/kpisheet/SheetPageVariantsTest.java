package hyoka.transform.layout.kpisheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.Kpi;
import hyoka.transform.MatchEvidence;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample's pages as another file would hold them: sheets repeated, reordered, missing, two on
 * one page or one over two, pages that are no sheets (made from the fixture's page texts).
 */
class SheetPageVariantsTest {
  private final KpiSheetLayout layout = new KpiSheetLayout();

  private static List<String> pages() {
    return new ArrayList<>(Fixtures.sheetText("r01").pages());
  }

  @Test
  void aSheetPrintedTwiceIsRejectedWhetherACopyOrWithOtherValues() {
    List<String> copy = pages();
    copy.add(5, copy.get(2)); // 3-1 again after 5-1
    assertThatThrownBy(() -> layout.parse(new ReportText("r01.pdf", copy)))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "r01.pdf: sheet numbers repeat (シート番号 3-1 on pages 3, 6): a sheet is in the file"
                + " more than once, and which page to read no rule can tell")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT));

    List<String> other = pages();
    assertThat(other.get(2)).contains("実績値 0件 ― 5件 9件 7件 14件 30件");
    other.add(3, other.get(2).replace("7件 14件 30件", "7件 16件 30件"));
    assertThatThrownBy(() -> layout.parse(new ReportText("r01.pdf", other)))
        .hasMessageContaining("(シート番号 3-1 on pages 3, 4)");
  }

  @Test
  void aSheetNumberPrintedOnAnotherProjectsSheetIsRejected() {
    List<String> p = pages();
    assertThat(p.get(2)).contains("シート番号 3-1", "個別施策 住宅エコリフォーム助成事業");
    p.set(2, p.get(2).replace("シート番号 3-1", "シート番号 2-1"));
    assertThatThrownBy(() -> layout.parse(new ReportText("r01.pdf", p)))
        .hasMessageContaining("(シート番号 2-1 on pages 2, 3)");
  }

  @Test
  void aCopyOfASheetWithoutItsNumberIsNotTakenForTheKpiItsNeighboursWouldMakeIt() {
    for (String ordinal : List.of("ＫＰＩ その2", "ＫＰＩ その1")) {
      List<String> p = pages();
      assertThat(p.get(5)).contains("シート番号 5-2", "ＫＰＩ その2");
      // a copy of 5-2 after it without its シート番号: its neighbours would make it 5-2 (or 5-1)
      p.add(6, p.get(5).replace("シート番号 5-2", "").replace("ＫＰＩ その2", ordinal));
      ParsedReport r = layout.parse(new ReportText("r01.pdf", p));

      assertThat(r.kpiCount()).as(ordinal).isEqualTo(73);
      assertThat(SheetSamples.project(r, 5).kpis())
          .as(ordinal)
          .extracting(Kpi::kpiNo, Kpi::page, Kpi::matchEvidence)
          .containsExactly(tuple(1, 5, MatchEvidence.SINGLE), tuple(2, 6, MatchEvidence.SINGLE));
      assertThat(r.residue())
          .as(ordinal)
          .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
          .extracting(ResidueLine::page)
          .isNotEmpty()
          .containsOnly(7);
    }
  }
}
