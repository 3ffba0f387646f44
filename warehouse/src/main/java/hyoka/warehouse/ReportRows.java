package hyoka.warehouse;

import hyoka.transform.BudgetItem;
import hyoka.transform.GradeLegend;
import hyoka.transform.Grading;
import hyoka.transform.IngestedReport;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Narrative;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import hyoka.transform.ResidueLine;
import hyoka.transform.TextRepair;
import hyoka.transform.ValueKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flattens one ingested report into the rows of the warehouse tables, each value set by its column
 * name ({@link TableRows}) and returned in the column order of {@link Tables}. Values are Java
 * objects of the column's type: String, Integer, Long, Double, java.time.Instant, or null.
 */
public final class ReportRows {
  private ReportRows() {}

  /** Table name → rows, for every table of {@link Tables#SHARD_TABLES} (possibly empty). */
  public static Map<String, List<Object[]>> of(IngestedReport ingested) {
    ParsedReport report = ingested.report();
    String id = ingested.reportId();
    TableRows reports = new TableRows(Tables.REPORTS);
    TableRows projects = new TableRows(Tables.PROJECTS);
    TableRows kpis = new TableRows(Tables.KPIS);
    TableRows kpiValues = new TableRows(Tables.KPI_VALUES);
    TableRows budgetItems = new TableRows(Tables.BUDGET_ITEMS);
    TableRows narratives = new TableRows(Tables.NARRATIVES);
    TableRows residue = new TableRows(Tables.RESIDUE);
    TableRows textRepairs = new TableRows(Tables.TEXT_REPAIRS);
    GradeLegend legend = report.gradeLegend();
    reports
        .row()
        .set("report_id", id)
        .set("source_file", ingested.sourceFile())
        .set("sha256", ingested.sha256())
        .set("series", ingested.series())
        .set("fiscal_year", report.fiscalYear())
        .set("page_count", report.pageCount())
        .set("title", report.title())
        .set("ingested_at", ingested.ingestedAt())
        .set("project_count", report.projects().size())
        .set("kpi_count", (int) report.kpiCount())
        .set(
            "score_mismatches",
            report.printsScores() ? (Integer) (int) report.scoreMismatches() : null)
        .set("unknown_residue", (int) report.unknownResidue())
        .set("layout", report.layout())
        .set(
            "grade_mismatches",
            report.printsGrades() ? (Integer) (int) report.gradeMismatches() : null)
        .set("grade_legend", legend == null ? null : legend.printed())
        .set("grade_legend_page", legend == null ? null : legend.page())
        .add();
    Map<String, Integer> projectKeys = new HashMap<>();
    for (Project p : report.projects()) {
      String projectKey = unique(projectKeys, Keys.projectKey(p.name()));
      projects
          .row()
          .set("report_id", id)
          .set("project_no", p.projectNo())
          .set("group_no", p.groupNo())
          .set("group_name", p.groupName())
          .set("name", p.name())
          .set("department", p.department())
          .set("section", p.section())
          .set("description", p.description())
          .set("page", p.page())
          .set("project_key", projectKey)
          .add();
      Map<String, Integer> kpiKeys = new HashMap<>();
      for (Kpi k : p.kpis()) {
        String kpiKey = unique(kpiKeys, Keys.kpiKey(projectKey, k.name()));
        TableRows.Row r =
            kpis.row()
                .set("report_id", id)
                .set("project_no", p.projectNo())
                .set("kpi_no", k.kpiNo())
                .set("name", k.name())
                .set("unit", k.unit())
                .set("baseline_year", k.baselineYear())
                .set("actual_year", report.fiscalYear())
                .set("target_year", k.targetYear())
                .set("raw_score_computed", toDouble(k.rawScoreComputed()))
                .set("score_computed", toDouble(k.scoreComputed()))
                .set("score_status", k.scoreStatus().label())
                .set("score_rule", k.scoreRule().label())
                .set("score_note", k.scoreNote())
                .set("target_note", k.targetNote())
                .set("target_basis", k.targetBasis())
                .set(
                    "shared_note_with",
                    k.sharedNoteWith().isEmpty()
                        ? null
                        : k.sharedNoteWith().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(",")))
                .set("match_evidence", k.matchEvidence().label())
                .set("page", k.page())
                .set("project_key", projectKey)
                .set("kpi_key", kpiKey);
        printed(r, "baseline", k.baseline());
        printed(r, "actual", k.actual());
        printed(r, "target", k.target());
        r.set("baseline_qualifier", k.baseline().qualifier())
            .set("actual_qualifier", k.actual().qualifier())
            .set("target_qualifier", k.target().qualifier());
        printed(r, "raw_score", k.rawScore());
        printed(r, "score", k.score());
        grading(r, k.grading());
        r.add();
        for (KpiValue v : values(k, report.fiscalYear())) {
          kpiValues
              .row()
              .set("report_id", id)
              .set("project_no", p.projectNo())
              .set("kpi_no", k.kpiNo())
              .set("fiscal_year", v.fiscalYear())
              .set("kind", v.kind().label())
              .set("value", toDouble(v.value().value()))
              .set("printed", v.value().printed())
              .set("null_reason", v.value().nullReason())
              .set("unit", v.value().unit())
              .set("qualifier", v.value().qualifier())
              .set("kpi_key", kpiKey)
              .add();
        }
      }
      for (BudgetItem b : p.budgetItems()) {
        budgetItems
            .row()
            .set("report_id", id)
            .set("project_no", p.projectNo())
            .set("item_no", b.itemNo())
            .set("name", b.name())
            .set("overview", b.overview())
            .set("purpose", b.purpose())
            .set("implementation", b.implementation())
            .set("page", b.page())
            .set("note", b.note())
            .add();
      }
      for (Narrative n : p.narratives()) {
        narratives
            .row()
            .set("report_id", id)
            .set("project_no", p.projectNo())
            .set("item_no", n.itemNo())
            .set("kind", n.kind().label())
            .set("text", n.text())
            .set("page", n.page())
            .add();
      }
    }
    for (ResidueLine line : report.residue()) {
      residue
          .row()
          .set("report_id", id)
          .set("page", line.page())
          .set("line_no", line.lineNo())
          .set("text", line.text())
          .set("class", line.cls().label())
          .set("note", line.note())
          .add();
    }
    for (TextRepair r : ingested.repairs()) {
      textRepairs
          .row()
          .set("report_id", id)
          .set("page", r.page())
          .set("line_no", r.lineNo())
          .set("extracted", r.extracted())
          .set("folded", r.folded())
          .set("changes", r.changes())
          .add();
    }
    Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    for (TableRows t :
        List.of(
            reports, projects, kpis, kpiValues, budgetItems, narratives, residue, textRepairs)) {
      rows.put(t.table().name(), t.rows());
    }
    return rows;
  }

  /**
   * The grade columns. A layout that prints no grade gives the KPI no grading: its achievement is
   * {@code not_printed} (NULL with its reason, as every missing number) and every grade column is
   * NULL.
   */
  private static void grading(TableRows.Row r, Grading g) {
    printed(r, "achievement", g == null ? PrintedValue.notPrinted() : g.achievement());
    r.set("grade", g == null ? null : g.grade())
        .set("grade_printed", g == null ? null : g.gradePrinted())
        .set("grade_by_rule", g == null ? null : g.gradeByRule())
        .set("grade_status", g == null ? null : g.status().label())
        .set("grade_note", g == null ? null : g.note())
        .set("progress", g == null ? null : g.progress())
        .set("grade_page", g == null ? null : g.page());
  }

  /**
   * The KPI's printed values. The report year's actual is printed on the name line, not in the
   * value row; when the parser has not put it among the values it is added here, so that kpi_values
   * holds every printed value.
   */
  private static List<KpiValue> values(Kpi k, int reportYear) {
    boolean hasReportYearActual =
        k.values().stream()
            .anyMatch(
                v ->
                    v.kind() == ValueKind.ACTUAL
                        && (v.value().equals(k.actual())
                            || Integer.valueOf(reportYear).equals(v.fiscalYear())));
    if (hasReportYearActual || k.actual().printed() == null) {
      return k.values();
    }
    List<KpiValue> all = new ArrayList<>(k.values());
    all.add(new KpiValue(reportYear, ValueKind.ACTUAL, k.actual()));
    return all;
  }

  /**
   * A printed value's three columns: {@code name}, {@code name_printed}, {@code name_null_reason}.
   */
  private static void printed(TableRows.Row row, String name, PrintedValue v) {
    row.set(name, toDouble(v.value()))
        .set(name + "_printed", v.printed())
        .set(name + "_null_reason", v.nullReason());
  }

  private static Double toDouble(BigDecimal d) {
    return d == null ? null : d.doubleValue();
  }

  private static String unique(Map<String, Integer> seen, String key) {
    int n = seen.merge(key, 1, Integer::sum);
    return n == 1 ? key : key + "#" + n;
  }
}
