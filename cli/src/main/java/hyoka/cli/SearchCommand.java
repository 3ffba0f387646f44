package hyoka.cli;

import hyoka.search.SearchFilters;
import hyoka.search.SearchFormat;
import hyoka.search.SearchRequest;
import hyoka.search.SearchResponse;
import hyoka.search.Searcher;
import hyoka.transform.Eras;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hyoka search}: Japanese full-text search over the narratives, with the KPI scores. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Full-text search over the narratives (現状分析, ５年間の総括, budget item texts, the"
            + " sheets' 効果発現要因 and 今後の取組, KPI names and target bases): Kuromoji,"
            + " NFKC-folded, with spelling-variant synonyms. All terms must match by default;"
            + " \"…\" for a phrase, OR between alternatives. Superseded reports are left out unless"
            + " --all-reports.")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  SearchFormat format;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Number of hits to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      converter = FiscalYearConverter.class,
      description = "Report fiscal year: 2019, 2019年度, 令和元 (R1) or 平成31 (H31).")
  Integer year;

  @Option(names = "--series", paramLabel = "NAME", description = "Report series.")
  String series;

  @Option(names = "--project", paramLabel = "NO|KEY", description = "Project number or key.")
  String project;

  @Option(
      names = "--department",
      paramLabel = "DEPT",
      description =
          "Department or part of its name: 建設 matches 建設部 and 産業港湾部・建設部 (NFKC; spaces,"
              + " brackets and 「」 ignored).")
  String department;

  @Option(names = "--group", paramLabel = "GROUP", description = "Project group number or name.")
  String group;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "status_analysis, five_year_summary, overview, purpose, implementation,"
              + " effect_factors, future_work, kpi, target_basis, description or name.")
  String kind;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      description = "Only projects with a KPI scored at least S.")
  Double minScore;

  @Option(
      names = "--max-score",
      paramLabel = "S",
      description = "Only projects with a KPI scored at most S.")
  Double maxScore;

  @Option(
      names = "--grade",
      paramLabel = "G[,G…]",
      description =
          "Only projects with a KPI of this grade (printed, else by the document's legend; layouts"
              + " that grade, e.g. kpi-sheet): A, or several as C,D (NFKC, any case).")
  String grade;

  @Option(names = "--all-reports", description = "Include texts of superseded reports.")
  boolean includeSuperseded;

  @Parameters(
      paramLabel = "QUERY",
      arity = "1..*",
      description = "Query words. Put -- before them when one starts with - (-- 除雪 -排雪).")
  java.util.List<String> words;

  @Override
  public Integer call() {
    SearchFilters filters =
        new SearchFilters(
            year, series, project, department, group, kind, minScore, maxScore, grade);
    SearchRequest request =
        new SearchRequest(String.join(" ", words), filters, limit, includeSuperseded);
    // the index commit of the published warehouse run, as search() in hyoka sql reads it
    try (Searcher searcher = data.openSearcher()) {
      SearchResponse response = searcher.search(request);
      spec.commandLine().getOut().print(format.format(response));
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
