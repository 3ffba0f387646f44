package hyoka.warehouse;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.SqlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The DuckDB warehouse in a data directory ({@code dataDir/warehouse.duckdb}).
 *
 * <p>DuckDB lets no other process open a database file while one process has it open for writing,
 * not even read-only. So the live file is never opened for writing: {@link #publish} copies it to a
 * staging file, loads the run into the copy in one transaction, checkpoints, fsyncs and renames the
 * copy over the live file. Readers ({@link #openReadOnly}, {@link #query}) open only the live file,
 * read-only, and see either the state before the run or after it.
 */
public final class Warehouse {
  public static final String DB_FILE = "warehouse.duckdb";
  private static final String STAGING_FILE = "warehouse.staging.duckdb";
  private static final String LOCK_FILE = ".publish.lock";

  /** Measured faster than the Appender: docs/schema.md, "Loading: Arrow vs Appender". */
  private static final ShardLoader LOADER = ShardLoader.ARROW_STREAM;

  private final Path dataDir;

  public Warehouse(Path dataDir) {
    this.dataDir = dataDir.toAbsolutePath();
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path dbFile() {
    return dataDir.resolve(DB_FILE);
  }

  public boolean exists() {
    return Files.isRegularFile(dbFile());
  }

  /** sha256 → report_id of every report held (superseded ones too); empty when there is no db. */
  public Map<String, String> knownSha256() {
    if (!exists()) {
      return new LinkedHashMap<>();
    }
    return new LinkedHashMap<>(held().sha256ToReportId());
  }

  /**
   * sha256 → the parser version that made the report of every report held ({@code
   * reports.parser_version}); the value is null where that is unknown (a report stored by a hyoka
   * before parser versions). Empty when there is no db.
   */
  public Map<String, String> parserVersions() {
    if (!exists()) {
      return new LinkedHashMap<>();
    }
    return new LinkedHashMap<>(held().sha256ToParserVersion());
  }

  /**
   * sha256 → series of the held reports of {@code sha256s}, from the database: a re-parse files a
   * report where it was filed.
   */
  public Map<String, String> seriesOf(java.util.Collection<String> sha256s) {
    Map<String, String> out = new HashMap<>();
    if (sha256s.isEmpty() || !exists()) {
      return out;
    }
    try (Connection c = openReadOnly();
        PreparedStatement p =
            c.prepareStatement("SELECT series FROM reports WHERE sha256 = ? ORDER BY report_id")) {
      for (String sha : sha256s) {
        p.setString(1, sha);
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next()) {
            out.put(sha, rs.getString(1));
          }
        }
      }
    } catch (SQLException e) {
      throw error("cannot read the series of held reports of " + dbFile(), e);
    }
    return out;
  }

  /** The id of the last published run; 0 when none. */
  public long lastRunId() {
    return exists() ? held().lastRunId() : 0;
  }

  /** From the re-run cache when it describes the database as it is, else from the database. */
  private HeldReports.Held held() {
    return HeldReports.read(dbFile()).orElseGet(this::heldFromDatabase);
  }

  private HeldReports.Held heldFromDatabase() {
    Map<String, String> known = new LinkedHashMap<>();
    Map<String, String> versions = new LinkedHashMap<>();
    try (Connection c = openReadOnly();
        Statement s = c.createStatement()) {
      // A warehouse of a hyoka before parser versions has no such column: every report's version
      // is unknown, so every report is read again (and the publish adds the column).
      boolean versioned;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM information_schema.columns WHERE table_name = 'reports'"
                  + " AND column_name = 'parser_version' AND table_schema = current_schema()")) {
        rs.next();
        versioned = rs.getLong(1) > 0;
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT sha256, report_id, "
                  + (versioned ? "parser_version" : "NULL")
                  + " FROM reports ORDER BY report_id")) {
        while (rs.next()) {
          known.put(rs.getString(1), rs.getString(2));
          versions.put(rs.getString(1), rs.getString(3));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT coalesce(max(run_id), 0) FROM runs")) {
        rs.next();
        return new HeldReports.Held(rs.getLong(1), known, versions);
      }
    } catch (SQLException e) {
      throw error("cannot read reports and runs of " + dbFile(), e);
    }
  }

  /** {@link #openReadOnly(FileAccess) openReadOnly(FileAccess.NONE)}: the warehouse, no files. */
  public Connection openReadOnly() {
    return openReadOnly(FileAccess.NONE);
  }

  /**
   * A locked-down read-only connection to the last published state, for running anyone's SQL:
   * nothing run on it can write a file or change a setting, and it reads no file but the warehouse
   * and those {@code files} names (read into temporary tables before the lock; see {@link
   * FileAccess}). Enforced by DuckDB itself: the database is opened read-only, {@code
   * enable_external_access} is off (no COPY TO, EXPORT, ATTACH, INSTALL/LOAD, or file read), {@code
   * lock_configuration} is on (no SET, RESET or setting PRAGMA), and there is no temporary
   * directory, so nothing spills to disk (a query that needs more than DuckDB's memory limit fails
   * with an out-of-memory error). Temporary tables and views, held in memory, work as usual. Never
   * blocked by a running publish.
   *
   * @throws HyokaException NO_WAREHOUSE when nothing has been published to the data directory;
   *     BAD_ARGUMENT when a file of {@code files} cannot be read or its name is taken
   */
  public Connection openReadOnly(FileAccess files) {
    return openReadOnly(files, null);
  }

  /**
   * {@link #openReadOnly(FileAccess)} with DuckDB's memory limit of the database instance set to
   * {@code memory} (null: DuckDB's default, 80% of the machine's memory). Set when the instance is
   * opened, since the lock forbids SET afterwards; connections {@link
   * org.duckdb.DuckDBConnection#duplicate duplicated} from this one share the instance and its
   * limit (hyoka serve).
   */
  public Connection openReadOnly(FileAccess files, MemoryLimit memory) {
    return openReadOnly(files, memory, false);
  }

  /**
   * {@link #openReadOnly(FileAccess, MemoryLimit)}, and with {@code streaming} DuckDB's results on
   * it are streamed ({@code jdbc_stream_results}): a query's rows are produced as its {@link
   * ResultSet} is read instead of all while the statement executes, so neither DuckDB nor the
   * reader holds the whole result ({@link #stream}). What that costs: a query may fail after rows
   * were read (DuckDB meets the error when it gets there), and a result is only readable until the
   * next statement runs on the connection. {@code hyoka sql} reads this way; a row cap or a time
   * limit ({@link QueryLimits}, hyoka serve) wants the result materialised, so not there.
   */
  public Connection openReadOnly(FileAccess files, MemoryLimit memory, boolean streaming) {
    boolean load = !files.tables().isEmpty();
    Connection c = open(!load, memory, streaming);
    try {
      if (load) {
        loadTables(c, files);
        lock(c, List.of());
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      closeAfter(c, e);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw error("cannot lock the connection to " + dbFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * A read-only connection that may write files below {@code dir} and nowhere else (the exporter's
   * staging directory). Its statements are hyoka's own; the lock is a second line of defence.
   */
  Connection openWritingInto(Path dir) {
    Connection c = open(false, null, false);
    try {
      lock(c, List.of(dir));
      return c;
    } catch (SQLException e) {
      closeAfter(c, e);
      throw error("cannot lock the connection to " + dbFile() + ": " + e.getMessage(), e);
    }
  }

  private Connection open(boolean locked, MemoryLimit memory, boolean streaming) {
    if (!exists()) {
      throw new HyokaException(
          ErrorCode.NO_WAREHOUSE, "no warehouse in " + dataDir + ": run hyoka ingest first");
    }
    return openReadOnly(dbFile(), locked, memory, streaming);
  }

  private static Connection openReadOnly(Path file, boolean locked) {
    return openReadOnly(file, locked, null, false);
  }

  private static Connection openReadOnly(
      Path file, boolean locked, MemoryLimit memory, boolean streaming) {
    DuckDbLibrary.check();
    Properties props = new Properties();
    props.setProperty("duckdb.read_only", "true");
    props.setProperty("jdbc_instance_cache", "false");
    // DuckDB's default temporary directory is warehouse.duckdb.tmp inside the data directory, and
    // DuckDB lets SQL write into its temporary directory even with external access off (COPY TO
    // into it succeeds): so none. The warehouse fits in memory many times over.
    props.setProperty("temp_directory", "");
    // Never download or load extension code from ~/.duckdb: JSON and Parquet are built in.
    props.setProperty("autoinstall_known_extensions", "false");
    props.setProperty("autoload_known_extensions", "false");
    props.setProperty("allow_community_extensions", "false");
    props.setProperty("allow_persistent_secrets", "false");
    if (memory != null) {
      props.setProperty("memory_limit", memory.setting());
    }
    if (streaming) {
      props.setProperty("jdbc_stream_results", "true");
    }
    if (locked) {
      props.setProperty("enable_external_access", "false");
      props.setProperty("lock_configuration", "true");
    }
    try {
      return DriverManager.getConnection("jdbc:duckdb:" + file, props);
    } catch (SQLException e) {
      // DuckDB's reason (not a database file, written by a newer DuckDB, …) is the useful part.
      throw error("cannot open " + file + " read-only: " + oneLine(e.getMessage()), e);
    }
  }

  /** Switches file access off (but for {@code writableDirs}) and locks every setting. */
  private static void lock(Connection c, List<Path> writableDirs) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (!writableDirs.isEmpty()) {
        List<String> dirs = new ArrayList<>();
        for (Path d : writableDirs) {
          dirs.add(literal(d.toAbsolutePath() + "/"));
        }
        s.execute("SET allowed_directories = [" + String.join(", ", dirs) + "]");
      }
      s.execute("SET enable_external_access = false");
      s.execute("SET lock_configuration = true");
    }
  }

  private void loadTables(Connection c, FileAccess files) throws SQLException {
    Set<String> taken = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables")) {
      while (rs.next()) {
        taken.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (Map.Entry<String, Path> t : files.tables().entrySet()) {
      String name = t.getKey();
      if (taken.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        throw new HyokaException(
            ErrorCode.BAD_ARGUMENT,
            "table name '" + name + "' is a table or view of the warehouse: choose another");
      }
      Path file = FileAccess.checkedFile(name, t.getValue());
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TEMP TABLE "
                + TableSpec.quote(name)
                + " AS SELECT * FROM "
                + FileAccess.reader(file)
                + "("
                + literal(file.toString())
                + ")");
      } catch (SQLException e) {
        throw new HyokaException(
            ErrorCode.BAD_ARGUMENT,
            "cannot read table " + name + " from " + file + ": " + oneLine(e.getMessage()),
            e);
      }
    }
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static void closeAfter(Connection c, Exception failure) {
    try {
      c.close();
    } catch (SQLException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /**
   * Runs {@code sql} on a read-only connection.
   *
   * @throws HyokaException BAD_QUERY with DuckDB's first message line when the SQL fails
   */
  public QueryResult query(String sql) {
    try (Connection c = openReadOnly()) {
      return query(c, sql);
    } catch (SQLException e) {
      throw error("cannot close " + dbFile(), e);
    }
  }

  /** Runs {@code sql} on {@code connection}; failures are BAD_QUERY. */
  public static QueryResult query(Connection connection, String sql) {
    try (Statement s = connection.createStatement()) {
      return query(s, sql);
    } catch (SQLException e) {
      throw new HyokaException(ErrorCode.BAD_QUERY, oneLine(e.getMessage()), e);
    }
  }

  /**
   * Runs {@code sql} on the caller's {@code statement}, which another thread may {@link
   * Statement#cancel cancel} (Ctrl-C at the prompt); every row, no time limit. Failures are
   * BAD_QUERY.
   */
  public static QueryResult query(Statement s, String sql) {
    return query(s, sql, QueryLimits.NONE);
  }

  /**
   * Runs {@code sql} on the caller's {@code statement} within {@code limits}: the first {@code
   * maxRows} rows are read, and a result with more is marked {@link QueryResult#truncated()} (one
   * row more is looked at to know); a statement still running after the time limit is cancelled by
   * DuckDB's driver. Another thread may {@link Statement#cancel cancel} the statement too.
   *
   * @throws HyokaException BAD_QUERY with DuckDB's first message line when the SQL fails, and
   *     {@code the query was stopped after N s, its time limit: …} when the limit stopped it
   */
  public static QueryResult query(Statement s, String sql, QueryLimits limits) {
    Collector rows = new Collector();
    boolean truncated;
    try {
      truncated = read(s, sql, limits, limits.maxRows(), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a Collector writes nothing
    }
    return new QueryResult(rows.columns, rows.types, rows.rows, truncated);
  }

  /**
   * Runs {@code sql} on the caller's {@code statement} and hands every row to {@code sink} as it is
   * read: the result is never held here. On a connection {@link #openReadOnly(FileAccess,
   * MemoryLimit, boolean) opened streaming} DuckDB produces the rows as they are read too, and a
   * query can then fail after {@code sink} has had rows (its {@link RowSink#end end} never comes).
   * Another thread may {@link Statement#cancel cancel} the statement. No row cap, no time limit.
   *
   * @throws HyokaException BAD_QUERY with DuckDB's first message line when the SQL fails
   * @throws IOException when {@code sink} throws it; the query is then not read further
   */
  public static void stream(Statement s, String sql, RowSink sink) throws IOException {
    read(s, sql, QueryLimits.NONE, Long.MAX_VALUE, sink);
  }

  /** The rows of a query, held: what {@link #query(Statement, String, QueryLimits)} returns. */
  private static final class Collector implements RowSink {
    List<String> columns = List.of();
    List<String> types = List.of();
    final List<List<Object>> rows = new ArrayList<>();

    @Override
    public void columns(List<String> names, List<String> types) {
      this.columns = names;
      this.types = types;
    }

    @Override
    public void row(List<Object> values) {
      rows.add(values);
    }

    @Override
    public void end() {}
  }

  /**
   * The one reading of a query's rows: at most {@code maxRows} go to {@code sink}.
   *
   * @return whether the query had more rows than {@code maxRows} (one row more is looked at)
   */
  private static boolean read(
      Statement s, String sql, QueryLimits limits, long maxRows, RowSink sink) throws IOException {
    refuseNoOps(sql);
    int nul = sql.indexOf('\0');
    if (nul >= 0) {
      // DuckDB's JDBC driver passes SQL as a C string: it would run only what comes before.
      throw new HyokaException(
          ErrorCode.BAD_QUERY,
          "the query holds a NUL character (U+0000) at offset "
              + nul
              + ": DuckDB would run only the text before it");
    }
    long started = System.nanoTime();
    try {
      if (limits.timeoutSeconds() > 0) {
        s.setQueryTimeout(limits.timeoutSeconds());
      }
      if (!s.execute(sql)) {
        sink.columns(List.of(), List.of());
        sink.end();
        return false;
      }
      try (ResultSet rs = s.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        List<String> types = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          columns.add(md.getColumnLabel(i));
          types.add(md.getColumnTypeName(i));
        }
        sink.columns(List.copyOf(columns), List.copyOf(types));
        long read = 0;
        long chars = 0;
        boolean sized = limits.maxChars() != Long.MAX_VALUE;
        while (rs.next()) {
          if (read == maxRows) {
            return true;
          }
          List<Object> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            Object value = SqlValues.javaValue(rs.getObject(i));
            if (sized) {
              chars += chars(value);
              if (chars > limits.maxChars()) {
                throw new HyokaException(
                    ErrorCode.BAD_QUERY,
                    "the result holds more than "
                        + limits.maxChars()
                        + " characters of text (at row "
                        + (read + 1)
                        + "), the most read here: select fewer or shorter columns or fewer"
                        + " rows, or use hyoka sql or hyoka export");
              }
            }
            row.add(value);
          }
          sink.row(row);
          read++;
        }
        sink.end();
        return false;
      }
    } catch (SQLException e) {
      long seconds = limits.timeoutSeconds();
      // DuckDB's driver says SQLTimeoutException for any cancel: the clock tells the limit's.
      if (seconds > 0
          && e instanceof SQLTimeoutException
          && System.nanoTime() - started >= seconds * 1_000_000_000L) {
        throw new HyokaException(
            ErrorCode.BAD_QUERY,
            "the query was stopped after "
                + seconds
                + " s, its time limit: narrow it (hyoka sql has no time limit)",
            e);
      }
      throw new HyokaException(ErrorCode.BAD_QUERY, oneLine(e.getMessage()), e);
    }
  }

  /**
   * A value's size for {@link QueryLimits#maxChars()}: a text's characters, a number's or date's 8,
   * anything else its printed text's characters.
   */
  private static long chars(Object v) {
    if (v instanceof CharSequence t) {
      return t.length();
    }
    if (v instanceof byte[] b) {
      return b.length;
    }
    if (v instanceof java.util.Collection<?> items) {
      long n = 1;
      for (Object item : items) {
        n += chars(item);
      }
      return n;
    }
    if (v instanceof java.util.Map<?, ?> map) {
      long n = 1;
      for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
        n += chars(e.getKey()) + chars(e.getValue());
      }
      return n;
    }
    if (v == null
        || v instanceof Number
        || v instanceof Boolean
        || v instanceof java.time.temporal.Temporal) {
      return 8;
    }
    // a STRUCT, a MAP or whatever else DuckDB's driver returns: the page shows its printed text
    return String.valueOf(v).length();
  }

  /**
   * Every table, view and column name {@code connection} sees, temporary ones included, sorted and
   * distinct: what a prompt or a notebook completes.
   */
  public static List<String> catalogNames(Connection connection) throws SQLException {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables"
                    + " UNION SELECT column_name FROM information_schema.columns")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return List.copyOf(names);
  }

  /**
   * CHECKPOINT and VACUUM do nothing on a read-only database, and DuckDB accepts them without a
   * word: a researcher would take that for a compacted warehouse. Only a message: what guarantees
   * that nothing is written is the read-only, locked connection, not this look at the first word.
   */
  private static void refuseNoOps(String sql) {
    for (String statement : SqlText.statements(sql)) {
      String word = SqlText.firstWord(statement);
      if (word.equals("CHECKPOINT") || word.equals("VACUUM") || word.equals("FORCE")) {
        throw new HyokaException(
            ErrorCode.BAD_QUERY,
            (word.equals("FORCE") ? "FORCE CHECKPOINT" : word)
                + " does nothing here: the warehouse is opened read-only"
                + " (hyoka ingest checkpoints every run it publishes)");
      }
    }
  }

  static String oneLine(String message) {
    if (message == null) {
      return "query failed";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }

  /**
   * Publishes the reports in {@code shardDirs} as one run: every new report's rows are loaded, an
   * older report of the same series and fiscal year is marked superseded, content already held is
   * skipped, and a {@code runs} row (with the rejections of {@code stats}) is written. Readers see
   * all of it or none of it.
   *
   * @throws HyokaException DATA_DIR_LOCKED when another publish to the same directory is running
   */
  public PublishResult publish(List<Path> shardDirs, RunStats stats) {
    return publish(shardDirs, stats, (staging, runId, file) -> {});
  }

  /**
   * What must happen between loading a run and making it live: the search index is built from the
   * staging database here, so that a reader never sees the warehouse of one run with the index of
   * another (the index commit records the run; readers open the commit of the run they read).
   */
  @FunctionalInterface
  public interface BeforeLive {
    /**
     * Called with a read-only connection to the fully loaded staging database, the run's id and the
     * staging file itself. The file is complete (checkpointed, no WAL, fsynced) and nothing writes
     * it any more: it is renamed as it is over the live file after this returns (a rename keeps its
     * inode, size and modification time), and read-only connections never write it. A failure
     * aborts the publish: the live warehouse stays as it was.
     */
    void accept(Connection staging, long runId, Path stagingFile) throws Exception;
  }

  /**
   * {@link #publish(List, RunStats)}, calling {@code beforeLive} once the run is loaded and
   * checkpointed in the staging copy and before the copy is renamed over the live file.
   */
  public PublishResult publish(List<Path> shardDirs, RunStats stats, BeforeLive beforeLive) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw error("cannot create " + dataDir, e);
    }
    Path lockFile = dataDir.resolve(LOCK_FILE);
    try (FileChannel lockChannel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new HyokaException(
            ErrorCode.DATA_DIR_LOCKED,
            "another ingest is publishing to " + dataDir + "; try again when it ends");
      }
      try {
        return publishLocked(shardDirs, stats, beforeLive);
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw error("cannot publish to " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private PublishResult publishLocked(List<Path> shardDirs, RunStats stats, BeforeLive beforeLive)
      throws IOException {
    Path staging = dataDir.resolve(STAGING_FILE);
    Path stagingWal = dataDir.resolve(STAGING_FILE + ".wal");
    Files.deleteIfExists(staging);
    Files.deleteIfExists(stagingWal);
    List<ShardReport> shards = new ArrayList<>();
    for (Path dir : shardDirs) {
      shards.add(identity(dir));
    }
    // Later files of one series and fiscal year supersede earlier ones: order by ingest time.
    shards.sort(
        Comparator.comparing(ShardReport::ingestedAt)
            .thenComparing(ShardReport::sourceFile)
            .thenComparing(ShardReport::sha256));
    try {
      if (exists()) {
        Files.copy(dbFile(), staging, StandardCopyOption.COPY_ATTRIBUTES);
      }
      PublishResult result;
      DuckDbLibrary.check();
      try (Connection c =
          DriverManager.getConnection("jdbc:duckdb:" + staging, writeProperties())) {
        result = load(c, shards, stats);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("CHECKPOINT");
        }
      }
      if (Files.exists(stagingWal)) {
        throw new IOException("the staging database kept a WAL after CHECKPOINT: " + stagingWal);
      }
      try (FileChannel ch = FileChannel.open(staging, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      // the index is built from what goes live, on a connection as locked as a reader's
      try (Connection c = openReadOnly(staging, true)) {
        beforeLive.accept(c, result.runId(), staging);
      } catch (HyokaException e) {
        throw e;
      } catch (Exception e) {
        throw error("publish to " + dbFile() + " failed before going live: " + e, e);
      }
      Files.move(
          staging, dbFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      fsyncDirectory(dataDir);
      writeHeldReports();
      return result;
    } catch (SQLException | IOException e) {
      throw error("publish to " + dbFile() + " failed: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(staging);
      Files.deleteIfExists(stagingWal);
    }
  }

  /**
   * Refreshes the no-op re-run cache. Best effort: the run is already published, and a missing or
   * stale cache only sends readers to DuckDB.
   */
  private void writeHeldReports() {
    try {
      HeldReports.write(dbFile(), heldFromDatabase());
    } catch (IOException | HyokaException e) {
      try {
        Files.deleteIfExists(dataDir.resolve(HeldReports.FILE));
      } catch (IOException ignored) {
        // the stamp in a leftover cache no longer matches the database: it is not trusted
      }
    }
  }

  private static Properties writeProperties() {
    Properties props = new Properties();
    // A cached instance of an earlier staging file must never be handed back.
    props.setProperty("jdbc_instance_cache", "false");
    // Each table arrives as one Arrow stream, which DuckDB can only read one batch at a time: a
    // second thread mostly waits for the stream's lock. One thread loaded 100 reports with about
    // half the CPU of two and no more wall time (PublishBench).
    props.setProperty("threads", "1");
    return props;
  }

  private static ShardReport identity(Path shardDir) {
    try {
      return ReportShard.identity(shardDir);
    } catch (RuntimeException e) {
      throw shardError(shardDir, e);
    }
  }

  private static HyokaException shardError(Path shardDir, Exception e) {
    if (e instanceof HyokaException h) {
      return h;
    }
    return new HyokaException(
        ErrorCode.WAREHOUSE_ERROR,
        oneLine(
            "cannot load shard "
                + shardDir
                + ": "
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage()),
        e);
  }

  private PublishResult load(Connection c, List<ShardReport> shards, RunStats stats)
      throws SQLException {
    c.setAutoCommit(false);
    try {
      Schema.create(c);
      long runId;
      Map<String, String> known = new HashMap<>();
      try (Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT coalesce(max(run_id), 0) + 1 FROM runs")) {
          rs.next();
          runId = rs.getLong(1);
        }
        try (ResultSet rs = s.executeQuery("SELECT sha256, report_id FROM reports")) {
          while (rs.next()) {
            known.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      // Which reports are current per series, fiscal year and layout, kept up to date in memory as
      // the run's reports are placed in order: every table is then loaded with one statement. The
      // layout is part of the key because a city's evaluation sheets and its report of the same
      // year are two publications, both current; a new file corrects only one of its own layout.
      Map<List<Object>, List<String>> current = currentReports(c);
      List<PublishResult.Outcome> outcomes = new ArrayList<>();
      List<Path> toLoad = new ArrayList<>();
      Map<String, String> supersededBy = new LinkedHashMap<>();
      Set<String> loaded = new HashSet<>();
      List<String> reparsed = new ArrayList<>();
      for (ShardReport shard : shards) {
        if (known.containsKey(shard.sha256())
            && stats.reparse().contains(shard.sha256())
            && loaded.add(shard.sha256())) {
          // Read again by another parser version: the held rows make way for the shard's (same
          // content, same report_id), which keep the held report's place in its series.
          reparsed.add(known.get(shard.sha256()));
          toLoad.add(shard.shardDir());
          outcomes.add(
              new PublishResult.Outcome(
                  shard.reportId(), shard.sourceFile(), PublishResult.Status.REPARSED, null));
          continue;
        }
        if (known.containsKey(shard.sha256()) || !loaded.add(shard.sha256())) {
          outcomes.add(
              new PublishResult.Outcome(
                  shard.reportId(), shard.sourceFile(), PublishResult.Status.UNCHANGED, null));
          continue;
        }
        List<Object> key = List.of(shard.series(), shard.fiscalYear(), shard.layout());
        List<String> older = current.getOrDefault(key, List.of());
        current.put(key, List.of(shard.reportId()));
        older.forEach(old -> supersededBy.put(old, shard.reportId()));
        toLoad.add(shard.shardDir());
        // One file normally replaces one; should several be current, all are replaced. Which it
        // replaced is told once the chains are final (asChained).
        outcomes.add(
            new PublishResult.Outcome(
                shard.reportId(), shard.sourceFile(), PublishResult.Status.ADDED, null));
      }
      removeReparsed(c, reparsed);
      if (!toLoad.isEmpty()) {
        try (BufferAllocator allocator = new RootAllocator()) {
          for (TableSpec table : Tables.SHARD_TABLES) {
            try {
              LOADER.loadAll(c, allocator, table, toLoad, runId);
            } catch (ShardLoader.ShardException e) {
              throw shardError(e.shardDir(), (Exception) e.getCause());
            } catch (IOException e) {
              throw error("cannot load the shards of " + table.name() + ": " + e.getMessage(), e);
            }
          }
        }
      }
      Set<List<Object>> moved = restoreReparsed(c, reparsed);
      supersede(c, supersededBy);
      rechain(c, moved);
      // What each added report superseded is read back from the chains as the run leaves them:
      // a re-parse that read another fiscal year rebuilt chains after the run's reports were
      // placed against the reports current when it began, and may have moved a report out of a
      // new file's year or into it.
      outcomes = asChained(c, outcomes, runId);
      if (stats.parserVersion() != null) {
        try (PreparedStatement p =
            c.prepareStatement("UPDATE reports SET parser_version = ? WHERE run_id = ?")) {
          p.setString(1, stats.parserVersion());
          p.setLong(2, runId);
          p.executeUpdate();
        }
      }
      int superseded = 0;
      for (PublishResult.Outcome o : outcomes) {
        if (o.supersededReportId() != null) {
          superseded += o.supersededReportId().split(",").length;
        }
      }
      PublishResult result = new PublishResult(runId, outcomes);
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO runs (run_id, started_at, finished_at, files_added, files_superseded,"
                  + " files_unchanged, files_rejected, files_reparsed)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setLong(1, runId);
        p.setObject(2, utc(stats.startedAt()));
        p.setObject(3, utc(Instant.now()));
        p.setInt(4, (int) result.added());
        p.setInt(5, superseded);
        p.setInt(6, stats.filesUnchanged() + (int) result.unchanged());
        p.setInt(7, stats.rejections().size());
        p.setInt(8, (int) result.reparsed());
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO rejections VALUES (?, ?, ?)")) {
        for (RunStats.Rejection r : stats.rejections()) {
          p.setLong(1, runId);
          p.setString(2, r.sourceFile());
          p.setString(3, r.reason());
          p.executeUpdate();
        }
      }
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static java.time.LocalDateTime utc(Instant instant) {
    return java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * Sets {@code superseded_by} (value) of the reports (keys), 1000 in one statement: 100 copies of
   * a report in one series supersede 99 of them, and 99 single-row updates cost more than the
   * supersession is worth.
   */
  private static void supersede(Connection c, Map<String, String> supersededBy)
      throws SQLException {
    List<Map.Entry<String, String>> pairs = new ArrayList<>(supersededBy.entrySet());
    // Chunks keep the statement and its parameter count moderate in a run of many files.
    for (int from = 0; from < pairs.size(); from += 1000) {
      List<Map.Entry<String, String>> chunk =
          pairs.subList(from, Math.min(pairs.size(), from + 1000));
      String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?)"));
      try (PreparedStatement p =
          c.prepareStatement(
              "UPDATE reports SET superseded_by = s.newer FROM (VALUES "
                  + values
                  + ") AS s(older, newer) WHERE reports.report_id = s.older")) {
        int i = 1;
        for (Map.Entry<String, String> e : chunk) {
          p.setString(i++, e.getKey());
          p.setString(i++, e.getValue());
        }
        p.executeUpdate();
      }
    }
  }

  /**
   * {@code outcomes} with the superseded reports of each added one as the reports table holds them
   * now (by report_id, comma-separated; null when it superseded none).
   */
  private static List<PublishResult.Outcome> asChained(
      Connection c, List<PublishResult.Outcome> outcomes, long runId) throws SQLException {
    Map<String, List<String>> older = new HashMap<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT o.superseded_by, o.report_id FROM reports o JOIN reports n"
                + " ON n.report_id = o.superseded_by WHERE n.run_id = ? ORDER BY o.report_id")) {
      p.setLong(1, runId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          older.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    List<PublishResult.Outcome> out = new ArrayList<>();
    for (PublishResult.Outcome o : outcomes) {
      List<String> ids = older.get(o.reportId());
      out.add(
          o.status() != PublishResult.Status.ADDED
              ? o
              : new PublishResult.Outcome(
                  o.reportId(),
                  o.sourceFile(),
                  o.status(),
                  ids == null ? null : String.join(",", ids)));
    }
    return out;
  }

  /**
   * Deletes every row of the held reports {@code reportIds} (report ids are hex digits), keeping
   * what the re-parsed report takes over from its held one in the temporary table {@code
   * reparse_old}: when it was first read and what superseded it.
   */
  private static void removeReparsed(Connection c, List<String> reportIds) throws SQLException {
    if (reportIds.isEmpty()) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE reparse_old (report_id VARCHAR, series VARCHAR, fiscal_year INTEGER,"
              + " layout VARCHAR, ingested_at TIMESTAMP, superseded_by VARCHAR)");
      for (int from = 0; from < reportIds.size(); from += 1000) {
        String in = idList(reportIds.subList(from, Math.min(reportIds.size(), from + 1000)));
        s.execute(
            "INSERT INTO reparse_old SELECT report_id, series, fiscal_year, layout, ingested_at,"
                + " superseded_by FROM reports WHERE report_id IN ("
                + in
                + ")");
        for (TableSpec table : Tables.SHARD_TABLES) {
          s.execute("DELETE FROM " + table.name() + " WHERE report_id IN (" + in + ")");
        }
      }
    }
  }

  /**
   * Gives each re-parsed report what its held one had: the time it was first read and, when it is
   * still of the same series, fiscal year and layout, its superseded_by (the reports it superseded
   * still name its report_id). Returns the (series, fiscal_year, layout) keys whose members changed
   * because a re-parse read another fiscal year or layout: both the old and the new key.
   */
  private static Set<List<Object>> restoreReparsed(Connection c, List<String> reportIds)
      throws SQLException {
    Set<List<Object>> moved = new java.util.LinkedHashSet<>();
    if (reportIds.isEmpty()) {
      return moved;
    }
    String same =
        "o.series IS NOT DISTINCT FROM r.series AND o.fiscal_year IS NOT DISTINCT FROM"
            + " r.fiscal_year AND o.layout IS NOT DISTINCT FROM r.layout";
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT o.series, o.fiscal_year, o.layout, r.series, r.fiscal_year, r.layout"
                  + " FROM reparse_old o JOIN reports r ON r.report_id = o.report_id WHERE NOT ("
                  + same
                  + ")")) {
        while (rs.next()) {
          for (int i = 1; i <= 4; i += 3) {
            String series = rs.getString(i);
            int year = rs.getInt(i + 1);
            boolean hasYear = !rs.wasNull();
            String layout = rs.getString(i + 2);
            if (series != null && hasYear && layout != null) {
              moved.add(List.of(series, year, layout));
            }
          }
        }
      }
      s.execute(
          "UPDATE reports SET ingested_at = o.ingested_at, superseded_by = CASE WHEN "
              + same.replace("r.", "reports.")
              + " THEN o.superseded_by ELSE NULL END FROM reparse_old o"
              + " WHERE reports.report_id = o.report_id");
      s.execute("DROP TABLE reparse_old");
    }
    return moved;
  }

  /**
   * Rebuilds the supersession chain of each key: its reports in the order they came in (as publish
   * orders them), each superseded by the next. Only for keys a re-parse moved a report out of or
   * into; every other chain is as publish left it.
   */
  private static void rechain(Connection c, Set<List<Object>> keys) throws SQLException {
    for (List<Object> key : keys) {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT report_id FROM reports WHERE series = ? AND fiscal_year = ? AND layout = ?"
                  + " ORDER BY ingested_at, source_file, sha256")) {
        p.setString(1, (String) key.get(0));
        p.setInt(2, (Integer) key.get(1));
        p.setString(3, (String) key.get(2));
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      try (PreparedStatement p =
          c.prepareStatement("UPDATE reports SET superseded_by = ? WHERE report_id = ?")) {
        for (int i = 0; i < ids.size(); i++) {
          p.setString(1, i + 1 < ids.size() ? ids.get(i + 1) : null);
          p.setString(2, ids.get(i));
          p.executeUpdate();
        }
      }
    }
  }

  private static String idList(List<String> reportIds) {
    List<String> quoted = new ArrayList<>();
    for (String id : reportIds) {
      if (!id.matches("[0-9a-f]+")) {
        throw new IllegalArgumentException("not a report id: " + id);
      }
      quoted.add("'" + id + "'");
    }
    return String.join(", ", quoted);
  }

  /** (series, fiscal_year, layout) → the current reports of it, by report_id. */
  private static Map<List<Object>, List<String>> currentReports(Connection c) throws SQLException {
    Map<List<Object>, List<String>> current = new HashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT series, fiscal_year, layout, report_id FROM reports"
                    + " WHERE superseded_by IS NULL AND series IS NOT NULL"
                    + " AND fiscal_year IS NOT NULL AND layout IS NOT NULL ORDER BY report_id")) {
      while (rs.next()) {
        current
            .computeIfAbsent(
                List.of(rs.getString(1), rs.getInt(2), rs.getString(3)), k -> new ArrayList<>())
            .add(rs.getString(4));
      }
    }
    return current;
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot fsync a directory; the rename itself is still atomic.
    }
  }

  private static HyokaException error(String message, Exception cause) {
    return new HyokaException(ErrorCode.WAREHOUSE_ERROR, oneLine(message), cause);
  }
}
