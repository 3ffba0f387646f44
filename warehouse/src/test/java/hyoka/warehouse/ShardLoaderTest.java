package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Arrow C stream and the Appender load a shard into identical tables. */
class ShardLoaderTest {
  @TempDir Path tmp;

  @Test
  void bothLoadersGiveTheSameRows() throws Exception {
    IngestedReport r =
        HandReports.report(
            HandReports.sha('a'), 2019, "244", Instant.parse("2026-03-04T05:06:07.123456Z"));
    Path shard = tmp.resolve("shard");
    ReportShard.write(r, shard);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        BufferAllocator allocator = new RootAllocator()) {
      try (var s = c.createStatement()) {
        s.execute("CREATE SCHEMA a");
        s.execute("CREATE SCHEMA b");
      }
      for (String schema : new String[] {"a", "b"}) {
        c.setSchema(schema);
        Schema.create(c);
        ShardLoader loader = schema.equals("a") ? ShardLoader.ARROW_STREAM : ShardLoader.APPENDER;
        for (TableSpec t : Tables.SHARD_TABLES) {
          loader.load(c, allocator, t, shard, 7);
        }
      }
      c.setSchema("main");
      for (TableSpec t : Tables.SHARD_TABLES) {
        QueryResult a = Warehouse.query(c, "SELECT * FROM a." + t.name() + " ORDER BY ALL");
        QueryResult b = Warehouse.query(c, "SELECT * FROM b." + t.name() + " ORDER BY ALL");
        assertThat(a.rows()).as(t.name()).isNotEmpty().isEqualTo(b.rows());
        assertThat(a.types()).isEqualTo(b.types());
        assertThat(a.rows()).hasSize(ReportRows.of(r).get(t.name()).size());
      }
      assertThat(Warehouse.query(c, "SELECT ingested_at, run_id FROM a.reports").rows().get(0))
          .containsExactly(java.time.LocalDateTime.parse("2026-03-04T05:06:07.123456"), 7L);
    }
  }
}
