package hyoka.transform;

/** The kinds of commentary text in a report. */
public enum NarrativeKind {
  /** 《現状分析》 of a project. */
  STATUS_ANALYSIS,
  /** ５年間の総括 of a project. */
  FIVE_YEAR_SUMMARY,
  /** 概要 of a budget item. */
  OVERVIEW,
  /** 目的 of a budget item. */
  PURPOSE,
  /** 《…実施内容》 of a budget item. */
  IMPLEMENTATION,
  /** 効果発現要因（総合所見） of a project (evaluation sheets). */
  EFFECT_FACTORS,
  /** 今後の取組 of a project (evaluation sheets). */
  FUTURE_WORK;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
