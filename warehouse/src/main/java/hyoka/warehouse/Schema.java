package hyoka.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DuckDB schema: the tables of {@link Tables} and the views researchers query. Views are
 * re-created on every publish, so a database written by an older hyoka gets the newest views.
 */
public final class Schema {
  private Schema() {}

  /**
   * How two printed values are compared: by number when both are numbers, otherwise by the reason
   * there is no number (a dash in one report and 173 in another disagree). The printed text is not
   * compared: {@code 1,199件} and {@code 1199件} agree.
   */
  private static final String COMPARE_KEY =
      "CASE WHEN value IS NOT NULL THEN CAST(value AS VARCHAR) ELSE 'null:' || null_reason END";

  /**
   * The values of current reports that count for a series: those with a readable year and printed
   * text, except an actual with no number for a year after the report's own (the FY2018 sheets
   * print {@code ―} in their H31 column): a report cannot know a later year's actual, so its dash
   * there is no disagreement with the report that prints it. Such values stay in kpi_values.
   */
  private static final String PRINTED =
      " SELECT *, "
          + COMPARE_KEY
          + " AS compare_key FROM current_kpi_values"
          + " WHERE fiscal_year IS NOT NULL AND printed IS NOT NULL"
          + " AND NOT (kind = 'actual' AND value IS NULL AND fiscal_year > report_fiscal_year)";

  /**
   * The order in which the newest report wins: its fiscal year, then its report_id. Two current
   * reports of one series and year are two layouts of it (each layout supersedes only its own);
   * report_id, not the ingest time, decides between them so the answer is the same whatever order
   * the files were ingested in.
   */
  private static final String NEWEST = "(report_fiscal_year, report_id)";

  /**
   * What a superseding report lost against the one it replaced: every project, KPI row, KPI name or
   * value (by number or printed text), achievement, grade or progress label and narrative the older
   * report holds and the newer one does not, matched by project, KPI row, budget item and kind. A
   * corrected report may well drop something on purpose; a damaged one drops it by accident; either
   * way it shows here. Both reports of a pair are of one layout (publish supersedes only within a
   * layout), so a sheet's grades are never counted lost against an evaluation report that prints
   * none.
   */
  private static final String SUPERSESSION_LOSSES;

  static {
    String pair =
        "SELECT o.report_id AS superseded_report_id, o.superseded_by AS report_id, o.series,"
            + " o.fiscal_year FROM reports o WHERE o.superseded_by IS NOT NULL";
    String head = "SELECT x.report_id, x.superseded_report_id, x.series, x.fiscal_year, ";
    StringBuilder sql = new StringBuilder("WITH pairs AS (" + pair + ") ");
    sql.append(head)
        .append(
            "'project' AS what, op.project_no, NULL::INTEGER AS kpi_no, NULL::INTEGER AS item_no,"
                + " NULL AS narrative_kind, op.name AS lost_printed, op.page FROM pairs x"
                + " JOIN projects op ON op.report_id = x.superseded_report_id"
                + " WHERE NOT EXISTS (SELECT 1 FROM projects np WHERE np.report_id = x.report_id"
                + " AND np.project_no = op.project_no)");
    sql.append(" UNION ALL ")
        .append(head)
        .append(
            "'kpi' AS what, ok.project_no, ok.kpi_no, NULL, NULL, ok.name, ok.page FROM pairs x"
                + " JOIN kpis ok ON ok.report_id = x.superseded_report_id"
                + " WHERE NOT EXISTS (SELECT 1 FROM kpis nk WHERE nk.report_id = x.report_id"
                + " AND nk.project_no = ok.project_no AND nk.kpi_no = ok.kpi_no)");
    String[][] fields = {
      {"name", "name", "name"},
      {"baseline", "baseline", "baseline_printed"},
      {"actual", "actual", "actual_printed"},
      {"target", "target", "target_printed"},
      {"raw score", "raw_score", "raw_score_printed"},
      {"score", "score", "score_printed"},
      {"achievement", "achievement", "achievement_printed"},
      {"grade", "grade", "grade_printed"},
      {"progress", "progress", "progress"}
    };
    for (String[] f : fields) {
      String lost =
          f[1].equals(f[2])
              ? "ok." + f[1] + " IS NOT NULL AND nk." + f[1] + " IS NULL"
              : "(ok."
                  + f[1]
                  + " IS NOT NULL AND nk."
                  + f[1]
                  + " IS NULL) OR (ok."
                  + f[2]
                  + " IS NOT NULL AND nk."
                  + f[2]
                  + " IS NULL)";
      sql.append(" UNION ALL ")
          .append(head)
          .append("'kpi ")
          .append(f[0])
          .append("' AS what, ok.project_no, ok.kpi_no, NULL, NULL, ok.")
          .append(f[2])
          .append(", ok.page FROM pairs x")
          .append(" JOIN kpis ok ON ok.report_id = x.superseded_report_id")
          .append(" JOIN kpis nk ON nk.report_id = x.report_id AND nk.project_no = ok.project_no")
          .append(" AND nk.kpi_no = ok.kpi_no WHERE ")
          .append(lost);
    }
    sql.append(" UNION ALL ")
        .append(head)
        .append(
            "'narrative' AS what, o.project_no, NULL, o.item_no, o.kind, o.text, o.page"
                + " FROM pairs x JOIN narratives o ON o.report_id = x.superseded_report_id"
                + " WHERE o.text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM narratives n"
                + " WHERE n.report_id = x.report_id AND n.project_no = o.project_no"
                + " AND n.item_no IS NOT DISTINCT FROM o.item_no AND n.kind = o.kind"
                + " AND n.text IS NOT NULL)");
    SUPERSESSION_LOSSES = sql.toString();
  }

  /** View name → SQL, in creation order (later views use earlier ones). */
  public static final List<String[]> VIEWS =
      List.of(
          new String[] {"current_reports", "SELECT * FROM reports WHERE superseded_by IS NULL"},
          new String[] {
            "current_projects",
            "SELECT p.*, r.series, r.fiscal_year AS report_fiscal_year, r.layout"
                + " FROM projects p JOIN current_reports r ON r.report_id = p.report_id"
          },
          new String[] {
            "current_kpis",
            "SELECT k.*, r.series, r.fiscal_year AS report_fiscal_year, p.name AS project_name,"
                + " p.group_no, p.group_name, p.department, p.section, r.layout"
                + " FROM kpis k JOIN current_reports r ON r.report_id = k.report_id"
                + " JOIN projects p ON p.report_id = k.report_id AND p.project_no = k.project_no"
          },
          new String[] {
            "current_kpi_values",
            "SELECT v.*, r.series, r.fiscal_year AS report_fiscal_year, r.ingested_at,"
                + " k.name AS kpi_name, k.unit AS kpi_unit, k.project_key, p.name AS project_name,"
                + " r.layout"
                + " FROM kpi_values v JOIN current_reports r ON r.report_id = v.report_id"
                + " JOIN kpis k ON k.report_id = v.report_id AND k.project_no = v.project_no"
                + " AND k.kpi_no = v.kpi_no"
                + " JOIN projects p ON p.report_id = v.report_id AND p.project_no = v.project_no"
          },
          new String[] {
            "current_budget_items",
            "SELECT b.* FROM budget_items b JOIN current_reports r ON r.report_id = b.report_id"
          },
          new String[] {
            "current_narratives",
            "SELECT n.* FROM narratives n JOIN current_reports r ON r.report_id = n.report_id"
          },
          new String[] {
            "kpi_series_values",
            "WITH printed AS ("
                + PRINTED
                + "),"
                + " ranked AS ("
                + " SELECT *, row_number() OVER (PARTITION BY series, kpi_key, fiscal_year, kind"
                + "   ORDER BY report_fiscal_year DESC, report_id DESC) AS rank,"
                + " count(*) OVER (PARTITION BY series, kpi_key, fiscal_year, kind) AS reports,"
                + " min(compare_key) OVER (PARTITION BY series, kpi_key, fiscal_year, kind)"
                + "   <> max(compare_key) OVER (PARTITION BY series, kpi_key, fiscal_year, kind)"
                + "   AS disagree"
                + " FROM printed)"
                + " SELECT series, kpi_key, project_key, project_name, kpi_name, fiscal_year, kind,"
                + " value, printed, null_reason, unit, kpi_unit, report_id, report_fiscal_year, reports,"
                + " disagree, layout, qualifier FROM ranked WHERE rank = 1"
          },
          new String[] {
            "kpi_series",
            "SELECT series, kpi_key,"
                + " arg_max(project_key, "
                + NEWEST
                + ") AS project_key,"
                + " arg_max(project_name, "
                + NEWEST
                + ") AS project_name,"
                + " arg_max(kpi_name, "
                + NEWEST
                + ") AS kpi_name,"
                + " fiscal_year,"
                + " max(value) FILTER (WHERE kind = 'baseline') AS baseline,"
                + " max(printed) FILTER (WHERE kind = 'baseline') AS baseline_printed,"
                + " max(null_reason) FILTER (WHERE kind = 'baseline') AS baseline_null_reason,"
                + " max(value) FILTER (WHERE kind = 'actual') AS actual,"
                + " max(printed) FILTER (WHERE kind = 'actual') AS actual_printed,"
                + " max(null_reason) FILTER (WHERE kind = 'actual') AS actual_null_reason,"
                + " max(value) FILTER (WHERE kind = 'target') AS target,"
                + " max(printed) FILTER (WHERE kind = 'target') AS target_printed,"
                + " max(null_reason) FILTER (WHERE kind = 'target') AS target_null_reason,"
                + " arg_max(kpi_unit, "
                + NEWEST
                + ") AS unit,"
                + " arg_max(report_id, "
                + NEWEST
                + ") AS report_id,"
                + " max(reports) AS reports,"
                + " bool_or(disagree) AS disagree,"
                + " max(qualifier) FILTER (WHERE kind = 'baseline') AS baseline_qualifier,"
                + " max(qualifier) FILTER (WHERE kind = 'actual') AS actual_qualifier,"
                + " max(qualifier) FILTER (WHERE kind = 'target') AS target_qualifier"
                + " FROM kpi_series_values GROUP BY series, kpi_key, fiscal_year"
          },
          new String[] {
            "kpi_conflicts",
            "WITH printed AS ("
                + PRINTED
                + ")"
                + " SELECT a.series, a.kpi_key, b.project_name, b.kpi_name, a.fiscal_year, a.kind,"
                + " a.report_id AS older_report_id, a.report_fiscal_year AS older_report_fiscal_year,"
                + " a.value AS older_value, a.printed AS older_printed,"
                + " a.null_reason AS older_null_reason,"
                + " b.report_id AS newer_report_id, b.report_fiscal_year AS newer_report_fiscal_year,"
                + " b.value AS newer_value, b.printed AS newer_printed,"
                + " b.null_reason AS newer_null_reason,"
                + " a.layout AS older_layout, b.layout AS newer_layout"
                + " FROM printed a JOIN printed b ON a.series = b.series AND a.kpi_key = b.kpi_key"
                + " AND a.fiscal_year = b.fiscal_year AND a.kind = b.kind"
                + " AND (a.report_fiscal_year < b.report_fiscal_year"
                + "   OR (a.report_fiscal_year = b.report_fiscal_year AND a.report_id < b.report_id))"
                + " WHERE a.compare_key <> b.compare_key"
          },
          new String[] {"supersession_losses", SUPERSESSION_LOSSES});

  /**
   * What an added column holds in the rows of an older database, where that is known rather than
   * unknown (NULL), as a SQL literal. Every report held before layouts existed was read by the
   * strategy-report parser, and publish supersedes by layout, so those reports need theirs.
   */
  private static final Map<String, String> LEGACY_VALUES =
      Map.of("reports.layout", "'strategy-report'");

  /** Creates missing tables and (re)creates every view. */
  public static void create(Connection connection) throws SQLException {
    Map<String, Set<String>> present = presentColumns(connection);
    try (Statement s = connection.createStatement()) {
      for (TableSpec table : Tables.ALL) {
        Set<String> columns = present.get(table.name());
        if (columns == null) {
          s.execute(table.createTableSql());
          continue;
        }
        // A database written by an older hyoka lacks the columns added since: add them (NULL in
        // the old rows). Columns are only ever added, never renamed or dropped.
        for (Column c : table.allColumns()) {
          if (!columns.contains(c.name())) {
            s.execute(
                "ALTER TABLE "
                    + table.name()
                    + " ADD COLUMN "
                    + TableSpec.quote(c.name())
                    + " "
                    + c.type().sqlType());
            String known = LEGACY_VALUES.get(table.name() + "." + c.name());
            if (known != null) {
              s.execute(
                  "UPDATE "
                      + table.name()
                      + " SET "
                      + TableSpec.quote(c.name())
                      + " = "
                      + known
                      + " WHERE "
                      + TableSpec.quote(c.name())
                      + " IS NULL");
            }
          }
        }
      }
      for (String[] view : VIEWS) {
        s.execute("CREATE OR REPLACE VIEW " + view[0] + " AS " + view[1]);
      }
    }
  }

  /** Table (or view) name → its column names, in the current schema: one query for all tables. */
  private static Map<String, Set<String>> presentColumns(Connection connection)
      throws SQLException {
    Map<String, Set<String>> present = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name, column_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema()")) {
      while (rs.next()) {
        present.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
      }
    }
    return present;
  }

  public static List<String> viewNames() {
    return VIEWS.stream().map(v -> v[0]).toList();
  }
}
