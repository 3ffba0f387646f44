package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.search.SearchRequest;
import hyoka.search.SearchSnapshot;
import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run after an upgrade: held content whose report another parser version made is read again
 * and its report replaced; content the current version made stays unchanged. The upgrade is
 * simulated by the version an {@link IngestRun} reads as; the "old parser's" output by rows changed
 * in the warehouse behind hyoka's back (what an old parser with a bug would have stored).
 */
class ReparseTest {
  /** Columns a re-parse may change: the run that read the report and the version that did. */
  private static final Set<String> READ_BY = Set.of("run_id", "parser_version");

  @TempDir Path dir;

  @Test
  void anUpgradeReparsesHeldReportsReplacingTheirRowsAndTheirIndexedTexts() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("otaru-h30.pdf"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("otaru-h31.pdf"));
    byte[] bytes = Files.readAllBytes(h31);
    byte[] revised = Arrays.copyOf(bytes, bytes.length + 11);
    System.arraycopy(
        "% revised.\n".getBytes(StandardCharsets.US_ASCII), 0, revised, bytes.length, 11);
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path fixed = Files.write(elsewhere.resolve("h31-revised.pdf"), revised);
    Path data = dir.resolve("data");
    String h30Id = reportId(h30);
    String h31Id = reportId(h31);
    String fixedId = reportId(fixed);

    assertThat(ingest(data, "v1", null, otaru).summary().added()).isEqualTo(2);
    Run second = ingest(data, "v1", "otaru", fixed);
    assertThat(second.lines().get(0)).startsWith("superseded " + h31 + " by " + fixed);
    Map<String, String> supersession = Agreement.assertAgree(data);
    assertThat(supersession)
        .containsExactlyInAnyOrderEntriesOf(Map.of(h30Id, "", h31Id, fixedId, fixedId, ""));
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE parser_version = 'v1'")).isEqualTo(3);
    Map<String, Map<String, List<List<Object>>>> read = new TreeMap<>();
    for (String id : List.of(h30Id, h31Id, fixedId)) {
      read.put(id, contents(data, id));
    }
    long snowHits = hits(data, "除雪");
    assertThat(snowHits).isPositive();

    // What an older parser with bugs might have stored: texts it misread, KPI rows it dropped.
    tamper(
        data,
        "UPDATE narratives SET text = '旧版の読み' WHERE text LIKE '%除雪%'",
        "DELETE FROM kpis WHERE report_id = '" + fixedId + "' AND kpi_no = 1");
    // The index is derived from the warehouse: rebuilt, it holds what that parser read.
    StagingDir.deleteTree(data.resolve("index"));
    Run same = ingest(data, "v1", null, otaru, fixed);
    assertThat(same.lines().get(0)).startsWith("repairing search index: ");
    assertThat(same.lines().subList(1, same.lines().size()))
        .containsExactly(
            "unchanged " + h30,
            "unchanged " + h31,
            "unchanged " + fixed,
            "3 files: 0 added (0 superseding), 3 unchanged, 0 duplicates, 0 rejected;"
                + " 0 projects, 0 KPI rows, 0 score mismatches, 0 unknown lines");
    assertThat(hits(data, "除雪")).isLessThan(snowHits);
    assertThat(hits(data, "旧版")).isPositive();
    assertThat(contents(data, fixedId)).isNotEqualTo(read.get(fixedId));

    // The upgrade: every held report was made by v1, so every file is read again, and the
    // revised file is filed in its held series (otaru), not under the folder it now lies in.
    Run upgraded = ingest(data, "v2", null, otaru, fixed);
    assertThat(upgraded.lines()).hasSize(4);
    assertThat(upgraded.lines().get(0))
        .startsWith("reparsed " + h30 + " (made by another hyoka version; FY2018, 62 projects, ");
    assertThat(upgraded.lines().get(1))
        .startsWith(
            "reparsed " + h31 + " (made by another hyoka version; FY2019, 62 projects, 73 KPI");
    assertThat(upgraded.lines().get(2)).startsWith("reparsed " + fixed + " (made by another");
    assertThat(upgraded.lines().get(3))
        .isEqualTo(upgraded.summary().line())
        .startsWith("3 files: 0 added (0 superseding), 3 reparsed, 0 unchanged, 0 duplicates,");
    assertThat(upgraded.summary().reparsed()).isEqualTo(3);
    assertThat(upgraded.summary().runId()).isEqualTo(3);

    // The rows are the new run's, once each; the supersession and the first-read times are kept.
    for (String id : List.of(h30Id, h31Id, fixedId)) {
      assertThat(contents(data, id)).as(id).isEqualTo(read.get(id));
    }
    assertThat(sql(data, "SELECT count(*) FROM reports")).isEqualTo(3);
    assertThat(
            sql(
                data,
                "SELECT count(*) FROM reports WHERE parser_version = 'v2' AND run_id = 3"
                    + " AND series = 'otaru'"))
        .isEqualTo(3);
    assertThat(sql(data, "SELECT count(*) FROM kpis WHERE report_id = '" + fixedId + "'"))
        .isEqualTo(73);
    assertThat(
            sql(
                data,
                "SELECT count(*) - count(DISTINCT (report_id, project_no, kpi_no)) FROM kpis"))
        .isZero();
    assertThat(sql(data, "SELECT files_reparsed FROM runs WHERE run_id = 3")).isEqualTo(3);
    assertThat(sql(data, "SELECT files_added FROM runs WHERE run_id = 3")).isZero();
    assertThat(Agreement.assertAgree(data)).isEqualTo(supersession);
    assertThat(hits(data, "除雪")).isEqualTo(snowHits);
    assertThat(hits(data, "旧版")).isZero();

    // The same version again: nothing to read, nothing written, no pipeline.
    Map<String, IngestRunTest.FileState> before = IngestRunTest.snapshot(data);
    Run again = ingest(data, "v2", null, otaru, fixed);
    assertThat(again.lines())
        .containsExactly(
            "unchanged " + h30,
            "unchanged " + h31,
            "unchanged " + fixed,
            "3 files: 0 added (0 superseding), 3 unchanged, 0 duplicates, 0 rejected;"
                + " 0 projects, 0 KPI rows, 0 score mismatches, 0 unknown lines");
    assertThat(again.summary().runId()).isZero();
    assertThat(IngestRunTest.snapshot(data)).isEqualTo(before);
  }

  /** A warehouse of a hyoka before parser versions: its reports' version is unknown. */
  @Test
  void aWarehouseWithoutParserVersionsIsReadAgainByThisBuild() throws Exception {
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), dir.resolve("h31.pdf"));
    Path copy = Files.copy(h31, dir.resolve("h31-copy.pdf"));
    Path data = dir.resolve("data");
    ingest(data, null, "otaru", h31);
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE parser_version = ?", current()))
        .isEqualTo(1);
    tamper(data, "ALTER TABLE reports DROP COLUMN parser_version");

    // Two files of the held content: one is read again, the other is its duplicate.
    Run upgraded = ingest(data, null, "otaru", h31, copy);
    assertThat(upgraded.lines().get(0)).startsWith("reparsed " + h31 + " (made by another");
    assertThat(upgraded.lines().get(1)).isEqualTo("duplicate " + copy + ": same content as " + h31);
    assertThat(upgraded.summary().runId()).isEqualTo(2);
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE parser_version = ?", current()))
        .isEqualTo(1);
    assertThat(sql(data, "SELECT count(*) FROM kpis")).isEqualTo(73);
    assertThat(Agreement.assertAgree(data)).hasSize(1);

    Run again = ingest(data, null, "otaru", h31);
    assertThat(again.lines().get(0)).isEqualTo("unchanged " + h31);
    assertThat(again.summary().runId()).isZero();
  }

  /**
   * A warehouse of the hyoka before the qualifier columns: the next ingest adds them to its tables
   * and views, and reads its reports again (their version is another), so their rows are this
   * version's, with a qualifier column for every value (NULL: the sample prints its values plain).
   */
  @Test
  void aWarehouseWithoutQualifiersGetsTheColumnsAndItsReportsReadAgain() throws Exception {
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), dir.resolve("h31.pdf"));
    Path data = dir.resolve("data");
    ingest(data, "before-qualifiers", "otaru", h31);
    tamper(
        data,
        "DROP VIEW supersession_losses; DROP VIEW kpi_conflicts; DROP VIEW kpi_series;"
            + " DROP VIEW kpi_series_values; DROP VIEW current_kpi_values; DROP VIEW current_kpis",
        "ALTER TABLE kpis DROP COLUMN baseline_qualifier",
        "ALTER TABLE kpis DROP COLUMN actual_qualifier",
        "ALTER TABLE kpis DROP COLUMN target_qualifier",
        "ALTER TABLE kpi_values DROP COLUMN qualifier");
    String qualifierColumns =
        "SELECT count(*) FROM information_schema.columns WHERE column_name LIKE '%qualifier'";
    assertThat(sql(data, qualifierColumns)).isZero();

    Run upgraded = ingest(data, null, "otaru", h31);
    assertThat(upgraded.lines().get(0)).startsWith("reparsed " + h31 + " (made by another");
    // kpis, kpi_values and the views that carry them: current_kpis (3), current_kpi_values,
    // kpi_series_values (1 each), kpi_series (3)
    assertThat(sql(data, qualifierColumns)).isEqualTo(3 + 1 + 3 + 1 + 1 + 3);
    assertThat(
            sql(
                data,
                "SELECT count(*) FROM kpis JOIN reports USING (report_id)"
                    + " WHERE parser_version = ? AND actual_qualifier IS NULL"
                    + " AND target_qualifier IS NULL AND baseline_qualifier IS NULL",
                current()))
        .isEqualTo(73);
    assertThat(sql(data, "SELECT count(*) FROM kpi_values WHERE qualifier IS NULL"))
        .isEqualTo(sql(data, "SELECT count(*) FROM kpi_values"))
        .isPositive();
  }

  @Test
  void contentAnotherVersionRejectedIsReadAgain() throws Exception {
    Path memo = TestPdfs.text(dir.resolve("memo.pdf"), List.of("Quarterly memo", "Budget: 100"));
    Path data = dir.resolve("data");
    String noReport = "rejected " + memo + ": not a KPI evaluation report of a known layout";

    assertThat(ingest(data, "v1", null, memo).lines().get(0))
        .startsWith(noReport)
        .doesNotContain("rejected before");
    assertThat(ingest(data, "v1", null, memo).lines().get(0))
        .startsWith(noReport)
        .endsWith(" (rejected before; not read again)");
    // v2 may read what v1 rejected: it reads it (and rejects it on its own account).
    assertThat(ingest(data, "v2", null, memo).lines().get(0))
        .startsWith(noReport)
        .doesNotContain("rejected before");
    assertThat(ingest(data, "v2", null, memo).lines().get(0))
        .endsWith(" (rejected before; not read again)");
    assertThat(new Warehouse(data).exists()).isFalse();
  }

  /**
   * A version that rejects what another read (simulated by a forced layout that cannot read the
   * report): the held report stays, the line says so, and the run counts a rejection (exit 1).
   */
  @Test
  void aHeldReportThisVersionRejectsIsKeptAndTheLineSaysSo() throws Exception {
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), dir.resolve("h30.pdf"));
    Path data = dir.resolve("data");
    String h30Id = reportId(h30);
    ingest(data, "v1", "otaru", h30);
    Map<String, List<List<Object>>> held = contents(data, h30Id);

    Run rejecting = ingest(data, "v2", null, "kpi-sheet", h30);
    assertThat(rejecting.lines().get(0))
        .startsWith("rejected " + h30 + ": read with --layout kpi-sheet: ")
        .endsWith(
            " (this hyoka version rejects it; the report another version read from it is kept)");
    assertThat(rejecting.summary().rejected()).isEqualTo(1);
    assertThat(rejecting.summary().runId()).isZero();
    assertThat(contents(data, h30Id)).isEqualTo(held);
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE parser_version = 'v1'")).isEqualTo(1);

    // Remembered as rejected by v2 (as a content-determined rejection of v2 would be): not read
    // again, and still kept.
    RejectedContent.load(data, "v2")
        .rememberAll(
            List.of(
                new DeadLetter(
                    h30.toString(),
                    IngestedReport.sha256Of(h30),
                    ErrorCode.NOT_A_REPORT,
                    "not a KPI evaluation report")),
            ExtractLimits.DEFAULTS);
    Map<String, IngestRunTest.FileState> before = IngestRunTest.snapshot(data);
    Run remembered = ingest(data, "v2", null, h30);
    assertThat(remembered.lines().get(0))
        .isEqualTo(
            "rejected "
                + h30
                + ": not a KPI evaluation report (rejected before; not read again; this hyoka"
                + " version rejects it; the report another version read from it is kept)");
    assertThat(remembered.summary().rejected()).isEqualTo(1);
    assertThat(IngestRunTest.snapshot(data)).isEqualTo(before);
    assertThat(Agreement.assertAgree(data)).containsOnlyKeys(h30Id);
  }

  record Run(IngestSummary summary, List<String> lines) {}

  static Run ingest(Path data, String version, String series, Path... inputs) {
    return ingest(data, version, series, null, inputs);
  }

  private static Run ingest(
      Path data, String version, String series, String layout, Path... inputs) {
    StringWriter text = new StringWriter();
    IngestSummary summary =
        new IngestRun(IngestProgress.NONE, version)
            .run(
                new IngestRequest(
                    data, List.of(inputs), series, "direct", layout, new PrintWriter(text)));
    return new Run(summary, text.toString().lines().toList());
  }

  private static String current() {
    return ParserVersion.current();
  }

  static String reportId(Path file) throws java.io.IOException {
    return IngestedReport.reportIdOf(IngestedReport.sha256Of(file));
  }

  static long sql(Path data, String query, String... params) throws SQLException {
    try (Connection c = new Warehouse(data).openReadOnly();
        java.sql.PreparedStatement p = c.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        p.setString(i + 1, params[i]);
      }
      try (java.sql.ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long hits(Path data, String query) throws Exception {
    try (SearchSnapshot s =
        SearchSnapshot.open(new Warehouse(data)::openReadOnly, data.resolve("index"))) {
      return s.search(SearchRequest.of(query)).total();
    }
  }

  /** Runs {@code statements} on the warehouse file as a writer that is not hyoka's publish. */
  static void tamper(Path data, String... statements) throws Exception {
    Warehouse w = new Warehouse(data);
    Path copy = data.resolve("tampered.duckdb");
    Files.copy(w.dbFile(), copy);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + copy);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
      s.execute("CHECKPOINT");
    }
    Files.move(copy, w.dbFile(), StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(w.dbFile(), FileTime.from(Instant.now().plusSeconds(5)));
  }

  /** Every row of every table for one report, but for the columns that name who read it. */
  private static Map<String, List<List<Object>>> contents(Path data, String reportId)
      throws SQLException {
    return ReportContents.of(data, reportId, READ_BY);
  }
}
