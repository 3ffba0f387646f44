package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one publish did: the run id and, per shard, whether its report was added or already held.
 */
public record PublishResult(long runId, List<Outcome> reports) {
  public PublishResult {
    reports = List.copyOf(requireNonNull(reports, "reports is null"));
  }

  public enum Status {
    /** New content: its rows were loaded. */
    ADDED,
    /** The same content (sha256) was already held: nothing was loaded. */
    UNCHANGED,
    /**
     * The content was held, made by another parser version ({@link RunStats#reparse}): its rows
     * were replaced by the shard's, under the same report_id.
     */
    REPARSED
  }

  /**
   * What happened to one report.
   *
   * @param supersededReportId for an added report, the report(s) it replaced (same series, fiscal
   *     year and layout; report_ids, comma-separated) in the chains as the run's transaction left
   *     them, a re-parse that read another year having rebuilt those; else null
   */
  public record Outcome(
      String reportId, String sourceFile, Status status, String supersededReportId) {
    public Outcome {
      requireNonNull(reportId, "reportId is null");
      requireNonNull(sourceFile, "sourceFile is null");
      requireNonNull(status, "status is null");
    }
  }

  public long added() {
    return reports.stream().filter(o -> o.status() == Status.ADDED).count();
  }

  public long superseded() {
    return reports.stream().filter(o -> o.supersededReportId() != null).count();
  }

  public long reparsed() {
    return reports.stream().filter(o -> o.status() == Status.REPARSED).count();
  }

  public long unchanged() {
    return reports.stream().filter(o -> o.status() == Status.UNCHANGED).count();
  }
}
