package hyoka.warehouse;

import static hyoka.warehouse.ColumnType.BIGINT;
import static hyoka.warehouse.ColumnType.DOUBLE;
import static hyoka.warehouse.ColumnType.INTEGER;
import static hyoka.warehouse.ColumnType.TIMESTAMP;
import static hyoka.warehouse.ColumnType.VARCHAR;

import java.util.List;

/**
 * The warehouse tables. Researchers write SQL against these names: they never change, columns are
 * only added. The order here is the load order.
 */
public final class Tables {
  private Tables() {}

  private static Column c(String name, ColumnType type, String doc) {
    return new Column(name, type, doc);
  }

  private static final Column REPORT_ID =
      c("report_id", VARCHAR, "the report: first 16 hex digits of the file's sha256");
  private static final Column PROJECT_NO =
      c("project_no", INTEGER, "project number (事業番号) as printed in this report");

  /**
   * The qualifier columns, added last to their tables (an older warehouse gets them by ALTER TABLE,
   * which appends, so both have one column order).
   */
  private static final String QUALIFIER_DOC =
      "what the printed text says of the number: approximate (約), estimate (見込), provisional"
          + " (暫定), at_least (以上), at_most (以下), below (未満), above (超), comma-separated when"
          + " two (approximate,at_least); NULL when printed plain or when the value is NULL";

  public static final TableSpec REPORTS =
      new TableSpec(
          "reports",
          List.of(
              REPORT_ID,
              c("source_file", VARCHAR, "file name the report was read from"),
              c(
                  "sha256",
                  VARCHAR,
                  "sha256 of the file's bytes (lower-case hex): the report's identity"),
              c("series", VARCHAR, "report series (--series, by default the file's folder name)"),
              c(
                  "layout",
                  VARCHAR,
                  "the layout that read the file (hyoka ingest --help lists them): strategy-report"
                      + " or kpi-sheet (docs/layouts.md); a report a hyoka before layouts stored"
                      + " gets strategy-report, the only layout there was"),
              c("fiscal_year", INTEGER, "the report's fiscal year, Western (H31年度 = 2019)"),
              c("page_count", INTEGER, "number of pages"),
              c(
                  "title",
                  VARCHAR,
                  "the title printed in the report's text; NULL where the layout prints none (the"
                      + " strategy report prints none)"),
              c(
                  "ingested_at",
                  TIMESTAMP,
                  "when the file was first read (UTC); a re-parse by another hyoka version keeps"
                      + " it, so a series' reports keep the order they came in"),
              c("project_count", INTEGER, "number of projects parsed"),
              c("kpi_count", INTEGER, "number of KPI value rows parsed"),
              c("score_mismatches", INTEGER, "KPI rows whose printed score differs from hyoka's"),
              c("unknown_residue", INTEGER, "text lines the parser could not place"),
              c(
                  "grade_mismatches",
                  INTEGER,
                  "KPI rows whose printed grade differs from the grade by the document's legend;"
                      + " NULL where the layout prints no grade"),
              c(
                  "grade_legend",
                  VARCHAR,
                  "the grade legend as printed (評価基準：Ａ＝達成率100％以上 …); NULL where none is printed"),
              c("grade_legend_page", INTEGER, "1-based page the legend was read from")),
          List.of(
              c(
                  "run_id",
                  BIGINT,
                  "the run that read the report: the one that added it, or the last that re-parsed"
                      + " it after an upgrade"),
              c(
                  "superseded_by",
                  VARCHAR,
                  "report_id of the newer file for the same series and fiscal year; NULL while current"),
              c(
                  "parser_version",
                  VARCHAR,
                  "the hyoka parser version that read the report (16 hex digits, a digest of the"
                      + " sources that decide rows); a re-run of hyoka ingest with another version"
                      + " reads the file again; NULL for a report a hyoka before parser versions"
                      + " stored")));

  public static final TableSpec PROJECTS =
      new TableSpec(
          "projects",
          List.of(
              REPORT_ID,
              PROJECT_NO,
              c("group_no", INTEGER, "project group number （１）…（４）, or NULL"),
              c("group_name", VARCHAR, "project group name, e.g. あずましい暮らしプロジェクト"),
              c("name", VARCHAR, "project name as printed"),
              c("department", VARCHAR, "department (部) as printed"),
              c("section", VARCHAR, "section (課) as printed; two are joined with ・"),
              c("description", VARCHAR, "project description as printed"),
              c("page", INTEGER, "1-based first page of the project"),
              c("project_key", VARCHAR, "stable key of the project across reports (see Keys)")),
          List.of());

  public static final TableSpec KPIS =
      new TableSpec(
          "kpis",
          List.of(
              REPORT_ID,
              PROJECT_NO,
              c("kpi_no", INTEGER, "1-based number of the KPI value row within the project"),
              c("name", VARCHAR, "KPI name as printed, wrapped lines joined"),
              c("unit", VARCHAR, "unit (NFKC, e.g. 件, %), or NULL when none is printed"),
              c(
                  "baseline_year",
                  INTEGER,
                  "fiscal year of the baseline (基準値(H26) = 2014); NULL if unreadable"),
              c("baseline", DOUBLE, "baseline value (基準値), in unit"),
              c("baseline_printed", VARCHAR, "baseline as printed"),
              c("baseline_null_reason", VARCHAR, "why baseline is NULL"),
              c("actual_year", INTEGER, "fiscal year of actual: the report's fiscal year"),
              c("actual", DOUBLE, "the report year's actual value, in unit"),
              c("actual_printed", VARCHAR, "actual as printed"),
              c("actual_null_reason", VARCHAR, "why actual is NULL"),
              c("target_year", INTEGER, "fiscal year of the target (目標値(H31) = 2019)"),
              c("target", DOUBLE, "target value (目標値), in unit"),
              c("target_printed", VARCHAR, "target as printed"),
              c("target_null_reason", VARCHAR, "why target is NULL"),
              c("raw_score", DOUBLE, "printed 補正前スコア (percent of the way from baseline to target)"),
              c("raw_score_printed", VARCHAR, "raw score as printed"),
              c("raw_score_null_reason", VARCHAR, "why raw_score is NULL"),
              c("score", DOUBLE, "printed スコア: the raw score clamped to [-100, 100]"),
              c("score_printed", VARCHAR, "score as printed"),
              c("score_null_reason", VARCHAR, "why score is NULL"),
              c(
                  "raw_score_computed",
                  DOUBLE,
                  "raw score hyoka computes by score_rule; NULL when not computable"),
              c(
                  "score_computed",
                  DOUBLE,
                  "score hyoka computes by score_rule; NULL when not computable"),
              c(
                  "score_status",
                  VARCHAR,
                  "match, mismatch or not_computable: printed vs computed score"),
              c("score_rule", VARCHAR, "linear, maintain_ratio or none"),
              c("score_note", VARCHAR, "why the score is not computable or what the mismatch is"),
              c("target_note", VARCHAR, "the ※ revision note printed under [目標値], or NULL"),
              c("target_basis", VARCHAR, "the basis of the target (e.g. +1世帯/年), or NULL"),
              c(
                  "shared_note_with",
                  VARCHAR,
                  "kpi_no of other rows that received the same merged note/basis, comma-separated; NULL when its own"),
              c(
                  "match_evidence",
                  VARCHAR,
                  "what tied the name line to the value row: single, score_rule, unit, order_inferred"),
              c("page", INTEGER, "1-based page of the value row"),
              c("project_key", VARCHAR, "stable key of the project (see Keys)"),
              c("kpi_key", VARCHAR, "stable key of the KPI across reports (see Keys)"),
              c(
                  "achievement",
                  DOUBLE,
                  "printed 達成率 (achievement) in percent; NULL where the layout prints none"),
              c("achievement_printed", VARCHAR, "achievement as printed (53.3％, ―)"),
              c(
                  "achievement_null_reason",
                  VARCHAR,
                  "why achievement is NULL (not_printed where the layout prints none)"),
              c(
                  "grade",
                  VARCHAR,
                  "printed grade (評価), NFKC-folded (A, B, C, D, -); NULL where none is printed"),
              c("grade_printed", VARCHAR, "grade as printed (Ａ, －)"),
              c(
                  "grade_by_rule",
                  VARCHAR,
                  "the grade the document's legend gives for the achievement; NULL when not derivable"),
              c(
                  "grade_status",
                  VARCHAR,
                  "match, mismatch or not_computable: printed grade vs grade by rule;"
                      + " NULL where the layout prints no grade"),
              c("grade_note", VARCHAR, "why grade_by_rule is NULL or what the mismatch is"),
              c("progress", VARCHAR, "printed 進捗状況 (順調, 概ね順調, やや遅れ, 遅れ), or NULL"),
              c("grade_page", INTEGER, "1-based page the grade is printed on"),
              c("baseline_qualifier", VARCHAR, QUALIFIER_DOC),
              c("actual_qualifier", VARCHAR, QUALIFIER_DOC),
              c("target_qualifier", VARCHAR, QUALIFIER_DOC)),
          List.of());

  public static final TableSpec KPI_VALUES =
      new TableSpec(
          "kpi_values",
          List.of(
              REPORT_ID,
              PROJECT_NO,
              c("kpi_no", INTEGER, "KPI row within the project"),
              c(
                  "fiscal_year",
                  INTEGER,
                  "fiscal year the value is for (Western); NULL when its header is unreadable"),
              c("kind", VARCHAR, "baseline, actual or target"),
              c("value", DOUBLE, "the value, in unit; NULL when not a number"),
              c("printed", VARCHAR, "the value as printed; NULL when nothing is printed"),
              c(
                  "null_reason",
                  VARCHAR,
                  "why value is NULL: not_printed, not_found, dash, pending, undetermined, unparseable, column_unknown"),
              c("unit", VARCHAR, "unit printed with the value, or NULL"),
              c("kpi_key", VARCHAR, "stable key of the KPI (see Keys)"),
              c("qualifier", VARCHAR, QUALIFIER_DOC)),
          List.of());

  public static final TableSpec BUDGET_ITEMS =
      new TableSpec(
          "budget_items",
          List.of(
              REPORT_ID,
              PROJECT_NO,
              c("item_no", INTEGER, "1-based budget item number within the project"),
              c("name", VARCHAR, "item name as printed, or NULL"),
              c("overview", VARCHAR, "概要 text, or NULL"),
              c("purpose", VARCHAR, "目的 text, or NULL"),
              c("implementation", VARCHAR, "《…実施内容》 text, or NULL"),
              c("page", INTEGER, "1-based page of the item's texts"),
              c(
                  "note",
                  VARCHAR,
                  "why a text is NULL where the reading order could not tell, or NULL")),
          List.of());

  public static final TableSpec NARRATIVES =
      new TableSpec(
          "narratives",
          List.of(
              REPORT_ID,
              PROJECT_NO,
              c(
                  "item_no",
                  INTEGER,
                  "budget item the text belongs to; NULL for project-level texts"),
              c(
                  "kind",
                  VARCHAR,
                  "status_analysis, five_year_summary, overview, purpose, implementation,"
                      + " effect_factors, future_work"),
              c("text", VARCHAR, "the text as printed, wrapped lines joined"),
              c("page", INTEGER, "1-based page")),
          List.of());

  public static final TableSpec RESIDUE =
      new TableSpec(
          "residue",
          List.of(
              REPORT_ID,
              c("page", INTEGER, "1-based page"),
              c("line_no", INTEGER, "1-based line within the page's text, blank lines counted"),
              c("text", VARCHAR, "the line as extracted"),
              c("class", VARCHAR, "page_marker, section_label, chart_label or unknown"),
              c(
                  "note",
                  VARCHAR,
                  "for an unknown line the parser could not attribute, why (what it could be);"
                      + " NULL otherwise")),
          List.of());

  public static final TableSpec TEXT_REPAIRS =
      new TableSpec(
          "text_repairs",
          List.of(
              REPORT_ID,
              c("page", INTEGER, "1-based page of the extracted text"),
              c("line_no", INTEGER, "1-based line within the page's text, blank lines counted"),
              c("extracted", VARCHAR, "the line as extracted, with the producer's radicals"),
              c("folded", VARCHAR, "the line as hyoka parsed and stored it"),
              c("changes", VARCHAR, "each radical of the line and its ideograph, e.g. ⼾→戸 ⺠→民")),
          List.of());

  /** The tables a shard holds, one Arrow IPC file each, in load order. */
  public static final List<TableSpec> SHARD_TABLES =
      List.of(REPORTS, PROJECTS, KPIS, KPI_VALUES, BUDGET_ITEMS, NARRATIVES, RESIDUE, TEXT_REPAIRS);

  public static final TableSpec RUNS =
      new TableSpec(
          "runs",
          List.of(
              c("run_id", BIGINT, "1, 2, … in publish order"),
              c("started_at", TIMESTAMP, "when the run started (UTC)"),
              c("finished_at", TIMESTAMP, "when its data was committed (UTC)"),
              c("files_added", INTEGER, "reports added by the run"),
              c("files_superseded", INTEGER, "older reports the run superseded"),
              c("files_unchanged", INTEGER, "files whose content was already held"),
              c("files_rejected", INTEGER, "files that could not be read as reports"),
              c(
                  "files_reparsed",
                  INTEGER,
                  "reports read again because another hyoka version had made them; NULL in runs"
                      + " of a hyoka before parser versions")),
          List.of());

  public static final TableSpec REJECTIONS =
      new TableSpec(
          "rejections",
          List.of(
              c("run_id", BIGINT, "the run"),
              c("source_file", VARCHAR, "the rejected file"),
              c("reason", VARCHAR, "one-line reason, starting with the error code")),
          List.of());

  /** Every table of the database. */
  public static final List<TableSpec> ALL =
      List.of(
          REPORTS,
          PROJECTS,
          KPIS,
          KPI_VALUES,
          BUDGET_ITEMS,
          NARRATIVES,
          RESIDUE,
          TEXT_REPAIRS,
          RUNS,
          REJECTIONS);
}
