package hyoka.ingest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak memory of one benchmark phase: the JVM's used heap, sampled every few milliseconds by a
 * daemon thread, and the process's peak resident set (Linux {@code VmHWM}, which this process
 * resets at the start of the phase through {@code /proc/self/clear_refs}; where that is not allowed
 * the figure is the peak since the JVM started, and {@link #rssIsPerPhase()} says so).
 *
 * <p>The PDF reader processes the ingest starts ({@code PdfReaders}) are counted in the resident
 * set: their peaks (reset likewise at the start of the phase, when they live already) are added to
 * this process's.
 *
 * <p>Heap samples between collections include garbage, so the heap figure is an upper bound of the
 * live data; the resident set is what the machine had to give the process.
 */
final class MemoryPeak implements AutoCloseable {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
  private static final long SAMPLE_MILLIS = 5;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peakHeap = new AtomicLong();
  private final Thread sampler;
  private final boolean rssIsPerPhase;
  private volatile boolean running = true;

  private MemoryPeak() {
    rssIsPerPhase = resetRssPeak(CLEAR_REFS);
    ProcessHandle.current()
        .descendants()
        .forEach(p -> resetRssPeak(Path.of("/proc", Long.toString(p.pid()), "clear_refs")));
    sample();
    sampler = new Thread(this::loop, "hyoka-bench-memory");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts measuring now. */
  static MemoryPeak start() {
    return new MemoryPeak();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    peakHeap.accumulateAndGet(used, Math::max);
  }

  long peakHeapBytes() {
    sample();
    return peakHeap.get();
  }

  /** Peak resident set in bytes, or -1 when the platform does not report it. */
  long peakRssBytes() {
    long kb = statusKb(STATUS, "VmHWM:");
    if (kb < 0) {
      return -1;
    }
    for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
      kb += Math.max(0, statusKb(Path.of("/proc", Long.toString(p.pid()), "status"), "VmHWM:"));
    }
    return kb * 1024;
  }

  boolean rssIsPerPhase() {
    return rssIsPerPhase;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writing 5 to clear_refs resets the peak RSS to the current RSS (Linux 4.0+). */
  private static boolean resetRssPeak(Path clearRefs) {
    try {
      Files.writeString(clearRefs, "5", StandardCharsets.US_ASCII);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static long statusKb(Path status, String key) {
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
        if (line.startsWith(key)) {
          String v = line.substring(key.length()).strip().toLowerCase(Locale.ROOT);
          return Long.parseLong(v.replace("kb", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
