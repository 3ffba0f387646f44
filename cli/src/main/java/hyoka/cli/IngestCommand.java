package hyoka.cli;

import hyoka.ingest.IngestRequest;
import hyoka.ingest.IngestRun;
import hyoka.ingest.IngestSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hyoka ingest}: reads report PDFs into the warehouse and the search index. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Ingest report PDFs (files, or folders searched for *.pdf) into the warehouse and the"
            + " search index. Unchanged files (same sha256) are skipped without parsing; a new"
            + " file for a series and fiscal year already held supersedes the old one. Prints one"
            + " line per file and a summary.")
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
      names = "--timings",
      description =
          "After the summary, print how long each step took (scan, pipeline, publish, index,"
              + " finish): wall seconds and this JVM's CPU seconds.")
  boolean timings;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress on stderr. Without it: a status line when stderr is a terminal (step,"
              + " files done, pages per second, time left), else a line per step and every 10 s."
              + " stdout is the same either way.")
  boolean quiet;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "PDF files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    IngestSummary summary;
    try (IngestProgressDisplay progress =
        IngestProgressDisplay.open(spec.commandLine().getErr(), quiet)) {
      summary =
          new IngestRun(progress)
              .run(
                  new IngestRequest(
                      data.dataDir, paths, series, runner, spec.commandLine().getOut()));
    }
    if (timings) {
      spec.commandLine().getOut().println(summary.times().line());
    }
    spec.commandLine().getOut().flush();
    return summary.rejected() > 0 ? ExitCodes.FILES_REJECTED : ExitCodes.OK;
  }
}
