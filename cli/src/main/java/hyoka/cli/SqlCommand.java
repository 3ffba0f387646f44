package hyoka.cli;

import hyoka.search.SearchSql;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.FileAccess;
import hyoka.warehouse.QueryLimits;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.SqlRefusal;
import hyoka.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hyoka sql}: a DuckDB query on a locked-down read-only connection to the warehouse. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run a DuckDB SQL query against the warehouse on a read-only connection. search('…') in"
          + " FROM is a table of full-text hits over the narratives that joins with the tables.",
      "Nothing the SQL does can write a file or change a setting, and it reads no file but the"
          + " warehouse and those named with --table.",
      "search('query', [limit,] name := value, …) takes the filters of hyoka search by name:"
          + " year, series, project, department, group, kind, min_score, max_score, all_reports"
          + " (true/false), limit.",
      "Examples:",
      "  SELECT k.name, k.score FROM search('除雪') s JOIN kpis k USING (report_id, project_no)",
      "  SELECT count(*) FROM search('除雪', year := 2019, department := '建設')"
    })
final class SqlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  ResultFormat format;

  @Option(
      names = "--table",
      paramLabel = "NAME=FILE",
      description =
          "Read FILE (CSV, or Parquet or JSON by its extension) into a temporary table NAME that"
              + " the query can join; repeat for more files. Read once, before the connection is"
              + " locked: the query itself still reads and writes no file.")
  List<String> tables = new ArrayList<>();

  @Parameters(
      paramLabel = "QUERY",
      arity = "0..1",
      description =
          "The SQL query. Without it, statements are read from standard input: at a terminal, a"
              + " prompt (.help lists its commands); from a pipe, one statement after another.")
  String query;

  @ParentCommand HyokaCommand parent;

  @Override
  public Integer call() throws SQLException, IOException {
    Warehouse warehouse = data.requireWarehouse();
    try (Connection conn = warehouse.openReadOnly(fileAccess(tables))) {
      if (query == null) {
        return shell(conn);
      }
      String sql = SearchSql.prepare(conn, data.indexDir(), query);
      QueryResult result = run(conn, sql);
      spec.commandLine().getOut().print(format.format(result));
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  /**
   * Statements from standard input on {@code conn}: a JLine prompt at a terminal, else lines as
   * they come. Exit 2 when a piped statement failed (as a script would want), 0 after a prompt.
   */
  private int shell(Connection conn) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SqlShell shell = new SqlShell(conn, data.indexDir(), format, out, err);
    if (!parent.interactive()) {
      return lines(shell, parent.in());
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      if (terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
        return lines(shell, System.in);
      }
      Path history =
          SqlPrompt.historyFile(
              System.getenv(), Path.of(System.getProperty("user.home")), data.dataDir);
      if (history != null) {
        Files.createDirectories(history.getParent());
      }
      out.println(
          "hyoka sql on "
              + data.dataDir.resolve(Warehouse.DB_FILE)
              + " (read-only). End statements with ;  .help for commands, .quit to leave.");
      out.flush();
      SqlPrompt.run(terminal, shell, history, err);
    }
    return ExitCodes.OK;
  }

  private static int lines(SqlShell shell, java.io.InputStream in) throws IOException {
    shell.runLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    return shell.failures() > 0 ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /** The {@code --table NAME=FILE} options as a {@link FileAccess}. */
  static FileAccess fileAccess(List<String> specs) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String spec : specs) {
      Map.Entry<String, Path> t = FileAccess.parseTable(spec);
      if (files.put(t.getKey(), t.getValue()) != null) {
        throw new HyokaException(
            ErrorCode.BAD_ARGUMENT, "--table " + t.getKey() + " is given twice");
      }
    }
    return files.isEmpty() ? FileAccess.NONE : FileAccess.tables(files);
  }

  /** Runs {@code sql}, every row; DuckDB's refusals get a hint at why and what to do instead. */
  static QueryResult run(Connection conn, String sql) throws SQLException {
    try (java.sql.Statement statement = conn.createStatement()) {
      return run(statement, sql);
    }
  }

  /**
   * {@link #run(Connection, String)} on the caller's statement, which may be cancelled: the
   * warehouse's capped query (as hyoka serve's SQL page runs it) with no cap and no time limit.
   */
  static QueryResult run(java.sql.Statement statement, String sql) {
    try {
      return Warehouse.query(statement, sql, QueryLimits.NONE);
    } catch (HyokaException e) {
      throw withHint(e);
    }
  }

  /** DuckDB's refusals worded as the SQL page words them ({@link SqlRefusal}). */
  static HyokaException withHint(HyokaException e) {
    String m = e.getMessage();
    return SqlRefusal.of(m).isEmpty()
        ? e
        : new HyokaException(e.code(), SqlRefusal.explain(m, SqlRefusal.SQL_COMMAND), e);
  }
}
