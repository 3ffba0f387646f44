package hyoka.ingest;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints an ingest's per-file lines while it runs, each as soon as it is final, in the order they
 * have always had (the order of the inputs), so stdout is what it was, only sooner.
 *
 * <p>The lines of unchanged and already-rejected files, and of repeats of those, are final after
 * the scan; a repeat of a file being read is final once that file is read or rejected. The
 * pipeline's workers leave a summary or a dead letter in the staging directory for each file they
 * finish (on any runner); a thread of the driver watches that directory. A rejected file's line is
 * final then. A read report's line ({@code added …}) is final then too, unless the publish could
 * make it {@code superseded … by …}: when the warehouse holds a current report of its series and
 * fiscal year, or when a file of the same series that the publish places before it, or a re-parse
 * of the same series, is still being read or has the same fiscal year. Those lines, and every line
 * after them, wait for the publish. Every line comes from the same {@link FileOutcome} the end of
 * the run decides; IngestRunTest checks that the streamed lines equal the final ones.
 */
final class LineFeed {
  private final PrintWriter out;
  private final List<IngestRun.Candidate> candidates;
  private final Set<String> heldSeriesYears;
  private final Map<String, ReportSummary> readBySha = new HashMap<>();
  private final Map<String, DeadLetter> rejectedBySha = new HashMap<>();
  private int next;

  /**
   * @param heldSeriesYears {@link #key} of every current report the warehouse holds
   */
  LineFeed(PrintWriter out, List<IngestRun.Candidate> candidates, Set<String> heldSeriesYears) {
    this.out = out;
    this.candidates = candidates;
    this.heldSeriesYears = heldSeriesYears;
  }

  static String key(String series, int fiscalYear) {
    return series + "\u0000" + fiscalYear;
  }

  /** The series/fiscal-year keys of the warehouse's current reports; none without a warehouse. */
  static Set<String> currentSeriesYears(Warehouse warehouse) {
    Set<String> keys = new HashSet<>();
    if (!warehouse.exists()) {
      return keys;
    }
    try (Connection c = warehouse.openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT series, fiscal_year FROM reports WHERE superseded_by IS NULL"
                    + " AND series IS NOT NULL AND fiscal_year IS NOT NULL")) {
      while (rs.next()) {
        keys.add(key(rs.getString(1), rs.getInt(2)));
      }
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot read the current reports: " + e.getMessage(), e);
    }
    return keys;
  }

  /** A worker finished a report. */
  synchronized void read(ReportSummary s) {
    readBySha.put(s.sha256(), s);
    flush();
  }

  /** A worker rejected a file. */
  synchronized void rejected(DeadLetter d) {
    rejectedBySha.put(d.sha256(), d);
    flush();
  }

  /** Prints every line that is final, up to the first that is not. */
  synchronized void flush() {
    while (next < candidates.size()) {
      String line = finalLine(candidates.get(next));
      if (line == null) {
        break;
      }
      out.println(line);
      next++;
    }
    out.flush();
  }

  /** At the end of the run, every outcome decided: prints the lines not printed yet. */
  synchronized void finish() {
    for (; next < candidates.size(); next++) {
      out.println(candidates.get(next).outcome().line());
    }
    out.flush();
  }

  private String finalLine(IngestRun.Candidate c) {
    if (c.outcome() != null) {
      return c.outcome().line();
    }
    String sha = c.file().sha256();
    DeadLetter d = rejectedBySha.get(sha);
    if (c.sameAs() != null) {
      // a repeat of a file being read: rejected with it, or a duplicate of it once it is read
      if (d != null) {
        return c.asRepeatOf(c.sameAs().rejectedOutcome(d)).line();
      }
      return readBySha.containsKey(sha)
          ? FileOutcome.duplicate(c.file().name(), c.sameAs().file().name()).line()
          : null;
    }
    if (d != null) {
      return c.rejectedOutcome(d).line();
    }
    ReportSummary s = readBySha.get(sha);
    if (s != null && c.reparse()) {
      return FileOutcome.reparsed(s).line();
    }
    if (s == null || mayBeSuperseding(c.file(), s)) {
      return null;
    }
    return FileOutcome.added(s, null, null).line();
  }

  /**
   * Whether the publish may find that {@code file} supersedes a report: one of its series and
   * fiscal year is current in the warehouse, or a changed file of its series that the publish
   * places before it (by file name, then sha256, as {@code Warehouse.publish} orders one run's
   * reports) is unread or of the same fiscal year. A re-parse of its series counts wherever it is
   * placed: it keeps the place of the held report, which came in before any file of this run, and
   * reading another fiscal year it may enter this file's year (one it leaves was current there).
   */
  private boolean mayBeSuperseding(ChangedFile file, ReportSummary s) {
    if (heldSeriesYears.contains(key(file.series(), s.fiscalYear()))) {
      return true;
    }
    for (IngestRun.Candidate other : candidates) {
      ChangedFile o = other.file();
      if (other.outcome() != null
          || other.sameAs() != null
          || o == null
          || o == file
          || !o.series().equals(file.series())
          || (publishOrder(o, file) >= 0 && !other.reparse())
          || rejectedBySha.containsKey(o.sha256())) {
        continue;
      }
      ReportSummary before = readBySha.get(o.sha256());
      if (before == null || before.fiscalYear() == s.fiscalYear()) {
        return true;
      }
    }
    return false;
  }

  private static int publishOrder(ChangedFile a, ChangedFile b) {
    int byName = a.name().compareTo(b.name());
    return byName != 0 ? byName : a.sha256().compareTo(b.sha256());
  }

  /**
   * Watches {@code staging} while the pipeline runs: each summary or dead letter a worker writes is
   * fed to the lines and to {@code progress}. Closing it stops the watch and takes in what is left.
   */
  Watch watch(StagingDir staging, IngestProgress progress) {
    return new Watch(staging, progress);
  }

  /** The watching thread of {@link #watch}. */
  final class Watch implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private final StagingDir staging;
    private final IngestProgress progress;
    private final Set<Path> seen = new HashSet<>();
    private final ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ingest-lines");
              t.setDaemon(true);
              return t;
            });

    private Watch(StagingDir staging, IngestProgress progress) {
      this.staging = staging;
      this.progress = progress;
      // pollQuietly catches what a poll throws; close() polls once more and reports that.
      var unused =
          poller.scheduleWithFixedDelay(this::pollQuietly, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
      try {
        poll();
      } catch (RuntimeException e) {
        // A file read half-way through a worker's rename, say: the next poll, or close(), reads it.
      }
    }

    private synchronized void poll() {
      for (Path f : StagingDir.entries(staging.deadLetters())) {
        if (!seen.contains(f)) {
          rejected(DeadLetter.read(f));
          seen.add(f);
          progress.fileDone(0);
        }
      }
      for (Path f : StagingDir.entries(staging.reports())) {
        if (!seen.contains(f)) {
          ReportSummary s = ReportSummary.read(f);
          read(s);
          seen.add(f);
          progress.fileDone(s.pages());
        }
      }
    }

    @Override
    public void close() {
      poller.shutdownNow();
      try {
        poller.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      poll();
    }
  }
}
