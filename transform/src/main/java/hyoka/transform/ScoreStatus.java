package hyoka.transform;

/**
 * How a printed score or grade compares with the one hyoka computes from the printed values (a
 * score by {@link ScoreRule}, a grade by the document's {@link GradeLegend}).
 */
public enum ScoreStatus {
  MATCH,
  MISMATCH,
  NOT_COMPUTABLE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
