package hyoka.cli;

import hyoka.ingest.bench.Benchmark;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.PrintWriter;
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
        "Measure Tika-only extraction and the peer pipeline (Tika + Lucene's JapaneseAnalyzer)"
            + " against the full ingest (per runner) and a no-op re-run on a corpus of N distinct"
            + " copies of a sample report; prints a Markdown table of wall and CPU seconds, pages"
            + " per second and peak memory, and the ingest's ratio to the peer"
            + " (docs/performance.md).")
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

  @Option(
      names = "--only",
      paramLabel = "PHASE",
      description =
          "Measure only this phase, once, in this fresh JVM: peer (the peer pipeline) or tika"
              + " (Tika-only); prints it and the whole process's time, to compare with a fresh"
              + " hyoka ingest of the same corpus (WORK/corpus).")
  String only;

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
              rounds,
              only);
    } catch (IllegalArgumentException e) {
      // the options validate themselves: a bad one is the user's input, exit 2
      throw new HyokaException(ErrorCode.BAD_ARGUMENT, e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (only != null) {
      for (Benchmark.Figure f : Benchmark.single(options, out)) {
        out.println(f.line());
      }
      out.flush();
      return ExitCodes.OK;
    }
    out.print(Benchmark.run(options, out).report());
    out.flush();
    return ExitCodes.OK;
  }
}
