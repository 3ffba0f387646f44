package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grade legends as documents print them, and printed grades compared with them. */
class GradesTest {
  /** The legend of the kpi-sheet samples, as printed on every sheet. */
  static final String SHEET_LEGEND = "評価基準：Ａ＝達成率100％以上　Ｂ＝80％以上100％未満　Ｃ＝50％以上80％未満　Ｄ＝50％未満　－＝実績なし";

  private static String grades(GradeLegend legend, String... achievements) {
    StringBuilder b = new StringBuilder();
    for (String a : achievements) {
      b.append(legend.symbolFor(a == null ? null : new BigDecimal(a))).append(' ');
    }
    return b.toString().strip();
  }

  @Test
  void theSheetsLegendHasFourBandsAndADashForNoActual() {
    GradeLegend l = Grades.legend(SHEET_LEGEND, 3);

    assertThat(l.printed()).isEqualTo(SHEET_LEGEND);
    assertThat(l.page()).isEqualTo(3);
    assertThat(l.bands())
        .containsExactly(
            new GradeLegend.Band("A", new BigDecimal("100"), null),
            new GradeLegend.Band("B", new BigDecimal("80"), new BigDecimal("100")),
            new GradeLegend.Band("C", new BigDecimal("50"), new BigDecimal("80")),
            new GradeLegend.Band("D", null, new BigDecimal("50")));
    assertThat(l.noActualSymbol()).isEqualTo("-");
    assertThat(grades(l, "100", "100.0", "99.99", "80", "79.9", "50.0", "49.9", "-100", null))
        .isEqualTo("A A B B C C D D -");
  }

  @Test
  void otherSpellingsOfTheSameLegendGiveTheSameBands() {
    GradeLegend want = Grades.legend(SHEET_LEGEND, 1);
    for (String printed :
        List.of(
            "評価基準:A=達成率100%以上 B=80%以上100%未満 C=50%以上80%未満 D=50%未満 -=実績なし",
            "【評価基準】Ａ：100％以上、Ｂ：80％以上～100％未満、Ｃ：50％以上～80％未満、Ｄ：50％未満、－：実績なし",
            "評価の基準 A＝達成率が100％以上 / B＝80～100％未満 / C＝50～80％未満 / D＝50％未満 / ―＝実績値なし",
            "※判定基準：Ａ＝達成度100％以上　Ｂ＝80％から100％未満　Ｃ＝50％から80％未満　Ｄ＝50％未満　ー＝実績無し",
            "評価基準：Ａ＝達成率 100 ％以上 Ｂ＝ 80 ％以上 100 ％未満 Ｃ＝ 50 ％以上 80 ％未満 Ｄ＝ 50 ％未満 －＝実績なし")) {
      GradeLegend got = Grades.legend(printed, 1);
      assertThat(got.bands()).as(printed).isEqualTo(want.bands());
      assertThat(got.noActualSymbol()).as(printed).isEqualTo("-");
      assertThat(got.printed()).isEqualTo(printed);
    }
  }

  @Test
  void moreThanAndAtMostMoveTheBoundsToTheOtherSide() {
    GradeLegend l = Grades.legend("評価基準：Ａ＝100％超　Ｂ＝80％超100％以下　Ｃ＝50％超80％以下　Ｄ＝50％以下", 1);

    assertThat(l.bands().get(1))
        .isEqualTo(
            new GradeLegend.Band("B", new BigDecimal("80"), new BigDecimal("100"), true, true));
    assertThat(grades(l, "100.1", "100", "80.1", "80", "50", "0")).isEqualTo("A B B C D D");
    assertThat(l.noActualSymbol()).isNull();
    assertThat(l.symbolFor(null)).isNull();
  }

  @Test
  void marksAndLowerCaseLettersAreSymbolsToo() {
    GradeLegend l = Grades.legend("評価基準：◎＝100%以上　○＝50%以上100%未満　△＝50%未満", 1);
    assertThat(grades(l, "120", "50", "10")).isEqualTo("◎ ○ △");
    GradeLegend s = Grades.legend("a=100%以上, b=100%未満", 1);
    assertThat(grades(s, "100", "99")).isEqualTo("A B");
  }

  @Test
  void aLegendThatCannotBeReadWhollyIsNoLegendAndSaysWhy() {
    assertThatThrownBy(() -> Grades.legend("評価基準：別紙のとおり", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no band (symbol = range) in 評価基準：別紙のとおり");
    assertThatThrownBy(() -> Grades.legend("評価基準：Ａ＝目標達成　Ｂ＝80％以上", 2))
        .hasMessage("band A has no range this reads (目標達成) in 評価基準：Ａ＝目標達成　Ｂ＝80％以上");
    assertThatThrownBy(() -> Grades.legend("Ａ＝80％以上　Ｂ＝50％以上90％未満", 2))
        .hasMessage("bands A and B overlap in Ａ＝80％以上　Ｂ＝50％以上90％未満");
    assertThatThrownBy(() -> Grades.legend("Ａ＝100％　Ｂ＝80％以上", 2))
        .hasMessage("band A has a bound without 以上/超/以下/未満 (100%) in Ａ＝100％　Ｂ＝80％以上");
    assertThatThrownBy(() -> Grades.legend("Ａ＝80％以上50％未満", 2))
        .hasMessageStartingWith("band A is empty");
    assertThatThrownBy(() -> Grades.legend("－＝実績なし", 2))
        .hasMessage("no band with an achievement range in －＝実績なし");
  }

  @Test
  void bandsThatTouchDoNotOverlapButSharedClosedEndsDo() {
    assertThat(Grades.legend("A=50%以上 B=50%未満", 1).bands()).hasSize(2);
    assertThat(Grades.legend("A=50%超 B=50%以下", 1).bands()).hasSize(2);
    assertThatThrownBy(() -> Grades.legend("A=50%以上 B=50%以下", 1))
        .hasMessageStartingWith("bands A and B overlap");
  }

  private static final GradeLegend LEGEND = Grades.legend(SHEET_LEGEND, 1);
  private static final PrintedValue ACTUAL = PrintedValue.of("36棟", new BigDecimal("36"), "棟");
  private static final PrintedValue NO_ACTUAL = PrintedValue.missing("―", null, "dash");

  private static PrintedValue percent(String printed) {
    return Values.single(FoldedText.of(printed));
  }

  @Test
  void aPrintedGradeTheLegendAgreesWithMatches() {
    Grading g = Grades.grade(LEGEND, null, percent("60.0％"), ACTUAL, "Ｃ", "やや遅れ", 1);

    assertThat(g)
        .isEqualTo(
            new Grading(percent("60.0％"), "Ｃ", "C", "C", ScoreStatus.MATCH, null, "やや遅れ", 1));
  }

  @Test
  void aPrintedGradeTheLegendDisagreesWithIsAMismatchAndBothAreKept() {
    Grading g = Grades.grade(LEGEND, null, percent("40.0％"), ACTUAL, "Ｃ", "やや遅れ", 54);

    assertThat(g.grade()).isEqualTo("C");
    assertThat(g.gradeByRule()).isEqualTo("D");
    assertThat(g.status()).isEqualTo(ScoreStatus.MISMATCH);
    assertThat(g.note()).isEqualTo("printed Ｃ but the legend gives D for 40.0％");
  }

  @Test
  void noActualGetsTheLegendsNoActualSymbolAndADashProgressIsNone() {
    Grading g = Grades.grade(LEGEND, null, percent("―"), NO_ACTUAL, "－", "－", 4);

    assertThat(g.gradePrinted()).isEqualTo("－");
    assertThat(g.grade()).isEqualTo("-");
    assertThat(g.gradeByRule()).isEqualTo("-");
    assertThat(g.status()).isEqualTo(ScoreStatus.MATCH);
    assertThat(g.progress()).isNull();
  }

  @Test
  void whatCannotBeComparedIsNotComputableWithTheReason() {
    assertThat(Grades.grade(LEGEND, null, percent("80.0％"), ACTUAL, null, null, 1))
        .extracting(Grading::status, Grading::note, Grading::gradeByRule)
        .containsExactly(ScoreStatus.NOT_COMPUTABLE, "no grade printed; the legend gives B", "B");
    assertThat(Grades.grade(LEGEND, null, percent("―"), ACTUAL, "Ｃ", null, 1))
        .extracting(Grading::status, Grading::note, Grading::gradeByRule)
        .containsExactly(
            ScoreStatus.NOT_COMPUTABLE,
            "no achievement printed (―) although the actual is 36棟",
            null);
    assertThat(
            Grades.grade(
                null, "the legend on page 2 reads no band", percent("80％"), ACTUAL, "Ｂ", null, 2))
        .extracting(Grading::status, Grading::note)
        .containsExactly(ScoreStatus.NOT_COMPUTABLE, "the legend on page 2 reads no band");
    GradeLegend gap = Grades.legend("A=100%以上 B=50%以上90%未満", 1);
    assertThat(Grades.grade(gap, null, percent("95％"), ACTUAL, "Ｂ", null, 1).note())
        .isEqualTo("no band of the legend contains 95%");
  }

  @Test
  void symbolsFoldWidthCaseAndDashes() {
    assertThat(Grades.symbol("Ａ")).isEqualTo("A");
    assertThat(Grades.symbol(" ｂ ")).isEqualTo("B");
    assertThat(List.of("－", "―", "-", "ー", "—").stream().map(Grades::symbol).distinct())
        .containsExactly("-");
    assertThat(Grades.symbol(" ")).isNull();
  }
}
