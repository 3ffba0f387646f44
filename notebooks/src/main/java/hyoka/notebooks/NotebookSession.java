package hyoka.notebooks;

import static java.util.Objects.requireNonNull;

import hyoka.search.SearchSql;
import hyoka.transform.HyokaException;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The state of one notebook's kernel and the evaluation of its cells, without Jupyter: the data
 * directory ({@code %data}), the last result (what {@code %chart} draws when it has no query), and
 * the statement running now (so an interrupt can cancel it). Cells run one at a time.
 *
 * <p>A cell is DuckDB SQL against the warehouse, on one read-only connection per notebook that
 * never blocks {@code hyoka ingest} (see {@link #connection()}); or a magic on its first line:
 * {@code %data [DIR]}, {@code %search …}, {@code %chart …} (with an optional query below it),
 * {@code %help}.
 */
final class NotebookSession {
  /** Rows a table shows; the rest is counted. */
  static final int SHOWN_ROWS = 100;

  private final Path cwd;
  private final TableRenderer tables = new TableRenderer(SHOWN_ROWS);
  private ChartRenderer charts;
  private Path dataDir;
  private ResultTable last;
  private volatile Statement running;
  private volatile boolean cancelled;
  private Connection connection;
  private Object connectionKey;

  NotebookSession(Path dataDir, Path cwd) {
    this.dataDir = requireNonNull(dataDir, "dataDir is null");
    this.cwd = requireNonNull(cwd, "cwd is null");
  }

  Path dataDir() {
    return dataDir;
  }

  /** Runs one cell; null when the cell is blank (nothing to show). */
  CellOutput eval(String code) {
    cancelled = false;
    String cell = code.strip();
    if (cell.isEmpty()) {
      return null;
    }
    if (!cell.startsWith("%")) {
      return sql(cell);
    }
    int nl = cell.indexOf('\n');
    String line = (nl < 0 ? cell : cell.substring(0, nl)).substring(1).strip();
    String body = nl < 0 ? "" : cell.substring(nl + 1).strip();
    int sp = firstSpace(line);
    String magic = (sp < 0 ? line : line.substring(0, sp)).toLowerCase(Locale.ROOT);
    String args = sp < 0 ? "" : line.substring(sp + 1).strip();
    return switch (magic) {
      case "data" -> data(args, body);
      case "chart" -> chart(args, body);
      case "search" -> search(args, body);
      case "help" -> CellOutput.text(HELP);
      default -> throw new UsageError("unknown magic %" + magic + "\n" + HELP);
    };
  }

  /** Completions for the word before {@code at}. */
  record Completion(List<String> matches, int start, int end) {}

  private static final List<String> MAGICS = List.of("%chart", "%data", "%help", "%search");

  /**
   * Completes the word before the cursor: a magic at the start of a cell, else the name of a table,
   * view or column of the warehouse (case-insensitive prefix), temporary ones included. Runs on the
   * cell thread like {@link #eval}, as it shares the notebook's connection.
   */
  Completion complete(String code, int at) {
    int end = Math.max(0, Math.min(at, code.length()));
    int start = end;
    while (start > 0) {
      char ch = code.charAt(start - 1);
      if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '%') {
        start--;
      } else {
        break;
      }
    }
    String prefix = code.substring(start, end).toLowerCase(Locale.ROOT);
    List<String> matches = new ArrayList<>();
    if (prefix.startsWith("%")) {
      if (code.substring(0, start).isBlank()) {
        MAGICS.stream().filter(m -> m.startsWith(prefix)).forEach(matches::add);
      }
      return new Completion(matches, start, end);
    }
    if (prefix.isEmpty() || !Files.isRegularFile(dataDir.resolve(DataDirs.WAREHOUSE_FILE))) {
      return new Completion(matches, start, end);
    }
    TreeSet<String> names = new TreeSet<>();
    try {
      for (String name : Warehouse.catalogNames(connection())) {
        if (name.toLowerCase(Locale.ROOT).startsWith(prefix)) {
          names.add(name);
        }
      }
    } catch (SQLException | HyokaException | UsageError e) {
      // No completions is the right answer when the warehouse cannot be read right now.
      return new Completion(matches, start, end);
    }
    matches.addAll(names);
    return new Completion(matches, start, end);
  }

  /** Cancels the statement running now, if any (called from the interrupt thread). */
  void cancel() {
    cancelled = true;
    Statement s = running;
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // The statement finished or its connection closed in the meantime: nothing to cancel.
      }
    }
  }

  private CellOutput data(String args, String body) {
    if (!body.isEmpty()) {
      throw new UsageError("%data takes one line: %data [DIR]");
    }
    if (!args.isEmpty()) {
      List<String> words = MagicArgs.split(args);
      if (words.size() != 1) {
        throw new UsageError("%data takes one directory: %data [DIR] (quote a path with spaces)");
      }
      String dir = words.get(0);
      Path next = cwd.resolve(dir).normalize();
      requireWarehouse(next);
      closeConnection();
      dataDir = next;
      last = null;
    }
    Path w = dataDir.resolve(DataDirs.WAREHOUSE_FILE);
    StringBuilder b = new StringBuilder();
    b.append("data directory: ").append(DataDirs.display(dataDir, cwd)).append('\n');
    b.append("warehouse: ")
        .append(Files.isRegularFile(w) ? DataDirs.WAREHOUSE_FILE : "missing (run hyoka ingest)")
        .append('\n');
    b.append("search index: ")
        .append(Files.isDirectory(dataDir.resolve("index")) ? "index/" : "missing")
        .append('\n');
    return CellOutput.text(b.toString());
  }

  private CellOutput chart(String args, String body) {
    ChartSpec spec;
    try {
      spec = ChartSpec.parse(args);
    } catch (HyokaException e) {
      throw new UsageError(e.getMessage(), e);
    }
    ResultTable t;
    if (body.isEmpty()) {
      if (last == null) {
        throw new UsageError(
            "%chart: no previous result to draw; run a query first or put one under %chart");
      }
      t = last;
    } else {
      t = query(body);
      last = t;
    }
    if (charts == null) {
      charts = new ChartRenderer();
    }
    ChartRenderer.Chart c;
    try {
      c = charts.render(t, spec);
    } catch (HyokaException e) {
      throw new UsageError(e.getMessage(), e);
    }
    return new CellOutput(c.description(), null, c.png());
  }

  private CellOutput search(String args, String body) {
    if (!body.isEmpty()) {
      throw new UsageError("%search takes one line. Usage: " + SearchMagic.USAGE);
    }
    requireWarehouse(dataDir);
    SearchMagic.Result r = SearchMagic.run(dataDir, SearchMagic.parse(args));
    last = r.hits();
    String html = tables.html(r.hits());
    return new CellOutput(
        tables.text(r.hits()) + r.facetsText() + "\n",
        html + "<p>" + TableRenderer.escape(r.facetsText()).replace("\n", "<br>") + "</p>",
        null);
  }

  private CellOutput sql(String sql) {
    ResultTable t = query(sql);
    if (t == null) {
      return CellOutput.text("OK");
    }
    last = t;
    return new CellOutput(tables.text(t), tables.html(t), null);
  }

  /** Runs one statement; null when it returns no rows (e.g. CREATE TEMP TABLE). */
  private ResultTable query(String sql) {
    requireWarehouse(dataDir);
    Connection c = connection();
    try (Statement st = c.createStatement()) {
      running = st;
      // An interrupt that came before the statement existed had nothing to cancel.
      if (cancelled) {
        throw new UsageError("interrupted");
      }
      String prepared;
      try {
        prepared = SearchSql.prepare(c, dataDir.resolve("index"), sql);
      } catch (HyokaException e) {
        throw new UsageError("search(): " + e.getMessage(), e);
      }
      try {
        if (!st.execute(prepared)) {
          return null;
        }
        try (ResultSet rs = st.getResultSet()) {
          return ResultTable.read(rs);
        }
      } finally {
        if (!prepared.equals(sql)) {
          SearchSql.dropHitTables(c);
        }
      }
    } catch (SQLException e) {
      throw new SqlError(message(e), e);
    } finally {
      running = null;
    }
  }

  /**
   * The notebook's read-only connection ({@link Warehouse#openReadOnly()}: no file access, settings
   * locked), kept across cells so temporary tables and views last. Reopened when the data directory
   * changes or the warehouse file is replaced (an ingest publishes by renaming a new file over it;
   * this connection holds the old one open and never blocks that).
   */
  private Connection connection() {
    Path file = dataDir.resolve(DataDirs.WAREHOUSE_FILE);
    Object key;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      key = List.of(String.valueOf(a.fileKey()), a.lastModifiedTime().toMillis(), a.size());
    } catch (IOException e) {
      throw new UsageError("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      if (connection != null && (!key.equals(connectionKey) || connection.isClosed())) {
        closeConnection();
      }
    } catch (SQLException e) {
      closeConnection();
    }
    if (connection == null) {
      connection = new Warehouse(dataDir).openReadOnly();
      connectionKey = key;
    }
    return connection;
  }

  /** Closes the notebook's connection (kernel shutdown, another data directory). */
  void close() {
    closeConnection();
  }

  private void closeConnection() {
    Connection c = connection;
    connection = null;
    connectionKey = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing a read-only connection can only fail if it is already gone.
      }
    }
  }

  private void requireWarehouse(Path dir) {
    if (!Files.isRegularFile(dir.resolve(DataDirs.WAREHOUSE_FILE))) {
      throw new UsageError(
          "no warehouse in "
              + DataDirs.display(dir, cwd)
              + ": run ./hyoka ingest --data DIR samples/ first, then %data DIR (or set "
              + DataDirs.ENV
              + " before starting Jupyter)");
    }
  }

  private static String message(SQLException e) {
    String m = e.getMessage();
    return m == null ? e.toString() : m.strip();
  }

  private static int firstSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static final String HELP =
      String.join(
          "\n",
          "A cell is DuckDB SQL against the warehouse (read-only), e.g. SELECT * FROM kpi_series"
              + " LIMIT 10",
          "search('…') in FROM is a table of full-text hits over the narratives.",
          "Magics (first line of a cell):",
          "  %data [DIR]     show or change the data directory (warehouse.duckdb + index/)",
          "  %search ...     full-text search of the narratives, hits as a table",
          "  " + ChartSpec.USAGE,
          "  %help           this text",
          "");
}
