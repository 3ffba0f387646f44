package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry on its own, with layouts made for the test (a layout claims a text that prints all
 * of its marks), and on the installed layouts.
 */
class LayoutsTest {
  private static final ReportText PROSE =
      new ReportText("minutes.pdf", List.of("議事録\n令和元年度 第1回 会議\n", "出席者 5名\n"));

  private static final Marks SHEET = new Marks("sheet", "評価基準", "達成率", "シート番号");
  private static final Marks REPORT = new Marks("report", "補正前", "施策", "現状分析");

  private static ReportText text(String... lines) {
    return new ReportText("t.pdf", List.of(String.join("\n", lines)));
  }

  @Test
  void theInstalledLayoutsIncludeTheStrategyReport() {
    assertThat(Layouts.installed().names()).contains("strategy-report");
    assertThat(Layouts.installed().all()).allSatisfy(l -> assertThat(l.description()).isNotBlank());
  }

  @Test
  void theOneLayoutThatClaimsATextReadsIt() {
    Layouts two = Layouts.of(List.of(SHEET, REPORT));

    assertThat(two.choose(text("補正前", "施策", "現状分析"), null).name()).isEqualTo("report");
    assertThat(two.parse(text("評価基準", "達成率", "シート番号"), null).layout()).isEqualTo("sheet");
  }

  @Test
  void aTextNoLayoutClaimsIsRejectedNamingTheClosestLayoutWithWhatItFoundAndLacked() {
    Layouts two = Layouts.of(List.of(SHEET, REPORT));

    assertThatThrownBy(() -> two.choose(text("達成率", "施策", "現状分析"), null))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "t.pdf: not a KPI evaluation report of a known layout; closest: report (found 施策,"
                + " 現状分析), lacking 補正前")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT));
  }

  @Test
  void proseIsRejectedByTheInstalledLayoutsInOneLine() {
    assertThatThrownBy(() -> Layouts.installed().choose(PROSE, null))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith(
            "minutes.pdf: not a KPI evaluation report of a known layout; closest: ")
        .hasMessageNotContaining("\n")
        // no layout finds any of its marks: the first by name is the closest
        .hasMessageContaining(
            "closest: kpi-sheet, lacking ＫＰＩ その{n} label, 達成率/評価 row, 評価基準 grade legend,"
                + " 実績値 row of values")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT));
  }

  @Test
  void aTextTwoLayoutsClaimIsRejectedNamingBoth() {
    Layouts two = Layouts.of(List.of(REPORT, new Marks("copy", "補正前", "施策")));

    assertThatThrownBy(() -> two.choose(text("補正前", "施策", "現状分析"), null))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "t.pdf: claimed by more than one layout (copy, report); choose one with --layout");
  }

  @Test
  void aForcedLayoutIsUsedWithoutAskingTheOthersAndAnUnknownNameListsTheInstalledOnes() {
    Layouts two = Layouts.of(List.of(SHEET, REPORT));

    assertThat(two.choose(PROSE, "sheet").name()).isEqualTo("sheet");
    assertThatThrownBy(() -> two.choose(PROSE, "sheets"))
        .isInstanceOf(HyokaException.class)
        .hasMessage("unknown layout 'sheets' (installed: report, sheet)")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.BAD_ARGUMENT));
  }

  @Test
  void aForcedLayoutThatCannotReadTheTextSaysItWasForced() {
    Layouts installed = Layouts.installed();

    assertThatThrownBy(() -> installed.parse(PROSE, "strategy-report"))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "minutes.pdf: read with --layout strategy-report: not a KPI evaluation report: no"
                + " project with a 補正前ｽｺｱ スコア value table")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT));
  }

  @Test
  void theInstalledClassNamesAreThoseOfTheInstalledLayouts() {
    assertThat(Layouts.installedClassNames())
        .contains("hyoka.transform.layout.strategyreport.EvaluationReportParser")
        .isEqualTo(
            Layouts.installed().all().stream().map(l -> l.getClass().getName()).sorted().toList());
  }

  @Test
  void twoLayoutsOfOneNameAreRefused() {
    assertThatThrownBy(() -> Layouts.of(List.of(SHEET, new Marks("sheet", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two layouts named sheet");
  }

  /** A layout that claims a text printing every one of its marks, and parses it to nothing. */
  private record Marks(String name, List<String> marks) implements Layout {
    Marks(String name, String... marks) {
      this(name, List.of(marks));
    }

    @Override
    public String description() {
      return "test layout " + name;
    }

    @Override
    public LayoutClaim claim(ReportText text) {
      String all = String.join("\n", text.pages());
      List<String> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (String m : marks) {
        (all.contains(m) ? found : missing).add(m);
      }
      return LayoutClaim.of(name, found, missing);
    }

    @Override
    public ParsedReport parse(ReportText text) {
      return new ParsedReport(
          text.sourceFile(), name, 2019, null, text.pages().size(), List.of(), List.of(), null);
    }
  }
}
