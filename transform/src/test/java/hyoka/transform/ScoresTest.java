package hyoka.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The scoring rules on printed values, and how printed and computed scores compare. */
class ScoresTest {
  private static PrintedValue v(String n) {
    return PrintedValue.of(n, new BigDecimal(n), null);
  }

  private static final PrintedValue DASH = PrintedValue.missing("―", null, "dash");

  @Test
  void linearScoreIsRoundedHalfUpAndClamped() {
    Scores.Computed c = Scores.compute(v("213"), v("173"), v("180"), false);
    assertThat(c.rule()).isEqualTo(ScoreRule.LINEAR);
    assertThat(c.raw()).isEqualByComparingTo("121.21");
    assertThat(c.score()).isEqualByComparingTo("100");
    // 1 / 800 = 0.125 → 0.13 (half-up, not half-even)
    assertThat(Scores.compute(v("0"), v("1"), v("800"), false).raw()).isEqualByComparingTo("0.13");
    Scores.Computed low = Scores.compute(v("269"), v("231"), v("300"), false);
    assertThat(low.raw()).isEqualByComparingTo("-122.58");
    assertThat(low.score()).isEqualByComparingTo("-100");
  }

  @Test
  void maintainTargetsAtOrBelowTheBaselineUseTheRatio() {
    Scores.Computed c = Scores.compute(v("96.45"), v("96.00"), v("96"), true);
    assertThat(c.rule()).isEqualTo(ScoreRule.MAINTAIN_RATIO);
    assertThat(c.raw()).isEqualByComparingTo("99.53");
    assertThat(Scores.compute(v("152"), v("151"), v("152"), true).raw())
        .isEqualByComparingTo("99.34");
    // 現状維持 in the basis but the target is above the baseline: the linear rule
    assertThat(Scores.compute(v("269"), v("231"), v("300"), true).rule())
        .isEqualTo(ScoreRule.LINEAR);
    assertThat(Scores.isMaintain("H27見込を現状維持")).isTrue();
    assertThat(Scores.isMaintain("+10件/年")).isFalse();
    assertThat(Scores.isMaintain(null)).isFalse();
  }

  @Test
  void noRuleWithoutValuesOrWithTargetEqualToBaseline() {
    Scores.Computed dash = Scores.compute(v("5"), DASH, v("6"), false);
    assertThat(dash.rule()).isEqualTo(ScoreRule.NONE);
    assertThat(dash.raw()).isNull();
    assertThat(dash.note()).isEqualTo("actual unknown (―)");
    Scores.Computed flat = Scores.compute(v("5"), v("6"), v("5"), false);
    assertThat(flat.rule()).isEqualTo(ScoreRule.NONE);
    assertThat(flat.note()).isEqualTo("target equals baseline");
  }

  @Test
  void comparisonKeepsBothValues() {
    Scores.Computed c = Scores.compute(v("0"), v("3"), v("50"), false);
    Scores.Comparison m = Scores.compare(v("30.00"), v("30.00"), c);
    assertThat(m.status()).isEqualTo(ScoreStatus.MISMATCH);
    assertThat(m.note()).isEqualTo("printed 30.00 30.00 but linear gives 6.00 6.00");
    assertThat(Scores.compare(v("6.00"), v("6"), c).status()).isEqualTo(ScoreStatus.MATCH);
    assertThat(Scores.compare(DASH, DASH, c).status()).isEqualTo(ScoreStatus.MISMATCH);
    Scores.Computed none = Scores.compute(v("5"), DASH, v("6"), false);
    assertThat(Scores.compare(DASH, DASH, none).status()).isEqualTo(ScoreStatus.NOT_COMPUTABLE);
  }
}
