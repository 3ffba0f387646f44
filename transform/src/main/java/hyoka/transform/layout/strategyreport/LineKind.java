package hyoka.transform.layout.strategyreport;

/** What a line of the report's text is, as far as its own text tells. */
enum LineKind {
  BLANK,
  /** `補正前ｽｺｱ スコア`: the line after a project's name in a page's head. */
  SCORE_LABEL,
  /** baseline, yearly actuals, raw score, score, target. */
  VALUE_ROW,
  /** `[目標値]`. */
  TARGET_LABEL,
  /** `※…`. */
  NOTE,
  /** `《現状分析》`. */
  STATUS_LABEL,
  /** `●個別事業(予算ベース)●`. */
  BUDGET_LABEL,
  /** `概要：`, possibly with text glued on. */
  OVERVIEW_LABEL,
  /** `目的：`, possibly with text glued on. */
  PURPOSE_LABEL,
  /** `《平成31年度実施内容》`. */
  IMPL_LABEL,
  /** `➭ ５年間の総括 ：`, possibly with text glued on. */
  SUMMARY_LABEL,
  /** `（Ｈ27～Ｈ31）` under the summary label. */
  SUMMARY_RANGE,
  /** `目標値(H31)`. */
  TARGET_HEAD,
  /** `実績値`. */
  ACTUAL_HEAD,
  /** `H31年度` (the report-year column of the KPI header). */
  YEAR_HEAD,
  /** `N ＜部`: a project's number and department. */
  DEPT,
  /** `施策ＫＰＩ 基準値(H26) H27実績値 …`. */
  KPI_HEADER,
  /** A piece of a KPI header the extractor split (`基準値(H-`, `1988)`, `H27実績値 …`). */
  HEADER_FRAGMENT,
  /** Only numbers: a chart data label, an axis tick, or a bare KPI actual. */
  NUMBERS,
  /** `実績値 目標値 スコア`: a chart legend. */
  CHART_LEGEND,
  /** `H26 H27 H28 H29 H30 H31`: a chart's year axis. */
  CHART_AXIS,
  /** Anything else: names, texts, basis lines, section lines. */
  TEXT
}
