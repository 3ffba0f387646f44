package hyoka.transform;

/** Why a line of the report's text is not data. */
public enum ResidueClass {
  /** The marker that starts a page (` 6`, ` #`, ` # （２）…`). */
  PAGE_MARKER,
  /** A fixed label of the layout (`補正前ｽｺｱ スコア`, `[目標値]`, `概要：`, …). */
  SECTION_LABEL,
  /** Data labels, legends and axis ticks of a page's score chart. */
  CHART_LABEL,
  /** A line the parser could not place; each one should be explainable. */
  UNKNOWN;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
