package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shard, publish and views on small hand-built reports (independent of the parser). */
class WarehouseHandTest {
  @TempDir Path tmp;

  private Path shard(IngestedReport r) {
    Path dir = tmp.resolve("shards").resolve(r.reportId());
    ReportShard.write(r, dir);
    return dir;
  }

  private static RunStats stats() {
    return new RunStats(Instant.parse("2026-01-01T00:00:00Z"), 0, List.of());
  }

  @Test
  void shardRoundTripsEveryRow() {
    IngestedReport r =
        HandReports.report(
            HandReports.sha('a'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z"));
    Path dir = shard(r);
    var expected = ReportRows.of(r);
    for (TableSpec t : Tables.SHARD_TABLES) {
      assertThat(ReportShard.read(dir, t))
          .as(t.name())
          .containsExactlyElementsOf(expected.get(t.name()));
    }
    assertThat(ReportShard.identity(dir).fiscalYear()).isEqualTo(2019);
  }

  @Test
  void publishLoadsRowsThroughArrowAndKeepsPrintedText() {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    assertThat(w.exists()).isFalse();
    assertThat(w.knownSha256()).isEmpty();
    assertThat(w.lastRunId()).isZero();
    IngestedReport r =
        HandReports.report(
            HandReports.sha('a'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z"));
    PublishResult result = w.publish(List.of(shard(r)), stats());
    assertThat(result.runId()).isEqualTo(1);
    assertThat(result.added()).isEqualTo(1);
    assertThat(w.knownSha256()).containsEntry(HandReports.sha('a'), "aaaaaaaaaaaaaaaa");
    QueryResult kpis =
        w.query(
            "SELECT kpi_no, name, actual, actual_printed, baseline, baseline_null_reason, kpi_key,"
                + " shared_note_with FROM kpis ORDER BY kpi_no");
    assertThat(kpis.rows()).hasSize(2);
    assertThat(kpis.get(0, "actual")).isEqualTo(173.0);
    assertThat(kpis.get(0, "kpi_key")).isEqualTo("交通安全対策事業|交通事故件数");
    assertThat(kpis.get(1, "name")).isEqualTo("ＬＥＤ 防犯灯の 設置数");
    assertThat(kpis.get(1, "kpi_key")).isEqualTo("交通安全対策事業|led防犯灯の設置数");
    assertThat(kpis.get(1, "baseline")).isNull();
    assertThat(kpis.get(1, "baseline_null_reason")).isEqualTo("dash");
    assertThat(kpis.get(1, "shared_note_with")).isEqualTo("1");
    QueryResult values =
        w.query(
            "SELECT fiscal_year, kind, value, printed FROM kpi_values WHERE kpi_no = 1 ORDER BY fiscal_year, kind");
    // baseline 2014, actuals 2015-2018 from the value row, 2019 actual from the name line, target
    assertThat(values.rows()).hasSize(7);
    assertThat(values.rows().get(5)).containsExactly(2019, "actual", 173.0, "173件");
    assertThat(w.query("SELECT run_id, files_added FROM runs").rows())
        .containsExactly(List.of(1L, 1));
  }

  @Test
  void correctedValueIsAConflictAndNewestWinsInSeries() {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    IngestedReport fy2018 =
        HandReports.report(
            HandReports.sha('b'), 2018, "230", Instant.parse("2026-01-01T00:00:00Z"));
    IngestedReport fy2019 =
        HandReports.report(
            HandReports.sha('c'), 2019, "244", Instant.parse("2026-01-01T00:00:01Z"));
    w.publish(List.of(shard(fy2019), shard(fy2018)), stats());
    QueryResult conflicts =
        w.query(
            "SELECT fiscal_year, kind, older_value, newer_value, older_report_id, newer_report_id FROM kpi_conflicts");
    assertThat(conflicts.rows())
        .containsExactly(
            List.of(2017, "actual", 230.0, 244.0, "bbbbbbbbbbbbbbbb", "cccccccccccccccc"));
    QueryResult series =
        w.query(
            "SELECT actual, reports, disagree, report_id FROM kpi_series WHERE fiscal_year = 2017 AND kpi_key LIKE '%交通事故件数'");
    assertThat(series.rows()).containsExactly(List.of(244.0, 2L, true, "cccccccccccccccc"));
  }

  @Test
  void newFileForSameSeriesAndYearSupersedes() {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    IngestedReport first =
        HandReports.report(
            HandReports.sha('d'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z"));
    IngestedReport second =
        HandReports.report(
            HandReports.sha('e'), 2019, "245", Instant.parse("2026-01-02T00:00:00Z"));
    w.publish(List.of(shard(first)), stats());
    PublishResult r = w.publish(List.of(shard(second), shard(first)), stats());
    assertThat(r.runId()).isEqualTo(2);
    assertThat(r.reports())
        .extracting(PublishResult.Outcome::status)
        .containsExactlyInAnyOrder(PublishResult.Status.ADDED, PublishResult.Status.UNCHANGED);
    assertThat(w.query("SELECT report_id, superseded_by FROM reports ORDER BY report_id").rows())
        .containsExactly(
            List.of("dddddddddddddddd", "eeeeeeeeeeeeeeee"),
            java.util.Arrays.asList("eeeeeeeeeeeeeeee", null));
    assertThat(w.query("SELECT report_id FROM current_reports").rows())
        .containsExactly(List.of("eeeeeeeeeeeeeeee"));
    assertThat(w.query("SELECT count(*) FROM kpi_conflicts").rows()).containsExactly(List.of(0L));
    assertThat(
            w.query(
                    "SELECT files_added, files_superseded, files_unchanged FROM runs WHERE run_id = 2")
                .rows())
        .containsExactly(List.of(1, 1, 1));
    // The second report holds what the first did (only a value changed): nothing was lost.
    assertThat(w.query("SELECT count(*) FROM supersession_losses").rows())
        .containsExactly(List.of(0L));
  }

  @Test
  void whatASupersedingReportLacksIsListedWithWhatTheOldOnePrinted() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    w.publish(
        List.of(
            shard(
                HandReports.report(
                    HandReports.sha('d'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z")))),
        stats());
    w.publish(
        List.of(
            shard(
                HandReports.report(
                    HandReports.sha('e'), 2019, "244", Instant.parse("2026-01-02T00:00:00Z")))),
        stats());
    // What a damaged page does to the newer report: a KPI's name and actual gone, a narrative
    // gone. (Written here by hand: the view is what is tested.)
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + w.dbFile());
        var s = c.createStatement()) {
      s.execute(
          "UPDATE kpis SET name = NULL, actual = NULL, actual_printed = NULL"
              + " WHERE report_id = 'eeeeeeeeeeeeeeee' AND kpi_no = 1");
      s.execute(
          "DELETE FROM narratives WHERE report_id = 'eeeeeeeeeeeeeeee'"
              + " AND kind = 'status_analysis'");
    }
    assertThat(
            w.query(
                    "SELECT report_id, superseded_report_id, what, project_no, kpi_no, lost_printed"
                        + " FROM supersession_losses ORDER BY what")
                .rows())
        .containsExactly(
            List.of("eeeeeeeeeeeeeeee", "dddddddddddddddd", "kpi actual", 1, 1, "173件"),
            List.of("eeeeeeeeeeeeeeee", "dddddddddddddddd", "kpi name", 1, 1, "交通事故件数"),
            java.util.Arrays.asList(
                "eeeeeeeeeeeeeeee", "dddddddddddddddd", "narrative", 1, null, "事故は減った"));
  }

  @Test
  void ofTwoNewFilesForOneYearInOneRunTheLaterIsCurrent() {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    IngestedReport earlier =
        HandReports.report(
            HandReports.sha('d'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z"));
    IngestedReport later =
        HandReports.report(
            HandReports.sha('e'), 2019, "245", Instant.parse("2026-01-01T00:00:05Z"));
    PublishResult r = w.publish(List.of(shard(later), shard(earlier)), stats());
    assertThat(r.reports())
        .containsExactly(
            new PublishResult.Outcome(
                "dddddddddddddddd", "r2019.pdf", PublishResult.Status.ADDED, null),
            new PublishResult.Outcome(
                "eeeeeeeeeeeeeeee", "r2019.pdf", PublishResult.Status.ADDED, "dddddddddddddddd"));
    assertThat(w.query("SELECT report_id FROM current_reports").rows())
        .containsExactly(List.of("eeeeeeeeeeeeeeee"));
    assertThat(
            w.query(
                    "SELECT actual FROM kpi_series WHERE fiscal_year = 2017 AND kpi_key LIKE '%交通事故件数'")
                .rows())
        .containsExactly(List.of(245.0));
  }

  @Test
  void badSqlIsOneLineBadQuery() {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    w.publish(List.of(), stats());
    assertThatThrownBy(() -> w.query("SELEC 1"))
        .isInstanceOfSatisfying(
            HyokaException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.BAD_QUERY);
              assertThat(e.getMessage()).doesNotContain("\n").contains("syntax error");
            });
    assertThatThrownBy(() -> w.query("DELETE FROM reports"))
        .isInstanceOfSatisfying(
            HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_QUERY));
  }

  @Test
  void noWarehouseIsAnInputError() {
    assertThatThrownBy(() -> new Warehouse(tmp.resolve("none")).query("SELECT 1"))
        .isInstanceOfSatisfying(
            HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_WAREHOUSE));
  }

  @Test
  void aFileThatIsNotADatabaseSaysWhyItCannotBeOpened() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    java.nio.file.Files.createDirectories(w.dataDir());
    java.nio.file.Files.writeString(
        w.dbFile(), "not a database\n", java.nio.charset.StandardCharsets.UTF_8);
    // The reason (DuckDB's first line) is what tells a researcher the file is damaged or foreign.
    assertThatThrownBy(() -> w.query("SELECT 1"))
        .isInstanceOfSatisfying(
            HyokaException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_ERROR);
              assertThat(e.getMessage())
                  .startsWith("cannot open " + w.dbFile() + " read-only: ")
                  .contains("not a valid DuckDB database file")
                  .doesNotContain("\n");
            });
  }

  @Test
  void aFailedPublishLeavesTheLiveFileAsItWas() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    w.publish(
        List.of(
            shard(
                HandReports.report(
                    HandReports.sha('a'), 2018, "230", Instant.parse("2026-01-01T00:00:00Z")))),
        stats());
    byte[] before = java.nio.file.Files.readAllBytes(w.dbFile());
    Path broken =
        shard(
            HandReports.report(
                HandReports.sha('b'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z")));
    Path kpis = ReportShard.file(broken, Tables.KPIS);
    byte[] bytes = java.nio.file.Files.readAllBytes(kpis);
    java.nio.file.Files.write(kpis, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> w.publish(List.of(broken), stats()))
        .isInstanceOfSatisfying(
            HyokaException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_ERROR);
              assertThat(e.getMessage())
                  .startsWith("cannot load shard " + broken)
                  .doesNotContain("\n");
            });
    assertThat(java.nio.file.Files.readAllBytes(w.dbFile())).isEqualTo(before);
    assertThat(w.query("SELECT count(*) FROM reports").rows()).containsExactly(List.of(1L));
    try (var files = java.nio.file.Files.list(w.dataDir())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("warehouse.duckdb", HeldReports.FILE, ".publish.lock");
    }
  }

  @Test
  void aSecondConcurrentPublishIsRefused() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    java.nio.file.Files.createDirectories(w.dataDir());
    try (var channel =
            java.nio.channels.FileChannel.open(
                w.dataDir().resolve(".publish.lock"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      assertThat(lock.isValid()).isTrue();
      assertThatThrownBy(() -> w.publish(List.of(), stats()))
          .isInstanceOfSatisfying(
              HyokaException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.DATA_DIR_LOCKED);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "another ingest is publishing to "
                            + w.dataDir()
                            + "; try again when it ends");
              });
    }
    assertThat(w.exists()).isFalse();
    w.publish(List.of(), stats());
    assertThat(w.lastRunId()).isEqualTo(1);
  }

  @Test
  void aDatabaseFromAnOlderVersionGetsTheNewColumns() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    java.nio.file.Files.createDirectories(w.dataDir());
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + w.dbFile());
        var s = c.createStatement()) {
      // as if written before kpis.kpi_key, runs.files_rejected, the parser versions and the
      // qualifiers existed
      Schema.create(c);
      s.execute(
          "DROP VIEW kpi_conflicts; DROP VIEW kpi_series; DROP VIEW kpi_series_values;"
              + " DROP VIEW current_kpi_values; DROP VIEW current_kpis");
      s.execute("ALTER TABLE kpis DROP COLUMN kpi_key");
      for (String q : List.of("baseline_qualifier", "actual_qualifier", "target_qualifier")) {
        s.execute("ALTER TABLE kpis DROP COLUMN " + q);
      }
      s.execute("ALTER TABLE kpi_values DROP COLUMN qualifier");
      s.execute("ALTER TABLE runs DROP COLUMN files_rejected");
      s.execute("ALTER TABLE runs DROP COLUMN files_reparsed");
      s.execute("ALTER TABLE reports DROP COLUMN parser_version");
      s.execute(
          "INSERT INTO runs VALUES (1, TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-01-01 00:01:00', 0, 0, 0)");
    }
    w.publish(
        List.of(
            shard(
                HandReports.report(
                    HandReports.sha('a'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z")))),
        stats());
    assertThat(
            w.query("SELECT run_id, files_rejected, files_reparsed FROM runs ORDER BY run_id")
                .rows())
        .containsExactly(java.util.Arrays.asList(1L, null, null), List.of(2L, 0, 0));
    assertThat(w.query("SELECT count(*) FROM reports WHERE parser_version IS NULL").rows())
        .containsExactly(List.of(1L));
    assertThat(w.query("SELECT count(*) FROM kpi_series WHERE kpi_key LIKE '%交通事故件数'").rows())
        .containsExactly(List.of(6L));
    // the qualifier columns are added last, as a new warehouse has them: one column order (but
    // for kpis.kpi_key, dropped above, which is added back before them)
    Warehouse fresh = new Warehouse(tmp.resolve("fresh"));
    fresh.publish(
        List.of(
            shard(
                HandReports.report(
                    HandReports.sha('a'), 2019, "244", Instant.parse("2026-01-01T00:00:00Z")))),
        stats());
    for (String table : List.of("kpis", "kpi_values", "kpi_series", "kpi_series_values")) {
      String columns =
          "SELECT column_name FROM information_schema.columns WHERE table_name = '"
              + table
              + "' ORDER BY ordinal_position";
      if (table.equals("kpis")) {
        assertThat(w.query(columns).rows())
            .containsExactlyInAnyOrderElementsOf(fresh.query(columns).rows())
            .endsWith(
                List.of("kpi_key"),
                List.of("baseline_qualifier"),
                List.of("actual_qualifier"),
                List.of("target_qualifier"));
      } else {
        assertThat(w.query(columns).rows()).as(table).isEqualTo(fresh.query(columns).rows());
      }
    }
    assertThat(
            w.query(
                    "SELECT count(*), count(baseline_qualifier), count(actual_qualifier),"
                        + " count(target_qualifier) FROM kpis")
                .rows())
        .containsExactly(List.of(2L, 0L, 0L, 0L));
    assertThat(w.query("SELECT count(qualifier) FROM kpi_values").rows())
        .containsExactly(List.of(0L));
  }

  /**
   * A re-parse replaces a held report's rows under its report_id: with the same series, year and
   * layout it keeps its supersession; read as another year, it leaves its chain, and both chains
   * are rebuilt in the order the reports came in.
   */
  @Test
  void aReparseReplacesTheHeldRowsAndKeepsOrRebuildsTheSupersession() {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-02-01T00:00:00Z");
    String a = HandReports.sha('a');
    String b = HandReports.sha('b');
    w.publish(List.of(shard(HandReports.report(a, 2019, "244", t1))), stats());
    w.publish(List.of(shard(HandReports.report(b, 2019, "244", t2))), stats());
    String aId = "aaaaaaaaaaaaaaaa";
    String bId = "bbbbbbbbbbbbbbbb";
    assertThat(w.query("SELECT superseded_by FROM reports WHERE report_id = '" + aId + "'").rows())
        .containsExactly(List.of(bId));

    // Read again as the same year, months later: its rows once, its place in the series kept.
    Path again = tmp.resolve("again").resolve(aId);
    ReportShard.write(
        HandReports.report(a, 2019, "244", Instant.parse("2026-06-01T00:00:00Z")), again);
    PublishResult same =
        w.publish(
            List.of(again), new RunStats(t2.plusSeconds(3600), 0, List.of(), "v2", Set.of(a)));
    assertThat(same.reparsed()).isEqualTo(1);
    assertThat(same.added()).isZero();
    assertThat(
            w.query(
                    "SELECT report_id, fiscal_year, superseded_by, run_id, parser_version,"
                        + " ingested_at FROM reports ORDER BY report_id")
                .rows())
        .containsExactly(
            List.of(aId, 2019, bId, 3L, "v2", java.time.LocalDateTime.of(2026, 1, 1, 0, 0)),
            java.util.Arrays.asList(
                bId, 2019, null, 2L, null, java.time.LocalDateTime.of(2026, 2, 1, 0, 0)));
    assertThat(w.query("SELECT report_id, count(*) FROM kpis GROUP BY ALL ORDER BY 1").rows())
        .containsExactly(List.of(aId, 2L), List.of(bId, 2L));
    assertThat(w.query("SELECT files_reparsed, files_added FROM runs WHERE run_id = 3").rows())
        .containsExactly(List.of(1, 0));

    // Read again as another year: a is no longer superseded by b, each is current in its year.
    Path moved = tmp.resolve("moved").resolve(aId);
    ReportShard.write(
        HandReports.report(a, 2018, "244", Instant.parse("2026-07-01T00:00:00Z")), moved);
    w.publish(List.of(moved), new RunStats(t2.plusSeconds(7200), 0, List.of(), "v3", Set.of(a)));
    assertThat(
            w.query("SELECT report_id, fiscal_year, superseded_by FROM reports ORDER BY 1").rows())
        .containsExactly(
            java.util.Arrays.asList(aId, 2018, null), java.util.Arrays.asList(bId, 2019, null));
    assertThat(w.query("SELECT count(*) FROM current_reports").rows()).containsExactly(List.of(2L));
    assertThat(w.query("SELECT count(*) FROM kpis").rows()).containsExactly(List.of(4L));
    assertThat(w.parserVersions()).containsEntry(a, "v3").containsEntry(b, null);
  }

  /**
   * A re-parse that reads another year, in a publish with new reports of the year it leaves and of
   * the year it enters: each new report is told the report it supersedes in the rebuilt chains, not
   * the one current when the publish began, and the run counts those.
   */
  @Test
  void aReparseMovingYearsTellsEachNewReportWhatItSupersedesInTheRebuiltChains() {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
    Instant t2 = Instant.parse("2026-02-01T00:00:00Z");
    Instant t3 = Instant.parse("2026-03-01T00:00:00Z");
    String a = HandReports.sha('a');
    String b = HandReports.sha('b');
    String c = HandReports.sha('c');
    String d = HandReports.sha('d');
    String aId = "aaaaaaaaaaaaaaaa";
    String bId = "bbbbbbbbbbbbbbbb";
    String cId = "cccccccccccccccc";
    String dId = "dddddddddddddddd";
    // b is FY2019; a, read (by an older parser) as FY2019 too, superseded it
    w.publish(List.of(shard(HandReports.report(b, 2019, "244", t1))), stats());
    w.publish(List.of(shard(HandReports.report(a, 2019, "244", t2))), stats());
    assertThat(w.query("SELECT superseded_by FROM reports WHERE report_id = '" + bId + "'").rows())
        .containsExactly(List.of(aId));

    // a read again as FY2018, with a new FY2019 report c and a new FY2018 report d
    Path moved = tmp.resolve("moved").resolve(aId);
    ReportShard.write(HandReports.report(a, 2018, "244", t3), moved);
    PublishResult run =
        w.publish(
            List.of(
                moved,
                shard(HandReports.report(c, 2019, "244", t3)),
                shard(HandReports.report(d, 2018, "244", t3))),
            new RunStats(t3, 0, List.of(), "v2", Set.of(a)));

    assertThat(run.reports())
        .extracting(o -> o.reportId() + " " + o.status() + " " + o.supersededReportId())
        .containsExactlyInAnyOrder(
            aId + " REPARSED null", cId + " ADDED " + bId, dId + " ADDED " + aId);
    assertThat(
            w.query("SELECT report_id, fiscal_year, superseded_by FROM reports ORDER BY 1").rows())
        .containsExactly(
            List.of(aId, 2018, dId),
            List.of(bId, 2019, cId),
            java.util.Arrays.asList(cId, 2019, null),
            java.util.Arrays.asList(dId, 2018, null));
    assertThat(w.query("SELECT files_added, files_superseded FROM runs WHERE run_id = 3").rows())
        .containsExactly(List.of(2, 2));
  }
}
