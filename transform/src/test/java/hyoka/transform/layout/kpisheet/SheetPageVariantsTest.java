package hyoka.transform.layout.kpisheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.ReportText;
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
}
