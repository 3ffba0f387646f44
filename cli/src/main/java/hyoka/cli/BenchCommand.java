package hyoka.cli;

import hyoka.ingest.bench.Benchmark;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hyoka bench}: the ingest benchmark of docs/performance.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure Tika-only extraction against the full ingest (per runner) and a no-op re-run on"
            + " a corpus of N distinct copies of a sample report; prints a Markdown table of"
            + " wall and CPU seconds, pages per second and peak memory (docs/performance.md).")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--copies",
      paramLabel = "N",
      defaultValue = "100",
      description = "Copies of the sample in the corpus (default: ${DEFAULT-VALUE}).")
  int copies;

  @Option(
      names = "--sample",
      paramLabel = "PDF",
      defaultValue = "samples/otaru-sogo-senryaku-h31.pdf",
      description = "Report to copy (default: ${DEFAULT-VALUE}).")
  Path sample;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "target/bench",
      description = "Folder for the corpus and the data directories (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--runners",
      paramLabel = "LIST",
      split = ",",
      description = "Runners to measure (default: direct, and flink when built in with -Pflink).")
  List<String> runners;

  @Option(
      names = "--rounds",
      paramLabel = "R",
      defaultValue = "10",
      description =
          "Times the Tika-only and full-ingest phases run back to back; the ratio is taken from"
              + " the last, warm round (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Override
  public Integer call() {
    Benchmark.Options defaults = Benchmark.Options.fromArgs();
    Benchmark.Options options;
    try {
      options =
          new Benchmark.Options(
              copies,
              sample,
              work.resolve("corpus"),
              work.resolve("work"),
              runners == null || runners.isEmpty() ? defaults.runners() : runners,
              rounds);
    } catch (IllegalArgumentException e) {
      // the options validate themselves: a bad one is the user's input, exit 2
      throw new HyokaException(ErrorCode.BAD_ARGUMENT, e.getMessage(), e);
    }
    Benchmark.Results results = Benchmark.run(options, spec.commandLine().getOut());
    spec.commandLine().getOut().println();
    spec.commandLine().getOut().print(results.markdown());
    spec.commandLine().getOut().println();
    spec.commandLine().getOut().print(results.stepsMarkdown());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
