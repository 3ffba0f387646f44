package hyoka.ingest.bench;

import static java.util.Objects.requireNonNull;

import hyoka.ingest.ExtractLimits;
import hyoka.ingest.IngestRequest;
import hyoka.ingest.IngestRun;
import hyoka.ingest.IngestSummary;
import hyoka.ingest.PdfExtractor;
import hyoka.ingest.PdfReaders;
import hyoka.ingest.StepTimes;
import hyoka.search.AnalysisCache;
import hyoka.search.JapaneseTextAnalyzer;
import hyoka.search.SearchIndex;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ReportText;
import hyoka.warehouse.PublishResult;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;

/**
 * Measures how close the full ingest comes to the cost of PDF text extraction alone, on a corpus of
 * N copies of one sample report (see {@link Corpus}), all in one JVM and one run:
 *
 * <ol>
 *   <li>a warm-up (a small ingest and extractions);
 *   <li>Tika-only extraction of every file on one thread, then {@link Options#rounds} times on one
 *       thread per core;
 *   <li>{@link Options#rounds} times the peer pipeline ({@link PeerPipeline}: Tika's whole text of
 *       each file indexed with Lucene's JapaneseAnalyzer, stored, one document per file, on every
 *       core, one commit), the yardstick the full ingest's throughput is compared with;
 *   <li>{@link Options#rounds} times the full {@code hyoka ingest} ({@link IngestRun}) of the
 *       corpus into a fresh data directory, per runner (direct, flink, spark: whichever are asked
 *       for and built in). The last round of each is the steady state of a warm JVM, the figure the
 *       ratio to Tika-only is read from;
 *   <li>the stages of the ingest one after another on one thread (parse, Arrow shard, DuckDB
 *       publish, Lucene index), by now warm, to see which one is worth optimising;
 *   <li>a no-op re-run of the last DirectRunner ingest (every file unchanged).
 * </ol>
 *
 * <p>It prints progress and then a Markdown table (wall and CPU seconds, pages per second,
 * throughput relative to Tika-only on all cores, load average, peak heap and peak resident set per
 * phase). Run (see docs/performance.md):
 *
 * <pre>
 * mvn -q -Pflink -DskipTests package -pl cli -am
 * java --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED -Xmx4g \
 *     -cp cli/target/hyoka.jar hyoka.ingest.bench.Benchmark [N [corpusDir [workDir [runners [samplePdf [rounds]]]]]]
 * </pre>
 *
 * Defaults: N=100, corpus in {@code target/bench/corpus}, data directories under {@code
 * target/bench/work}, runners {@code direct,flink} (flink only when built in), sample {@code
 * samples/otaru-sogo-senryaku-h31.pdf}, {@value #DEFAULT_ROUNDS} rounds.
 */
public final class Benchmark {
  private static final int WARMUP_FILES = 8;

  /**
   * How often the Tika-only and the full-ingest phases run back to back. The JIT keeps compiling
   * long after an 8-file warm-up: on this 2-core machine HotSpot has one C2 compiler thread, and
   * code that runs once per report or per run gets hot only after several ingests. Measured on
   * 2026-11-28 (100 copies), the JIT threads took 9.9, 7.6, 6.4, 4.2, 2.2, 2.4, 1.6, 1.5, 1.3 and
   * 1.0 of the DirectRunner ingest's CPU seconds in rounds 1 to 10; nothing is compiled twice (no
   * classes are loaded per run, few deoptimisations). Every round is shown (with its JIT and GC
   * share); the ratio is read from the last of each.
   */
  static final int DEFAULT_ROUNDS = 10;

  /**
   * What to measure.
   *
   * @param only {@code null} for the whole benchmark, or one phase measured once in this fresh JVM
   *     ({@link #ONLY_PEER}, {@link #ONLY_TIKA}): with the process's own start, as a command-line
   *     user meets it, to compare with a fresh {@code hyoka ingest} of the same corpus
   */
  public record Options(
      int copies,
      Path sample,
      Path corpusDir,
      Path workDir,
      List<String> runners,
      int rounds,
      String only) {
    public static final String ONLY_PEER = "peer";
    public static final String ONLY_TIKA = "tika";

    public Options {
      if (only != null && !only.equals(ONLY_PEER) && !only.equals(ONLY_TIKA)) {
        throw new IllegalArgumentException("only must be peer or tika: " + only);
      }
      if (copies < 1) {
        throw new IllegalArgumentException("copies must be >= 1: " + copies);
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("rounds must be >= 1: " + rounds);
      }
      requireNonNull(sample, "sample is null");
      requireNonNull(corpusDir, "corpusDir is null");
      requireNonNull(workDir, "workDir is null");
      runners = List.copyOf(requireNonNull(runners, "runners is null"));
      if (runners.isEmpty()) {
        throw new IllegalArgumentException("no runner to measure");
      }
    }

    /** The defaults above, for {@code args} (positional, each optional). */
    public static Options fromArgs(String... args) {
      int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
      Path corpus = Path.of(args.length > 1 ? args[1] : "target/bench/corpus");
      Path work = Path.of(args.length > 2 ? args[2] : "target/bench/work");
      List<String> runners =
          args.length > 3
              ? Arrays.stream(args[3].split(",", -1)).map(String::strip).toList()
              : (runnerBuiltIn("flink") ? List.of("direct", "flink") : List.of("direct"));
      Path sample = Path.of(args.length > 4 ? args[4] : "samples/otaru-sogo-senryaku-h31.pdf");
      int rounds = args.length > 5 ? Integer.parseInt(args[5]) : DEFAULT_ROUNDS;
      return new Options(n, sample, corpus, work, runners, rounds, null);
    }
  }

  /**
   * One measured phase.
   *
   * @param cpuSeconds CPU time of the whole JVM (all threads) and of its PDF reader processes
   *     during the phase, -1 when unknown: on a shared machine the wall time depends on what else
   *     runs, the CPU time much less
   * @param jitCpuSeconds of that, this JVM's JIT compiler threads' CPU, -1 when unknown
   * @param gcCpuSeconds of that, this JVM's garbage collector's (and VM thread's) CPU, -1 when
   *     unknown
   * @param loadAverage the machine's 1-minute load average at the end of the phase, -1 when unknown
   * @param peakRssBytes peak resident set of the process during the phase plus the peaks of its PDF
   *     reader processes, -1 when unknown
   */
  public record Figure(
      String name,
      int files,
      long pages,
      double seconds,
      double cpuSeconds,
      double jitCpuSeconds,
      double gcCpuSeconds,
      double loadAverage,
      long peakHeapBytes,
      long peakRssBytes) {
    public Figure {
      requireNonNull(name, "name is null");
    }

    public double pagesPerSecond() {
      return seconds > 0 ? pages / seconds : Double.NaN;
    }

    public double pagesPerCpuSecond() {
      return cpuSeconds > 0 ? pages / cpuSeconds : Double.NaN;
    }

    /** One line with the figures, for a single measured phase. */
    public String line() {
      return String.format(
          Locale.ROOT,
          "%s: %d files, %d pages, %.2f s wall, %.1f CPU-s (JIT %s, GC %s), %.1f pages/s,"
              + " peak heap %d MB, peak RSS %s MB, load %.1f",
          name,
          files,
          pages,
          seconds,
          cpuSeconds,
          orUnknown(jitCpuSeconds),
          orUnknown(gcCpuSeconds),
          pagesPerSecond(),
          peakHeapBytes >> 20,
          peakRssBytes < 0 ? "?" : Long.toString(peakRssBytes >> 20),
          loadAverage);
    }
  }

  /** A full ingest's figure and the time of each of its steps, as {@link IngestRun} measured. */
  public record IngestSteps(Figure figure, StepTimes times) {
    public IngestSteps {
      requireNonNull(figure, "figure is null");
      requireNonNull(times, "times is null");
    }

    /** CPU seconds of the step, 0 when the ingest did not run it or the JVM does not say. */
    double cpuSeconds(String step) {
      StepTimes.Step s = times.step(step);
      return s == null || s.cpuNanos() < 0 ? 0 : s.cpuNanos() / 1e9;
    }
  }

  /** The stage that analyses the indexed texts with Kuromoji and writes nothing. */
  static final String ANALYSIS_STAGE = "stage: Kuromoji analysis alone (no index written)";

  /**
   * All figures of one run.
   *
   * @param tikaReference the Tika-only figure on all cores, the 100 % of the ratio column
   * @param peerReference the peer pipeline's last round, the 1.00 of the "vs peer" columns
   * @param ingestSteps every full ingest's steps, in the order they ran
   */
  public record Results(
      String machine,
      int copies,
      int pagesPerCopy,
      List<Figure> figures,
      Figure tikaReference,
      Figure peerReference,
      List<IngestSteps> ingestSteps) {
    public Results {
      requireNonNull(machine, "machine is null");
      figures = List.copyOf(requireNonNull(figures, "figures is null"));
      requireNonNull(tikaReference, "tikaReference is null");
      requireNonNull(peerReference, "peerReference is null");
      ingestSteps = List.copyOf(requireNonNull(ingestSteps, "ingestSteps is null"));
    }

    /**
     * The aim of issue 16: the last full ingest of each runner against the peer pipeline's last
     * round, throughput by wall time and by CPU time (≥ 1.00 means the ingest is no slower).
     */
    public String peerSummary() {
      StringBuilder b = new StringBuilder();
      Figure last = null;
      for (IngestSteps s : ingestSteps) {
        if (last != null && !sameRunner(last, s.figure())) {
          b.append(peerLine(last));
        }
        last = s.figure();
      }
      if (last != null) {
        b.append(peerLine(last));
      }
      return b.toString();
    }

    private static boolean sameRunner(Figure a, Figure b) {
      return a.name().replaceAll(" \\(round.*", "").equals(b.name().replaceAll(" \\(round.*", ""));
    }

    private String peerLine(Figure f) {
      return String.format(
          Locale.ROOT,
          "%s against %s: %.2f by wall time, %.2f by CPU time (aim: at least 1.00)%n",
          f.name(),
          peerReference.name(),
          ratio(f.pagesPerSecond(), peerReference.pagesPerSecond()),
          ratio(f.pagesPerCpuSecond(), peerReference.pagesPerCpuSecond()));
    }

    /**
     * The full ingests step by step, and what their CPU ratio to Tika-only would be without the
     * index step, and with only the Kuromoji analysis of the same texts in its place (no Lucene
     * index written at all): the best any ingest that analyses its texts with Kuromoji can reach.
     */
    public String stepsMarkdown() {
      double analysis =
          figures.stream()
              .filter(f -> f.name().equals(ANALYSIS_STAGE))
              .mapToDouble(Figure::cpuSeconds)
              .findFirst()
              .orElse(Double.NaN);
      StringBuilder b = new StringBuilder();
      b.append(
          "| full ingest | CPU s | scan | pipeline | publish | index | finish |"
              + " vs Tika-only (CPU) | without the index step |"
              + " with only the Kuromoji analysis as its index step |\n");
      b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      double tikaPerPage = tikaReference.cpuSeconds() / tikaReference.pages();
      for (IngestSteps s : ingestSteps) {
        Figure f = s.figure();
        double index = s.cpuSeconds("index");
        double withoutIndex = f.cpuSeconds() - index;
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f |%n",
                f.name(),
                f.cpuSeconds(),
                s.cpuSeconds("scan"),
                s.cpuSeconds("pipeline"),
                s.cpuSeconds("publish"),
                index,
                s.cpuSeconds("finish"),
                tikaPerPage * f.pages() / f.cpuSeconds(),
                tikaPerPage * f.pages() / withoutIndex,
                tikaPerPage * f.pages() / (withoutIndex + analysis)));
      }
      return b.toString();
    }

    /** What the benchmark prints at the end: the table, the ratios to the peer, the steps. */
    public String report() {
      return "\n" + markdown() + "\n" + peerSummary() + "\n" + stepsMarkdown();
    }

    /** The figures as a Markdown table, with the machine above it. */
    public String markdown() {
      StringBuilder b = new StringBuilder();
      b.append(machine).append('\n');
      b.append(
          String.format(
              Locale.ROOT,
              "Corpus: %d copies × %d pages = %d pages%n%n",
              copies,
              pagesPerCopy,
              (long) copies * pagesPerCopy));
      b.append(
          "| phase | files | pages | wall s | pages/s | vs Tika-only (all cores) | vs peer |"
              + " CPU s | of which JIT | of which GC | pages/CPU-s | vs Tika-only (CPU) |"
              + " vs peer (CPU) | load avg | peak heap MB | peak RSS MB |\n");
      b.append(
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Figure f : figures) {
        String ratio =
            f.pages() == 0
                ? "–"
                : String.format(
                    Locale.ROOT, "%.2f", f.pagesPerSecond() / tikaReference.pagesPerSecond());
        String cpuRatio =
            f.pages() == 0 || f.cpuSeconds() <= 0
                ? "–"
                : String.format(
                    Locale.ROOT, "%.2f", f.pagesPerCpuSecond() / tikaReference.pagesPerCpuSecond());
        boolean noPages = f.pages() == 0;
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.2f | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %.1f | %d"
                    + " | %s |%n",
                f.name(),
                f.files(),
                f.pages(),
                f.seconds(),
                noPages ? "–" : String.format(Locale.ROOT, "%.1f", f.pagesPerSecond()),
                ratio,
                noPages ? "–" : ratioText(f.pagesPerSecond(), peerReference.pagesPerSecond()),
                f.cpuSeconds(),
                orUnknown(f.jitCpuSeconds()),
                orUnknown(f.gcCpuSeconds()),
                noPages || f.cpuSeconds() <= 0
                    ? "–"
                    : String.format(Locale.ROOT, "%.1f", f.pagesPerCpuSecond()),
                cpuRatio,
                noPages || f.cpuSeconds() <= 0
                    ? "–"
                    : ratioText(f.pagesPerCpuSecond(), peerReference.pagesPerCpuSecond()),
                f.loadAverage(),
                f.peakHeapBytes() >> 20,
                f.peakRssBytes() < 0 ? "?" : Long.toString(f.peakRssBytes() >> 20)));
      }
      return b.toString();
    }
  }

  private static double ratio(double value, double reference) {
    return reference > 0 ? value / reference : Double.NaN;
  }

  private static String ratioText(double value, double reference) {
    return String.format(Locale.ROOT, "%.2f", ratio(value, reference));
  }

  private static String orUnknown(double seconds) {
    return seconds < 0 ? "?" : String.format(Locale.ROOT, "%.1f", seconds);
  }

  private final Options options;
  private final PrintWriter log;

  private Benchmark(Options options, PrintWriter log) {
    this.options = options;
    this.log = log;
  }

  /**
   * Runs every phase; progress goes to {@code log}. The index sync's {@link AnalysisCache} is off
   * meanwhile: the corpus is copies of one report, whose texts it would replay instead of analysing
   * them again, and no result may be reused across files by their content in these figures (a real
   * corpus repeats only part of its texts, from year to year).
   */
  public static Results run(Options options, PrintWriter log) {
    String before = System.getProperty(AnalysisCache.PROPERTY);
    System.setProperty(AnalysisCache.PROPERTY, "off");
    log.println(
        "analysis cache: off (the copies are identical; no result is reused across files by"
            + " content)");
    try {
      return new Benchmark(options, log).run();
    } finally {
      if (before == null) {
        System.clearProperty(AnalysisCache.PROPERTY);
      } else {
        System.setProperty(AnalysisCache.PROPERTY, before);
      }
    }
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    out.print(run(Options.fromArgs(args), out).report());
    out.flush();
  }

  static boolean runnerBuiltIn(String runner) {
    String cls =
        switch (runner) {
          case "direct" -> "org.apache.beam.runners.direct.DirectRunner";
          case "flink" -> "org.apache.beam.runners.flink.FlinkRunner";
          case "spark" -> "org.apache.beam.runners.spark.SparkRunner";
          default -> throw new IllegalArgumentException("unknown runner " + runner);
        };
    try {
      Class.forName(cls, false, Benchmark.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private Results run() {
    for (String runner : options.runners()) {
      if (!runnerBuiltIn(runner)) {
        throw new IllegalArgumentException(
            "runner " + runner + " is not in this build (build with -P" + runner + ")");
      }
    }
    Path sample = options.sample();
    if (!Files.isRegularFile(sample)) {
      throw new IllegalArgumentException("sample report not found: " + sample.toAbsolutePath());
    }
    deleteTree(options.workDir());
    log.printf(
        Locale.ROOT,
        "corpus: %d copies of %s in %s%n",
        options.copies(),
        sample,
        options.corpusDir());
    List<Path> corpus = Corpus.build(sample, options.corpusDir(), options.copies());

    warmUp(sample);

    List<Figure> figures = new ArrayList<>();
    List<ReportText> texts = new ArrayList<>();
    Figure tika1 =
        measure(
            "Tika-only, 1 thread",
            corpus.size(),
            () -> extractAll(corpus, 1, null, new PdfExtractor()::extract, "extraction"));
    figures.add(tika1);
    int cores = Runtime.getRuntime().availableProcessors();
    int rounds = options.rounds();
    Figure tikaAll = null;
    for (int round = 1; round <= rounds; round++) {
      List<ReportText> keep = round == rounds ? texts : null;
      tikaAll =
          measure(
              String.format(Locale.ROOT, "Tika-only, %d threads%s", cores, roundLabel(round)),
              corpus.size(),
              () -> extractAll(corpus, cores, keep, new PdfExtractor()::extract, "extraction"));
      figures.add(tikaAll);
    }
    int pagesPerCopy = texts.get(0).pages().size();

    Figure peer = null;
    for (int round = 1; round <= rounds; round++) {
      peer = peerPipeline(corpus, cores, roundLabel(round));
      figures.add(peer);
    }

    Path lastDirect = null;
    List<IngestSteps> steps = new ArrayList<>();
    for (String runner : options.runners()) {
      for (int round = 1; round <= rounds; round++) {
        Path dataDir = options.workDir().resolve("data-" + runner + "-" + round);
        if (runner.equals("direct")) {
          lastDirect = dataDir;
        }
        StepTimes[] times = new StepTimes[1];
        Figure f =
            measure(
                "full ingest, " + runner + roundLabel(round),
                corpus.size(),
                () -> {
                  IngestSummary s = ingest(dataDir, corpus, runner);
                  check(s.added() == corpus.size(), runner + " ingest added " + s.added());
                  times[0] = s.times();
                  return (long) pagesPerCopy * s.added();
                });
        figures.add(f);
        steps.add(new IngestSteps(f, times[0]));
        if (round < rounds) {
          deleteTree(dataDir);
        }
      }
    }

    // What reading in bounded child processes costs: the same extraction as Tika-only, through the
    // warm pool of PDF reader processes the ingests above used (their CPU is counted).
    figures.add(
        measure(
            String.format(
                Locale.ROOT, "stage: Tika in the PDF reader processes, %d threads", cores),
            corpus.size(),
            () ->
                extractAll(
                    corpus,
                    cores,
                    null,
                    PdfReaders.shared(ExtractLimits.DEFAULTS)::extract,
                    "extraction in the reader processes")));
    figures.addAll(stages(corpus, texts));

    Path rerunDir =
        lastDirect != null
            ? lastDirect
            : options.workDir().resolve("data-" + options.runners().get(0) + "-" + rounds);
    figures.add(
        measure(
            "no-op re-run (all unchanged)",
            corpus.size(),
            () -> {
              IngestSummary s = ingest(rerunDir, corpus, "direct");
              check(s.unchanged() == corpus.size(), "re-run found " + s.unchanged() + " unchanged");
              return 0L;
            }));
    return new Results(machine(), corpus.size(), pagesPerCopy, figures, tikaAll, peer, steps);
  }

  /** One peer-pipeline run into a fresh index; checks it holds one document per file. */
  private Figure peerPipeline(List<Path> corpus, int threads, String label) {
    Path index = options.workDir().resolve("peer-index");
    deleteTree(index);
    Figure f =
        measure(
            String.format(Locale.ROOT, "peer pipeline, %d threads%s", threads, label),
            corpus.size(),
            () -> PeerPipeline.run(corpus, index, threads));
    int docs = PeerPipeline.documents(index);
    check(docs == corpus.size(), "the peer index holds " + docs + " documents");
    deleteTree(index);
    return f;
  }

  /**
   * {@link Options#only}: builds the corpus and measures that one phase once, in this JVM as it is
   * (no warm-up): a fresh process's figure, to set beside a fresh {@code hyoka ingest} of the same
   * corpus. The second figure is the whole process so far, from the JVM's start.
   */
  public static List<Figure> single(Options options, PrintWriter log) {
    return new Benchmark(options, log).single();
  }

  private List<Figure> single() {
    Path sample = options.sample();
    if (!Files.isRegularFile(sample)) {
      throw new IllegalArgumentException("sample report not found: " + sample.toAbsolutePath());
    }
    deleteTree(options.workDir());
    List<Path> corpus = Corpus.build(sample, options.corpusDir(), options.copies());
    int cores = Runtime.getRuntime().availableProcessors();
    Figure f =
        options.only().equals(Options.ONLY_PEER)
            ? peerPipeline(corpus, cores, "")
            : measure(
                String.format(Locale.ROOT, "Tika-only, %d threads", cores),
                corpus.size(),
                () -> extractAll(corpus, cores, null, new PdfExtractor()::extract, "extraction"));
    java.lang.management.RuntimeMXBean rt =
        java.lang.management.ManagementFactory.getRuntimeMXBean();
    Figure process =
        new Figure(
            "the whole process until now (JVM start, corpus, " + f.name() + ")",
            f.files(),
            f.pages(),
            rt.getUptime() / 1e3,
            StepTimes.processCpuNanos() / 1e9,
            -1,
            -1,
            loadAverage(),
            f.peakHeapBytes(),
            f.peakRssBytes());
    return List.of(f, process);
  }

  private String roundLabel(int round) {
    return options.rounds() == 1
        ? ""
        : String.format(Locale.ROOT, " (round %d of %d)", round, options.rounds());
  }

  /** JIT, Tika's parsers, DuckDB's native library and Lucene's analyzers loaded before timing. */
  private void warmUp(Path sample) {
    log.println("warm-up …");
    Path dir = options.workDir().resolve("warmup");
    List<Path> files = Corpus.build(sample, dir.resolve("corpus"), WARMUP_FILES);
    extractAll(files, 1, null, new PdfExtractor()::extract, "extraction");
    IngestSummary s = ingest(dir.resolve("data"), files, "direct");
    check(s.added() == files.size(), "warm-up ingest added " + s.added());
    deleteTree(dir);
  }

  private Figure measure(String name, int files, Supplier<Long> phase) {
    System.gc();
    log.printf(Locale.ROOT, "%s …%n", name);
    log.flush();
    long pages;
    long start;
    double seconds;
    double cpu;
    long heap;
    long rss;
    JvmThreadCpu.Split split;
    try (MemoryPeak peak = MemoryPeak.start()) {
      JvmThreadCpu threads = JvmThreadCpu.start();
      long cpuStart = StepTimes.processCpuNanos();
      start = System.nanoTime();
      pages = phase.get();
      seconds = (System.nanoTime() - start) / 1e9;
      cpu = cpuStart < 0 ? -1 : (StepTimes.processCpuNanos() - cpuStart) / 1e9;
      split = threads.sinceStart();
      heap = peak.peakHeapBytes();
      rss = peak.peakRssBytes();
    }
    Figure f =
        new Figure(
            name,
            files,
            pages,
            seconds,
            cpu,
            split.jitSeconds(),
            split.gcSeconds(),
            loadAverage(),
            heap,
            rss);
    log.printf(
        Locale.ROOT,
        "  %.2f s wall, %.1f s CPU (JIT %.1f, GC %.1f), %.1f pages/s, peak heap %d MB, load %.1f%n",
        seconds,
        cpu,
        split.jitSeconds(),
        split.gcSeconds(),
        f.pagesPerSecond(),
        heap >> 20,
        f.loadAverage());
    log.flush();
    return f;
  }

  /**
   * Extracts every file on {@code threads} threads with {@code extractor} (given the file and its
   * name); returns the page count. {@code what} names the work in a failure's message; {@code
   * keep}, when not null, receives the texts.
   */
  private static long extractAll(
      List<Path> files,
      int threads,
      List<ReportText> keep,
      BiFunction<Path, String, ReportText> extractor,
      String what) {
    List<Callable<ReportText>> tasks = new ArrayList<>();
    for (Path f : files) {
      tasks.add(() -> extractor.apply(f, f.getFileName().toString()));
    }
    long pages = 0;
    for (ReportText text : runAll(threads, tasks, what)) {
      pages += text.pages().size();
      if (keep != null) {
        keep.add(text);
      }
    }
    return pages;
  }

  /** Runs {@code tasks} on a pool of {@code threads}; returns their results in task order. */
  static <T> List<T> runAll(int threads, List<Callable<T>> tasks, String what) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> t : tasks) {
        futures.add(pool.submit(t));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The ingest's stages after extraction, each over the whole corpus on one thread, with the texts
   * the Tika-only phase kept: how the time of a full ingest divides up.
   */
  private List<Figure> stages(List<Path> corpus, List<ReportText> texts) {
    List<Figure> figures = new ArrayList<>();
    long pages = texts.stream().mapToLong(t -> t.pages().size()).sum();
    // as the pipeline does: the layout that claims each text parses it
    Layouts layouts = Layouts.installed();
    List<IngestedReport> reports = new ArrayList<>();
    Instant now = Instant.now();
    figures.add(
        measure(
            "stage: parse + score, 1 thread",
            corpus.size(),
            () -> {
              for (int i = 0; i < corpus.size(); i++) {
                String sha = sha256(corpus.get(i));
                reports.add(
                    new IngestedReport(
                        IngestedReport.reportIdOf(sha),
                        corpus.get(i).toString(),
                        sha,
                        "bench",
                        now,
                        layouts.parse(texts.get(i), null)));
              }
              return pages;
            }));
    Path stageDir = options.workDir().resolve("stages");
    Path shards = stageDir.resolve("shards");
    List<Path> shardDirs = new ArrayList<>();
    figures.add(
        measure(
            "stage: Arrow shards, 1 thread",
            corpus.size(),
            () -> {
              for (IngestedReport r : reports) {
                Path dir = shards.resolve(r.reportId());
                ReportShard.write(r, dir);
                shardDirs.add(dir);
              }
              return pages;
            }));
    Warehouse warehouse = new Warehouse(stageDir.resolve("data"));
    long[] runId = new long[1];
    figures.add(
        measure(
            "stage: DuckDB publish (one transaction)",
            corpus.size(),
            () -> {
              PublishResult result = warehouse.publish(shardDirs, new RunStats(now, 0, List.of()));
              check(result.added() == corpus.size(), "publish added " + result.added());
              runId[0] = result.runId();
              return pages;
            }));
    figures.add(
        measure(
            "stage: Lucene index sync",
            corpus.size(),
            () -> {
              try (Connection c = warehouse.openReadOnly()) {
                SearchIndex.sync(c, stageDir.resolve("data").resolve("index"), runId[0]);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
              return pages;
            }));
    List<String> indexed = SearchIndex.indexedTexts(stageDir.resolve("data").resolve("index"));
    figures.add(
        measure(
            ANALYSIS_STAGE,
            corpus.size(),
            () -> {
              check(analyseAll(indexed) > 0, "the analysis produced no token");
              return pages;
            }));
    deleteTree(stageDir);
    return figures;
  }

  /**
   * Runs the index's words analysis (Kuromoji and its filters) over every text on one thread per
   * core, as the sync does, and throws the tokens away; returns their number.
   */
  private static long analyseAll(List<String> texts) {
    int threads = Runtime.getRuntime().availableProcessors();
    try (Analyzer analyzer = JapaneseTextAnalyzer.forIndex()) {
      List<Callable<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(
            () -> {
              long tokens = 0;
              for (int i = first; i < texts.size(); i += threads) {
                try (TokenStream ts = analyzer.tokenStream("text", texts.get(i))) {
                  ts.reset();
                  while (ts.incrementToken()) {
                    tokens++;
                  }
                  ts.end();
                }
              }
              return tokens;
            });
      }
      return runAll(threads, parts, "analysis").stream().mapToLong(Long::longValue).sum();
    }
  }

  private static IngestSummary ingest(Path dataDir, List<Path> files, String runner) {
    try (PrintWriter quiet = new PrintWriter(Writer.nullWriter())) {
      return new IngestRun().run(new IngestRequest(dataDir, files, "bench", runner, quiet));
    }
  }

  private static String sha256(Path file) {
    try {
      return hyoka.transform.IngestedReport.sha256Of(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark run is not valid: " + what);
    }
  }

  /** The machine the figures are of, for the record. */
  static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
      cpu =
          lines
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse(cpu);
    } catch (IOException | UncheckedIOException e) {
      // Not Linux: the CPU model stays unknown.
    }
    Runtime rt = Runtime.getRuntime();
    long ramMb = -1;
    try {
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      ramMb = os.getTotalMemorySize() >> 20;
    } catch (ClassCastException e) {
      // Another JVM: the RAM stays unknown.
    }
    return String.format(
        Locale.ROOT,
        "Machine: %d cores (%s), %d MB RAM; Java %s (%s), max heap %d MB",
        rt.availableProcessors(),
        cpu,
        ramMb,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.maxMemory() >> 20);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
    }
  }
}
