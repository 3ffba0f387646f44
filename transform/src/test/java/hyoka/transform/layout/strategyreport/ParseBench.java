package hyoka.transform.layout.strategyreport;

import hyoka.transform.Fixtures;
import hyoka.transform.ReportText;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Measures parse + score of one report's text: rounds of 100 parses of the h31 sample in one JVM,
 * printing wall seconds, process CPU seconds (all threads: includes JIT and GC) and the main
 * thread's CPU seconds per round. The first round includes JIT compilation; the last ones are the
 * steady state. Not a test: run it by hand, alternating old and new code (the machine is shared).
 *
 * <pre>
 * mvn -q -o -pl transform -am test-compile
 * java -cp transform/target/classes:transform/target/test-classes hyoka.transform.layout.strategyreport.ParseBench [rounds]
 * </pre>
 */
final class ParseBench {
  private ParseBench() {}

  private static final int PARSES = 100;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    ReportText text = Fixtures.text("h31");
    EvaluationReportParser parser = new EvaluationReportParser();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    double[] process = new double[rounds];
    double[] thread = new double[rounds];
    for (int r = 1; r <= rounds; r++) {
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      long threadStart = threads.getCurrentThreadCpuTime();
      long gcStart = gcMillis();
      long jitStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      for (int i = 0; i < PARSES; i++) {
        sink += parser.parse(text).residue().size();
      }
      process[r - 1] = (os.getProcessCpuTime() - cpu) / 1e9;
      thread[r - 1] = (threads.getCurrentThreadCpuTime() - threadStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %d parses wall %.3f s, process CPU %.3f s, thread CPU %.3f s"
              + " (GC %d ms, JIT %d ms)%n",
          r,
          PARSES,
          (System.nanoTime() - wall) / 1e9,
          process[r - 1],
          thread[r - 1],
          gcMillis() - gcStart,
          ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStart);
    }
    // the machine is shared: the median of the second half is the steady state least disturbed
    System.out.printf(
        Locale.ROOT,
        "first round: process CPU %.3f s, thread CPU %.3f s; steady (median of rounds %d-%d):"
            + " process CPU %.3f s, thread CPU %.3f s%n",
        process[0],
        thread[0],
        rounds / 2 + 1,
        rounds,
        medianOfSecondHalf(process),
        medianOfSecondHalf(thread));
    System.out.println("(checksum " + sink + ")");
  }

  private static long gcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += gc.getCollectionTime();
    }
    return ms;
  }

  private static double medianOfSecondHalf(double[] values) {
    double[] half = java.util.Arrays.copyOfRange(values, values.length / 2, values.length);
    java.util.Arrays.sort(half);
    return half.length % 2 == 1
        ? half[half.length / 2]
        : (half[half.length / 2 - 1] + half[half.length / 2]) / 2;
  }
}
