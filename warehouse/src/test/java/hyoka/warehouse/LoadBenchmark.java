package hyoka.warehouse;

import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Measures loading {@code copies} copies of the FY2019 sample report into a fresh DuckDB database,
 * once through the Arrow C stream and once through the Appender, both starting from the same Arrow
 * IPC shards (that is how reports reach the publish step). Each variant runs {@code repeats} times,
 * alternating; the figures go into docs/schema.md.
 *
 * <p>Run: {@code mvn -q -o -pl warehouse -am test-compile}, then {@code java -cp ...
 * hyoka.warehouse.LoadBenchmark [copies] [repeats]} with the warehouse test classpath, or through
 * {@code LoadBenchmarkTest} (a small smoke run).
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  /** Milliseconds per repeat for each loader, and the rows loaded per run. */
  public record Figures(
      int copies, long shardWriteMillis, long rowsPerRun, Map<String, long[]> millis) {}

  /** For comparison only: the Appender fed from Java rows in memory, no shard files read. */
  private static final String APPENDER_FROM_MEMORY = "appender_from_memory";

  public static void main(String[] args) throws Exception {
    int copies = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path work = Files.createTempDirectory("hyoka-bench");
    try {
      Figures f = measure(sample(), copies, repeats, work);
      System.out.println(report(f));
    } finally {
      ReportShard.deleteTree(work);
    }
  }

  static ParsedReport sample() {
    return Layouts.installed().parse(Fixtures.text("h31"), null);
  }

  static String report(Figures f) {
    StringBuilder b = new StringBuilder();
    ReportRows.of(
            new IngestedReport(
                "0000000000000000", "x.pdf", "0".repeat(64), "s", Instant.EPOCH, sample()))
        .forEach((table, rows) -> b.append(table).append('=').append(rows.size()).append(' '));
    b.append("rows per copy\n");
    b.append(
        String.format(
            Locale.ROOT,
            "copies=%d rows/run=%d shard-write=%d ms (%d cores, %s)%n",
            f.copies(),
            f.rowsPerRun(),
            f.shardWriteMillis(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version")));
    for (Map.Entry<String, long[]> e : f.millis().entrySet()) {
      long[] sorted = e.getValue().clone();
      Arrays.sort(sorted);
      b.append(
          String.format(
              Locale.ROOT,
              "%-12s min=%d ms median=%d ms all=%s%n",
              e.getKey(),
              sorted[0],
              sorted[sorted.length / 2],
              Arrays.toString(e.getValue())));
    }
    return b.toString();
  }

  public static Figures measure(ParsedReport parsed, int copies, int repeats, Path work)
      throws IOException, SQLException, java.security.GeneralSecurityException {
    List<Path> shards = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < copies; i++) {
      String sha =
          HexFormat.of()
              .formatHex(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(("copy " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      IngestedReport r =
          new IngestedReport(
              IngestedReport.reportIdOf(sha),
              "copy" + i + ".pdf",
              sha,
              "bench" + i,
              Instant.parse("2026-01-01T00:00:00Z"),
              parsed);
      Path dir = work.resolve("shards").resolve("s" + i);
      ReportShard.write(r, dir);
      shards.add(dir);
    }
    long shardMillis = (System.nanoTime() - t0) / 1_000_000;
    Map<String, long[]> millis = new LinkedHashMap<>();
    List<String> variants = new ArrayList<>();
    for (ShardLoader l : ShardLoader.values()) {
      variants.add(l.name().toLowerCase(Locale.ROOT));
    }
    variants.add(APPENDER_FROM_MEMORY);
    variants.forEach(v -> millis.put(v, new long[repeats]));
    List<Map<String, List<Object[]>>> inMemory = new ArrayList<>();
    for (Path shard : shards) {
      Map<String, List<Object[]>> tables = new LinkedHashMap<>();
      for (TableSpec t : Tables.SHARD_TABLES) {
        tables.put(t.name(), ReportShard.read(shard, t));
      }
      inMemory.add(tables);
    }
    long rows = 0;
    for (int rep = 0; rep < repeats; rep++) {
      for (String variant : variants) {
        Path db = work.resolve(variant + rep + ".duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
            BufferAllocator allocator = new RootAllocator()) {
          Schema.create(c);
          long start = System.nanoTime();
          c.setAutoCommit(false);
          if (variant.equals(APPENDER_FROM_MEMORY)) {
            for (Map<String, List<Object[]>> tables : inMemory) {
              for (TableSpec t : Tables.SHARD_TABLES) {
                ShardLoader.appendRows(c, t, tables.get(t.name()), 1);
              }
            }
          } else {
            ShardLoader loader = ShardLoader.valueOf(variant.toUpperCase(Locale.ROOT));
            for (Path shard : shards) {
              for (TableSpec t : Tables.SHARD_TABLES) {
                loader.load(c, allocator, t, shard, 1);
              }
            }
          }
          c.commit();
          c.setAutoCommit(true);
          try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
          }
          millis.get(variant)[rep] = (System.nanoTime() - start) / 1_000_000;
          long loaded = countRows(c);
          if (rows != 0 && loaded != rows) {
            throw new IllegalStateException(variant + " loaded " + loaded + " rows, not " + rows);
          }
          rows = loaded;
        }
        Files.delete(db);
      }
    }
    return new Figures(copies, shardMillis, rows, millis);
  }

  static long countRows(Connection c) throws SQLException {
    long total = 0;
    try (Statement s = c.createStatement()) {
      for (TableSpec t : Tables.SHARD_TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t.name())) {
          rs.next();
          total += rs.getLong(1);
        }
      }
    }
    return total;
  }
}
