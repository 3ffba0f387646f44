package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.cli.CliTest.Run;
import hyoka.transform.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Queries hyoka cannot run, and bad arguments: each gives one line on stderr ({@code hyoka: …}), no
 * stack trace, and the exit code of the README's table.
 */
class QueryFailureTest {
  @TempDir static Path tmp;
  static String data;

  @BeforeAll
  static void ingest() {
    data = tmp.resolve("data").toString();
    Run r = CliTest.hyoka("ingest", "--data", data, Fixtures.samplesDir().toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  private static void oneLine(Run r, int code, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    assertThat(r.err()).startsWith("hyoka: ").contains(message).doesNotContain("\tat ");
    assertThat(r.err().strip()).doesNotContain("\n");
  }

  private static Run sql(String query) {
    return CliTest.hyoka("sql", "--data", data, query);
  }

  private static Run csv(String query) {
    return CliTest.hyoka("sql", "--data", data, "--format", "csv", query);
  }

  @Test
  void aLongSearchQueryInSqlRuns() {
    // The regex that found the call overflowed the stack at about 1,500 characters.
    String q = "除雪 ".repeat(500) + "a".repeat(1500);
    Run r = csv("SELECT count(*) AS n FROM search('" + q + "')");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).containsExactly("n", "0");
    Run single = csv("SELECT count(*) AS n FROM search('" + "a".repeat(1500) + "')");
    assertThat(single.code()).as(single.err()).isZero();
    assertThat(single.out().lines()).containsExactly("n", "0");
    Run inComment = csv("SELECT 'search(''x'')' AS t -- search('" + "y".repeat(5000) + "')\n");
    assertThat(inComment.code()).as(inComment.err()).isZero();
    assertThat(inComment.out().lines()).containsExactly("t", "search('x')");
  }

  @Test
  void deepParenthesesInSearch() {
    Run r = CliTest.hyoka("search", "--data", data, "(".repeat(5000) + "除雪");
    oneLine(r, ExitCodes.USAGE, "nests parentheses 5000 deep: at most 32 are supported");
    Run sql =
        sql("SELECT count(*) FROM search('" + "(".repeat(5000) + "除雪" + ")".repeat(5000) + "')");
    oneLine(sql, ExitCodes.USAGE, "nests parentheses 5000 deep");
    Run fine = CliTest.hyoka("search", "--data", data, "--limit", "1", "((除雪) OR (排雪))");
    assertThat(fine.code()).as(fine.err()).isZero();
  }

  @Test
  void aWordThatExpandsToTooManyClauses() {
    Run r = CliTest.hyoka("search", "--data", data, "除雪".repeat(10));
    oneLine(
        r,
        ExitCodes.USAGE,
        "query '除雪除雪除雪除雪除雪除雪除雪除雪除雪除雪' is too complex to run (it expands to more"
            + " than 1024 clauses): use fewer or shorter words");
    oneLine(
        CliTest.hyoka("search", "--data", data, "除雪".repeat(12)),
        ExitCodes.USAGE,
        "is too complex to run");
    Run spaced = CliTest.hyoka("search", "--data", data, "--limit", "1", "除雪 ".repeat(10));
    assertThat(spaced.code()).as(spaced.err()).isZero();
    assertThat(spaced.out()).contains("除雪事業");
  }

  @Test
  void unbalancedQuotes() {
    oneLine(CliTest.hyoka("search", "--data", data, "\"除雪"), ExitCodes.USAGE, "unbalanced quote");
    oneLine(sql("SELECT 'abc"), ExitCodes.USAGE, "Parser Error: unterminated string literal");
    oneLine(sql("SELECT * FROM search('除雪)"), ExitCodes.USAGE, "unterminated");
  }

  @Test
  void aNulCharacterIsRefusedNotCut() {
    oneLine(
        sql("SELECT count(*) FROM kpis\0 WHERE false"),
        ExitCodes.USAGE,
        "the query holds a NUL character (U+0000) at offset 25: DuckDB would run only the text"
            + " before it");
  }

  @Test
  void deepSqlAndHugeLimits() {
    oneLine(
        sql("SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000)),
        ExitCodes.USAGE,
        "Max expression depth limit of 1000 exceeded");
    oneLine(
        sql("SELECT * FROM search('除雪', 99999999999)"),
        ExitCodes.USAGE,
        "limit is too large: 99999999999");
    oneLine(sql("SELECT 1 LIMIT 99999999999999999999"), ExitCodes.USAGE, "out of range");
    oneLine(
        CliTest.hyoka("search", "--data", data, "--limit", "-1", "除雪"),
        ExitCodes.USAGE,
        "limit must be >= 0: -1");
    Run most = CliTest.hyoka("search", "--data", data, "--limit", "2147483647", "除雪");
    assertThat(most.code()).as(most.err()).isZero();
  }

  @Test
  void badOptionsAreOneLineWithWhereTheHelpIs() {
    Run r = CliTest.hyoka("search", "--data", data, "--limit", "abc", "除雪");
    oneLine(
        r,
        ExitCodes.USAGE,
        "Invalid value for option '--limit': 'abc' is not an int (hyoka search --help shows the"
            + " usage)");
    oneLine(
        CliTest.hyoka("sql", "--formt", "csv", "SELECT 1"),
        ExitCodes.USAGE,
        "Unknown options: '--formt', 'SELECT 1'; did you mean --format?");
    oneLine(CliTest.hyoka("nosuch"), ExitCodes.USAGE, "Unmatched argument at index 0: 'nosuch'");
    oneLine(
        CliTest.hyoka("export", "--data", data, tmp.resolve("x").toString()),
        ExitCodes.USAGE,
        "Missing required option: '--format=FORMAT'");
    oneLine(
        CliTest.hyoka("search", "--data", tmp.resolve("none").toString(), "除雪"),
        ExitCodes.USAGE,
        // search reads the warehouse too: the index commit of the warehouse's run
        "no warehouse in");
  }

  @Test
  void otherCommandsFailOnBadInputWithExitTwo() throws Exception {
    Path file = java.nio.file.Files.writeString(tmp.resolve("a-file"), "x");
    oneLine(
        CliTest.hyoka(
            "notebook", "install", "--jar", file.toString(), "--jupyter-dir", file + "/jupyter"),
        ExitCodes.USAGE,
        "cannot install the kernelspec into " + file + "/jupyter: ");
    oneLine(
        CliTest.hyoka("notebook", "kernel", tmp.resolve("none.json").toString()),
        ExitCodes.USAGE,
        "no connection file " + tmp.resolve("none.json"));
    oneLine(CliTest.hyoka("bench", "--copies", "0"), ExitCodes.USAGE, "copies must be >= 1: 0");
    oneLine(
        CliTest.hyoka("ingest", "--data", data, "--runner", "nosuch", tmp.toString()),
        ExitCodes.USAGE,
        "unknown runner nosuch");
  }

  @Test
  void exportKeepsExistingFilesUnlessForcedAndRefusesAFileTarget() throws Exception {
    Path out = tmp.resolve("export");
    Run first = CliTest.hyoka("export", "--data", data, "--format", "csv", out.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("wrote " + out.toAbsolutePath().resolve("kpis.csv"));
    java.nio.file.Files.writeString(out.resolve("kpis.csv"), "mine");
    oneLine(
        CliTest.hyoka("export", "--data", data, "--format", "csv", out.toString()),
        ExitCodes.USAGE,
        "already holds ");
    assertThat(java.nio.file.Files.readString(out.resolve("kpis.csv"))).isEqualTo("mine");
    Run forced =
        CliTest.hyoka("export", "--data", data, "--format", "csv", "--force", out.toString());
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(java.nio.file.Files.readString(out.resolve("kpis.csv"))).startsWith("report_id,");
    Path file = out.resolve("kpis.csv");
    oneLine(
        CliTest.hyoka("export", "--data", data, "--format", "parquet", "--force", file.toString()),
        ExitCodes.USAGE,
        file + " is a file: name a directory to export into");
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      // what a recursive parser does on input nested too deeply
      throw new StackOverflowError();
    }
  }

  @Test
  void anErrorInsideACommandIsOneLineAndExitThree() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        HyokaCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
    cl.addSubcommand("boom", new Boom());
    int code = cl.execute("boom");
    assertThat(code).isEqualTo(ExitCodes.INTERNAL);
    assertThat(err.toString())
        .isEqualTo(
            "hyoka: internal error: stack overflow (HYOKA_TRACE=1 shows where)"
                + System.lineSeparator());
  }
}
