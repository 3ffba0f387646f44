package hyoka.search;

import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The sample reports (H31 = FY2019, H30 = FY2018) parsed by the real parser and published through
 * the real warehouse, then indexed: what the relevance tests and the benchmark search.
 */
final class Samples {
  private Samples() {}

  static ParsedReport parse(String name) {
    return Layouts.installed().parse(Fixtures.text(name), null);
  }

  /** A copy of a sample under its own identity, so copies do not supersede each other. */
  static IngestedReport ingested(ParsedReport parsed, String series, int copy) {
    String sha = sha256(parsed.sourceFile() + "|" + series + "|" + copy);
    return new IngestedReport(
        IngestedReport.reportIdOf(sha),
        parsed.sourceFile(),
        sha,
        series,
        Instant.parse("2026-11-28T10:00:00Z"),
        parsed);
  }

  /** Publishes the reports in one warehouse run and syncs the index; returns the index dir. */
  static Path publishAndIndex(Path dataDir, List<IngestedReport> reports) throws Exception {
    long run = publish(dataDir, reports);
    return index(dataDir, run);
  }

  static Path index(Path dataDir, long run) throws Exception {
    Path index = dataDir.resolve("index");
    try (var c = new Warehouse(dataDir).openReadOnly()) {
      SearchIndex.sync(c, index, run);
    }
    return index;
  }

  static long publish(Path dataDir, List<IngestedReport> reports) {
    Warehouse w = new Warehouse(dataDir);
    List<Path> shards = new ArrayList<>();
    for (IngestedReport r : reports) {
      Path dir = dataDir.resolve("shards").resolve(r.reportId());
      ReportShard.write(r, dir);
      shards.add(dir);
    }
    return w.publish(shards, new RunStats(Instant.now(), 0, List.of())).runId();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
