package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multi-year model on the sample reports: FY2018 (h30) and FY2019 (h31). */
class SampleWarehouseTest {
  @TempDir Path tmp;

  private Warehouse warehouse(String name) {
    return new Warehouse(tmp.resolve(name));
  }

  private Path shards() {
    return tmp.resolve("shards");
  }

  /** Every table and view, rows in a fixed order. */
  private static Map<String, QueryResult> snapshot(Warehouse w, boolean withRuns) {
    Map<String, QueryResult> all = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    Tables.ALL.forEach(t -> names.add(t.name()));
    names.addAll(Schema.viewNames());
    for (String n : names) {
      if (!withRuns && n.equals("runs")) {
        continue;
      }
      all.put(n, w.query("SELECT * FROM " + n + " ORDER BY ALL"));
    }
    return all;
  }

  @Test
  void everyParsedRowIsLoaded() {
    Warehouse w = warehouse("data");
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 = Samples.ingested("h31");
    Samples.publish(w, shards(), h30, h31);
    for (IngestedReport r : List.of(h30, h31)) {
      ParsedReport p = r.report();
      QueryResult counts =
          w.query(
              "SELECT (SELECT count(*) FROM projects WHERE report_id = '"
                  + r.reportId()
                  + "') AS projects,"
                  + " (SELECT count(*) FROM kpis WHERE report_id = '"
                  + r.reportId()
                  + "') AS kpis,"
                  + " (SELECT count(*) FROM kpi_values WHERE report_id = '"
                  + r.reportId()
                  + "') AS kpi_values,"
                  + " (SELECT count(*) FROM budget_items WHERE report_id = '"
                  + r.reportId()
                  + "') AS budget_items,"
                  + " (SELECT count(*) FROM narratives WHERE report_id = '"
                  + r.reportId()
                  + "') AS narratives,"
                  + " (SELECT count(*) FROM residue WHERE report_id = '"
                  + r.reportId()
                  + "') AS residue,"
                  + " (SELECT fiscal_year FROM reports WHERE report_id = '"
                  + r.reportId()
                  + "') AS fiscal_year");
      assertThat(counts.get(0, "projects")).isEqualTo((long) p.projects().size()).isEqualTo(62L);
      assertThat(counts.get(0, "kpis")).isEqualTo(p.kpiCount()).isEqualTo(73L);
      assertThat(counts.get(0, "kpi_values"))
          .isEqualTo(
              p.projects().stream()
                  .flatMap(x -> x.kpis().stream())
                  .mapToLong(k -> k.values().size())
                  .sum());
      assertThat(counts.get(0, "budget_items"))
          .isEqualTo(p.projects().stream().mapToLong(x -> x.budgetItems().size()).sum());
      assertThat(counts.get(0, "narratives"))
          .isEqualTo(p.projects().stream().mapToLong(x -> x.narratives().size()).sum());
      assertThat(counts.get(0, "residue")).isEqualTo((long) p.residue().size());
      assertThat(counts.get(0, "fiscal_year")).isEqualTo(p.fiscalYear());
    }
    // a value whose year header is unreadable (project 14's garbled 基準値(H-) is kept with its
    // printed text, but has no place in kpi_series
    List<List<Object>> yearless = new ArrayList<>();
    for (Project p : h31.report().projects()) {
      for (Kpi k : p.kpis()) {
        for (KpiValue v : k.values()) {
          if (v.fiscalYear() == null) {
            yearless.add(List.of(p.projectNo(), v.kind().label(), v.value().printed()));
          }
        }
      }
    }
    assertThat(yearless).containsExactly(List.of(14, "baseline", "0校"));
    assertThat(
            w.query(
                    "SELECT project_no, kind, printed FROM kpi_values WHERE fiscal_year IS NULL"
                        + " AND report_id = '"
                        + h31.reportId()
                        + "'")
                .rows())
        .isEqualTo(yearless);
    assertThat(w.query("SELECT count(*) FROM kpi_series_values WHERE fiscal_year IS NULL").rows())
        .containsExactly(List.of(0L));
    assertThat(w.query("SELECT fiscal_year, layout FROM reports ORDER BY 1").rows())
        .containsExactly(List.of(2018, "strategy-report"), List.of(2019, "strategy-report"));
    // keys are unique within a report
    assertThat(
            w.query("SELECT report_id, kpi_key FROM kpis GROUP BY ALL HAVING count(*) > 1").rows())
        .isEmpty();
    assertThat(
            w.query("SELECT report_id, project_key FROM projects GROUP BY ALL HAVING count(*) > 1")
                .rows())
        .isEmpty();
  }

  @Test
  void bothIngestOrdersGiveIdenticalKpiSeries() {
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 = Samples.ingested("h31");
    Warehouse forward = warehouse("forward");
    Samples.publish(forward, shards(), h30);
    Samples.publish(forward, shards(), h31);
    Warehouse reverse = warehouse("reverse");
    Samples.publish(reverse, shards(), h31);
    Samples.publish(reverse, shards(), h30);
    Warehouse oneRun = warehouse("one-run");
    Samples.publish(oneRun, shards(), h31, h30);
    String sql = "SELECT * FROM kpi_series ORDER BY ALL";
    QueryResult f = forward.query(sql);
    assertThat(reverse.query(sql)).isEqualTo(f);
    assertThat(oneRun.query(sql)).isEqualTo(f);
    assertThat(reverse.query("SELECT * FROM kpi_series_values ORDER BY ALL"))
        .isEqualTo(forward.query("SELECT * FROM kpi_series_values ORDER BY ALL"));
    // one row per KPI and year that either report prints a value for
    Set<String> expected = new HashSet<>();
    for (IngestedReport r : List.of(h30, h31)) {
      for (Project p : r.report().projects()) {
        for (Kpi k : p.kpis()) {
          for (KpiValue v : k.values()) {
            if (v.fiscalYear() != null && v.value().printed() != null) {
              expected.add(Keys.kpiKey(Keys.projectKey(p.name()), k.name()) + "@" + v.fiscalYear());
            }
          }
        }
      }
    }
    assertThat(f.rows()).hasSize(expected.size());
    // the newest report wins: FY2019 values come from h31, the FY2018 actual from h31's H30 column
    assertThat(
            forward
                .query("SELECT DISTINCT report_id FROM kpi_series WHERE fiscal_year >= 2015")
                .rows())
        .containsExactly(List.of(h31.reportId()));
  }

  @Test
  void h27ToH29ActualsAgreeBetweenTheTwoReports() {
    Warehouse w = warehouse("data");
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 = Samples.ingested("h31");
    Samples.publish(w, shards(), h30, h31);
    QueryResult pairs =
        w.query(
            "SELECT a.kpi_key, a.fiscal_year, a.value AS fy2018_report, b.value AS fy2019_report,"
                + " a.printed AS p18, b.printed AS p19"
                + " FROM kpi_values a JOIN kpi_values b ON a.kpi_key = b.kpi_key"
                + " AND a.fiscal_year = b.fiscal_year AND a.kind = b.kind"
                + " WHERE a.report_id = '"
                + h30.reportId()
                + "' AND b.report_id = '"
                + h31.reportId()
                + "'"
                + " AND a.kind = 'actual' AND a.fiscal_year BETWEEN 2015 AND 2017");
    assertThat(pairs.rows()).hasSize(73 * 3);
    for (List<Object> row : pairs.rows()) {
      assertThat(row.get(3)).as("%s", row).isEqualTo(row.get(2));
      assertThat(row.get(5)).as("%s", row).isEqualTo(row.get(4));
    }
    assertThat(w.query("SELECT * FROM kpi_conflicts").rows()).isEmpty();
    assertThat(
            w.query(
                    "SELECT count(*) FROM kpi_series WHERE fiscal_year BETWEEN 2015 AND 2017 AND reports = 2 AND NOT disagree")
                .rows())
        .containsExactly(List.of(73L * 3));
  }

  @Test
  void fy2019ReportsH30ColumnEqualsTheFy2018ReportsActual() {
    Warehouse w = warehouse("data");
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 = Samples.ingested("h31");
    Samples.publish(w, shards(), h30, h31);
    QueryResult pairs =
        w.query(
            "SELECT k.kpi_key, k.actual, k.actual_printed, k.actual_null_reason, v.value, v.printed, v.null_reason"
                + " FROM kpis k JOIN kpi_values v ON v.kpi_key = k.kpi_key"
                + " WHERE k.report_id = '"
                + h30.reportId()
                + "' AND v.report_id = '"
                + h31.reportId()
                + "'"
                + " AND v.kind = 'actual' AND v.fiscal_year = 2018");
    assertThat(pairs.rows()).hasSize(73);
    for (List<Object> row : pairs.rows()) {
      assertThat(row.get(4)).as("%s", row).isEqualTo(row.get(1));
      assertThat(row.get(6)).as("%s", row).isEqualTo(row.get(3));
    }
    assertThat(
            w.query(
                    "SELECT count(*) FROM kpi_series WHERE fiscal_year = 2018 AND actual_printed IS NOT NULL AND reports = 2 AND NOT disagree")
                .rows())
        .containsExactly(List.of(73L));
  }

  @Test
  void aRerunChangesNothing() {
    Warehouse w = warehouse("data");
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 = Samples.ingested("h31");
    Samples.publish(w, shards(), h30, h31);
    Map<String, QueryResult> before = snapshot(w, false);
    PublishResult again = Samples.publish(w, shards(), h30, h31);
    assertThat(again.added()).isZero();
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(snapshot(w, false)).isEqualTo(before);
    assertThat(
            w.query(
                    "SELECT run_id, files_added, files_superseded, files_unchanged FROM runs ORDER BY run_id")
                .rows())
        .containsExactly(List.of(1L, 2, 0, 0), List.of(2L, 0, 0, 2));
    assertThat(w.knownSha256()).containsOnlyKeys(h30.sha256(), h31.sha256());
  }

  @Test
  void aModifiedCopySupersedesTheReportAndViewsUseIt() {
    Warehouse w = warehouse("data");
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 = Samples.ingested("h31");
    Samples.publish(w, shards(), h30, h31);
    // the copy prints 28棟 instead of 27棟 as project 1's H28 actual
    IngestedReport copy =
        Samples.modified(
            "h31",
            t ->
                t.replace(
                    "18棟 21棟 27棟 31棟 34棟 60.00 60.00 48棟", "18棟 21棟 28棟 31棟 34棟 60.00 60.00 48棟"),
            Instant.parse("2026-11-28T10:00:00Z"));
    PublishResult r = Samples.publish(w, shards(), copy);
    assertThat(r.reports())
        .containsExactly(
            new PublishResult.Outcome(
                copy.reportId(), copy.sourceFile(), PublishResult.Status.ADDED, h31.reportId()));
    assertThat(
            w.query("SELECT report_id, superseded_by FROM reports ORDER BY fiscal_year, run_id")
                .rows())
        .containsExactly(
            java.util.Arrays.asList(h30.reportId(), null),
            List.of(h31.reportId(), copy.reportId()),
            java.util.Arrays.asList(copy.reportId(), null));
    // the old rows stay
    assertThat(
            w.query("SELECT count(*) FROM kpis WHERE report_id = '" + h31.reportId() + "'").rows())
        .containsExactly(List.of(73L));
    assertThat(w.query("SELECT count(*) FROM current_kpis").rows()).containsExactly(List.of(146L));
    assertThat(w.query("SELECT files_added, files_superseded FROM runs WHERE run_id = 2").rows())
        .containsExactly(List.of(1, 1));
    String key = "'市営住宅改善・建替事業|市営住宅の改善・建替の実施棟数'";
    assertThat(
            w.query(
                    "SELECT actual, report_id, reports, disagree FROM kpi_series WHERE kpi_key = "
                        + key
                        + " AND fiscal_year = 2016")
                .rows())
        .containsExactly(List.of(28.0, copy.reportId(), 2L, true));
    // the FY2018 report still prints 27: the copy's 28 is a conflict with it, the superseded h31 is
    // not
    assertThat(
            w.query(
                    "SELECT fiscal_year, older_report_id, older_value, newer_report_id, newer_value FROM kpi_conflicts")
                .rows())
        .containsExactly(List.of(2016, h30.reportId(), 27.0, copy.reportId(), 28.0));
  }

  @Test
  void aCorrectedValueAppearsInKpiConflicts() {
    Warehouse w = warehouse("data");
    // an FY2018 report that printed 30棟 as project 1's H29 actual; FY2019 prints 31棟
    IngestedReport h30 =
        Samples.modified(
            "h30",
            t -> t.replace("18棟 21棟 27棟 31棟 53.33 53.33 48棟", "18棟 21棟 27棟 30棟 53.33 53.33 48棟"),
            Samples.AT);
    IngestedReport h31 = Samples.ingested("h31");
    Samples.publish(w, shards(), h31, h30);
    QueryResult conflicts = w.query("SELECT * FROM kpi_conflicts");
    assertThat(conflicts.rows()).hasSize(1);
    assertThat(conflicts.get(0, "kpi_name")).isEqualTo("市営住宅の改善・建替の実施棟数");
    assertThat(conflicts.get(0, "fiscal_year")).isEqualTo(2017);
    assertThat(conflicts.get(0, "kind")).isEqualTo("actual");
    assertThat(conflicts.get(0, "older_report_id")).isEqualTo(h30.reportId());
    assertThat(conflicts.get(0, "older_report_fiscal_year")).isEqualTo(2018);
    assertThat(conflicts.get(0, "older_printed")).isEqualTo("30棟");
    assertThat(conflicts.get(0, "newer_report_id")).isEqualTo(h31.reportId());
    assertThat(conflicts.get(0, "newer_printed")).isEqualTo("31棟");
    assertThat(conflicts.get(0, "newer_value")).isEqualTo(31.0);
    // the series shows the newest value and flags the disagreement
    assertThat(
            w.query(
                    "SELECT actual, reports, disagree FROM kpi_series WHERE kpi_key = '市営住宅改善・建替事業|市営住宅の改善・建替の実施棟数' AND fiscal_year = 2017")
                .rows())
        .containsExactly(List.of(31.0, 2L, true));
  }
}
