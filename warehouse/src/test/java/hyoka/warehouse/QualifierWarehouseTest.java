package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value's qualifier from the parser to the warehouse: the FY2019 report with one KPI's values
 * printed as an approximate, an estimate and a bound, beside the FY2018 report that prints them
 * plain. Every other value of both reports is plain, so its qualifier is NULL.
 */
class QualifierWarehouseTest {
  @TempDir Path tmp;

  private static final String KEY_LIKE = "%|交通事故件数";

  @Test
  void qualifiersReachEveryTableAndViewAndFilterPlainValues() {
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 =
        Samples.modified(
            "h31",
            t ->
                t.replace(
                        "213件 162件 220件 244件 220件 121.21 100.00 180件",
                        "213件 162件 220件 244件 約220件 121.21 100.00 180件以上")
                    .replace("交通事故件数 173件", "交通事故件数 173件（見込）"),
            Samples.AT);
    Warehouse w = new Warehouse(tmp.resolve("data"));
    Samples.publish(w, tmp.resolve("shards"), h30, h31);
    String id = h31.reportId();

    // the KPI row: the number as before, its qualifier beside it; the score still the report's
    assertThat(
            w.query(
                    "SELECT baseline, baseline_qualifier, actual, actual_printed, actual_qualifier,"
                        + " target, target_printed, target_qualifier, unit, score_status, score_note"
                        + " FROM kpis WHERE report_id = '"
                        + id
                        + "' AND kpi_key LIKE '"
                        + KEY_LIKE
                        + "'")
                .rows())
        .containsExactly(
            Arrays.asList(
                213.0,
                null,
                173.0,
                "173件（見込）",
                "estimate",
                180.0,
                "180件以上",
                "at_least",
                "件",
                "match",
                null));
    assertThat(
            w.query(
                    "SELECT fiscal_year, kind, value, printed, qualifier FROM kpi_values"
                        + " WHERE report_id = '"
                        + id
                        + "' AND qualifier IS NOT NULL ORDER BY fiscal_year, kind")
                .rows())
        .containsExactly(
            List.of(2018, "actual", 220.0, "約220件", "approximate"),
            List.of(2019, "actual", 173.0, "173件（見込）", "estimate"),
            List.of(2019, "target", 180.0, "180件以上", "at_least"));
    // nothing else of either report is qualified; the printed scores all still match
    assertThat(w.query("SELECT count(*), count(qualifier) FROM kpi_values").rows())
        .containsExactly(
            List.of((long) (count(w, "kpi_values", h30) + count(w, "kpi_values", h31)), 3L));
    assertThat(
            w.query("SELECT fiscal_year, score_mismatches FROM reports ORDER BY fiscal_year")
                .rows())
        .containsExactly(
            List.of(2018, (int) h30.report().scoreMismatches()),
            List.of(2019, (int) Samples.ingested("h31").report().scoreMismatches()));

    // the stop-gap of docs/schema.md: plain actuals only, by the column, not the printed text
    assertThat(
            w.query(
                    "SELECT count(*) FROM kpis WHERE report_id = '"
                        + id
                        + "' AND actual_qualifier IS NULL")
                .rows())
        .containsExactly(List.of(72L));
    assertThat(
            w.query(
                    "SELECT count(*) FROM kpi_values WHERE report_id = '"
                        + id
                        + "' AND NOT regexp_matches(coalesce(qualifier, ''),"
                        + " 'approximate|estimate|provisional')")
                .rows())
        .containsExactly(List.of((long) count(w, "kpi_values", h31) - 2));

    // the series take the newest report's value and its qualifier; 220 and 約220 agree
    assertThat(
            w.query(
                    "SELECT fiscal_year, kind, printed, qualifier, reports, disagree"
                        + " FROM kpi_series_values WHERE kpi_key LIKE '"
                        + KEY_LIKE
                        + "' AND fiscal_year >= 2018 ORDER BY fiscal_year, kind")
                .rows())
        .containsExactly(
            List.of(2018, "actual", "約220件", "approximate", 2L, false),
            List.of(2019, "actual", "173件（見込）", "estimate", 1L, false),
            List.of(2019, "target", "180件以上", "at_least", 2L, false));
    assertThat(
            w.query(
                    "SELECT fiscal_year, baseline_qualifier, actual_qualifier, target_qualifier"
                        + " FROM kpi_series WHERE kpi_key LIKE '"
                        + KEY_LIKE
                        + "' AND fiscal_year >= 2017 ORDER BY fiscal_year")
                .rows())
        .containsExactly(
            Arrays.asList(2017, null, null, null),
            Arrays.asList(2018, null, "approximate", null),
            Arrays.asList(2019, null, "estimate", "at_least"));
    assertThat(
            w.query(
                    "SELECT count(*) FROM kpi_conflicts WHERE kpi_key LIKE '"
                        + KEY_LIKE
                        + "' AND fiscal_year = 2018")
                .rows())
        .containsExactly(List.of(0L));
  }

  private static int count(Warehouse w, String table, IngestedReport r) {
    return ((Long)
            w.query("SELECT count(*) FROM " + table + " WHERE report_id = '" + r.reportId() + "'")
                .rows()
                .get(0)
                .get(0))
        .intValue();
  }
}
