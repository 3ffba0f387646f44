package hyoka.web;

import hyoka.ingest.IngestProgress;
import hyoka.ingest.IngestRequest;
import hyoka.ingest.IngestRun;
import hyoka.search.SearchIndex;
import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Data directories for the web tests: the samples ingested for real, or hand-altered reports. */
final class TestData {
  /** A text printed into project 8's description by {@link #publishWithMarkup}. */
  static final String SCRIPT = "<script>window.hyokaPwned=1</script><b>太字</b>";

  private TestData() {}

  /** Ingests the given sample PDFs (h30, h31) with the real ingest; series = their folder name. */
  static String ingest(Path dataDir, Path... pdfs) {
    return ingest(dataDir, IngestProgress.NONE, pdfs);
  }

  /** {@link #ingest(Path, Path...)}, telling {@code progress} how it goes. */
  static String ingest(Path dataDir, IngestProgress progress, Path... pdfs) {
    StringWriter out = new StringWriter();
    new IngestRun(progress)
        .run(new IngestRequest(dataDir, List.of(pdfs), null, null, new PrintWriter(out, true)));
    return out.toString();
  }

  /** Both sample reports, ingested from the repository's samples/ folder (series "samples"). */
  static String ingestSamples(Path dataDir) {
    return ingest(dataDir, Fixtures.samplePdf("h30"), Fixtures.samplePdf("h31"));
  }

  /**
   * Every PDF of the repository's samples/ folder, as {@code ./hyoka ingest samples/} loads them:
   * both strategy reports (scores) and the FY2019 evaluation sheets (grades, layout kpi-sheet).
   */
  static String ingestAllSamples(Path dataDir) {
    return ingest(
        dataDir, Fixtures.samplePdf("h30"), Fixtures.samplePdf("h31"), Fixtures.sheetPdf("r01"));
  }

  /**
   * The H31 report with {@link #SCRIPT} printed before project 8's description, parsed by the real
   * parser, published and indexed: a report text that is markup must reach the page as text.
   */
  static void publishWithMarkup(Path dataDir) throws Exception {
    ReportText text = Fixtures.text("h31");
    List<String> pages = new ArrayList<>();
    for (String page : text.pages()) {
      pages.add(page.replace("安全で快適な冬の生活を確保するため、市道", SCRIPT + "安全で快適な冬の生活を確保するため、市道"));
    }
    ParsedReport parsed = Layouts.installed().parse(new ReportText(text.sourceFile(), pages), null);
    String sha = sha256("markup|" + text.sourceFile());
    IngestedReport report =
        new IngestedReport(
            IngestedReport.reportIdOf(sha),
            text.sourceFile(),
            sha,
            "markup",
            Instant.parse("2026-12-01T00:00:00Z"),
            parsed);
    Path shard = dataDir.resolve("shards").resolve(report.reportId());
    ReportShard.write(report, shard);
    Warehouse w = new Warehouse(dataDir);
    long run = w.publish(List.of(shard), new RunStats(Instant.now(), 0, List.of())).runId();
    try (var c = w.openReadOnly()) {
      SearchIndex.sync(c, dataDir.resolve("index"), run);
    }
  }

  /** The rows of {@code query} on a read-only connection to the warehouse of {@code dataDir}. */
  static List<List<Object>> sql(Path dataDir, String query) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = new Warehouse(dataDir).openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
