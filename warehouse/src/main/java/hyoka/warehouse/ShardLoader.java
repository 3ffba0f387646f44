package hyoka.warehouse;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The two ways a shard's tables can go into DuckDB. Publish uses {@link #ARROW_STREAM}; {@link
 * #APPENDER} exists to be measured against it (LoadBenchmark, docs/schema.md "Loading: Arrow vs
 * Appender") and to check that both give the same tables.
 */
public enum ShardLoader {
  /**
   * The shard file is exported as an Arrow C stream and DuckDB scans its record batches with {@code
   * INSERT INTO t SELECT ... FROM stream}: no per-value work in Java.
   */
  ARROW_STREAM,
  /** The shard file is read into Java values and appended row by row with DuckDB's Appender. */
  APPENDER;

  /**
   * Loads one table of a shard. For {@code reports}, the db-only columns get {@code runId} and NULL
   * (not superseded).
   */
  public void load(
      Connection c, BufferAllocator allocator, TableSpec table, Path shardDir, long runId)
      throws SQLException, IOException {
    loadAll(c, allocator, table, List.of(shardDir), runId);
  }

  /**
   * Loads one table of every shard in {@code shardDirs}, in that order: the Arrow C stream does it
   * with one stream and one {@code INSERT}, the Appender shard by shard.
   *
   * @throws ShardException naming the shard whose file could not be read
   */
  public void loadAll(
      Connection c, BufferAllocator allocator, TableSpec table, List<Path> shardDirs, long runId)
      throws SQLException, IOException {
    switch (this) {
      case ARROW_STREAM -> arrow(c, allocator, table, shardDirs, runId);
      case APPENDER -> {
        for (Path shardDir : shardDirs) {
          try {
            appender(c, allocator, table, ReportShard.file(shardDir, table), runId);
          } catch (IOException | RuntimeException e) {
            throw new ShardException(shardDir, e);
          }
        }
      }
    }
  }

  /** A shard's file could not be loaded; {@link #shardDir} says which. */
  static final class ShardException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path shardDir;

    ShardException(Path shardDir, Exception cause) {
      super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
      this.shardDir = shardDir;
    }

    Path shardDir() {
      return shardDir;
    }
  }

  private static void arrow(
      Connection c, BufferAllocator allocator, TableSpec table, List<Path> shardDirs, long runId)
      throws SQLException, IOException {
    // A connection keeps every stream name it was given: each registration needs a new one.
    String streamName = "hyoka_arrow_" + UUID.randomUUID().toString().replace("-", "");
    List<Path> files = shardDirs.stream().map(d -> ReportShard.file(d, table)).toList();
    try (ShardConcatReader reader = new ShardConcatReader(allocator, table, files);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      c.unwrap(DuckDBConnection.class).registerArrowStream(streamName, stream);
      String columns = table.columnList();
      String extra = table.dbOnly().isEmpty() ? "" : ", run_id";
      String extraValue = table.dbOnly().isEmpty() ? "" : ", " + runId;
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO "
                + table.name()
                + " ("
                + columns
                + extra
                + ") SELECT "
                + columns
                + extraValue
                + " FROM "
                + streamName);
      } catch (SQLException e) {
        // The stream stopped in the middle of a shard file: that shard could not be read.
        Path file = reader.currentFile();
        if (file != null) {
          throw new ShardException(file.getParent(), e);
        }
        throw e;
      }
    }
  }

  private static void appender(
      Connection c, BufferAllocator allocator, TableSpec table, Path file, long runId)
      throws SQLException, IOException {
    appendRows(c, table, ArrowRows.readFile(table, file, allocator), runId);
  }

  /** Appends rows of {@code table} (in its column order) with DuckDB's Appender. */
  static void appendRows(Connection c, TableSpec table, List<Object[]> rows, long runId)
      throws SQLException {
    try (DuckDBAppender a =
        c.unwrap(DuckDBConnection.class).createAppender(c.getSchema(), table.name())) {
      List<Column> columns = table.columns();
      for (Object[] row : rows) {
        a.beginRow();
        for (int i = 0; i < columns.size(); i++) {
          append(a, row[i]);
        }
        for (Column extra : table.dbOnly()) {
          append(a, extra.name().equals("run_id") ? (Object) runId : null);
        }
        a.endRow();
      }
    }
  }

  private static void append(DuckDBAppender a, Object v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else if (v instanceof String s) {
      a.append(s);
    } else if (v instanceof Integer i) {
      a.append(i.intValue());
    } else if (v instanceof Long l) {
      a.append(l.longValue());
    } else if (v instanceof Double d) {
      a.append(d.doubleValue());
    } else if (v instanceof Instant t) {
      a.append(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    } else {
      throw new IllegalArgumentException("no appender mapping for " + v.getClass());
    }
  }
}
