package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where one ingest spent its time, step by step: wall time and the CPU time of this JVM (every
 * thread) and of its PDF reader processes ({@link PdfReaders}) while the step ran. The steps run
 * one after another on the launching JVM, so a step's CPU is its own; on a cluster runner the
 * workers' CPU is spent elsewhere and only the launching JVM's share is counted.
 *
 * @param steps in the order they ran
 */
public record StepTimes(List<Step> steps) {
  public StepTimes {
    steps = List.copyOf(requireNonNull(steps, "steps is null"));
  }

  /**
   * One step.
   *
   * @param cpuNanos -1 when the JVM does not report process CPU time
   */
  public record Step(String name, long wallNanos, long cpuNanos) {
    public Step {
      requireNonNull(name, "name is null");
      if (wallNanos < 0) {
        throw new IllegalArgumentException("wallNanos < 0: " + wallNanos);
      }
    }
  }

  /** The step called {@code name}, or null when the ingest did not run it. */
  public Step step(String name) {
    for (Step s : steps) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /**
   * The line {@code hyoka ingest --timings} prints, e.g. {@code timings: scan 0.11 s (0.1 CPU-s),
   * pipeline 4.17 s (4.1 CPU-s), …, total 6.52 s (6.2 CPU-s)}.
   */
  public String line() {
    StringBuilder b = new StringBuilder("timings:");
    long wall = 0;
    long cpu = 0;
    for (Step s : steps) {
      b.append(' ').append(s.name()).append(' ').append(format(s.wallNanos(), s.cpuNanos()));
      b.append(',');
      wall += s.wallNanos();
      cpu = cpu < 0 || s.cpuNanos() < 0 ? -1 : cpu + s.cpuNanos();
    }
    return b.append(" total ").append(format(wall, cpu)).toString();
  }

  private static String format(long wallNanos, long cpuNanos) {
    return cpuNanos < 0
        ? String.format(Locale.ROOT, "%.2f s", wallNanos / 1e9)
        : String.format(Locale.ROOT, "%.2f s (%.1f CPU-s)", wallNanos / 1e9, cpuNanos / 1e9);
  }

  /** Measures steps as they end; not for use by several threads. */
  static final class Clock {
    private final List<Step> steps = new ArrayList<>();
    private long wall0 = System.nanoTime();
    private long cpu0 = processCpuNanos();

    /** Ends the step running since the last call (or since the clock was made). */
    void endStep(String name) {
      long wall = System.nanoTime();
      long cpu = processCpuNanos();
      steps.add(new Step(name, wall - wall0, cpu < 0 || cpu0 < 0 ? -1 : cpu - cpu0));
      wall0 = wall;
      cpu0 = cpu;
    }

    StepTimes times() {
      return new StepTimes(steps);
    }
  }

  /**
   * CPU time so far of every thread of this JVM and of its PDF reader processes, in nanoseconds; -1
   * when the JVM does not report its own. What the steps (and the benchmark) count.
   */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long own = os.getProcessCpuTime();
      return own < 0 ? -1 : own + PdfReaders.cpuNanos();
    }
    return -1;
  }
}
