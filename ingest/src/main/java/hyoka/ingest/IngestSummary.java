package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What one ingest did: the outcome of every input file, in input order, and the totals.
 *
 * @param runId the warehouse run the ingest published; 0 when nothing changed and nothing was
 *     published
 * @param indexRepaired whether the run first brought the search index back in line with the
 *     warehouse (an earlier ingest was interrupted)
 * @param times wall and CPU time of each step the ingest ran
 */
public record IngestSummary(
    List<FileOutcome> files, long runId, boolean indexRepaired, StepTimes times) {
  public IngestSummary {
    files = List.copyOf(requireNonNull(files, "files is null"));
    requireNonNull(times, "times is null");
  }

  public long added() {
    return count(FileOutcome.Status.ADDED);
  }

  /** Added files that replaced an older report of their series and fiscal year. */
  public long superseded() {
    return files.stream().filter(f -> f.superseded() != null).count();
  }

  /** Held files read again because another hyoka version had made their reports. */
  public long reparsed() {
    return count(FileOutcome.Status.REPARSED);
  }

  public long unchanged() {
    return count(FileOutcome.Status.UNCHANGED);
  }

  public long duplicates() {
    return count(FileOutcome.Status.DUPLICATE);
  }

  /** Files that could not be read as reports; the CLI exits with 1 when there are any. */
  public long rejected() {
    return count(FileOutcome.Status.REJECTED);
  }

  public long projects() {
    return sum(ReportSummary::projects);
  }

  public long kpiRows() {
    return sum(ReportSummary::kpiRows);
  }

  public long scoreMismatches() {
    return sum(r -> r.scoreMismatches() == null ? 0 : r.scoreMismatches());
  }

  /** Grade mismatches of the reports that grade (kpi-sheet). */
  public long gradeMismatches() {
    return sum(r -> r.gradeMismatches() == null ? 0 : r.gradeMismatches());
  }

  private boolean any(java.util.function.Predicate<ReportSummary> p) {
    return files.stream().anyMatch(o -> o.report() != null && p.test(o.report()));
  }

  public long unknownLines() {
    return sum(ReportSummary::unknownLines);
  }

  /**
   * The summary line printed after the per-file lines; it names the re-parsed files only in a run
   * that has any, so the line of every other run is what it always was. Grade mismatches are
   * counted when a report of the run grades its KPIs; score mismatches unless every report of the
   * run grades instead.
   */
  public String line() {
    boolean grades = any(r -> r.gradeMismatches() != null);
    boolean scores = !grades || any(r -> r.scoreMismatches() != null);
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%d %s: %d added (%d superseding), %s%d unchanged, %d duplicates, %d rejected;"
                    + " %d projects, %d KPI rows",
                files.size(),
                files.size() == 1 ? "file" : "files",
                added(),
                superseded(),
                reparsed() == 0 ? "" : reparsed() + " reparsed, ",
                unchanged(),
                duplicates(),
                rejected(),
                projects(),
                kpiRows()));
    if (scores) {
      b.append(String.format(Locale.ROOT, ", %d score mismatches", scoreMismatches()));
    }
    if (grades) {
      b.append(String.format(Locale.ROOT, ", %d grade mismatches", gradeMismatches()));
    }
    return b.append(String.format(Locale.ROOT, ", %d unknown lines", unknownLines())).toString();
  }

  private long count(FileOutcome.Status status) {
    return files.stream().filter(f -> f.status() == status).count();
  }

  private long sum(ToLongFunction<ReportSummary> f) {
    return files.stream()
        .filter(o -> o.report() != null)
        .mapToLong(o -> f.applyAsLong(o.report()))
        .sum();
  }
}
