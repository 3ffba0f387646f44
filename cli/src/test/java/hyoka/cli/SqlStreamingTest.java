package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.cli.CliTest.Run;
import hyoka.search.SearchSql;
import hyoka.transform.Fixtures;
import hyoka.warehouse.FileAccess;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.ResultFormat;
import hyoka.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hyoka sql} writes its rows as DuckDB produces them: the same bytes as the formatter that
 * held the whole result ({@link ResultFormatBefore}), in memory that does not grow with the row
 * count (millions of rows under a 32 MB heap), a table's widths from its first {@value
 * ResultFormat#TABLE_WIDTH_ROWS} rows, a query failing after rows were written as one line and exit
 * 2, and a query stopped when nobody reads its output.
 */
class SqlStreamingTest {
  @TempDir static Path tmp;
  static Path data;

  @BeforeAll
  static void ingest() {
    data = tmp.resolve("data");
    Run r = CliTest.hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  private static Run sql(String format, String query) {
    return CliTest.hyoka("sql", "--data", data.toString(), "--format", format, query);
  }

  private static String label(ResultFormat f) {
    return f.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Every table and view of the samples' warehouse, and values of every kind, and odd names. */
  private static List<String> representativeQueries() {
    List<String> queries = new ArrayList<>();
    QueryResult tables =
        new Warehouse(data)
            .query("SELECT table_name FROM information_schema.tables ORDER BY table_name");
    for (List<Object> t : tables.rows()) {
      // (in an order of their own: a view's rows come in any order)
      queries.add("SELECT * FROM \"" + t.get(0) + "\" ORDER BY ALL");
    }
    assertThat(queries).hasSizeGreaterThan(10);
    queries.add(SqlSurfacesTest.EVERY_KIND_OF_VALUE);
    queries.add(
        "SELECT k.name, s.score AS hit FROM search('除雪') s JOIN kpis k USING (report_id,"
            + " project_no) ORDER BY ALL");
    // a line break and trailing spaces in names, an ideographic space, an empty string, a NULL
    queries.add(
        "SELECT 1 AS \"a\nb  \", '  x ' AS \"c  \", '　' AS w, '' AS e, NULL::INT AS n,"
            + " 'a\r\nb' AS crlf");
    queries.add("SELECT * FROM range(0)");
    queries.add("SELECT * FROM range(3000)");
    return queries;
  }

  /** The whole result of {@code q}, search('…') and all, as hyoka sql read it before. */
  private static QueryResult held(String q) throws Exception {
    try (Connection c = new Warehouse(data).openReadOnly()) {
      return Warehouse.query(c, SearchSql.prepare(c, data.resolve("index"), q));
    }
  }

  @Test
  void everyFormatWritesTheBytesTheHeldFormatterWrote() throws Exception {
    for (String q : representativeQueries()) {
      QueryResult held = held(q);
      for (ResultFormat f : ResultFormat.values()) {
        Run r = sql(label(f), q);
        assertThat(r.code()).as(f + " " + q + ": " + r.err()).isZero();
        assertThat(r.err()).isEmpty();
        String before = ResultFormatBefore.format(f, held);
        assertThat(r.out()).as(f + " " + q).isEqualTo(before);
        // and the held result's own text (hyoka serve's CSV and JSON downloads) is the same
        assertThat(f.format(held)).as(f + " " + q).isEqualTo(before);
      }
    }
    // a statement without rows prints the empty result, as it did
    QueryResult none = new QueryResult(List.of(), List.of(), List.of());
    for (ResultFormat f : ResultFormat.values()) {
      Run r = sql(label(f), "CREATE TEMP TABLE t AS SELECT 1");
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out()).as(f.name()).isEqualTo(ResultFormatBefore.format(f, none));
    }
  }

  @Test
  void thePromptPrintsEachModeAsTheHeldFormatterDid() throws Exception {
    String q = SqlSurfacesTest.EVERY_KIND_OF_VALUE;
    StringBuilder input = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (ResultFormat f : ResultFormat.values()) {
      input.append(".mode ").append(label(f)).append('\n').append(q).append(";\n");
      input.append("CREATE TEMP TABLE IF NOT EXISTS quiet AS SELECT 1 AS x;\n");
      expected.append(ResultFormatBefore.format(f, held(q)));
    }
    Run r = shell(input.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // (a statement without rows prints nothing at the prompt)
    assertThat(r.out()).isEqualTo(expected.toString());
  }

  private static Run shell(String input) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        HyokaCommand.commandLine(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute("sql", "--data", data.toString());
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Millions of rows in a JVM of 32 MB of heap: the held formatter needed about 1 GB for 5,000,000
   * (docs/performance.md). The child JVM runs the command as the launcher does (hyoka.cli.Main, the
   * test's class path); its output is checked line by line as it arrives.
   */
  @Test
  void millionsOfRowsPassThroughASmallHeap() throws Exception {
    int n = 5_000_000;
    String q = "SELECT * FROM range(" + n + ")";
    assertThat(smallHeap("csv", q, n + 1, (i, line) -> i == 0 ? "range" : Long.toString(i - 1)))
        .isEqualTo(n + 1);
    assertThat(
            smallHeap(
                "json",
                q,
                n + 2,
                (i, line) ->
                    i == 0
                        ? "["
                        : i == n + 1
                            ? "]"
                            : "  {\"range\": " + (i - 1) + "}" + (i == n ? "" : ",")))
        .isEqualTo(n + 2);
    // a table holds only its first rows for the widths
    int t = 1_000_000;
    assertThat(
            smallHeap(
                "table",
                "SELECT * FROM range(" + t + ")",
                t + 3,
                (i, line) ->
                    i == 0
                        ? "range"
                        : i == 1
                            ? "-----"
                            : i == t + 2
                                ? "(" + t + " rows)"
                                : String.format(java.util.Locale.ROOT, "%5d", i - 2)))
        .isEqualTo(t + 3);
  }

  interface ExpectedLine {
    String at(long index, String line);
  }

  /** Runs {@code hyoka sql} in a JVM of 32 MB of heap; checks each line; returns the lines. */
  private static long smallHeap(String format, String query, long lines, ExpectedLine expected)
      throws Exception {
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8",
                "-Dstdout.encoding=UTF-8",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp",
                System.getProperty("java.class.path"),
                "hyoka.cli.Main",
                "sql",
                "--data",
                data.toString(),
                "--format",
                format,
                query)
            .redirectError(err.toFile())
            .start();
    long count = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        String want = count < lines ? expected.at(count, line) : "(no more lines)";
        if (!line.equals(want)) {
          assertThat(line).as(format + " line " + count).isEqualTo(want);
        }
        count++;
      }
    } finally {
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    assertThat(p.exitValue()).as(format + ": " + Files.readString(err)).isZero();
    assertThat(Files.readString(err)).isEmpty();
    return count;
  }

  @Test
  void aTablesWidthsComeFromItsFirstRowsAndALaterWiderValueStandsOut() throws Exception {
    int held = ResultFormat.TABLE_WIDTH_ROWS;
    Run r =
        sql(
            "table",
            "SELECT range AS n, CASE WHEN range = "
                + held
                + " THEN 'wider than the rest' ELSE 'x' END AS s FROM range("
                + (held + 2)
                + ")");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(held + 5);
    // the widths of the first 10,000 rows: n up to 9999, s of one character
    assertThat(lines.subList(0, 3)).containsExactly("n    | s", "-----+--", "   0 | x");
    assertThat(lines.get(held + 1)).isEqualTo("9999 | x");
    // then the rest with those widths: a wider value pushes the rest of its own line
    assertThat(lines.get(held + 2)).isEqualTo("10000 | wider than the rest");
    assertThat(lines.get(held + 3)).isEqualTo("10001 | x");
    assertThat(lines.get(held + 4)).isEqualTo("(10002 rows)");
    // as the help says
    assertThat(CliTest.hyoka("sql", "--help").out().replaceAll("\\s+", " "))
        .contains("first " + String.format(java.util.Locale.ROOT, "%,d", held) + " rows");
    // up to the limit a table is as the held formatter wrote it: widths of every row
    String fits = "SELECT range AS n, repeat('x', range // 1000) AS s FROM range(" + held + ")";
    assertThat(sql("table", fits).out())
        .isEqualTo(ResultFormatBefore.format(ResultFormat.TABLE, held(fits)));
  }

  /** DuckDB meets the error after it has produced some rows: they are out, then the one line. */
  private static final String FAILS_LATE =
      "SELECT CASE WHEN range < 3000000 THEN range ELSE error('boom at ' || range) END AS v"
          + " FROM range(5000000)";

  @Test
  void aQueryFailingAfterRowsWereWrittenIsOneLineAndExitTwo() {
    for (String format : List.of("csv", "json", "table")) {
      Run r = sql(format, FAILS_LATE);
      assertThat(r.code()).as(format + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .as(format)
          .isEqualTo("hyoka: Invalid Input Error: boom at 3000000" + System.lineSeparator());
      List<String> lines = r.out().lines().toList();
      // whole rows, in order, the last line ended, and some of them (DuckDB produces rows ahead
      // of the reader: it met the error 3,000,000 rows in, when about 2,000,000 had been read)
      assertThat(r.out()).as(format).endsWith("\n");
      int first = format.equals("table") ? 2 : 1;
      assertThat(lines.size()).as(format).isGreaterThan(first + 1);
      for (int i = first; i < lines.size(); i++) {
        String v = Long.toString(i - first);
        String want =
            switch (format) {
              case "csv" -> v;
              // a row's comma comes with the next row: the array stays open after the last
              case "json" -> "  {\"v\": " + v + "}" + (i == lines.size() - 1 ? "" : ",");
              default -> String.format(java.util.Locale.ROOT, "%4s", v);
            };
        if (!lines.get(i).equals(want)) {
          assertThat(lines.get(i)).as(format + " line " + i).isEqualTo(want);
        }
      }
    }
    // at the prompt the session goes on after it
    Run r = shell(".mode csv\n" + FAILS_LATE + ";\nSELECT 'still here' AS s;\n");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .isEqualTo("hyoka: Invalid Input Error: boom at 3000000" + System.lineSeparator());
    assertThat(r.out()).startsWith("v\n0\n1\n").endsWith("\ns\nstill here\n");
  }

  /** An output that fails after its first bytes, as a pipe does once {@code head} has left. */
  private static final class ClosingOutput extends OutputStream {
    private long written;
    int refused;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written > 100_000) {
        refused++;
        throw new IOException("Broken pipe");
      }
      written += len;
    }
  }

  @Test
  void aQueryStopsWhenNobodyReadsItsOutput() {
    // 100,000,000 rows are 889 MB of CSV: 13,600 writes of the output buffer had it run on
    for (String format : List.of("csv", "json", "table")) {
      ClosingOutput closing = new ClosingOutput();
      StringWriter err = new StringWriter();
      int code =
          HyokaCommand.commandLine(
                  new PrintWriter(new OutputStreamWriter(closing, StandardCharsets.UTF_8)),
                  new PrintWriter(err, true))
              .execute(
                  "sql",
                  "--data",
                  data.toString(),
                  "--format",
                  format,
                  "SELECT * FROM range(100000000)");
      // quietly, as before, when the whole text went into the closed pipe at once
      assertThat(code).as(format + ": " + err).isZero();
      assertThat(err.toString()).isEmpty();
      assertThat(closing.refused).as(format).isBetween(1, 3);
    }
    // and the prompt ends: the statements after it are not run
    ClosingOutput closing = new ClosingOutput();
    StringWriter err = new StringWriter();
    int code =
        HyokaCommand.commandLine(
                new ByteArrayInputStream(
                    "SELECT * FROM range(100000000);\nSELECT * FROM range(100000000);\n"
                        .getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(new OutputStreamWriter(closing, StandardCharsets.UTF_8)),
                new PrintWriter(err, true))
            .execute("sql", "--data", data.toString(), "--format", "csv");
    assertThat(code).as(err.toString()).isZero();
    assertThat(closing.refused).isBetween(1, 3);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard: without the stop the rows never end
  void ctrlCAtThePromptStopsAStatementWhoseRowsAreComing() throws Exception {
    StringWriter err = new StringWriter();
    SqlShell[] shell = new SqlShell[1];
    StringBuilder seen = new StringBuilder();
    // the first rows reaching the terminal are when the user presses Ctrl-C (SqlPrompt's handler)
    Writer terminal =
        new Writer() {
          @Override
          public void write(char[] chars, int off, int len) {
            if (seen.length() == 0) {
              shell[0].interrupt();
            }
            seen.append(chars, off, Math.min(len, 100));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    try (Connection c = new Warehouse(data).openReadOnly(FileAccess.NONE, null, true)) {
      shell[0] =
          new SqlShell(
              c,
              data.resolve("index"),
              ResultFormat.CSV,
              new PrintWriter(terminal),
              new PrintWriter(err, true));
      shell[0].run("SELECT * FROM range(1000000000000);");
      assertThat(seen.toString()).startsWith("range\n0\n1\n");
      // (DuckDB's driver cancels only a statement that executes, not one whose rows are read)
      assertThat(err.toString())
          .matches("hyoka: interrupted \\(Ctrl-C\\) after [1-9][0-9]* rows\\R");
      assertThat(err.toString().strip()).doesNotContain("\n");
      assertThat(shell[0].failures()).isEqualTo(1);
      // and the session goes on, on the same connection
      seen.setLength(0);
      shell[0].run("SELECT 41 + 1 AS answer;");
      assertThat(seen.toString()).isEqualTo("answer\n42\n");
    }
  }
}
