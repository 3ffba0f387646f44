package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The report's scoring rules, applied to printed values, and the comparison with the printed
 * scores. raw = (actual − baseline) / (target − baseline) × 100, rounded half-up to 2 decimals;
 * score = raw clamped to [−100, 100]. A KPI whose target is to keep the level (現状維持) and whose
 * target is at or below the baseline is scored actual / baseline × 100 instead.
 */
public final class Scores {
  private Scores() {}

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MINUS_HUNDRED = BigDecimal.valueOf(-100);

  /**
   * A computed score.
   *
   * @param raw the unclamped score, null when no rule applies
   * @param score raw clamped to [−100, 100], null when no rule applies
   * @param note why no rule applies; null otherwise
   */
  public record Computed(ScoreRule rule, BigDecimal raw, BigDecimal score, String note) {
    public Computed {
      requireNonNull(rule, "rule is null");
    }
  }

  /**
   * Computes the score of one KPI from its printed values.
   *
   * @param maintain whether the target is to keep the level (the basis says 現状維持)
   */
  public static Computed compute(
      PrintedValue baseline, PrintedValue actual, PrintedValue target, boolean maintain) {
    String missing = missing("baseline", baseline);
    if (missing == null) {
      missing = missing("actual", actual);
    }
    if (missing == null) {
      missing = missing("target", target);
    }
    if (missing != null) {
      return new Computed(ScoreRule.NONE, null, null, missing);
    }
    BigDecimal b = baseline.value();
    BigDecimal a = actual.value();
    BigDecimal t = target.value();
    if (maintain && t.compareTo(b) <= 0) {
      if (b.signum() == 0) {
        return new Computed(ScoreRule.NONE, null, null, "maintain target with baseline 0");
      }
      BigDecimal raw = a.multiply(HUNDRED).divide(b, 2, RoundingMode.HALF_UP);
      return new Computed(ScoreRule.MAINTAIN_RATIO, raw, clamp(raw), null);
    }
    if (t.compareTo(b) == 0) {
      return new Computed(ScoreRule.NONE, null, null, "target equals baseline");
    }
    BigDecimal raw = a.subtract(b).multiply(HUNDRED).divide(t.subtract(b), 2, RoundingMode.HALF_UP);
    return new Computed(ScoreRule.LINEAR, raw, clamp(raw), null);
  }

  /** raw clamped to [−100, 100]. */
  public static BigDecimal clamp(BigDecimal raw) {
    if (raw.compareTo(HUNDRED) > 0) {
      return HUNDRED.setScale(2);
    }
    if (raw.compareTo(MINUS_HUNDRED) < 0) {
      return MINUS_HUNDRED.setScale(2);
    }
    return raw;
  }

  /** How the printed scores compare with the computed ones. */
  public record Comparison(ScoreStatus status, String note) {
    public Comparison {
      requireNonNull(status, "status is null");
    }
  }

  /** Compares printed 補正前スコア and スコア with the computed ones; never changes either. */
  public static Comparison compare(PrintedValue rawScore, PrintedValue score, Computed c) {
    if (c.raw() == null) {
      return new Comparison(ScoreStatus.NOT_COMPUTABLE, c.note());
    }
    if (!rawScore.isKnown() || !score.isKnown()) {
      return new Comparison(
          ScoreStatus.MISMATCH,
          "printed no score ("
              + rawScore.printed()
              + " "
              + score.printed()
              + ") but "
              + c.rule().label()
              + " gives "
              + c.raw().toPlainString()
              + " "
              + c.score().toPlainString());
    }
    boolean rawSame = rawScore.value().compareTo(c.raw()) == 0;
    boolean scoreSame = score.value().compareTo(c.score()) == 0;
    if (rawSame && scoreSame) {
      return new Comparison(ScoreStatus.MATCH, null);
    }
    return new Comparison(
        ScoreStatus.MISMATCH,
        "printed "
            + rawScore.printed()
            + " "
            + score.printed()
            + " but "
            + c.rule().label()
            + " gives "
            + c.raw().toPlainString()
            + " "
            + c.score().toPlainString());
  }

  /** Whether a basis text sets a keep-the-level target (現状維持, ほぼ現状維持, …を現状維持). */
  public static boolean isMaintain(String basis) {
    return basis != null && Texts.fold(basis).contains("現状維持");
  }

  private static String missing(String what, PrintedValue v) {
    if (v.isKnown()) {
      return null;
    }
    return what + " unknown (" + (v.printed() == null ? v.nullReason() : v.printed()) + ")";
  }
}
