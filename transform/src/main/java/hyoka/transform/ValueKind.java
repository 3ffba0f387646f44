package hyoka.transform;

/** What a printed KPI value stands for. */
public enum ValueKind {
  BASELINE,
  ACTUAL,
  TARGET;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
