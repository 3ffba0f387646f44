package hyoka.warehouse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-op re-run cache beside the warehouse: right after a publish, ignored once stale. */
class HeldReportsTest {
  @TempDir Path tmp;

  private Warehouse published() throws Exception {
    Path data = tmp.resolve("data");
    Warehouse w = new Warehouse(data);
    Path shard = tmp.resolve("shards/h31");
    ReportShard.write(Samples.ingested("h31"), shard);
    w.publish(List.of(shard), new RunStats(Instant.now(), 0, List.of()));
    return w;
  }

  @Test
  void aPublishLeavesACacheThatAgreesWithTheDatabase() throws Exception {
    Warehouse w = published();
    Path cache = w.dataDir().resolve(HeldReports.FILE);
    assertThat(cache).isRegularFile();
    Map<String, String> fromDb;
    try (Connection c = w.openReadOnly()) {
      fromDb =
          Map.of(
              (String) Warehouse.query(c, "SELECT sha256 FROM reports").rows().get(0).get(0),
              (String) Warehouse.query(c, "SELECT report_id FROM reports").rows().get(0).get(0));
    }
    assertThat(HeldReports.read(w.dbFile()))
        .hasValueSatisfying(
            h -> {
              assertThat(h.sha256ToReportId()).isEqualTo(fromDb);
              assertThat(h.lastRunId()).isEqualTo(1);
            });
    assertThat(w.knownSha256()).isEqualTo(fromDb);
    assertThat(w.lastRunId()).isEqualTo(1);
  }

  @Test
  void aDatabaseChangedBehindTheCacheIsReadFromDuckDb() throws Exception {
    Warehouse w = published();
    // A writer that is not hyoka's publish (or a crash after the rename): the stamp no longer fits.
    Path copy = tmp.resolve("copy.duckdb");
    Files.copy(w.dbFile(), copy);
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + copy);
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO runs (run_id) VALUES (7)");
      s.execute("CHECKPOINT");
    }
    Files.move(copy, w.dbFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(w.dbFile(), FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(HeldReports.read(w.dbFile())).isEmpty();
    assertThat(w.lastRunId()).isEqualTo(7);
  }

  @Test
  void aDamagedCacheIsIgnored() throws Exception {
    Warehouse w = published();
    Files.writeString(w.dataDir().resolve(HeldReports.FILE), "garbage\n", UTF_8);
    assertThat(HeldReports.read(w.dbFile())).isEmpty();
    assertThat(w.knownSha256()).hasSize(1);
    assertThat(w.lastRunId()).isEqualTo(1);
  }
}
