package hyoka.cli;

import hyoka.search.SearchSql;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.SqlText;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code hyoka sql} without a query runs: statements as they are completed by {@code ;}, each
 * on the same warm read-only connection (so temporary tables last), with {@code search('…')}, and
 * the dot commands {@code .tables}, {@code .schema [NAME]}, {@code .mode table|csv|json}, {@code
 * .help}, {@code .quit}. Results print as their rows come ({@link SqlCommand#print}). A failing
 * statement prints its one line and the session goes on; the session ends when its output can no
 * longer be written. Where the lines come from is {@link SqlPrompt}'s business (a terminal) or
 * {@link #runLines} (a pipe).
 */
final class SqlShell {
  static final String HELP =
      String.join(
          "\n",
          "DuckDB SQL on the warehouse, read-only; end a statement with ; (it may span lines).",
          "search('…') in FROM is a table of full-text hits (see hyoka sql --help).",
          ".tables              the tables and views",
          ".schema [NAME]       the CREATE statement of a table or view (all without NAME)",
          ".mode table|csv|json how results print (now: %s)",
          ".help                this text",
          ".quit                leave (also .exit or Ctrl-D)",
          "");

  private final Connection connection;
  private final Path indexDir;
  private final PrintWriter out;
  private final PrintWriter err;
  private ResultFormat mode;
  private int failures;
  private boolean outputClosed;
  private List<String> names;
  private volatile Statement running;
  private volatile boolean interrupted;

  SqlShell(
      Connection connection, Path indexDir, ResultFormat mode, PrintWriter out, PrintWriter err) {
    this.connection = connection;
    this.indexDir = indexDir;
    this.mode = mode;
    this.out = out;
    this.err = err;
  }

  /** How many statements or commands failed so far. */
  int failures() {
    return failures;
  }

  /**
   * Reads statements from {@code in} line by line, without prompts, until its end or {@code .quit};
   * a last statement without {@code ;} runs too.
   */
  void runLines(BufferedReader in) throws IOException {
    StringBuilder buffer = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (SqlText.statements(buffer.toString()).isEmpty() && isDotCommand(line)) {
        buffer.setLength(0);
        if (!run(line)) {
          return;
        }
        continue;
      }
      buffer.append(line).append('\n');
      if (SqlText.isComplete(buffer.toString())) {
        if (!run(buffer.toString())) {
          return;
        }
        buffer.setLength(0);
      }
    }
    run(buffer.toString());
  }

  static boolean isDotCommand(String line) {
    return line.strip().startsWith(".");
  }

  /**
   * Runs one complete input: a dot command, or the statements of SQL text.
   *
   * @return false when the input asks to leave, or the output is closed
   */
  boolean run(String input) {
    if (isDotCommand(input)) {
      return dot(input.strip());
    }
    for (String statement : SqlText.statements(input)) {
      statement(statement);
      if (outputClosed) {
        return false; // nobody reads what the next one would print
      }
    }
    return true;
  }

  /**
   * Cancels the statement running now (Ctrl-C at the prompt), or stops its rows as they print; no
   * effect between statements.
   */
  void interrupt() {
    Statement s = running;
    if (s != null) {
      interrupted = true; // its rows, which the driver's cancel does not stop
      try {
        s.cancel();
      } catch (SQLException e) {
        // it finished in the meantime: nothing to cancel
      }
    }
  }

  private void statement(String sql) {
    names = null;
    try {
      String prepared = SearchSql.prepare(connection, indexDir, sql);
      try (Statement s = connection.createStatement()) {
        interrupted = false;
        running = s;
        outputClosed = !SqlCommand.print(s, prepared, mode, out, () -> interrupted);
      } finally {
        running = null;
        if (!prepared.equals(sql)) {
          dropHitTables();
        }
      }
    } catch (HyokaException e) {
      fail(e.getMessage());
    } catch (SQLException e) {
      fail(e.getMessage());
    }
    out.flush();
  }

  private void dropHitTables() {
    try {
      SearchSql.dropHitTables(connection);
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot drop the search hits: " + e.getMessage(), e);
    }
  }

  private void fail(String message) {
    failures++;
    out.flush();
    err.println("hyoka: " + message.replaceAll("\\R", " "));
    err.flush();
  }

  private boolean dot(String line) {
    String[] words = line.split("\\s+");
    String command = words[0].toLowerCase(Locale.ROOT);
    int args = words.length - 1;
    switch (command) {
      case ".quit", ".exit" -> {
        return false;
      }
      case ".help" -> out.print(String.format(Locale.ROOT, HELP, label(mode)));
      case ".tables" -> {
        if (args > 0) {
          fail(".tables takes no argument");
        } else {
          tables().forEach(out::println);
        }
      }
      case ".schema" -> {
        if (args > 1) {
          fail(".schema takes one table or view name: .schema kpis");
        } else {
          schema(args == 1 ? words[1] : null);
        }
      }
      case ".mode" -> mode(words);
      default -> fail("unknown command " + words[0] + ": .help lists the commands");
    }
    out.flush();
    return true;
  }

  private void mode(String[] words) {
    if (words.length == 1) {
      out.println(label(mode));
      return;
    }
    for (ResultFormat f : ResultFormat.values()) {
      if (words.length == 2 && label(f).equalsIgnoreCase(words[1])) {
        mode = f;
        return;
      }
    }
    fail(
        ".mode takes table, csv or json, not "
            + String.join(" ", List.of(words).subList(1, words.length)));
  }

  private static String label(ResultFormat f) {
    return f.name().toLowerCase(Locale.ROOT);
  }

  /** Table and view names, the warehouse's and the session's temporary ones, in name order. */
  List<String> tables() {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT table_name FROM information_schema.tables"
                    + " WHERE table_name NOT LIKE 'hyoka\\_search\\_%' ESCAPE '\\'"
                    + " ORDER BY table_name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      fail("cannot list the tables: " + e.getMessage());
    }
    return out;
  }

  private void schema(String name) {
    String sql =
        "SELECT sql FROM (SELECT 0 AS k, table_name AS name, sql FROM duckdb_tables() WHERE NOT"
            + " internal UNION ALL SELECT 1, view_name, sql FROM duckdb_views() WHERE NOT internal)"
            + " WHERE name NOT LIKE 'hyoka\\_search\\_%' ESCAPE '\\'"
            + (name == null ? "" : " AND lower(name) = lower(?)")
            + " ORDER BY k, name";
    int shown = 0;
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      if (name != null) {
        p.setString(1, name);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          String create = rs.getString(1).strip();
          out.println(create.endsWith(";") ? create : create + ";");
          shown++;
        }
      }
    } catch (SQLException e) {
      fail("cannot read the schema: " + e.getMessage());
      return;
    }
    if (name != null && shown == 0) {
      fail("no table or view named " + name + ": .tables lists them");
    }
  }

  /**
   * Names to complete: every table, view and column, temporary ones included. Read again after each
   * statement, which may have created a temporary table.
   */
  List<String> names() {
    if (names == null) {
      List<String> all = new ArrayList<>();
      try {
        for (String n : Warehouse.catalogNames(connection)) {
          if (!n.startsWith("hyoka_search_")) {
            all.add(n);
          }
        }
      } catch (SQLException e) {
        // nothing to complete is the right answer when the catalog cannot be read
      }
      names = List.copyOf(all);
    }
    return names;
  }
}
