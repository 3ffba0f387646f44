package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import hyoka.cli.CliTest.Run;
import hyoka.transform.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.LineReader;
import org.jline.reader.Parser.ParseContext;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hyoka sql} without a query, driven by piped input through the real command: statements
 * over several lines, dot commands, modes, search(), one warm connection; and the JLine parts of
 * the prompt (parser, completion, history place) on a terminal the test makes.
 */
class SqlShellTest {
  @TempDir static Path tmp;
  static Path data;

  @BeforeAll
  static void ingest() {
    data = tmp.resolve("data");
    Run r = CliTest.hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  private static Run shell(String input, String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("sql", "--data", data.toString()));
    args.addAll(List.of(options));
    int code =
        HyokaCommand.commandLine(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void statementsRunAsTheyEndOverLinesOnOneConnection() {
    Run r =
        shell(
            String.join(
                "\n",
                "SELECT count(*) AS n",
                "  FROM kpis  -- a comment; not the end",
                "  WHERE name LIKE '%;%' OR true;",
                "CREATE TEMP TABLE t AS SELECT 41 AS v; SELECT v + 1 AS w FROM t;",
                "SELECT 'a;b' AS s"),
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    // 219 KPI rows: the two reports' and the FY2019 sheets'
    assertThat(r.out()).isEqualTo("n\n219\nw\n42\ns\na;b\n");
  }

  @Test
  void dotCommandsAndModes() {
    Run r =
        shell(
            String.join(
                "\n",
                ".tables",
                ".schema runs",
                ".mode",
                ".mode json",
                "SELECT 1 AS one;",
                ".mode csv",
                "SELECT 2 AS two;",
                ".mode table",
                "SELECT 3 AS three;",
                ".help",
                ".quit",
                "SELECT 'never' AS x;"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("budget_items\ncurrent_budget_items\n")
        .contains("\nkpis\n")
        .contains(
            "CREATE TABLE runs(run_id BIGINT, started_at TIMESTAMP, finished_at TIMESTAMP,"
                + " files_added INTEGER")
        .contains("\ntable\n[\n  {\"one\": 1}\n]\ntwo\n2\nthree\n-----\n    3\n(1 row)\n")
        .contains(".mode table|csv|json how results print (now: table)")
        .doesNotContain("never");
  }

  @Test
  void searchWorksAndItsHitTablesAreDropped() {
    Run r =
        shell(
            "SELECT count(*) > 0 AS found FROM search('除雪');\n"
                + "SELECT count(*) AS left FROM duckdb_tables() WHERE temporary;\n",
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("found\ntrue\nleft\n0\n");
  }

  @Test
  void aFailureIsOneLineTheSessionGoesOnAndTheExitIsTwo() {
    Run r =
        shell(
            "SELEC 1;\nCOPY kpis TO '"
                + tmp.resolve("x.csv")
                + "';\n.nonsense\n.schema nosuch\n.mode xml\nSELECT 'still here' AS s;\n",
            "--format",
            "csv");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEqualTo("s\nstill here\n");
    assertThat(r.err().lines())
        .hasSize(5)
        .allMatch(l -> l.startsWith("hyoka: "))
        .anyMatch(l -> l.contains("syntax error at or near \"SELEC\""))
        .anyMatch(l -> l.contains("file system operations are disabled by configuration"))
        .anyMatch(l -> l.equals("hyoka: unknown command .nonsense: .help lists the commands"))
        .anyMatch(l -> l.equals("hyoka: no table or view named nosuch: .tables lists them"))
        .anyMatch(l -> l.equals("hyoka: .mode takes table, csv or json, not xml"));
    assertThat(tmp.resolve("x.csv")).doesNotExist();
  }

  @Test
  void aNamedFileIsATableAtThePromptToo() throws Exception {
    Path csv = Files.writeString(tmp.resolve("n.csv"), "k\n7\n", StandardCharsets.UTF_8);
    Run r = shell("SELECT k * 6 AS x FROM mine;", "--format", "csv", "--table", "mine=" + csv);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("x\n42\n");
  }

  private static SqlShell session(StringWriter out) throws Exception {
    var conn = new hyoka.warehouse.Warehouse(data).openReadOnly();
    PrintWriter w = new PrintWriter(out, true);
    return new SqlShell(conn, data.resolve("index"), hyoka.warehouse.ResultFormat.CSV, w, w);
  }

  @Test
  void theParserAsksForMoreUntilTheSemicolon() {
    SqlPrompt.StatementParser p = new SqlPrompt.StatementParser();
    assertThatThrownBy(() -> p.parse("SELECT 1", 8, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
    assertThatThrownBy(() -> p.parse("SELECT ';", 9, ParseContext.ACCEPT_LINE))
        .isInstanceOf(EOFError.class);
    assertThat(p.parse("SELECT 1\n;", 10, ParseContext.ACCEPT_LINE).line())
        .isEqualTo("SELECT 1\n;");
    assertThat(p.parse(".tables", 7, ParseContext.ACCEPT_LINE).words()).containsExactly(".tables");
    // completion parses the unfinished line without complaint
    assertThat(p.parse("SELECT * FROM kp", 16, ParseContext.COMPLETE).word()).isEqualTo("kp");
  }

  @Test
  void completionOffersTablesAndColumnsAlsoAfterAnAlias() throws Exception {
    SqlShell s = session(new StringWriter());
    SqlPrompt.NameCompleter c = new SqlPrompt.NameCompleter(s);
    SqlPrompt.StatementParser p = new SqlPrompt.StatementParser();
    List<Candidate> tables = new ArrayList<>();
    c.complete(null, p.parse("SELECT * FROM kp", 16, ParseContext.COMPLETE), tables);
    assertThat(tables).extracting(Candidate::value).contains("kpis", "kpi_series", "project_no");
    List<Candidate> columns = new ArrayList<>();
    c.complete(null, p.parse("SELECT k.proj", 13, ParseContext.COMPLETE), columns);
    assertThat(columns).extracting(Candidate::value).contains("k.project_no", "k.project_key");
    List<Candidate> dots = new ArrayList<>();
    c.complete(null, p.parse(".sc", 3, ParseContext.COMPLETE), dots);
    assertThat(dots).extracting(Candidate::value).contains(".schema", ".tables");
    // a temporary table made in the session is offered after the statement that made it
    s.run("CREATE TEMP TABLE my_notes AS SELECT 1 AS note_id;");
    List<Candidate> temp = new ArrayList<>();
    c.complete(null, p.parse("SELECT * FROM my_", 17, ParseContext.COMPLETE), temp);
    assertThat(temp).extracting(Candidate::value).contains("my_notes");
  }

  @Test
  void aLineTypedAtAJLineTerminalIsCompletedAndAcceptedAtTheSemicolon() throws Exception {
    // A terminal of the test's own: what a person types arrives as bytes, Tab included.
    byte[] typed = "SELECT count(*) FROM kpi_seri\t\n;\n".getBytes(StandardCharsets.UTF_8);
    // No pty: a terminal of type xterm (completion on) over the test's streams.
    try (Terminal t =
        new DumbTerminal(
            "test",
            "xterm",
            new ByteArrayInputStream(typed),
            new ByteArrayOutputStream(),
            StandardCharsets.UTF_8)) {
      SqlShell s = session(new StringWriter());
      LineReader reader = SqlPrompt.reader(t, s, null);
      String line =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> reader.readLine(SqlPrompt.PROMPT));
      assertThat(line.replaceAll("\\s+", " ")).isEqualTo("SELECT count(*) FROM kpi_series ;");
    }
  }

  /**
   * A history directory that cannot be made (a read-only home: the prompt failed with {@code
   * internal error: FileSystemException … Read-only file system}, exit 3) is one line, and the
   * prompt runs without a history.
   */
  @Test
  void aHistoryDirectoryThatCannotBeMadeIsOneLineAndNoHistory() throws Exception {
    // a file where the directory would go: createDirectories fails, even for root
    Path file = Files.writeString(tmp.resolve("state-is-a-file"), "", StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    Path history = file.resolve("hyoka/sql_history");
    assertThat(SqlPrompt.prepareHistory(history, new PrintWriter(err, true))).isNull();
    assertThat(err.toString())
        .startsWith("hyoka: no history this time: cannot create " + history.getParent() + " (")
        .endsWith("); HYOKA_HISTORY=FILE keeps it elsewhere, HYOKA_HISTORY= keeps none\n");
    assertThat(err.toString().strip()).doesNotContain("\n");
    Path fine = tmp.resolve("state/hyoka/sql_history");
    StringWriter none = new StringWriter();
    assertThat(SqlPrompt.prepareHistory(fine, new PrintWriter(none, true))).isEqualTo(fine);
    assertThat(fine.getParent()).isDirectory();
    assertThat(none.toString()).isEmpty();
  }

  @Test
  void theHistoryIsNeverInsideTheDataDirectory() {
    Path home = tmp.resolve("home");
    assertThat(SqlPrompt.historyFile(Map.of(), home, data))
        .isEqualTo(home.resolve(".local/state/hyoka/sql_history").toAbsolutePath());
    assertThat(SqlPrompt.historyFile(Map.of("XDG_STATE_HOME", "/var/state"), home, data))
        .isEqualTo(Path.of("/var/state/hyoka/sql_history"));
    assertThat(SqlPrompt.historyFile(Map.of("HYOKA_HISTORY", ""), home, data)).isNull();
    assertThat(
            SqlPrompt.historyFile(
                Map.of("HYOKA_HISTORY", data.resolve("index/../h").toString()), home, data))
        .isNull();
    assertThat(SqlPrompt.historyFile(Map.of("XDG_STATE_HOME", data.toString()), home, data))
        .isNull();
  }
}
