package hyoka.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the JVM's own compiler and garbage-collector threads, read from Linux's {@code
 * /proc/self/task/<tid>/stat} (thread name and user + system ticks). A benchmark phase's process
 * CPU includes the JIT compiling the code the phase runs for the first times and the collector
 * cleaning up after it; this tells how much of a figure is that and how much the work itself.
 *
 * <p>A thread that ends during a phase takes its ticks with it. HotSpot's GC threads and its first
 * C1 and first C2 compiler thread live as long as the JVM, so on a 2-core machine (one of each) the
 * JIT figure is whole. With more cores HotSpot starts more compiler threads and, by default
 * (UseDynamicNumberOfCompilerThreads), ends the extra ones after a few hundred ms idle and starts
 * new ones later (seen with -XX:CICompilerCount=4 and -Xlog:jit+thread=debug): their CPU is then
 * lost and the JIT figure is a lower bound; run with -XX:-UseDynamicNumberOfCompilerThreads there.
 * On other systems every figure is unknown (-1).
 */
final class JvmThreadCpu {
  private static final Path TASKS = Path.of("/proc/self/task");

  /** Linux reports thread CPU in USER_HZ ticks, 100 per second on every usual kernel. */
  private static final double TICKS_PER_SECOND = 100.0;

  /** CPU seconds of the JIT compiler threads and of the GC threads (VM thread included). */
  record Split(double jitSeconds, double gcSeconds) {
    static final Split UNKNOWN = new Split(-1, -1);
  }

  /** The threads that count: HotSpot's JIT compilers, and its GC and VM threads. */
  private enum Group {
    JIT,
    GC
  }

  /** One thread's CPU so far. */
  private record Sample(Group group, long ticks) {}

  private final Map<String, Sample> start;

  private JvmThreadCpu(Map<String, Sample> start) {
    this.start = start;
  }

  static JvmThreadCpu start() {
    return new JvmThreadCpu(read());
  }

  /** JIT and GC CPU since {@link #start}. */
  Split sinceStart() {
    Map<String, Sample> end = read();
    if (start == null || end == null) {
      return Split.UNKNOWN;
    }
    long jit = 0;
    long gc = 0;
    for (Map.Entry<String, Sample> e : end.entrySet()) {
      Sample before = start.get(e.getKey());
      long ticks = e.getValue().ticks() - (before == null ? 0 : before.ticks());
      switch (e.getValue().group()) {
        case JIT -> jit += ticks;
        case GC -> gc += ticks;
      }
    }
    return new Split(jit / TICKS_PER_SECOND, gc / TICKS_PER_SECOND);
  }

  /** "tid/name" → CPU of every JIT and GC thread; null where /proc is not there. */
  private static Map<String, Sample> read() {
    if (!Files.isDirectory(TASKS)) {
      return null;
    }
    Map<String, Sample> out = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException e) {
          continue; // the thread ended while we listed them
        }
        // pid (comm) state ppid … : comm may hold spaces and parentheses, so cut at the last ')'.
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
          continue;
        }
        String comm = stat.substring(open + 1, close);
        Group group = group(comm);
        if (group == null) {
          continue;
        }
        String[] f = stat.substring(close + 2).split(" ", -1);
        // After the state (index 0 here): utime is field 14 of the line, stime 15.
        long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        out.put(task.getFileName().toString() + "/" + comm, new Sample(group, cpu));
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return out;
  }

  /** The group of a thread by its Linux name (15 chars at most); null for the rest. */
  private static Group group(String comm) {
    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
      return Group.JIT;
    }
    if (comm.startsWith("GC ") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
      return Group.GC;
    }
    return null;
  }
}
