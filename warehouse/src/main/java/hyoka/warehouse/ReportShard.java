package hyoka.warehouse;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The rows of one report as Arrow IPC files, one per table ({@code reports.arrow}, {@code
 * projects.arrow}, …), in a directory of their own. Parallel workers write shards without touching
 * the database; {@link Warehouse#publish} loads them in one transaction.
 *
 * <p>A shard appears atomically: it is written to a temporary directory beside {@code shardDir} and
 * renamed into place, so a reader never sees half a shard.
 */
public final class ReportShard {
  private ReportShard() {}

  /** The file of {@code table} in a shard. */
  public static Path file(Path shardDir, TableSpec table) {
    return shardDir.resolve(table.name() + ".arrow");
  }

  /**
   * Writes the report's rows into {@code shardDir}. An existing shard there is replaced (the same
   * report gives the same rows).
   */
  public static void write(IngestedReport report, Path shardDir) {
    Map<String, List<Object[]>> rows = ReportRows.of(report);
    Path dir = shardDir.toAbsolutePath();
    Path tmp = dir.resolveSibling("." + dir.getFileName() + ".tmp-" + UUID.randomUUID());
    try (BufferAllocator allocator = new RootAllocator()) {
      Files.createDirectories(dir.getParent());
      Files.createDirectory(tmp);
      for (TableSpec table : Tables.SHARD_TABLES) {
        ArrowRows.writeFile(table, rows.get(table.name()), file(tmp, table), allocator);
      }
      if (Files.exists(dir)) {
        deleteTree(dir);
      }
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR,
          "cannot write shard " + dir + " for " + report.sourceFile() + ": " + e.getMessage(),
          e);
    }
  }

  /** Every row of one table of a shard. */
  public static List<Object[]> read(Path shardDir, TableSpec table) {
    try (BufferAllocator allocator = new RootAllocator()) {
      return ArrowRows.readFile(table, file(shardDir, table), allocator);
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot read shard " + shardDir + ": " + e.getMessage(), e);
    }
  }

  /** The identity of the report in a shard (its single {@code reports} row). */
  public static ShardReport identity(Path shardDir) {
    List<Object[]> rows = read(shardDir, Tables.REPORTS);
    if (rows.size() != 1) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "shard " + shardDir + " has " + rows.size() + " report rows");
    }
    Object[] r = rows.get(0);
    TableSpec t = Tables.REPORTS;
    return new ShardReport(
        shardDir,
        (String) r[t.columnIndex("report_id")],
        (String) r[t.columnIndex("source_file")],
        (String) r[t.columnIndex("sha256")],
        (String) r[t.columnIndex("series")],
        (Integer) r[t.columnIndex("fiscal_year")],
        (String) r[t.columnIndex("layout")],
        (java.time.Instant) r[t.columnIndex("ingested_at")]);
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Deletes {@code dir} and what it holds, if it exists; what cannot be deleted stays. */
  static void deleteQuietly(Path dir) {
    try {
      if (Files.exists(dir)) {
        deleteTree(dir);
      }
    } catch (IOException | UncheckedIOException e) {
      // The temporary directory is left behind; its dot-name keeps it out of shard listings.
    }
  }
}
