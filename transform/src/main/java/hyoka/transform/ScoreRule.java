package hyoka.transform;

/** The rule a computed score was made with (see docs: report format, Scores). */
public enum ScoreRule {
  /** raw = (actual − baseline) / (target − baseline) × 100, score = raw clamped to [−100, 100]. */
  LINEAR,
  /** 現状維持 targets at or below the baseline: actual / baseline × 100. */
  MAINTAIN_RATIO,
  /** No rule applies (a value is unknown, or target equals baseline with no maintain rule). */
  NONE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
