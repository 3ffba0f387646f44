package hyoka.cli;

import hyoka.ingest.ExtractLimits;
import hyoka.ingest.IngestRequest;
import hyoka.ingest.IngestRun;
import hyoka.ingest.IngestSummary;
import hyoka.transform.Layout;
import hyoka.transform.Layouts;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code hyoka ingest}: reads report PDFs into the warehouse and the search index. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingest report PDFs (files, or folders searched for *.pdf) into the warehouse and the"
            + " search index. Unchanged files (same sha256, read by this version of hyoka) are"
            + " skipped without parsing; a held file another version read is read again and its"
            + " report replaced (reparsed); a new file for a series and fiscal year already held"
            + " supersedes the old one. Prints one line per file and a summary.")
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataDirOption data;

  @Option(
      names = "--series",
      paramLabel = "NAME",
      description = "Series name of the reports (default: the name of each file's folder).")
  String series;

  @Option(
      names = "--runner",
      paramLabel = "RUNNER",
      defaultValue = "direct",
      description =
          "Beam runner: direct, flink or spark (flink/spark need a -Pflink/-Pspark build). Default: ${DEFAULT-VALUE}.")
  String runner;

  @Option(
      names = "--layout",
      paramLabel = "NAME",
      description =
          "Read every file with this layout (see Layouts below) instead of the one layout that"
              + " claims each file; a file it cannot read is rejected with the reason.")
  String layout;

  @Option(
      names = "--timings",
      description =
          "After the summary, print how long each step took (scan, pipeline, publish, index,"
              + " finish): wall seconds and the CPU seconds of this JVM and its PDF reader"
              + " processes.")
  boolean timings;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress on stderr. Without it: a status line when stderr is a terminal (step,"
              + " files done, pages per second, time left), else a line per step and every 10 s."
              + " stdout is the same either way.")
  boolean quiet;

  @Option(
      names = "--file-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "How long reading one PDF may take before it is rejected (time bound exceeded)."
              + " Default: ${DEFAULT-VALUE}.")
  long fileTimeoutSeconds;

  @Option(
      names = "--reader-heap",
      paramLabel = "MB",
      defaultValue = "512",
      description =
          "Heap of each PDF reader process; a PDF that needs more is rejected (memory bound"
              + " exceeded). Default: ${DEFAULT-VALUE}.")
  int readerHeapMb;

  @Option(
      names = "--max-file-size",
      paramLabel = "MB",
      defaultValue = "256",
      description = "Larger files are rejected without being read. Default: ${DEFAULT-VALUE}.")
  long maxFileMb;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "PDF files or folders. Put -- before them when one starts with -"
              + " (hyoka ingest -- -report.pdf), or write it as ./-report.pdf.")
  List<Path> paths;

  /**
   * Ends {@code hyoka ingest --help} with the installed layouts and what each reads. They are
   * looked up when the help is printed, not when any command starts.
   */
  static void listLayoutsInHelp(CommandLine ingest) {
    ingest
        .getHelpSectionMap()
        .put(
            UsageMessageSpec.SECTION_KEY_FOOTER,
            help -> {
              List<Layout> layouts = Layouts.installed().all();
              int width = layouts.stream().mapToInt(l -> l.name().length()).max().orElse(0);
              StringBuilder b =
                  new StringBuilder(
                      String.format(
                          Locale.ROOT,
                          "%nLayouts (each file is read by the one that claims it, or by"
                              + " --layout NAME):%n"));
              for (Layout l : layouts) {
                b.append(
                    String.format(
                        Locale.ROOT, "  %-" + width + "s  %s%n", l.name(), l.description()));
              }
              return b.toString();
            });
  }

  /**
   * Arguments that look like options but are none: picocli would say only "Unknown option" or
   * "Missing required parameter", which does not tell that a file named {@code -x.pdf} is meant.
   */
  @Unmatched List<String> unmatched;

  @Override
  public Integer call() {
    if (unmatched != null && !unmatched.isEmpty()) {
      String arg = unmatched.get(0);
      throw new ParameterException(
          spec.commandLine(),
          "Unknown option: '"
              + arg
              + "'. A file or folder whose name starts with - goes after --"
              + " (hyoka ingest -- "
              + arg
              + ") or with its folder (./"
              + arg
              + ")");
    }
    if (paths == null || paths.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "Missing required parameter: 'PATH' (PDF files or folders)");
    }
    ExtractLimits limits;
    try {
      limits =
          new ExtractLimits(
              Math.multiplyExact(maxFileMb, 1L << 20),
              Math.multiplyExact(fileTimeoutSeconds, 1000L),
              readerHeapMb);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--file-timeout and --max-file-size must be positive, --reader-heap at least 64");
    }
    IngestSummary summary;
    try (IngestProgressDisplay progress =
        IngestProgressDisplay.open(spec.commandLine().getErr(), quiet)) {
      summary =
          new IngestRun(progress)
              .run(
                  new IngestRequest(
                      data.dataDir,
                      paths,
                      series,
                      runner,
                      layout,
                      spec.commandLine().getOut(),
                      limits));
    }
    if (timings) {
      spec.commandLine().getOut().println(summary.times().line());
    }
    spec.commandLine().getOut().flush();
    return summary.rejected() > 0 ? ExitCodes.FILES_REJECTED : ExitCodes.OK;
  }
}
