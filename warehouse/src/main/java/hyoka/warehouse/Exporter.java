package hyoka.warehouse;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * Writes every table and view of the warehouse to files ({@code OUT_DIR/<name>.<ext>}), from a
 * read-only connection: an export never blocks or is blocked by an ingest.
 */
public final class Exporter {
  private static final long ARROW_BATCH_ROWS = 8192;

  private final Warehouse warehouse;

  public Exporter(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * Exports every table and view.
   *
   * @return the files written, in table-then-view order
   */
  public List<Path> export(Path outDir, ExportFormat format) {
    List<Path> written = new ArrayList<>();
    try (Connection c = warehouse.openReadOnly()) {
      Files.createDirectories(outDir);
      for (String name : relations(c)) {
        Path file = outDir.resolve(name + "." + format.extension());
        Files.deleteIfExists(file);
        switch (format) {
          case PARQUET -> copy(c, name, file, "FORMAT parquet");
          case CSV -> copy(c, name, file, "FORMAT csv, HEADER true");
          case ARROW -> arrow(c, name, file);
        }
        written.add(file);
      }
      return written;
    } catch (SQLException | IOException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR,
          "export to " + outDir + " failed: " + Warehouse.oneLine(e.getMessage()),
          e);
    }
  }

  /** Table names first, then views, each in name order. */
  static List<String> relations(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                    + " ORDER BY table_type, table_name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static void copy(Connection c, String relation, Path file, String options)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM "
              + TableSpec.quote(relation)
              + ") TO '"
              + file.toAbsolutePath().toString().replace("'", "''")
              + "' ("
              + options
              + ")");
    }
  }

  private static void arrow(Connection c, String relation, Path file)
      throws SQLException, IOException {
    try (BufferAllocator allocator = new RootAllocator();
        Statement s = c.createStatement();
        DuckDBResultSet rs =
            (DuckDBResultSet) s.executeQuery("SELECT * FROM " + TableSpec.quote(relation));
        ArrowReader reader = (ArrowReader) rs.arrowExportStream(allocator, ARROW_BATCH_ROWS);
        FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      try (ArrowFileWriter writer = new ArrowFileWriter(root, null, channel)) {
        writer.start();
        while (reader.loadNextBatch()) {
          writer.writeBatch();
        }
        writer.end();
      }
    }
  }
}
