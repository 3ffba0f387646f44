package hyoka.transform;

/** How the printed score compares with the score hyoka computes from the printed values. */
public enum ScoreStatus {
  MATCH,
  MISMATCH,
  NOT_COMPUTABLE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
