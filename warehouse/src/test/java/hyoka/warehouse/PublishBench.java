package hyoka.warehouse;

import com.sun.management.OperatingSystemMXBean;
import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the two warehouse stages of an ingest at steady state: writing {@code copies} shards of
 * the FY2019 sample ({@link ReportShard#write}, one thread) and publishing them into a fresh data
 * directory ({@link Warehouse#publish}). Each round prints wall and process CPU seconds (DuckDB's
 * own threads count in process CPU); the last rounds are the steady state.
 *
 * <p>Run: {@code java -cp <warehouse test classpath> hyoka.warehouse.PublishBench [copies]
 * [rounds]}.
 */
public final class PublishBench {
  private PublishBench() {}

  public static void main(String[] args) throws Exception {
    int copies = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ParsedReport parsed = Samples.parsed("h31");
    List<IngestedReport> reports = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      String sha = Samples.sha256(("bench copy " + i).getBytes(StandardCharsets.UTF_8));
      reports.add(
          new IngestedReport(
              IngestedReport.reportIdOf(sha),
              "copy" + i + ".pdf",
              sha,
              "bench",
              Instant.parse("2026-01-01T00:00:00Z"),
              parsed));
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 1; round <= rounds; round++) {
      Path work = Files.createTempDirectory("hyoka-publish-bench");
      try {
        long w0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        List<Path> shards = new ArrayList<>();
        for (IngestedReport r : reports) {
          Path dir = work.resolve("shards").resolve(r.reportId());
          ReportShard.write(r, dir);
          shards.add(dir);
        }
        long w1 = System.nanoTime();
        long c1 = os.getProcessCpuTime();
        PublishResult result =
            new Warehouse(work.resolve("data"))
                .publish(shards, new RunStats(Instant.now(), 0, List.of()));
        long w2 = System.nanoTime();
        long c2 = os.getProcessCpuTime();
        if (result.added() != copies) {
          throw new IllegalStateException("added " + result.added() + " of " + copies);
        }
        System.out.printf(
            Locale.ROOT,
            "round %d: write %.2f s wall %.2f CPU-s | publish %.2f s wall %.2f CPU-s%n",
            round,
            (w1 - w0) / 1e9,
            (c1 - c0) / 1e9,
            (w2 - w1) / 1e9,
            (c2 - c1) / 1e9);
      } finally {
        ReportShard.deleteTree(work);
      }
    }
  }
}
