package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grade columns of a layout that grades (kpi-sheet) beside one that scores (strategy-report),
 * and a series that spans both, on hand-built reports: one series per KPI whatever the ingest
 * order, a value the two print differently in kpi_conflicts, two layouts of one year both current.
 */
class TwoLayoutsTest {
  @TempDir Path tmp;

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");

  private Path shard(IngestedReport r) {
    Path dir = tmp.resolve("shards").resolve(r.reportId() + "-" + r.ingestedAt().getEpochSecond());
    ReportShard.write(r, dir);
    return dir;
  }

  private static RunStats stats() {
    return new RunStats(T0, 0, List.of());
  }

  private Warehouse warehouse(String name) {
    return new Warehouse(tmp.resolve(name));
  }

  @Test
  void aSheetsGradesLandInTheirColumnsAndAReportHasNone() {
    Warehouse w = warehouse("data");
    w.publish(
        List.of(
            shard(HandReports.sheet(HandReports.sha('s'), 2018, "230", T0)),
            shard(HandReports.report(HandReports.sha('r'), 2019, "230", T0))),
        stats());
    assertThat(
            w.query(
                    "SELECT layout, score_mismatches, grade_mismatches, grade_legend,"
                        + " grade_legend_page FROM reports ORDER BY layout")
                .rows())
        .containsExactly(
            Arrays.asList("kpi-sheet", null, 1, HandReports.LEGEND, 1),
            Arrays.asList("strategy-report", 0, null, null, null));
    QueryResult sheet =
        w.query(
            "SELECT kpi_no, achievement, achievement_printed, achievement_null_reason, grade,"
                + " grade_printed, grade_by_rule, grade_status, grade_note, progress, grade_page,"
                + " score, score_null_reason, target_basis"
                + " FROM kpis JOIN reports USING (report_id) WHERE layout = 'kpi-sheet'"
                + " ORDER BY kpi_no");
    assertThat(sheet.rows())
        .containsExactly(
            Arrays.asList(
                1,
                100.0,
                "100.0％",
                null,
                "A",
                "Ａ",
                "A",
                "match",
                null,
                "順調",
                1,
                null,
                "not_printed",
                "計画における目標値"),
            Arrays.asList(
                2,
                null,
                "―",
                "dash",
                "B",
                "Ｂ",
                "-",
                "mismatch",
                "printed Ｂ, the legend gives － (no actual)",
                null,
                2,
                null,
                "not_printed",
                "防犯灯の設置計画"));
    // the report prints scores and no grade: every grade column NULL, the achievement not printed
    assertThat(
            w.query(
                    "SELECT kpi_no, score, achievement, achievement_printed,"
                        + " achievement_null_reason, grade, grade_printed, grade_by_rule,"
                        + " grade_status, grade_note, progress, grade_page"
                        + " FROM kpis JOIN reports USING (report_id)"
                        + " WHERE layout = 'strategy-report' ORDER BY kpi_no")
                .rows())
        .containsExactly(
            Arrays.asList(
                1, 100.0, null, null, "not_printed", null, null, null, null, null, null, null),
            Arrays.asList(
                2, null, null, null, "not_printed", null, null, null, null, null, null, null));
    assertThat(
            w.query(
                    "SELECT kind, text FROM narratives JOIN reports USING (report_id)"
                        + " WHERE layout = 'kpi-sheet' ORDER BY kind")
                .rows())
        .containsExactly(
            List.of("effect_factors", "街頭啓発で事故は減った"), List.of("future_work", "高齢者の啓発を続ける"));
  }

  /** kpi_series of 交通事故件数, every column a reader compares, in year order. */
  private static List<List<Object>> series(Warehouse w) {
    return w.query(
            "SELECT kpi_key, fiscal_year, baseline, actual, actual_printed, actual_null_reason,"
                + " target, report_id, reports, disagree, project_name, kpi_name"
                + " FROM kpi_series WHERE kpi_key LIKE '%交通事故件数' ORDER BY fiscal_year")
        .rows();
  }

  @Test
  void theFy2018SheetsAndTheFy2019ReportAreOneSeriesInEitherOrder() {
    IngestedReport sheets = HandReports.sheet(HandReports.sha('s'), 2018, "230", T0);
    IngestedReport report = HandReports.report(HandReports.sha('r'), 2019, "230", T0);
    Warehouse sheetsFirst = warehouse("sheets-first");
    sheetsFirst.publish(List.of(shard(sheets)), stats());
    sheetsFirst.publish(List.of(shard(report)), stats());
    Warehouse reportFirst = warehouse("report-first");
    reportFirst.publish(List.of(shard(report)), stats());
    reportFirst.publish(List.of(shard(sheets)), stats());
    Warehouse oneRun = warehouse("one-run");
    oneRun.publish(List.of(shard(report), shard(sheets)), stats());

    List<List<Object>> series = series(sheetsFirst);
    // one row per year 2014-2019: no KPI twice, although the layouts and project numbers differ
    assertThat(series)
        .extracting(r -> r.get(1))
        .containsExactly(2014, 2015, 2016, 2017, 2018, 2019);
    assertThat(series).extracting(r -> r.get(0)).containsOnly("交通安全対策事業|交通事故件数");
    // 2015-2018 are printed by both, the same: two reports, no disagreement
    assertThat(series.subList(1, 5))
        .allSatisfy(r -> assertThat(r.subList(8, 10)).containsExactly(2L, false));
    // 2019: the FY2018 sheets' ― for a year after their own is no value (and no conflict)
    assertThat(series.get(5))
        .containsExactly(
            "交通安全対策事業|交通事故件数",
            2019,
            null,
            173.0,
            "173件",
            null,
            180.0,
            "rrrrrrrrrrrrrrrr",
            2L, // the target of 2019 is printed by both
            false,
            "交通安全 対策事業",
            "交通事故件数");
    assertThat(sheetsFirst.query("SELECT count(*) FROM kpi_conflicts").rows())
        .containsExactly(List.of(0L));
    // the ― stays in kpi_values, where it was printed
    assertThat(
            sheetsFirst
                .query(
                    "SELECT printed, null_reason FROM kpi_values WHERE report_id = 'ssssssssssssssss'"
                        + " AND kpi_no = 1 AND fiscal_year = 2019 AND kind = 'actual'")
                .rows())
        .containsExactly(List.of("―", "dash"));
    assertThat(series(reportFirst)).isEqualTo(series);
    assertThat(series(oneRun)).isEqualTo(series);
    assertThat(sheetsFirst.query("SELECT count(*) FROM reports WHERE superseded_by IS NULL").rows())
        .containsExactly(List.of(2L));
  }

  @Test
  void aValueTheTwoLayoutsPrintDifferentlyIsAConflictWithItsLayouts() {
    // the FY2018 sheets print 230 for 2017, the FY2019 report corrects it to 244
    IngestedReport sheets = HandReports.sheet(HandReports.sha('s'), 2018, "230", T0);
    IngestedReport report = HandReports.report(HandReports.sha('r'), 2019, "244", T0);
    for (List<IngestedReport> order : List.of(List.of(sheets, report), List.of(report, sheets))) {
      Warehouse w = warehouse("w" + order.get(0).reportId());
      for (IngestedReport r : order) {
        w.publish(List.of(shard(r)), stats());
      }
      assertThat(
              w.query(
                      "SELECT kpi_key, fiscal_year, kind, older_report_fiscal_year, older_printed,"
                          + " older_layout, newer_report_fiscal_year, newer_printed, newer_layout"
                          + " FROM kpi_conflicts")
                  .rows())
          .as("ingested %s first", order.get(0).sourceFile())
          .containsExactly(
              List.of(
                  "交通安全対策事業|交通事故件数",
                  2017,
                  "actual",
                  2018,
                  "230件",
                  "kpi-sheet",
                  2019,
                  "244件",
                  "strategy-report"));
      assertThat(
              w.query(
                      "SELECT actual, reports, disagree, report_id FROM kpi_series"
                          + " WHERE fiscal_year = 2017 AND kpi_key LIKE '%交通事故件数'")
                  .rows())
          .containsExactly(List.of(244.0, 2L, true, "rrrrrrrrrrrrrrrr"));
    }
  }

  @Test
  void twoLayoutsOfOneYearAreBothCurrentAndANewFileSupersedesOnlyItsOwnLayout() {
    IngestedReport report = HandReports.report(HandReports.sha('r'), 2019, "244", T0);
    IngestedReport sheets = HandReports.sheet(HandReports.sha('s'), 2019, "230", T0);
    Warehouse w = warehouse("data");
    PublishResult first = w.publish(List.of(shard(report), shard(sheets)), stats());
    assertThat(first.reports())
        .extracting(PublishResult.Outcome::supersededReportId)
        .containsOnlyNulls();
    assertThat(w.query("SELECT layout FROM current_reports ORDER BY layout").rows())
        .containsExactly(List.of("kpi-sheet"), List.of("strategy-report"));
    // current_kpis holds both publications of 2019: the layout tells them apart
    assertThat(
            w.query(
                    "SELECT layout, count(*) FROM current_kpis WHERE report_fiscal_year = 2019"
                        + " GROUP BY layout ORDER BY layout")
                .rows())
        .containsExactly(List.of("kpi-sheet", 2L), List.of("strategy-report", 2L));
    // same year, two layouts: the higher report_id is "newer", whatever was ingested first. They
    // differ on 2017 (244 vs 230) and on the LED lights' 2019 actual (pending vs a dash)
    assertThat(
            w.query(
                    "SELECT kpi_key, fiscal_year, older_printed, older_layout, newer_printed,"
                        + " newer_layout FROM kpi_conflicts ORDER BY kpi_key, fiscal_year")
                .rows())
        .containsExactly(
            List.of("交通安全対策事業|led防犯灯の設置数", 2019, "（後日報告）灯", "strategy-report", "―", "kpi-sheet"),
            List.of("交通安全対策事業|交通事故件数", 2017, "244件", "strategy-report", "230件", "kpi-sheet"));
    // a corrected sheet file supersedes the sheets only
    IngestedReport corrected = HandReports.sheet(HandReports.sha('t'), 2019, "244", T1);
    PublishResult second = w.publish(List.of(shard(corrected)), stats());
    assertThat(second.reports())
        .containsExactly(
            new PublishResult.Outcome(
                "tttttttttttttttt", "s2019.pdf", PublishResult.Status.ADDED, "ssssssssssssssss"));
    assertThat(w.query("SELECT report_id, layout FROM current_reports ORDER BY report_id").rows())
        .containsExactly(
            List.of("rrrrrrrrrrrrrrrr", "strategy-report"),
            List.of("tttttttttttttttt", "kpi-sheet"));
    assertThat(w.query("SELECT fiscal_year FROM kpi_conflicts").rows())
        .containsExactly(List.of(2019));
  }

  @Test
  void supersessionLossesPairOnlyReportsOfOneLayoutAndCountASheetsLostGrades() throws Exception {
    Warehouse w = warehouse("data");
    w.publish(
        List.of(
            shard(HandReports.report(HandReports.sha('r'), 2019, "244", T0)),
            shard(HandReports.sheet(HandReports.sha('s'), 2019, "230", T0))),
        stats());
    // the sheets' 効果発現要因 and 今後の取組, which the report does not print, are no loss: the
    // report supersedes nothing
    assertThat(w.query("SELECT count(*) FROM supersession_losses").rows())
        .containsExactly(List.of(0L));
    w.publish(List.of(shard(HandReports.sheet(HandReports.sha('t'), 2019, "230", T1))), stats());
    // What a damaged sheet does to the newer file: KPI 1's 達成率, 評価 and 進捗状況 gone. (Written
    // here by hand: the view is what is tested.)
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + w.dbFile());
        var s = c.createStatement()) {
      s.execute(
          "UPDATE kpis SET achievement = NULL, achievement_printed = NULL, grade = NULL,"
              + " grade_printed = NULL, progress = NULL"
              + " WHERE report_id = 'tttttttttttttttt' AND kpi_no = 1");
    }
    assertThat(
            w.query(
                    "SELECT report_id, superseded_report_id, what, kpi_no, lost_printed"
                        + " FROM supersession_losses ORDER BY what")
                .rows())
        .containsExactly(
            List.of("tttttttttttttttt", "ssssssssssssssss", "kpi achievement", 1, "100.0％"),
            List.of("tttttttttttttttt", "ssssssssssssssss", "kpi grade", 1, "Ａ"),
            List.of("tttttttttttttttt", "ssssssssssssssss", "kpi progress", 1, "順調"));
  }

  @Test
  void twoLayoutsOfOneYearGiveTheSameSeriesWhicheverIsIngestedFirst() {
    // the sheets print 230 for 2017 where the report prints 244: one of them must win, always the
    // same one, though the sheets come later in one warehouse and earlier in the other
    IngestedReport report = HandReports.report(HandReports.sha('r'), 2019, "244", T0);
    IngestedReport sheets = HandReports.sheet(HandReports.sha('s'), 2019, "230", T1);
    IngestedReport sheetsEarlier = HandReports.sheet(HandReports.sha('s'), 2019, "230", T0);
    IngestedReport reportLater = HandReports.report(HandReports.sha('r'), 2019, "244", T1);
    Warehouse reportFirst = warehouse("report-first");
    reportFirst.publish(List.of(shard(report)), stats());
    reportFirst.publish(List.of(shard(sheets)), stats());
    Warehouse sheetsFirst = warehouse("sheets-first");
    sheetsFirst.publish(List.of(shard(sheetsEarlier)), stats());
    sheetsFirst.publish(List.of(shard(reportLater)), stats());
    List<List<Object>> series = series(reportFirst);
    assertThat(series).hasSize(6);
    assertThat(series(sheetsFirst)).isEqualTo(series);
    assertThat(series.get(3).subList(1, 4)).containsExactly(2017, null, 230.0);
    String everyView = "SELECT * FROM kpi_series_values ORDER BY kpi_key, fiscal_year, kind";
    assertThat(sheetsFirst.query(everyView).rows()).isEqualTo(reportFirst.query(everyView).rows());
  }

  @Test
  void publishingTheSameFilesAgainChangesNothing() {
    Warehouse w = warehouse("data");
    List<Path> shards =
        List.of(
            shard(HandReports.sheet(HandReports.sha('s'), 2018, "230", T0)),
            shard(HandReports.report(HandReports.sha('r'), 2019, "230", T0)));
    w.publish(shards, stats());
    List<List<Object>> before = series(w);
    PublishResult again = w.publish(shards, stats());
    assertThat(again.reports())
        .extracting(PublishResult.Outcome::status)
        .containsOnly(PublishResult.Status.UNCHANGED);
    assertThat(w.query("SELECT count(*), count(superseded_by) FROM reports").rows())
        .containsExactly(List.of(2L, 0L));
    assertThat(series(w)).isEqualTo(before);
  }

  @Test
  void reportsOfADatabaseFromBeforeLayoutsAreStrategyReportsAndAreSuperseded() throws Exception {
    Warehouse w = warehouse("data");
    w.publish(List.of(shard(HandReports.report(HandReports.sha('a'), 2019, "244", T0))), stats());
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + w.dbFile());
        var s = c.createStatement()) {
      // as if written before reports.layout existed
      s.execute("DROP VIEW IF EXISTS kpi_series; DROP VIEW IF EXISTS kpi_series_values;");
      s.execute("DROP VIEW kpi_conflicts; DROP VIEW current_kpi_values; DROP VIEW current_kpis;");
      s.execute("DROP VIEW current_projects; DROP VIEW current_budget_items;");
      s.execute("DROP VIEW current_narratives; DROP VIEW current_reports;");
      s.execute("ALTER TABLE reports DROP COLUMN layout");
    }
    java.nio.file.Files.deleteIfExists(w.dataDir().resolve(HeldReports.FILE));
    PublishResult r =
        w.publish(
            List.of(
                shard(HandReports.report(HandReports.sha('b'), 2019, "245", T1)),
                shard(HandReports.sheet(HandReports.sha('s'), 2019, "245", T1))),
            stats());
    assertThat(r.reports())
        .extracting(PublishResult.Outcome::supersededReportId)
        .containsExactly("aaaaaaaaaaaaaaaa", null);
    assertThat(w.query("SELECT report_id, layout, superseded_by FROM reports ORDER BY 1").rows())
        .containsExactly(
            List.of("aaaaaaaaaaaaaaaa", "strategy-report", "bbbbbbbbbbbbbbbb"),
            Arrays.asList("bbbbbbbbbbbbbbbb", "strategy-report", null),
            Arrays.asList("ssssssssssssssss", "kpi-sheet", null));
  }
}
