package hyoka.cli;

import hyoka.ingest.IngestProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * An ingest's progress on stderr: the step (scan, pipeline, publish, index), files done of the
 * files the pipeline reads, pages per second and, while the pipeline runs, the time left at that
 * pace. stdout, with the per-file lines and the summary, is never written here.
 *
 * <ul>
 *   <li>When stderr is a terminal: JLine's status line ({@link Status}), the terminal's last row
 *       kept out of its scrolling region, so the per-file lines scroll above it; redrawn every
 *       second and removed at the end. JLine finds out through its {@code exec} provider (which
 *       runs {@code stty} and {@code test -t}), so no native library is unpacked for it.
 *   <li>Otherwise, once the ingest reads files (a re-run that finds nothing new prints nothing): a
 *       plain line when a step begins and then every {@link #PLAIN_EVERY}, each starting {@code
 *       hyoka: ingest}.
 *   <li>With {@code --quiet}: nothing.
 * </ul>
 */
final class IngestProgressDisplay implements IngestProgress, AutoCloseable {
  static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
  private static final long TICK_MILLIS = 1000;

  /** Where the text goes: a status line, or lines now and then. */
  private interface Sink {
    /**
     * @param reading whether the ingest reads files (a no-op re-run never does)
     */
    void show(String text, boolean stepBegins, boolean reading);

    void close();
  }

  private final Sink sink;
  private final LongSupplier nanos;
  private final ScheduledExecutorService ticker;
  private String step = "scan";
  private int files;
  private int done;
  private long pages;
  private long pipelineStart = -1;
  private long pipelineEnd = -1;
  private Thread restoreOnExit;

  private IngestProgressDisplay(Sink sink, LongSupplier nanos, boolean tick) {
    this.sink = sink;
    this.nanos = nanos;
    this.ticker =
        tick
            ? Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "ingest-progress");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    if (ticker != null) {
      // tick() catches nothing because it throws nothing a display could recover from.
      var unused =
          ticker.scheduleWithFixedDelay(
              this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * The display for {@code err}: a status line when it is the process's stderr and that is a
   * terminal, plain lines otherwise, nothing when {@code quiet}.
   */
  static IngestProgressDisplay open(PrintWriter err, boolean quiet) {
    if (quiet) {
      return new IngestProgressDisplay(null, System::nanoTime, false);
    }
    if (err instanceof HyokaCommand.ProcessStderr) {
      Terminal terminal = systemStderr();
      if (terminal != null) {
        IngestProgressDisplay d = onTerminal(terminal, System::nanoTime, true);
        // Ctrl-C ends the JVM without closing the display: the hook gives the terminal its last
        // row back (the status line narrows its scrolling region).
        d.restoreOnExit = new Thread(d.sink::close, "ingest-progress-restore");
        Runtime.getRuntime().addShutdownHook(d.restoreOnExit);
        return d;
      }
    }
    return plain(err, PLAIN_EVERY, System::nanoTime);
  }

  /** Plain lines on {@code err}: at each step, and every {@code every} during the pipeline. */
  static IngestProgressDisplay plain(PrintWriter err, Duration every, LongSupplier nanos) {
    long[] last = {Long.MIN_VALUE};
    Sink lines =
        new Sink() {
          @Override
          public void show(String text, boolean stepBegins, boolean reading) {
            long now = nanos.getAsLong();
            if (reading && (stepBegins || now - last[0] >= every.toNanos())) {
              last[0] = now;
              err.println("hyoka: " + text);
              err.flush();
            }
          }

          @Override
          public void close() {}
        };
    return new IngestProgressDisplay(lines, nanos, true);
  }

  /** JLine's status line on {@code terminal}; {@code tick} redraws it every second. */
  static IngestProgressDisplay onTerminal(Terminal terminal, LongSupplier nanos, boolean tick) {
    Status status = Status.getStatus(terminal);
    Sink line =
        new Sink() {
          @Override
          public void show(String text, boolean stepBegins, boolean reading) {
            int width = Math.max(10, terminal.getSize().getColumns() - 1);
            String fitted = text.length() > width ? text.substring(0, width) : text;
            status.update(List.of(new AttributedString(fitted)));
            terminal.flush();
          }

          @Override
          public void close() {
            status.update(List.of());
            status.close();
            terminal.flush();
            try {
              terminal.close();
            } catch (IOException e) {
              // The terminal is the process's stderr; nothing is left to restore.
            }
          }
        };
    return new IngestProgressDisplay(line, nanos, tick);
  }

  /**
   * The process's stderr as a JLine terminal, or null when it is not one. Signals stay the JVM's
   * (Ctrl-C ends the ingest as before) and the input is never read.
   */
  private static Terminal systemStderr() {
    try {
      Terminal t =
          TerminalBuilder.builder()
              .system(true)
              .systemOutput(TerminalBuilder.SystemOutput.SysErr)
              .provider("exec")
              .nativeSignals(false)
              .signalHandler(Terminal.SignalHandler.SIG_DFL)
              .paused(true)
              .dumb(true)
              .build();
      if (t.getType().startsWith(Terminal.TYPE_DUMB) || t.getSize().getColumns() <= 0) {
        t.close();
        return null;
      }
      return t;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public synchronized void step(String step, int files) {
    if (this.step.equals("pipeline")) {
      pipelineEnd = nanos.getAsLong();
    }
    this.step = step;
    this.files = files;
    if (step.equals("pipeline")) {
      pipelineStart = nanos.getAsLong();
    }
    show(true);
  }

  @Override
  public synchronized void fileDone(int pages) {
    done++;
    this.pages += pages;
    show(false);
  }

  private synchronized void tick() {
    show(false);
  }

  private void show(boolean stepBegins) {
    if (sink != null) {
      sink.show(text(), stepBegins, files > 0);
    }
  }

  /** {@code ingest pipeline: 12 of 20 files, 431 pages/s, about 4 s left}. */
  synchronized String text() {
    StringBuilder b = new StringBuilder("ingest ").append(step);
    if (files > 0) {
      b.append(String.format(Locale.ROOT, ": %d of %d file%s", done, files, files == 1 ? "" : "s"));
      long end = pipelineEnd >= 0 ? pipelineEnd : nanos.getAsLong();
      double seconds = pipelineStart < 0 ? 0 : (end - pipelineStart) / 1e9;
      if (pages > 0 && seconds > 0) {
        b.append(String.format(Locale.ROOT, ", %.0f pages/s", pages / seconds));
      }
      if (step.equals("pipeline") && done > 0 && done < files) {
        long left = Math.round(seconds / done * (files - done));
        b.append(String.format(Locale.ROOT, ", about %s left", duration(left)));
      }
    }
    return b.toString();
  }

  private static String duration(long seconds) {
    return seconds < 60
        ? seconds + " s"
        : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      try {
        ticker.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (restoreOnExit != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
          return; // the JVM is exiting: the hook restores the terminal
        }
      }
      if (sink != null) {
        sink.close();
      }
    }
  }
}
