package hyoka.warehouse;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 *
 * <p>No cut or half-replaced file is ever left under a final name: every file is written into a
 * fresh staging directory inside {@code OUT_DIR} (same file system), fsynced, and only when all of
 * them are complete renamed into place; a failure (a full disk) removes the staging directory and
 * leaves {@code OUT_DIR} as it was. Existing files are replaced only when asked ({@code force}).
 * The connection may write only into the staging directory.
 */
public final class Exporter {
  private static final long ARROW_BATCH_ROWS = 8192;
  static final String STAGING_PREFIX = ".hyoka-export-";

  /** Called after each file is complete in the staging directory; tests inject failures here. */
  interface Written {
    void file(Path staged) throws IOException;
  }

  private final Warehouse warehouse;
  private final Written written;

  public Exporter(Warehouse warehouse) {
    this(warehouse, staged -> {});
  }

  Exporter(Warehouse warehouse, Written written) {
    this.warehouse = warehouse;
    this.written = written;
  }

  /**
   * Exports every table and view.
   *
   * @param force replace files of the same names in {@code outDir}
   * @return the files written, in table-then-view order
   * @throws HyokaException BAD_ARGUMENT when {@code outDir} is a file, already holds one of the
   *     files (without {@code force}) or cannot be written (no permission, a full disk)
   */
  public List<Path> export(Path outDir, ExportFormat format, boolean force) {
    Path dir = outDir.toAbsolutePath();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw bad(outDir + " is a file: name a directory to export into");
    }
    if (real(dir).startsWith(real(warehouse.dataDir()))) {
      throw bad(
          outDir
              + " is inside the data directory "
              + warehouse.dataDir()
              + ", which hyoka manages: export into a folder of its own");
    }
    boolean created = !Files.exists(dir);
    Path staging;
    try {
      Files.createDirectories(dir);
      staging = Files.createTempDirectory(dir, STAGING_PREFIX);
    } catch (IOException e) {
      throw bad("cannot write to " + outDir + ": " + describe(e));
    }
    boolean done = false;
    try (Connection c = warehouse.openWritingInto(staging)) {
      List<String> names = relations(c);
      List<Path> targets = new ArrayList<>();
      for (String name : names) {
        targets.add(dir.resolve(name + "." + format.extension()));
      }
      refuseExisting(outDir, targets, force);
      for (int i = 0; i < targets.size(); i++) {
        Path file = staging.resolve(targets.get(i).getFileName());
        String name = names.get(i);
        switch (format) {
          case PARQUET -> copy(c, name, file, "FORMAT parquet");
          case CSV -> copy(c, name, file, "FORMAT csv, HEADER true");
          case ARROW -> arrow(c, name, file);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.force(true);
        }
        written.file(file);
      }
      for (Path target : targets) {
        Files.move(
            staging.resolve(target.getFileName()),
            target,
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      return targets;
    } catch (SQLException e) {
      String m = ioReason(Warehouse.oneLine(e.getMessage()));
      if (m.startsWith("IO Error")) {
        throw bad("export to " + outDir + " failed, nothing was written: " + m);
      }
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "export to " + outDir + " failed: " + m, e);
    } catch (IOException e) {
      throw bad("export to " + outDir + " failed, nothing was written: " + describe(e));
    } finally {
      ReportShard.deleteQuietly(staging);
      if (!done && created) {
        try {
          Files.deleteIfExists(dir);
        } catch (IOException e) {
          // not empty or not ours to remove: it stays
        }
      }
    }
  }

  private static void refuseExisting(Path outDir, List<Path> targets, boolean force) {
    List<String> existing = new ArrayList<>();
    for (Path t : targets) {
      if (Files.isDirectory(t)) {
        throw bad(t + " is a directory: it cannot be replaced by the export");
      }
      if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
        existing.add(t.getFileName().toString());
      }
    }
    if (!force && !existing.isEmpty()) {
      throw bad(
          outDir
              + " already holds "
              + (existing.size() == 1
                  ? existing.get(0)
                  : existing.size() + " of the files (" + existing.get(0) + ", …)")
              + ": use --force to replace them, or export into another directory");
    }
  }

  private static final java.util.regex.Pattern IO_MESSAGE =
      java.util.regex.Pattern.compile("\"exception_message\":\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * DuckDB's write errors carry the reason as JSON ({@code IO Error: Async write failed …
   * {"exception_message":"Could not write file …: No space left on device", …}}): the reason.
   */
  static String ioReason(String message) {
    java.util.regex.Matcher m = IO_MESSAGE.matcher(message);
    return m.find() ? "IO Error: " + m.group(1).replace("\\\"", "\"") : message;
  }

  /** The exception's own words; for a file-system failure, the file and the reason. */
  private static String describe(IOException e) {
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return Warehouse.oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
  }

  /**
   * {@code path} with every link resolved, as far as it exists; the rest as written (normalised),
   * so a folder still to be created compares as it will be.
   */
  private static Path real(Path path) {
    Path p = path.toAbsolutePath().normalize();
    Path rest = p.getFileSystem().getPath("");
    while (p != null) {
      try {
        return p.toRealPath().resolve(rest);
      } catch (IOException e) {
        rest = p.getFileName().resolve(rest);
        p = p.getParent();
      }
    }
    return path.toAbsolutePath().normalize();
  }

  private static HyokaException bad(String message) {
    return new HyokaException(ErrorCode.BAD_ARGUMENT, message);
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
