package hyoka.ingest;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.ReportText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A warm pool of child JVMs ({@link PdfReaderProcess}) that read PDFs, so that no file can take the
 * ingest down: each file is read in a child with its own heap ({@code -Xmx}, ended on an
 * OutOfMemoryError), under a time bound (the child is killed when it passes it), and a child that
 * dies for any reason is replaced by a fresh one for the next file, as tika-server does with its
 * forked processes. The file gets one line: {@code time bound exceeded}, {@code memory bound
 * exceeded}, or {@code the PDF reader process stopped}.
 *
 * <p>Children are started when needed, up to one per file read at once, and kept for the next files
 * and the next runs of this JVM: starting one costs about half a second of CPU and its JIT warms up
 * again, so one per file would cost more than the reading. A child idle for a minute is ended; all
 * end with this JVM (a shutdown hook, and each child ends when its stdin closes, which also happens
 * when this JVM is killed).
 *
 * <p>Run from one jar (the launcher's), the children map a class-data-sharing archive of the
 * classes they load ({@link ReaderArchive}), which the first child after a build writes as it
 * exits; it is never required.
 *
 * <p>One pool per JVM and set of limits ({@link #shared}): Beam makes several instances of the
 * extracting step, on several threads, and builds the pipeline anew each run; the children are the
 * expensive part and serve them all.
 */
public final class PdfReaders implements AutoCloseable {
  private static final long IDLE_MILLIS = 60_000;
  private static final long START_TIMEOUT_MILLIS = 120_000;

  /** How long a child whose answer broke off may take to exit by itself before it is killed. */
  private static final long EXIT_GRACE_MILLIS = 5_000;

  /**
   * How long a reader that writes the class-data archive may take to exit once its input is closed
   * (the JVM writes the archive as it exits, ≈ 0.5 s) before it is killed and the archive dropped.
   */
  private static final long TRAINING_EXIT_MILLIS = 10_000;

  /** How much of a child's stderr is kept, to tell an OutOfMemoryError from another death. */
  private static final int STDERR_TAIL = 4096;

  // The per-JVM registry of pools: the one piece of static state here, because Beam gives a DoFn
  // no JVM-wide object to hang expensive resources on (its own advice is a static cache).
  private static final Map<ExtractLimits, PdfReaders> SHARED = new ConcurrentHashMap<>();

  private final ExtractLimits limits;
  private final int max;
  private final List<String> command;
  private final ReaderArchive archive;
  private final Deque<Reader> idle = new ArrayDeque<>();
  private final Set<Reader> all = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  private final java.util.concurrent.atomic.AtomicLong endedCpuNanos =
      new java.util.concurrent.atomic.AtomicLong();
  private int started;
  private boolean closed;

  PdfReaders(ExtractLimits limits, int max) {
    this(limits, max, ReaderArchive.find(classPath(), javaBinary()));
  }

  /** A pool whose readers use {@code archive} (null: none). */
  PdfReaders(ExtractLimits limits, int max, ReaderArchive archive) {
    this.limits = limits;
    this.max = max;
    this.command = command(limits, classPath());
    this.archive = archive;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hyoka-pdf-readers");
              t.setDaemon(true);
              return t;
            });
    // Runs until close(); endIdle throws nothing, so the future has nothing to tell.
    var unused =
        timer.scheduleWithFixedDelay(
            this::endIdle, IDLE_MILLIS, IDLE_MILLIS / 2, TimeUnit.MILLISECONDS);
  }

  /** The pool of this JVM for {@code limits}, with up to one child per core (at least two). */
  public static PdfReaders shared(ExtractLimits limits) {
    return SHARED.computeIfAbsent(
        limits,
        l -> {
          PdfReaders pool =
              new PdfReaders(l, Math.max(2, Runtime.getRuntime().availableProcessors()));
          Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "hyoka-pdf-readers-end"));
          return pool;
        });
  }

  /**
   * Reads {@code file} in a child process, which first checks that its bytes still have the sha256
   * the driver hashed ({@link PdfExtractor#extract(Path, String, String)}).
   *
   * @throws HyokaException the extractor's rejections as they are; LIMIT_EXCEEDED or READER_CRASHED
   *     when the child passed a bound or died; INTERNAL_ERROR when no child starts
   */
  ReportText extract(ChangedFile file) {
    return extract(file.path(), file.name(), file.sha256());
  }

  /**
   * Reads {@code file} in a child process; {@code name} is how messages and the text name it.
   *
   * @throws HyokaException as {@link #extract(ChangedFile)}
   */
  public ReportText extract(Path file, String name) {
    return extract(ChangedFile.pathString(file), name, "");
  }

  /** {@code sha256}: what the bytes must hash to (the child checks it); empty: anything. */
  private ReportText extract(String path, String name, String sha256) {
    Reader reader = borrow();
    boolean healthy = false;
    try {
      ReportText text = reader.extract(path, name, sha256);
      healthy = true;
      return text;
    } catch (HyokaException e) {
      healthy = reader.alive();
      throw e;
    } finally {
      giveBack(reader, healthy);
    }
  }

  /**
   * The CPU time the PDF reader processes of this JVM have used so far, the ended ones included (as
   * far as the system still told it when they ended): what an ingest costs beyond this JVM's own
   * CPU. The step timings and the benchmark add it.
   */
  static long cpuNanos() {
    long sum = 0;
    for (PdfReaders pool : SHARED.values()) {
      sum += pool.endedCpuNanos.get();
      for (Reader r : pool.all) {
        sum += r.liveCpuNanos();
      }
    }
    return sum;
  }

  /** How many children this pool has started so far (restarts included). */
  synchronized int started() {
    return started;
  }

  private Reader borrow() {
    Reader fresh = reserve();
    if (fresh.process == null) {
      // Started outside the lock, so that the other threads can hand readers back meanwhile.
      try {
        fresh.start();
      } catch (HyokaException e) {
        giveBack(fresh, false);
        if (fresh.mappedArchive) {
          // The JVM refuses an archive that does not fit with a warning, but one that is damaged
          // can crash it as it maps it (a truncated file does). The archive is only ever a faster
          // start: drop it and start a reader without.
          archive.discard();
          return borrow();
        }
        throw e;
      }
    }
    return fresh;
  }

  /** An idle live reader, or a new one not started yet; waits while all are busy. */
  private synchronized Reader reserve() {
    while (true) {
      if (closed) {
        throw new HyokaException(ErrorCode.INTERNAL_ERROR, "the PDF readers are closed");
      }
      Reader r = idle.pollFirst();
      if (r != null) {
        if (r.alive()) {
          return r;
        }
        all.remove(r);
        r.end();
        continue;
      }
      if (all.size() < max) {
        Reader fresh = new Reader();
        all.add(fresh);
        started++;
        return fresh;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HyokaException(
            ErrorCode.INTERNAL_ERROR, "interrupted while waiting for a PDF reader", e);
      }
    }
  }

  private synchronized void giveBack(Reader r, boolean healthy) {
    if (healthy && !closed) {
      r.lastUsed = System.nanoTime();
      idle.addFirst(r);
    } else {
      all.remove(r);
      r.end();
    }
    notifyAll();
  }

  private synchronized void endIdle() {
    long now = System.nanoTime();
    idle.removeIf(
        r -> {
          if (now - r.lastUsed > TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
            all.remove(r);
            r.endGracefully();
            return true;
          }
          return false;
        });
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      idle.clear();
      notifyAll();
    }
    for (Reader r : all) {
      r.endGracefully();
    }
    timer.shutdownNow();
  }

  /** System property: JVM options added to every reader's command line, split at spaces. */
  static final String READER_JAVA_OPTIONS = "hyoka.readerJavaOptions";

  private static Path javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The child's command line: this JVM's java, its class path, the heap bound. The class-data
   * archive's option is added as each child starts ({@link Reader#start}).
   */
  private static List<String> command(ExtractLimits limits, String classPath) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary().toString());
    cmd.add("-Xmx" + limits.readerHeapMb() + "m");
    cmd.add("-XX:+ExitOnOutOfMemoryError");
    // The JVM prints its own messages ("Terminating due to java.lang.OutOfMemoryError") on stdout,
    // which is the answer channel here: a stray byte there reads as an answer, and the parent then
    // ends a child that was about to exit with code 3 by itself. They belong with the rest of its
    // complaints, on stderr.
    cmd.add("-XX:+DisplayVMOutputToStderr");
    // The same for the JVM's log (whose default output is stdout): warnings only, on stderr, and
    // none from class-data sharing (an archive the JVM refuses only means a slower start).
    cmd.add("-Xlog:disable");
    cmd.add("-Xlog:all=warning,cds*=off:stderr");
    // A reader the JVM itself crashes in writes its crash report to the temporary folder, not to
    // the folder the user ran hyoka in.
    cmd.add(
        "-XX:ErrorFile="
            + Path.of(System.getProperty("java.io.tmpdir"), "hyoka-reader-hs_err_pid%p.log"));
    // One file at a time in a small heap: the serial collector needs no GC threads and the least
    // memory besides the heap.
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:MaxDirectMemorySize=64m");
    cmd.add("-Xss4m");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // The launcher's JIT choice (C1 for short ingests) suits the children as well.
      if (arg.startsWith("-XX:TieredStopAtLevel") || arg.equals("-XX:-TieredCompilation")) {
        cmd.add(arg);
      }
    }
    // For measurements only (a profiler, JIT flags): extra options of every reader JVM.
    String extra = System.getProperty(READER_JAVA_OPTIONS, "").strip();
    if (!extra.isEmpty()) {
      cmd.addAll(List.of(extra.split("\\s+")));
    }
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dfile.encoding=UTF-8");
    // PDFBox warns about every repair; the child's stderr only serves to tell how it died.
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=off");
    String halt = System.getProperty(CrashPoints.READER_HALT_ON);
    if (halt != null) {
      cmd.add("-D" + CrashPoints.READER_HALT_ON + "=" + halt);
    }
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(PdfReaderProcess.class.getName());
    return List.copyOf(cmd);
  }

  /**
   * This JVM's class path, and the jar or folder this class came from when that is not on it (a
   * runner that loads the pipeline's code through a class loader of its own).
   */
  private static String classPath() {
    Set<String> parts = new LinkedHashSet<>();
    String cp = System.getProperty("java.class.path", "");
    if (!cp.isEmpty()) {
      parts.addAll(List.of(cp.split(File.pathSeparator)));
    }
    try {
      parts.add(
          Path.of(PdfReaders.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString());
    } catch (URISyntaxException | RuntimeException e) {
      // Only a fallback; the class path above is what the launcher and the tests use.
    }
    return String.join(File.pathSeparator, parts);
  }

  /** One child process. Used by one thread at a time (the pool hands it out). */
  private final class Reader {
    private volatile Process process;
    private DataOutputStream toChild;
    private DataInputStream fromChild;
    private final StringBuilder stderrTail = new StringBuilder();
    private Thread drain;
    private final AtomicBoolean cpuCounted = new AtomicBoolean();
    private long lastUsed = System.nanoTime();

    /** Where this child writes the class-data archive as it exits, while it may still keep it. */
    private final AtomicReference<Path> training = new AtomicReference<>();

    /** How many files' texts this child has answered. */
    private int texts;

    /** Whether this child was started with the class-data archive. */
    private boolean mappedArchive;

    void start() {
      List<String> cmd = command;
      if (archive != null) {
        Path train = archive.startTraining();
        training.set(train);
        List<String> cds =
            train != null ? List.of("-XX:ArchiveClassesAtExit=" + train) : archive.useOptions();
        mappedArchive = train == null && !cds.isEmpty();
        if (!cds.isEmpty()) {
          cmd = new ArrayList<>(command);
          cmd.addAll(1, cds);
        }
      }
      try {
        process = new ProcessBuilder(cmd).start();
      } catch (IOException e) {
        dropTraining();
        throw new HyokaException(
            ErrorCode.INTERNAL_ERROR, "cannot start the PDF reader process: " + e.getMessage(), e);
      }
      drain = new Thread(this::drainStderr, "hyoka-pdf-reader-stderr");
      drain.setDaemon(true);
      drain.start();
      toChild = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
      fromChild = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
      AtomicBoolean late = new AtomicBoolean();
      ScheduledFuture<?> kill = killAfter(START_TIMEOUT_MILLIS, late);
      int ready;
      try {
        ready = fromChild.read();
      } catch (IOException e) {
        ready = -1;
      } finally {
        kill.cancel(false);
      }
      if (ready != PdfReaderProcess.READY) {
        end();
        throw new HyokaException(
            ErrorCode.INTERNAL_ERROR,
            "the PDF reader process did not start"
                + (late.get() ? " within " + START_TIMEOUT_MILLIS / 1000 + " s" : "")
                + ": "
                + oneLine(stderr()));
      }
    }

    ReportText extract(String path, String name, String sha256) {
      AtomicBoolean timedOut = new AtomicBoolean();
      ScheduledFuture<?> kill = killAfter(limits.timeoutMillis(), timedOut);
      try {
        toChild.write(PdfReaderProcess.EXTRACT);
        PdfReaderProcess.writeString(toChild, path);
        PdfReaderProcess.writeString(toChild, name);
        PdfReaderProcess.writeString(toChild, sha256);
        toChild.flush();
        int status = fromChild.read();
        if (status == PdfReaderProcess.TEXT) {
          int n = fromChild.readInt();
          if (n < 0 || n > PdfReaderProcess.MAX_CHARS) {
            throw new IOException("bad page count " + n);
          }
          List<String> pages = new ArrayList<>(Math.min(n, 10_000));
          long budget = PdfReaderProcess.MAX_CHARS;
          for (int i = 0; i < n; i++) {
            String page = PdfReaderProcess.readString(fromChild, budget);
            budget -= page.length();
            pages.add(page);
          }
          texts++;
          return new ReportText(name, pages);
        }
        if (status == PdfReaderProcess.REJECTED) {
          ErrorCode code = ErrorCode.valueOf(PdfReaderProcess.readString(fromChild, 100));
          throw new HyokaException(code, PdfReaderProcess.readString(fromChild, 1 << 20));
        }
        if (status >= 0) {
          throw new IOException("unexpected answer " + status);
        }
      } catch (IOException | IllegalArgumentException e) {
        // The child died (killed at the time bound, out of memory, crashed) or talked nonsense.
      } finally {
        kill.cancel(false);
      }
      throw died(name, timedOut.get());
    }

    private HyokaException died(String name, boolean timedOut) {
      // Its answer channel closed or went wrong: the child is exiting, or should be. Let it finish
      // on its own first, so that its exit code (3 on an exhausted heap) tells how it died, rather
      // than the 137 of the kill below.
      boolean exitedByItself = !timedOut && awaitExit(EXIT_GRACE_MILLIS);
      end();
      if (timedOut) {
        return new HyokaException(
            ErrorCode.LIMIT_EXCEEDED,
            name
                + ": time bound exceeded: no text after "
                + limits.timeout()
                + " (a decompression bomb or a PDF too complex to read)");
      }
      int exit = exitCode();
      String err = stderr();
      if (err.contains("OutOfMemoryError") || exit == 3) {
        return new HyokaException(
            ErrorCode.LIMIT_EXCEEDED,
            name
                + ": memory bound exceeded: reading it needs more than "
                + limits.readerHeapMb()
                + " MB of heap (a decompression bomb or a PDF too complex to read)");
      }
      String how;
      if (!exitedByItself) {
        how = "broke off its answer and did not exit (ended by hyoka)";
      } else if (exit == 128 + 9) {
        // Not hyoka's kill (that one is the time bound, above): on Linux, usually the system's
        // out-of-memory killer.
        how = "was killed (SIGKILL, exit code 137: the system may be out of memory)";
      } else {
        how = "stopped (exit code " + exit + ")";
      }
      return new HyokaException(
          ErrorCode.READER_CRASHED,
          name + ": the PDF reader process " + how + (err.isBlank() ? "" : ": " + oneLine(err)));
    }

    /** CPU used by the child so far while it runs; 0 once it is ended (then it is counted). */
    long liveCpuNanos() {
      Process p = process;
      return p == null || cpuCounted.get()
          ? 0
          : p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** Adds the child's CPU to the pool's ended total, once, just before it is ended. */
    private void countCpu() {
      long cpu = liveCpuNanos();
      if (cpuCounted.compareAndSet(false, true)) {
        endedCpuNanos.addAndGet(cpu);
      }
    }

    private ScheduledFuture<?> killAfter(long millis, AtomicBoolean fired) {
      return timer.schedule(
          () -> {
            fired.set(true);
            countCpu();
            process.destroyForcibly();
          },
          millis,
          TimeUnit.MILLISECONDS);
    }

    private boolean awaitExit(long millis) {
      try {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    private int exitCode() {
      try {
        if (process.waitFor(10, TimeUnit.SECONDS)) {
          return process.exitValue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }

    boolean alive() {
      return process != null && process.isAlive();
    }

    void end() {
      if (process == null) {
        dropTraining();
        return;
      }
      countCpu();
      try {
        toChild.close();
      } catch (IOException e) {
        // It is being ended anyway.
      }
      process.destroyForcibly();
      dropTraining();
    }

    /**
     * Ends an idle child: at once, like {@link #end}, unless it is writing the class-data archive;
     * then its input is closed, it exits by itself and writes the archive, which is kept when it
     * exited cleanly after reading text.
     */
    void endGracefully() {
      Path train = training.get();
      if (train == null || process == null) {
        end();
        return;
      }
      // Its CPU as of now: the system tells no more once it has exited.
      countCpu();
      try {
        toChild.close();
      } catch (IOException e) {
        // Then it will not exit cleanly, and is killed below.
      }
      boolean clean = awaitExit(TRAINING_EXIT_MILLIS) && process.exitValue() == 0 && texts > 0;
      if (training.compareAndSet(train, null)) {
        archive.trained(train, clean);
      }
      process.destroyForcibly();
    }

    /** This child will not leave a usable archive: a failed start, a death, a kill. */
    private void dropTraining() {
      Path train = training.getAndSet(null);
      if (train != null) {
        archive.trained(train, false);
      }
    }

    private void drainStderr() {
      byte[] buf = new byte[4096];
      try (InputStream err = process.getErrorStream()) {
        for (int n; (n = err.read(buf)) > 0; ) {
          synchronized (stderrTail) {
            stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            if (stderrTail.length() > STDERR_TAIL) {
              stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
            }
          }
        }
      } catch (IOException e) {
        // The child is gone.
      }
    }

    private String stderr() {
      // The drain thread reads until the child's stderr closes, when it has died.
      try {
        drain.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (stderrTail) {
        return stderrTail.toString();
      }
    }
  }

  private static String oneLine(String s) {
    String line = s.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(line.length() - 300) : line;
  }
}
