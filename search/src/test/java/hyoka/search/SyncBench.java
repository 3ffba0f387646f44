package hyoka.search;

import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost of {@link SearchIndex#sync} alone: publishes 100 copies of the sample reports once (as
 * {@link SearchBench} does), then syncs a fresh index from them several times and prints the wall
 * and the process CPU seconds of each sync, with the load average. With {@code --dump FILE} it also
 * writes the JSON answers of {@link SearchBench#QUERIES} (all hits, with and without superseded
 * reports) from the last index, so two builds' search results can be diffed. A benchmark, not a
 * test: run it by hand (classpath as in {@link SearchBench}).
 *
 * <pre>
 * java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... hyoka.search.SyncBench /tmp/sync [rounds] [--dump FILE]
 * </pre>
 */
public final class SyncBench {
  private SyncBench() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "/tmp/hyoka-sync-bench");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dump = args.length > 3 && args[2].equals("--dump") ? Path.of(args[3]) : null;
    Path data = work.resolve("data");
    long run;
    if (Files.exists(data.resolve("run-id"))) {
      run =
          Long.parseLong(Files.readString(data.resolve("run-id"), StandardCharsets.UTF_8).strip());
    } else {
      SearchBench.deleteTree(work);
      ParsedReport h31 = Samples.parse("h31");
      ParsedReport h30 = Samples.parse("h30");
      List<IngestedReport> reports = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String series = String.format(Locale.ROOT, "bench-%02d", i);
        reports.add(Samples.ingested(h31, series, i));
        reports.add(Samples.ingested(h30, series, i));
      }
      run = Samples.publish(data, reports);
      Files.writeString(data.resolve("run-id"), Long.toString(run), StandardCharsets.UTF_8);
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path index = data.resolve("index");
    for (int r = 0; r < rounds; r++) {
      SearchBench.deleteTree(index);
      double load = os.getSystemLoadAverage();
      long gc0 = gcMillis();
      long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      Samples.index(data, run);
      long t1 = System.nanoTime();
      long cpu1 = os.getProcessCpuTime();
      System.out.printf(
          Locale.ROOT,
          "sync %d: wall %.2f s, cpu %.2f s, gc pauses %.2f s, jit %.2f s, load %.1f, index %.1f MB,"
              + " processors %d%n",
          r,
          (t1 - t0) / 1e9,
          (cpu1 - cpu0) / 1e9,
          (gcMillis() - gc0) / 1e3,
          (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0) / 1e3,
          load,
          SearchBench.size(index) / 1e6,
          Runtime.getRuntime().availableProcessors());
    }
    if (dump != null) {
      StringBuilder out = new StringBuilder();
      try (Searcher s = new Searcher(index)) {
        for (String q : SearchBench.QUERIES) {
          for (boolean sup : new boolean[] {false, true}) {
            SearchRequest req = SearchRequest.of(q).withLimit(SearchSql.ALL).withSuperseded(sup);
            out.append(q).append(' ').append(sup).append('\n');
            out.append(SearchFormat.JSON.format(s.search(req))).append('\n');
          }
        }
      }
      Files.writeString(dump, out, StandardCharsets.UTF_8);
    }
  }

  /** Wall milliseconds of all collections so far (pauses; GC threads may run in parallel). */
  private static long gcMillis() {
    long ms = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }
}
