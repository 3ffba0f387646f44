package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutsTest {
  private static final ReportText PROSE =
      new ReportText("minutes.pdf", List.of("議事録\n令和元年度 第1回 会議\n", "出席者 5名\n"));

  @Test
  void theInstalledLayoutsIncludeTheStrategyReport() {
    assertThat(Layouts.installed().names()).contains(EvaluationReportParser.NAME);
  }

  @Test
  void theStrategyReportClaimsTheSampleWithItsEvidence() {
    LayoutClaim claim = new EvaluationReportParser().claim(Fixtures.text("h31"));

    assertThat(claim.claimed()).isTrue();
    assertThat(claim.found())
        .containsExactly(
            "補正前ｽｺｱ スコア label (page 1)",
            "施策ＫＰＩ header (page 1)",
            "project department line (N ＜部) (page 1)");
    assertThat(Layouts.installed().choose(Fixtures.text("h31"), null).name())
        .isEqualTo(EvaluationReportParser.NAME);
  }

  @Test
  void aTextNoLayoutClaimsIsRejectedNamingTheClosestLayoutAndWhatItLacked() {
    assertThatThrownBy(() -> Layouts.installed().choose(PROSE, null))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith(
            "minutes.pdf: not a KPI evaluation report of a known layout; closest: ")
        // no layout finds any of its marks: the first by name is the closest
        .hasMessageContaining(
            "closest: kpi-sheet, lacking ＫＰＩ その{n} label, 達成率/評価 row, 評価基準 grade legend,"
                + " 実績値 row of values")
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.NOT_A_REPORT));
  }

  @Test
  void aTextTwoLayoutsClaimIsRejectedNamingBoth() {
    Layouts two = Layouts.of(List.of(new EvaluationReportParser(), new Renamed("copy")));

    assertThatThrownBy(() -> two.choose(Fixtures.text("h31"), null))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "otaru-sogo-senryaku-h31.pdf: claimed by more than one layout (copy, strategy-report);"
                + " choose one with --layout");
  }

  @Test
  void aForcedLayoutIsUsedWithoutAskingTheOthersAndAnUnknownNameListsTheInstalledOnes() {
    Layouts two = Layouts.of(List.of(new EvaluationReportParser(), new Renamed("copy")));

    assertThat(two.choose(Fixtures.text("h31"), "copy").name()).isEqualTo("copy");
    assertThatThrownBy(() -> two.choose(PROSE, "sheet"))
        .isInstanceOf(HyokaException.class)
        .hasMessage("unknown layout 'sheet' (installed: copy, strategy-report)");
  }

  /** The strategy report under another name: a second layout that claims the same texts. */
  private record Renamed(String name) implements Layout {
    @Override
    public String description() {
      return "test double";
    }

    @Override
    public LayoutClaim claim(ReportText text) {
      LayoutClaim c = new EvaluationReportParser().claim(text);
      return new LayoutClaim(name, c.claimed(), c.found(), c.missing());
    }

    @Override
    public ParsedReport parse(ReportText text) {
      return new EvaluationReportParser().parse(text);
    }
  }
}
