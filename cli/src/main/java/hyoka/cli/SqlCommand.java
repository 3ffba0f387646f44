package hyoka.cli;

import hyoka.search.SearchSql;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.FileAccess;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.RowSink;
import hyoka.warehouse.SqlRefusal;
import hyoka.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
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
          + " year, series, project, department, group, kind, min_score, max_score, grade,"
          + " all_reports (true/false), limit.",
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
      description =
          "table, csv or json (default: ${DEFAULT-VALUE}). Rows are written as they come; a"
              + " table's columns are as wide as its first 10,000 rows need, and a later, wider"
              + " value pushes the rest of its line to the right.")
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
    try (Connection conn = warehouse.openReadOnly(fileAccess(tables), null, true)) {
      if (query == null) {
        return shell(conn);
      }
      String sql = SearchSql.prepare(conn, data.indexDir(), query);
      try (Statement statement = conn.createStatement()) {
        print(statement, sql, format, spec.commandLine().getOut());
      }
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
          SqlPrompt.prepareHistory(
              SqlPrompt.historyFile(
                  System.getenv(), Path.of(System.getProperty("user.home")), data.dataDir),
              err);
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

  /** What {@link #print} writes at once to the command's out. */
  static final int OUTPUT_BUFFER = 1 << 16;

  /**
   * Runs {@code sql} on {@code statement}, which may be cancelled, and writes its rows to {@code
   * out} in {@code format} as DuckDB produces them (on the streaming connection {@link #call}
   * opens), through a buffer of {@link #OUTPUT_BUFFER} characters: what is held does not grow with
   * the row count (but for a table's first rows, {@link ResultFormat#TABLE}). DuckDB's refusals get
   * a hint at why and what to do instead. A query that fails after rows were written leaves them
   * written, {@code out} flushed, and throws as one that fails at once.
   *
   * @return false when {@code out} could no longer be written (its reader went away: {@code |
   *     head}): the query was then stopped
   */
  static boolean print(Statement statement, String sql, ResultFormat format, PrintWriter out) {
    return print(statement, sql, format, out, null);
  }

  /**
   * {@link #print(Statement, String, ResultFormat, PrintWriter)} as the prompt prints: nothing for
   * a statement that returns no rows (a {@code CREATE TEMP TABLE}), and the rows stop when {@code
   * interrupted} says so (Ctrl-C), checked before each row: DuckDB's driver cancels a statement
   * only while it executes, not while its streamed rows are read.
   *
   * @param interrupted null for the command, which prints an empty result for a statement without
   *     rows and is ended by Ctrl-C with its JVM
   * @throws HyokaException {@code interrupted (Ctrl-C) after N rows} when interrupted stopped it
   */
  static boolean print(
      Statement statement,
      String sql,
      ResultFormat format,
      PrintWriter out,
      BooleanSupplier interrupted) {
    OutputBuffer buffered = new OutputBuffer(out);
    RowSink sink = format.writer(buffered);
    try {
      Warehouse.stream(
          statement, sql, interrupted == null ? sink : new PromptSink(sink, interrupted));
      buffered.flush();
      return true;
    } catch (OutputClosed e) {
      return false;
    } catch (Interrupted e) {
      buffered.endLine();
      throw new HyokaException(ErrorCode.BAD_QUERY, e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an OutputBuffer throws only OutputClosed
    } catch (HyokaException e) {
      buffered.endLine(); // JSON cut short after a row or its [
      throw withHint(e);
    } finally {
      try {
        buffered.flush(); // the rows before a failure
      } catch (IOException e) {
        // out is gone: nothing more to show
      }
      out.flush();
    }
  }

  /**
   * A buffer in front of the command's out, which swallows its errors: when one shows (a closed
   * pipe) after the buffer was handed on, the query ends.
   */
  private static final class OutputBuffer extends Writer {
    private final PrintWriter out;
    private final char[] buffer = new char[OUTPUT_BUFFER];
    private int held;
    private char last = '\n';

    OutputBuffer(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, buffer.length - held);
        s.getChars(off, off + n, buffer, held);
        held += n;
        off += n;
        len -= n;
        if (held == buffer.length) {
          flush();
        }
      }
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      write(new String(chars, off, len), 0, len);
    }

    /** Ends the last line written, if it is not ended. */
    void endLine() {
      if ((held > 0 ? buffer[held - 1] : last) != '\n') {
        try {
          write("\n");
        } catch (IOException e) {
          // out is gone
        }
      }
    }

    @Override
    public void flush() throws IOException {
      if (held > 0) {
        last = buffer[held - 1];
        out.write(buffer, 0, held);
        held = 0;
      }
      // flushes out too: once per buffer
      if (out.checkError()) {
        throw new OutputClosed();
      }
    }

    @Override
    public void close() {
      // the command line's out is not the command's to close
    }
  }

  /** Writing the command's out failed. */
  private static final class OutputClosed extends IOException {
    private static final long serialVersionUID = 1L;

    OutputClosed() {
      super("the output is closed");
    }
  }

  /** The prompt's rows stopped by Ctrl-C. */
  private static final class Interrupted extends IOException {
    private static final long serialVersionUID = 1L;

    Interrupted(long rows) {
      super("interrupted (Ctrl-C) after " + rows + (rows == 1 ? " row" : " rows"));
    }
  }

  /**
   * The prompt's sink: prints nothing of a statement without result columns, and stops the rows
   * when interrupted.
   */
  private static final class PromptSink implements RowSink {
    private final RowSink sink;
    private final BooleanSupplier interrupted;
    private boolean quiet;
    private long rows;

    PromptSink(RowSink sink, BooleanSupplier interrupted) {
      this.sink = sink;
      this.interrupted = interrupted;
    }

    @Override
    public void columns(List<String> names, List<String> types) throws IOException {
      quiet = names.isEmpty();
      if (!quiet) {
        sink.columns(names, types);
      }
    }

    @Override
    public void row(List<Object> values) throws IOException {
      if (interrupted.getAsBoolean()) {
        throw new Interrupted(rows);
      }
      sink.row(values);
      rows++;
    }

    @Override
    public void end() throws IOException {
      if (!quiet) {
        sink.end();
      }
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
