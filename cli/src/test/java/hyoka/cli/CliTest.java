package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the hyoka commands in-process on the sample reports, asserting exit codes and output. One
 * data directory is ingested once for the class; tests that need their own make it themselves.
 */
class CliTest {
  @TempDir static Path tmp;
  static Path data;
  static Run firstIngest;

  record Run(int code, String out, String err) {}

  static Run hyoka(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        HyokaCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void ingestSamples() {
    data = tmp.resolve("data");
    firstIngest = hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString());
  }

  @Test
  void helpListsEveryCommand() {
    Run r = hyoka("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ingest", "sql", "search", "export", "notebook", "serve");
  }

  /**
   * picocli formats descriptions with String.format and, when one does not format (a bare {@code
   * %}), prints a warning straight to the process's stderr (not to the command line's writer).
   */
  @Test
  void everyHelpTextFormatsWithoutPicocliWarnings() {
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      PrintWriter none = new PrintWriter(new StringWriter());
      for (String name : HyokaCommand.commandLine(none, none).getSubcommands().keySet()) {
        Run r = hyoka(name, "--help");
        assertThat(r.code()).as(name).isZero();
        assertThat(r.out()).as(name).doesNotContain("%n", "%%");
      }
    } finally {
      System.setErr(before);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
  }

  /**
   * Main builds only the subcommand it runs; help, usage errors and exit codes must be those of the
   * full command line, for every subcommand.
   */
  @Test
  void theCommandLineBuiltForOneSubcommandBehavesAsTheFullOne() {
    CommandLine full =
        HyokaCommand.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(full.getSubcommands()).containsKeys("ingest", "sql", "search", "export", "bench");
    for (String name : full.getSubcommands().keySet()) {
      // each subcommand but picocli's help is built alone, under a top command of its name
      CommandLine alone =
          HyokaCommand.commandLineFor(
              new String[] {name},
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()));
      assertThat(alone.getSubcommands().keySet())
          .as(name)
          .isEqualTo(name.equals("help") ? full.getSubcommands().keySet() : java.util.Set.of(name));
      for (String[] args :
          List.of(
              new String[] {name, "--help"},
              new String[] {name, "--no-such-option"},
              new String[] {name, "-V"})) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
            HyokaCommand.commandLineFor(
                    args, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        Run expected = hyoka(args);
        assertThat(new Run(code, out.toString(), err.toString()))
            .as(String.join(" ", args))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void ingestHelpListsTheInstalledLayoutsAndAnUnknownOneIsBadUsage() {
    Run help = hyoka("ingest", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out())
        .contains("--layout=NAME")
        .containsPattern("(?m)^Layouts \\(each file is read by the one that claims it")
        .containsPattern("(?m)^  strategy-report  総合戦略 evaluation report: ")
        .containsPattern("(?m)^  kpi-sheet  ");
    Path none = tmp.resolve("no-layout");
    Run bad =
        hyoka(
            "ingest",
            "--data",
            none.toString(),
            "--layout",
            "sheets",
            Fixtures.samplesDir().toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .startsWith("hyoka: unknown layout 'sheets' (installed: ")
        .contains("strategy-report");
    assertThat(none).doesNotExist();
  }

  @Test
  void theLayoutThatReadEachReportIsInTheWarehouse() {
    Run r =
        hyoka(
            "sql",
            "--data",
            data.toString(),
            "--format",
            "csv",
            "SELECT fiscal_year, layout FROM reports ORDER BY 1, 2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "fiscal_year,layout", "2018,strategy-report", "2019,kpi-sheet", "2019,strategy-report");
  }

  @Test
  void ingestOfTheSamplesAddsBothReportsAndTheSheetsAndSummarises() {
    assertThat(firstIngest.code()).as(firstIngest.err()).isZero();
    // the FY2019 report and the FY2019 sheets (layout kpi-sheet) are both read and both current
    // (two publications of one year, not a correction); each line counts what its layout prints
    assertThat(firstIngest.out())
        .containsPattern(
            "(?m)^added .*otaru-sogo-senryaku-h31\\.pdf \\(FY2019, 62 projects, 73 KPI rows, \\d+"
                + " score mismatches, \\d+ unknown lines\\)$")
        .containsPattern("added .*otaru-sogo-senryaku-h30\\.pdf .*FY2018, 62 projects, 73 KPI rows")
        .containsPattern(
            "(?m)^added .*otaru-sheets-r01\\.pdf \\(FY2019, 62 projects, 73 KPI rows, \\d+ grade"
                + " mismatches, \\d+ unknown lines\\)$");
    assertThat(firstIngest.out())
        .containsPattern(
            "3 files: 3 added \\(0 superseding\\).*; 186 projects, 219 KPI rows, \\d+ score"
                + " mismatches, \\d+ grade mismatches");
    assertThat(data.resolve("warehouse.duckdb")).isRegularFile();
    assertThat(data.resolve("index")).isDirectory();
  }

  /**
   * Progress goes to stderr (plain lines: the err writer is not a terminal); stdout is the same.
   */
  @Test
  void ingestShowsItsProgressOnStderrUnlessQuietAndItsStdoutIsTheSameEitherWay() {
    String pdf = Fixtures.samplePdf("h30").toString();
    Run shown = hyoka("ingest", "--data", tmp.resolve("progress").toString(), pdf);
    Run quiet = hyoka("ingest", "--quiet", "--data", tmp.resolve("quiet").toString(), pdf);
    assertThat(shown.code()).as(shown.err()).isZero();
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(shown.out()).isEqualTo(quiet.out()).startsWith("added " + pdf + " (FY2018, ");
    assertThat(quiet.err()).isEmpty();
    List<String> progress = shown.err().lines().toList();
    assertThat(progress)
        .startsWith("hyoka: ingest pipeline: 0 of 1 file")
        .allMatch(l -> l.startsWith("hyoka: ingest "));
    // (on a slow machine a step may also get its every-10-s line)
    assertThat(progress)
        .anyMatch(l -> l.matches("hyoka: ingest publish: 1 of 1 file, \\d+ pages/s"))
        .anyMatch(l -> l.matches("hyoka: ingest index: 1 of 1 file, \\d+ pages/s"));
  }

  @Test
  void reRunSkipsUnchangedFiles() {
    Run r = hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).as("a re-run that reads nothing shows no progress").isEmpty();
    assertThat(r.out())
        .containsPattern("unchanged .*otaru-sheets-r01\\.pdf")
        .containsPattern("unchanged .*otaru-sogo-senryaku-h31\\.pdf")
        .containsPattern("unchanged .*otaru-sogo-senryaku-h30\\.pdf")
        .doesNotContainPattern("(?m)^added ");
  }

  @Test
  void timingsNameEachStepTheIngestRan() {
    String d = tmp.resolve("timed").toString();
    String pdf = Fixtures.samplePdf("h30").toString();
    Run first = hyoka("ingest", "--timings", "--data", d, pdf);
    assertThat(first.code()).as(first.err()).isZero();
    String step = " \\d+\\.\\d\\d s \\(\\d+\\.\\d CPU-s\\),";
    assertThat(first.out())
        .containsPattern(
            "(?m)^timings: scan"
                + step
                + " pipeline"
                + step
                + " publish"
                + step
                + " index"
                + step
                + " finish"
                + step
                + " total \\d+\\.\\d\\d s \\(\\d+\\.\\d CPU-s\\)$");
    // Nothing changed: no pipeline starts, so the re-run has no pipeline, publish or index step.
    Run again = hyoka("ingest", "--timings", "--data", d, pdf);
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out())
        .containsPattern("(?m)^timings: scan" + step + " finish" + step + " total");
    // Without the option the output stays the per-file lines and the summary.
    assertThat(firstIngest.out()).doesNotContain("timings:");
  }

  @Test
  void sqlShowsProjectEightWithItsTwoKpis() {
    Run r =
        hyoka(
            "sql",
            "--data",
            data.toString(),
            "--format",
            "csv",
            // the KPIs by number: the report and the sheets of FY2019 both print them
            "SELECT p.name, p.department, p.section, count(DISTINCT k.kpi_no) AS kpis FROM projects p"
                + " JOIN kpis k USING (report_id, project_no) JOIN reports r USING (report_id)"
                + " WHERE r.fiscal_year = 2019 AND p.project_no = 8"
                + " GROUP BY ALL");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("除雪事業").contains("建設部").contains("維持課").contains(",2");
  }

  @Test
  void sqlGivesTheHandCheckedTrafficAccidentKpi() {
    Run r =
        hyoka(
            "sql",
            "--data",
            data.toString(),
            "--format",
            "json",
            "SELECT k.name, k.baseline_year, k.baseline, k.actual, k.target, k.raw_score, k.score"
                + " FROM kpis k JOIN reports r USING (report_id)"
                + " WHERE r.fiscal_year = 2019 AND k.project_no = 6 AND k.kpi_no = 1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("交通事故件数")
        .containsPattern("\"baseline_year\"\\s*:\\s*2014")
        .containsPattern("\"baseline\"\\s*:\\s*213")
        .containsPattern("\"actual\"\\s*:\\s*173")
        .containsPattern("\"target\"\\s*:\\s*180")
        .containsPattern("\"raw_score\"\\s*:\\s*121\\.21")
        .containsPattern("\"score\"\\s*:\\s*100(\\.0+)?\\b");
  }

  @Test
  void sqlJoinsSearchHitsWithKpis() {
    Run r =
        hyoka(
            "sql",
            "--data",
            data.toString(),
            "--format",
            "csv",
            "SELECT DISTINCT s.project_no, k.name FROM search('除雪') s"
                + " JOIN kpis k USING (report_id, project_no) ORDER BY 1, 2");
    assertThat(r.code()).as(r.err()).isZero();
    // Project 8 (除雪事業) prints two KPIs; both come with its hits.
    assertThat(r.out())
        .containsPattern("(?m)^8,市民の声「除雪依頼」件数$")
        .containsPattern("(?m)^8,市民の声「排雪依頼」件数$");
  }

  @Test
  void theSheetsGradesAreSearchFiltersInTheCommandAndInSql() {
    Run r =
        hyoka(
            "search", "--data", data.toString(), "--grade", "ｄ", "--kind", "effect_factors", "減少");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("effect_factors").contains("D(").contains("grade: D ");
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("(?m)^(\\d+) match").matcher(r.out());
    assertThat(total.find()).as(r.out()).isTrue();
    Run sql =
        hyoka(
            "sql",
            "--data",
            data.toString(),
            "--format",
            "csv",
            "SELECT count(*) AS n FROM search('減少', grade := 'D', kind := 'effect_factors')");
    assertThat(sql.code()).as(sql.err()).isZero();
    assertThat(sql.out()).containsPattern("(?m)^" + total.group(1) + "$");
    Run bad = hyoka("search", "--data", data.toString(), "--grade", ",", "減少");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err().strip())
        .isEqualTo("hyoka: grade ',' names no grade: give one such as A, or several as C,D");
  }

  @Test
  void searchFindsSnowRemovalInProjectEight() {
    Run r = hyoka("search", "--data", data.toString(), "--format", "json", "除雪");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("\"project_no\"\\s*:\\s*8\\b").contains("除雪事業");
  }

  @Test
  void searchYearTakesTheEraFormsAResearcherTypes() {
    Run western = hyoka("search", "--data", data.toString(), "--year", "2018", "除雪");
    assertThat(western.code()).as(western.err()).isZero();
    assertThat(western.out()).contains("2018").doesNotContain("2019");
    for (String era : List.of("平成30", "H30", "平成30年度", "２０１８年度")) {
      Run r = hyoka("search", "--data", data.toString(), "--year", era, "除雪");
      assertThat(r.code()).as(era + ": " + r.err()).isZero();
      assertThat(r.out()).as(era).isEqualTo(western.out());
    }
    Run reiwa = hyoka("search", "--data", data.toString(), "--year", "令和元", "除雪");
    assertThat(reiwa.out())
        .isEqualTo(hyoka("search", "--data", data.toString(), "--year", "2019", "除雪").out());
    Run bad = hyoka("search", "--data", data.toString(), "--year", "昭和64", "除雪");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .isEqualTo(
            "hyoka: Invalid value for option '--year': '昭和64' is not a fiscal year: write it as"
                + " 2019, 2019年度, 令和元 (R1) or 平成31 (H31) (hyoka search --help shows the usage)\n");
  }

  @Test
  void sqlSearchFiltersCountWhatTheSearchCommandFinds() {
    Run cli =
        hyoka(
            "search",
            "--data",
            data.toString(),
            "--format",
            "json",
            "--limit",
            "0",
            "--year",
            "2019",
            "--department",
            "建設",
            "事業");
    assertThat(cli.code()).as(cli.err()).isZero();
    java.util.regex.Matcher total =
        java.util.regex.Pattern.compile("^\\{\"total\":(\\d+),").matcher(cli.out());
    assertThat(total.find()).as(cli.out()).isTrue();
    // 建設 finds 建設部 and the project it shares with 産業港湾部, as the facet shows
    assertThat(cli.out()).contains("\"value\":\"建設部\"", "\"value\":\"産業港湾部・建設部\"");
    Run sql =
        hyoka(
            "sql",
            "--data",
            data.toString(),
            "--format",
            "csv",
            "SELECT count(*) AS n FROM search('事業', year := 2019, department := '建設')");
    assertThat(sql.code()).as(sql.err()).isZero();
    assertThat(sql.out()).containsPattern("(?m)^" + total.group(1) + "$");
    assertThat(Long.parseLong(total.group(1))).isPositive();

    Run bad = hyoka("sql", "--data", data.toString(), "SELECT * FROM search('事業', yaer := 2019)");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err().strip())
        .isEqualTo(
            "hyoka: search('事業', …): unknown filter 'yaer': use year, series, project,"
                + " department, group, kind, min_score, max_score, grade, all_reports or limit");
  }

  @Test
  void badSqlIsAUsageErrorWithOneLine() {
    Run r = hyoka("sql", "--data", data.toString(), "SELEC nonsense");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().strip()).startsWith("hyoka: ").doesNotContain("\n");
  }

  @Test
  void sqlWithoutAWarehouseSaysSo() {
    Path empty = tmp.resolve("nothing-here");
    Run r = hyoka("sql", "--data", empty.toString(), "SELECT 1");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().strip())
        .isEqualTo("hyoka: no warehouse in " + empty + ": run hyoka ingest first");
  }

  @Test
  void aFileThatIsNotAPdfIsRejectedAndTheGoodOneStillIngested() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("mixed"));
    Path fake = dir.resolve("fake.pdf");
    Files.writeString(fake, "this is not a PDF at all\n", StandardCharsets.UTF_8);
    Files.copy(Fixtures.samplePdf("h31"), dir.resolve("h31.pdf"));
    Path d = tmp.resolve("mixed-data");
    Run r = hyoka("ingest", "--data", d.toString(), dir.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FILES_REJECTED);
    assertThat(r.out()).containsPattern("rejected .*fake\\.pdf: .*not a PDF");
    assertThat(r.out()).containsPattern("added .*h31\\.pdf");
    Run count =
        hyoka(
            "sql", "--data", d.toString(), "--format", "csv", "SELECT count(*) AS n FROM reports");
    assertThat(count.out()).contains("\n1");
  }

  @Test
  void aFileNameStartingWithADashIsTakenAfterDoubleDashAndTheErrorSaysSo() throws IOException {
    // Relative names, as a user in that folder types them: the CLI's working directory is the
    // module's, so the file is made there and removed after.
    Path dash = Path.of("-dash-report.pdf");
    Files.copy(Fixtures.samplePdf("h30"), dash);
    try {
      String d = tmp.resolve("dash-data").toString();
      Run refused = hyoka("ingest", "--data", d, "-dash-report.pdf");
      assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(refused.err())
          .contains(
              "Unknown option: '-dash-report.pdf'. A file or folder whose name starts with - goes"
                  + " after -- (hyoka ingest -- -dash-report.pdf) or with its folder"
                  + " (./-dash-report.pdf)");
      assertThat(tmp.resolve("dash-data")).doesNotExist();

      Run taken = hyoka("ingest", "--data", d, "--", "-dash-report.pdf");
      assertThat(taken.code()).as(taken.err()).isZero();
      assertThat(taken.out()).startsWith("added -dash-report.pdf (FY2018, 62 projects");
      Run dotted = hyoka("ingest", "--data", d, "./-dash-report.pdf");
      assertThat(dotted.code()).as(dotted.err()).isZero();
      assertThat(dotted.out()).startsWith("unchanged ./-dash-report.pdf");

      Run none = hyoka("ingest", "--data", d);
      assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(none.err()).contains("Missing required parameter: 'PATH'");
    } finally {
      Files.deleteIfExists(dash);
    }
  }

  @Test
  void ingestBoundsAreOptionsAndBadOnesAreUsageErrors() {
    String d = tmp.resolve("bounds-data").toString();
    Run tooSmall = hyoka("ingest", "--data", d, "--reader-heap", "8", "x.pdf");
    assertThat(tooSmall.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(tooSmall.err()).contains("--reader-heap at least 64");
    Run tiny =
        hyoka("ingest", "--data", d, "--max-file-size", "0", Fixtures.samplePdf("h30").toString());
    assertThat(tiny.code()).isEqualTo(ExitCodes.USAGE);
    Run bounded =
        hyoka(
            "ingest",
            "--data",
            d,
            "--max-file-size",
            "1",
            "--file-timeout",
            "60",
            Fixtures.samplePdf("h30").toString());
    assertThat(bounded.code()).as(bounded.err()).isZero();
    assertThat(bounded.out()).startsWith("added ");
    assertThat(hyoka("ingest", "--help").out())
        .contains("--file-timeout", "--reader-heap", "--max-file-size", "Put -- before them");
  }

  @Test
  void aDamagedPdfGivesItsOneLineAndNoLibraryWarningsOnStderr() throws IOException {
    // The first half of the report with an %%EOF put back: PDFBox repairs what it can and logs
    // WARN lines through slf4j on the way; the researcher should see only hyoka's one line.
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h31"));
    byte[] eof = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 2 + eof.length);
    System.arraycopy(eof, 0, cut, pdf.length / 2, eof.length);
    Path dir = Files.createDirectories(tmp.resolve("damaged"));
    Path damaged = Files.write(dir.resolve("damaged.pdf"), cut);
    java.io.PrintStream realErr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    Run r;
    try {
      System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
      r = hyoka("ingest", "--data", tmp.resolve("damaged-data").toString(), damaged.toString());
    } finally {
      System.setErr(realErr);
    }
    assertThat(r.code()).isEqualTo(ExitCodes.FILES_REJECTED);
    assertThat(r.out())
        .containsPattern(
            "(?m)^rejected .*damaged\\.pdf: damaged PDF \\(.*\\): the file is cut off or corrupt$");
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  @Test
  void searchHelpNamesEveryKindTheIndexHoldsAndHowToExcludeAWord() {
    Run bad = hyoka("search", "--data", data.toString(), "--kind", "nonsense", "除雪");
    // The index's own list, as its error message gives it: the help must offer each of them.
    String kinds = bad.err().substring(bad.err().indexOf("one of ") + "one of ".length()).strip();
    String help = hyoka("search", "--help").out().replaceAll("\\s+", " ");
    for (String kind : kinds.split(", ")) {
      assertThat(help).contains(kind);
    }
    assertThat(help).contains("Put -- before them when one starts with -");
    Run excluded =
        hyoka("search", "--data", data.toString(), "--format", "json", "--", "除雪", "-排雪");
    assertThat(excluded.code()).as(excluded.err()).isZero();
    assertThat(excluded.out())
        .contains("\"project_no\":8")
        .doesNotContainPattern("\"snippet\":\"[^\"]*排雪");
  }

  @Test
  void everySubcommandPrintsTheVersionItsHelpOffers() {
    Run top = hyoka("--version");
    assertThat(top.out()).startsWith("hyoka ");
    PrintWriter none = new PrintWriter(new StringWriter());
    for (String name : HyokaCommand.commandLine(none, none).getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      assertThat(hyoka(name, "--help").out()).as(name).contains("-V, --version");
      Run v = hyoka(name, "-V");
      assertThat(v.code()).as(name).isZero();
      assertThat(v.out()).as(name).isEqualTo(top.out());
    }
    assertThat(hyoka("notebook", "install", "-V").out()).isEqualTo(top.out());
  }

  @Test
  void sqlHelpNamesEveryFilterSearchInSqlTakes() {
    Run bad = hyoka("sql", "--data", data.toString(), "SELECT * FROM search('除雪', yr := 1)");
    // search()'s own list, as its error message gives it (grade was missing from the help)
    String list = bad.err().substring(bad.err().indexOf("use ") + "use ".length()).strip();
    String help = hyoka("sql", "--help").out().replaceAll("\\s+", " ");
    String named = help.substring(help.indexOf("by name:"), help.indexOf("Examples:"));
    for (String name : list.replace(" or ", ", ").split(", ")) {
      assertThat(named).containsPattern(" " + name + "[ ,.]");
    }
  }

  @Test
  void everyCommandSummaryInTheHelpIsACompleteSentence() {
    String help = hyoka("--help").out();
    String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:"));
    // A summary is the first line of a command's description; one ending in "e.g.:" reads cut off.
    for (String entry : commands.strip().split("\\R(?=  \\S)")) {
      if (!entry.startsWith("Commands:")) {
        assertThat(entry.strip()).as(entry).endsWith(".");
      }
    }
  }

  @Test
  void exportWritesEveryTableAsParquet() {
    Path out = tmp.resolve("export");
    Run r = hyoka("export", "--data", data.toString(), "--format", "parquet", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("kpis.parquet")).isRegularFile();
    assertThat(out.resolve("kpi_series.parquet")).isRegularFile();
  }
}
