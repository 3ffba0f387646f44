package hyoka.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark runs end to end on a tiny corpus and reports every phase. Its figures are not
 * asserted (timing belongs in docs/performance.md, not in tests); what is asserted is that each
 * phase did its work — the benchmark itself checks that every full ingest added every copy and the
 * re-run found them unchanged, and fails otherwise.
 */
class BenchmarkTest {
  @Test
  void measuresEveryPhaseOnASmallCorpus(@TempDir Path tmp) {
    Benchmark.Options options =
        new Benchmark.Options(
            2,
            Fixtures.samplePdf("h31"),
            tmp.resolve("corpus"),
            tmp.resolve("work"),
            List.of("direct"),
            2,
            null);
    StringWriter progress = new StringWriter();

    Benchmark.Results results = Benchmark.run(options, new PrintWriter(progress, true));

    assertThat(results.figures())
        .extracting(Benchmark.Figure::name)
        .containsExactly(
            "Tika-only, 1 thread",
            "Tika-only, " + cores() + " threads (round 1 of 2)",
            "Tika-only, " + cores() + " threads (round 2 of 2)",
            "peer pipeline, " + cores() + " threads (round 1 of 2)",
            "peer pipeline, " + cores() + " threads (round 2 of 2)",
            "full ingest, direct (round 1 of 2)",
            "full ingest, direct (round 2 of 2)",
            "stage: Tika in the PDF reader processes, " + cores() + " threads",
            "stage: parse + score, 1 thread",
            "stage: Arrow shards, 1 thread",
            "stage: DuckDB publish (one transaction)",
            "stage: Lucene index sync",
            "stage: Kuromoji analysis alone (no index written)",
            "no-op re-run (all unchanged)");
    assertThat(results.pagesPerCopy()).isEqualTo(36);
    assertThat(results.tikaReference().name()).endsWith("(round 2 of 2)");
    assertThat(results.peerReference().name())
        .startsWith("peer pipeline")
        .endsWith("(round 2 of 2)");
    for (Benchmark.Figure f : results.figures()) {
      boolean reRun = f.name().startsWith("no-op");
      assertThat(f.pages()).as(f.name()).isEqualTo(reRun ? 0 : 72);
      assertThat(f.seconds()).as(f.name()).isPositive();
      // a figure that read the 72 pages of PDF used the CPU (hundreds of ms); a stage working on
      // what is already in memory (parse, shards, publish, the index of 2 reports) or a no-op
      // re-run may take less than one 10 ms clock tick of the process's CPU time
      boolean readsPdfs =
          f.name().startsWith("Tika-only")
              || f.name().startsWith("peer pipeline")
              || f.name().startsWith("full ingest")
              || f.name().startsWith("stage: Tika");
      if (readsPdfs) {
        assertThat(f.cpuSeconds()).as(f.name()).isPositive();
      } else {
        assertThat(f.cpuSeconds()).as(f.name()).isGreaterThanOrEqualTo(0);
      }
      // On Linux the JIT/GC split is read from /proc and is part of the phase's CPU (each
      // thread's ticks are 10 ms coarse, and the two clocks are read a moment apart: 0.25 s slack).
      assertThat(f.jitCpuSeconds() + f.gcCpuSeconds())
          .as(f.name())
          .isBetween(0.0, f.cpuSeconds() + 0.25);
    }
    String table = results.markdown();
    assertThat(table)
        .contains("Corpus: 2 copies × 36 pages = 72 pages")
        .contains("| of which JIT | of which GC |")
        .contains("| vs peer |", "| vs peer (CPU) |")
        .contains("| full ingest, direct (round 2 of 2) | 2 | 72 |");
    assertThat(table.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(15);
    // the peer's own row is the 1.00 of its columns
    assertThat(table)
        .containsPattern(
            "\\| peer pipeline, \\d+ threads \\(round 2 of 2\\) \\| 2 \\| 72 \\| [0-9.]+ \\| [0-9.]+ \\|"
                + " [0-9.]+ \\| 1\\.00 \\|");
    assertThat(results.peerSummary())
        .containsPattern(
            "^full ingest, direct \\(round 2 of 2\\) against peer pipeline, \\d+ threads \\(round 2"
                + " of 2\\): [0-9.]+ by wall time, [0-9.]+ by CPU time \\(aim: at least 1\\.00\\)\n$");
    // Each full ingest ran every step, and the index step's CPU is part of the ingest's.
    assertThat(results.ingestSteps()).hasSize(2);
    for (Benchmark.IngestSteps s : results.ingestSteps()) {
      assertThat(s.times().steps())
          .extracting(hyoka.ingest.StepTimes.Step::name)
          .containsExactly("scan", "pipeline", "publish", "index", "finish");
      assertThat(s.cpuSeconds("index")).isPositive().isLessThan(s.figure().cpuSeconds() + 0.25);
    }
    assertThat(results.stepsMarkdown())
        .contains("| without the index step |")
        .containsPattern("\\| full ingest, direct \\(round 2 of 2\\) \\|( [0-9.]+ \\|){9}\n");
    assertThat(progress.toString()).contains("warm-up …").contains("no-op re-run");
    // The copies are identical: the benchmark's syncs analyse every text (the cache is off), and
    // the switch is put back afterwards.
    assertThat(progress.toString()).startsWith("analysis cache: off");
    assertThat(System.getProperty(hyoka.search.AnalysisCache.PROPERTY)).isNull();
  }

  /** {@code hyoka bench --only peer}: the one phase, and the whole process beside it. */
  @Test
  void measuresThePeerPipelineAloneInThisProcess(@TempDir Path tmp) {
    Benchmark.Options options =
        new Benchmark.Options(
            2,
            Fixtures.samplePdf("h31"),
            tmp.resolve("corpus"),
            tmp.resolve("work"),
            List.of("direct"),
            1,
            Benchmark.Options.ONLY_PEER);

    List<Benchmark.Figure> figures = Benchmark.single(options, new PrintWriter(new StringWriter()));

    assertThat(figures).hasSize(2);
    assertThat(figures.get(0).name()).isEqualTo("peer pipeline, " + cores() + " threads");
    assertThat(figures.get(0).pages()).isEqualTo(72);
    assertThat(figures.get(1).name()).startsWith("the whole process until now");
    // the process ran at least as long as its phase (the JVM started before it)
    assertThat(figures.get(1).seconds()).isGreaterThanOrEqualTo(figures.get(0).seconds());
    assertThat(figures.get(1).cpuSeconds()).isGreaterThanOrEqualTo(figures.get(0).cpuSeconds());
    assertThat(figures.get(0).line())
        .startsWith("peer pipeline, " + cores() + " threads: 2 files, 72 pages, ");
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
