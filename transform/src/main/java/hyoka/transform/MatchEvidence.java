package hyoka.transform;

/**
 * What decided which KPI name line (with its report-year actual) belongs to which value row. The
 * score rule is the strongest evidence, then the units; the printed order only when neither can
 * tell, and then the match is recorded as inferred.
 */
public enum MatchEvidence {
  /** The project has one KPI: nothing to decide. */
  SINGLE,
  /** Only this assignment reproduces the printed scores. */
  SCORE_RULE,
  /** Only this assignment agrees on the units. */
  UNIT,
  /** Score and unit could not tell; the reverse printed order was assumed. */
  ORDER_INFERRED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
