package hyoka.cli;

import hyoka.search.SearchFilters;
import hyoka.search.SearchFormat;
import hyoka.search.SearchRequest;
import hyoka.search.SearchResponse;
import hyoka.search.Searcher;
import hyoka.transform.Eras;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code hyoka search}: Japanese full-text search over the narratives, with the KPI scores.
 *
 * <p>Its command line is built with picocli's programmatic API rather than from annotations: {@code
 * search} is the short command a researcher runs most, and reading annotations makes the JDK
 * generate a proxy class for each annotation type at every start, which with picocli's model
 * building from them was ≈ 50 ms of CPU against ≈ 25 ms for the same model built in code
 * (docs/performance.md, "Sixth pass"). The help, the errors and the exit codes are picocli's as for
 * every other command (CliTest).
 */
final class SearchCommand implements Callable<Integer> {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
  private final OptionSpec data = DataDirOption.option();
  private final OptionSpec format =
      option("--format", "FORMAT", SearchFormat.class, "table or json (default: ${DEFAULT-VALUE}).")
          .defaultValue("table")
          .build();
  private final OptionSpec limit =
      option("--limit", "N", int.class, "Number of hits to show (default: ${DEFAULT-VALUE}).")
          .defaultValue("20")
          .build();
  private final OptionSpec year =
      option(
              "--year",
              "YEAR",
              Integer.class,
              "Report fiscal year: 2019, 2019年度, 令和元 (R1) or 平成31 (H31).")
          .converters(new FiscalYearConverter())
          .build();
  private final OptionSpec series =
      option("--series", "NAME", String.class, "Report series.").build();
  private final OptionSpec project =
      option("--project", "NO|KEY", String.class, "Project number or key.").build();
  private final OptionSpec department =
      option(
              "--department",
              "DEPT",
              String.class,
              "Department or part of its name: 建設 matches 建設部 and 産業港湾部・建設部 (NFKC; spaces,"
                  + " brackets and 「」 ignored).")
          .build();
  private final OptionSpec group =
      option("--group", "GROUP", String.class, "Project group number or name.").build();
  private final OptionSpec kind =
      option(
              "--kind",
              "KIND",
              String.class,
              "status_analysis, five_year_summary, overview, purpose, implementation,"
                  + " effect_factors, future_work, kpi, target_basis, description or name.")
          .build();
  private final OptionSpec minScore =
      option("--min-score", "S", Double.class, "Only projects with a KPI scored at least S.")
          .build();
  private final OptionSpec maxScore =
      option("--max-score", "S", Double.class, "Only projects with a KPI scored at most S.")
          .build();
  private final OptionSpec grade =
      option(
              "--grade",
              "G[,G…]",
              String.class,
              "Only projects with a KPI of this grade (printed, else by the document's legend;"
                  + " layouts that grade, e.g. kpi-sheet): A, or several as C,D (NFKC, any case).")
          .build();
  private final OptionSpec allReports =
      OptionSpec.builder("--all-reports")
          .type(boolean.class)
          .description("Include texts of superseded reports.")
          .build();
  private final PositionalParamSpec words =
      PositionalParamSpec.builder()
          .paramLabel("QUERY")
          .arity("1..*")
          .required(true)
          .type(List.class)
          .auxiliaryTypes(String.class)
          .description("Query words. Put -- before them when one starts with - (-- 除雪 -排雪).")
          .build();

  private SearchCommand() {
    spec.name("search");
    spec.usageMessage()
        .description(
            "Full-text search over the narratives (現状分析, ５年間の総括, budget item texts, the"
                + " sheets' 効果発現要因 and 今後の取組, KPI names and target bases): Kuromoji,"
                + " NFKC-folded, with spelling-variant synonyms. All terms must match by default;"
                + " \"…\" for a phrase, OR between alternatives. Superseded reports are left out"
                + " unless --all-reports.");
    HyokaCommand.addHelpOptions(spec);
    for (OptionSpec o :
        List.of(
            data,
            format,
            limit,
            year,
            series,
            project,
            department,
            group,
            kind,
            minScore,
            maxScore,
            grade,
            allReports)) {
      spec.addOption(o);
    }
    spec.addPositional(words);
  }

  /** The command line of {@code hyoka search}, to add under the {@code hyoka} command. */
  static CommandLine commandLine() {
    return new CommandLine(new SearchCommand().spec);
  }

  private static OptionSpec.Builder option(
      String name, String label, Class<?> type, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(type).description(description);
  }

  @Override
  public Integer call() {
    SearchFilters filters =
        new SearchFilters(
            year.getValue(),
            series.getValue(),
            project.getValue(),
            department.getValue(),
            group.getValue(),
            kind.getValue(),
            minScore.getValue(),
            maxScore.getValue(),
            grade.getValue());
    List<String> query = words.getValue();
    int n = limit.getValue();
    SearchRequest request =
        new SearchRequest(
            String.join(" ", query), filters, n, Boolean.TRUE.equals(allReports.getValue()));
    SearchFormat f = format.getValue();
    // the index commit of the published warehouse run, as search() in hyoka sql reads it
    try (Searcher searcher = DataDirOption.of(data.getValue()).openSearcher()) {
      SearchResponse response = searcher.search(request);
      spec.commandLine().getOut().print(f.format(response));
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }

  /** {@code --year} as a researcher may type it ({@link Eras#fiscalYear}). */
  static final class FiscalYearConverter implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Eras.fiscalYear(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
