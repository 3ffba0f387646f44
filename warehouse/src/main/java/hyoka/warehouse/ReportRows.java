package hyoka.warehouse;

import hyoka.transform.BudgetItem;
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
 * Flattens one ingested report into the rows of the warehouse tables, in the column order of {@link
 * Tables}. Values are Java objects of the column's type: String, Integer, Long, Double,
 * java.time.Instant, or null.
 */
public final class ReportRows {
  private ReportRows() {}

  /** Table name → rows, for every table of {@link Tables#SHARD_TABLES} (possibly empty). */
  public static Map<String, List<Object[]>> of(IngestedReport ingested) {
    ParsedReport report = ingested.report();
    String id = ingested.reportId();
    Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    for (TableSpec t : Tables.SHARD_TABLES) {
      rows.put(t.name(), new ArrayList<>());
    }
    rows.get("reports")
        .add(
            new Object[] {
              id,
              ingested.sourceFile(),
              ingested.sha256(),
              ingested.series(),
              report.layout(),
              report.fiscalYear(),
              report.pageCount(),
              report.title(),
              ingested.ingestedAt(),
              report.projects().size(),
              (int) report.kpiCount(),
              (int) report.scoreMismatches(),
              (int) report.unknownResidue()
            });
    Map<String, Integer> projectKeys = new HashMap<>();
    for (Project p : report.projects()) {
      String projectKey = unique(projectKeys, Keys.projectKey(p.name()));
      rows.get("projects")
          .add(
              new Object[] {
                id,
                p.projectNo(),
                p.groupNo(),
                p.groupName(),
                p.name(),
                p.department(),
                p.section(),
                p.description(),
                p.page(),
                projectKey
              });
      Map<String, Integer> kpiKeys = new HashMap<>();
      for (Kpi k : p.kpis()) {
        String kpiKey = unique(kpiKeys, Keys.kpiKey(projectKey, k.name()));
        List<Object> r = new ArrayList<>();
        r.add(id);
        r.add(p.projectNo());
        r.add(k.kpiNo());
        r.add(k.name());
        r.add(k.unit());
        r.add(k.baselineYear());
        addPrinted(r, k.baseline());
        r.add(report.fiscalYear());
        addPrinted(r, k.actual());
        r.add(k.targetYear());
        addPrinted(r, k.target());
        addPrinted(r, k.rawScore());
        addPrinted(r, k.score());
        r.add(toDouble(k.rawScoreComputed()));
        r.add(toDouble(k.scoreComputed()));
        r.add(k.scoreStatus().label());
        r.add(k.scoreRule().label());
        r.add(k.scoreNote());
        r.add(k.targetNote());
        r.add(k.targetBasis());
        r.add(
            k.sharedNoteWith().isEmpty()
                ? null
                : k.sharedNoteWith().stream()
                    .map(String::valueOf)
                    .collect(Collectors.joining(",")));
        r.add(k.matchEvidence().label());
        r.add(k.page());
        r.add(projectKey);
        r.add(kpiKey);
        rows.get("kpis").add(r.toArray());
        for (KpiValue v : values(k, report.fiscalYear())) {
          rows.get("kpi_values")
              .add(
                  new Object[] {
                    id,
                    p.projectNo(),
                    k.kpiNo(),
                    v.fiscalYear(),
                    v.kind().label(),
                    toDouble(v.value().value()),
                    v.value().printed(),
                    v.value().nullReason(),
                    v.value().unit(),
                    kpiKey
                  });
        }
      }
      for (BudgetItem b : p.budgetItems()) {
        rows.get("budget_items")
            .add(
                new Object[] {
                  id,
                  p.projectNo(),
                  b.itemNo(),
                  b.name(),
                  b.overview(),
                  b.purpose(),
                  b.implementation(),
                  b.page(),
                  b.note()
                });
      }
      for (Narrative n : p.narratives()) {
        rows.get("narratives")
            .add(
                new Object[] {id, p.projectNo(), n.itemNo(), n.kind().label(), n.text(), n.page()});
      }
    }
    for (ResidueLine line : report.residue()) {
      rows.get("residue")
          .add(
              new Object[] {
                id, line.page(), line.lineNo(), line.text(), line.cls().label(), line.note()
              });
    }
    for (TextRepair r : ingested.repairs()) {
      rows.get("text_repairs")
          .add(new Object[] {id, r.page(), r.lineNo(), r.extracted(), r.folded(), r.changes()});
    }
    return rows;
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

  private static void addPrinted(List<Object> row, PrintedValue v) {
    row.add(toDouble(v.value()));
    row.add(v.printed());
    row.add(v.nullReason());
  }

  private static Double toDouble(BigDecimal d) {
    return d == null ? null : d.doubleValue();
  }

  private static String unique(Map<String, Integer> seen, String key) {
    int n = seen.merge(key, 1, Integer::sum);
    return n == 1 ? key : key + "#" + n;
  }
}
