package hyoka.notebooks;

import hyoka.search.SearchIndex;
import hyoka.transform.EvaluationReportParser;
import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.warehouse.PublishResult;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A data directory holding both sample reports (samples/*.pdf), made the way ingest makes it:
 * parse the extracted text, write one shard per report, publish the shards into the warehouse and
 * sync the search index.
 */
final class SampleData {
  private SampleData() {}

  static Path create(Path dataDir) throws Exception {
    List<Path> shards = new ArrayList<>();
    for (String name : List.of("h30", "h31")) {
      ReportText text = Fixtures.text(name);
      Path pdf = Fixtures.samplesDir().resolve(text.sourceFile());
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf)));
      ParsedReport parsed = new EvaluationReportParser().parse(text);
      IngestedReport report =
          new IngestedReport(
              IngestedReport.reportIdOf(sha), text.sourceFile(), sha, "samples", Instant.now(), parsed);
      Path shard = Files.createDirectories(dataDir.resolveSibling("shards").resolve(name));
      ReportShard.write(report, shard);
      shards.add(shard);
    }
    Warehouse warehouse = new Warehouse(dataDir);
    PublishResult result = warehouse.publish(shards, new RunStats(Instant.now(), 0, List.of()));
    try (Connection c = warehouse.openReadOnly()) {
      SearchIndex.sync(c, dataDir.resolve("index"), result.runId());
    }
    return dataDir;
  }
}
