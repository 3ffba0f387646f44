package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;

/**
 * What an ingest did with one input file, and the line it prints for it.
 *
 * @param file the file as the user named it
 * @param status what happened
 * @param report counts of the report read (ADDED and REPARSED)
 * @param superseded the source file(s) of the report(s) this one replaced (ADDED only), or null
 * @param lost for a superseding file, what the report(s) it replaced held and it does not ({@code 2
 *     KPI names, 12 narratives}; the rows are in the warehouse view supersession_losses), or null
 * @param sameAs for DUPLICATE, the file of this run with the same content; else null
 * @param code for REJECTED, the error class; else null
 * @param reason for REJECTED, the one-line reason; else null
 */
public record FileOutcome(
    String file,
    Status status,
    ReportSummary report,
    String superseded,
    String lost,
    String sameAs,
    ErrorCode code,
    String reason) {
  /** What happened to a file. */
  public enum Status {
    /** Read and published (possibly superseding an older report of its series and year). */
    ADDED,
    /**
     * Its content was in the warehouse, in a report another hyoka version made: read again, the
     * held report replaced by what this version reads (same report_id).
     */
    REPARSED,
    /** Its content (sha256) was already in the warehouse, made by this version: not read again. */
    UNCHANGED,
    /** Another file of the same run has the same content: not read twice. */
    DUPLICATE,
    /** Not a readable report: nothing of it was stored. */
    REJECTED
  }

  public FileOutcome {
    requireNonNull(file, "file is null");
    requireNonNull(status, "status is null");
    switch (status) {
      case ADDED, REPARSED -> requireNonNull(report, "a file read needs its report counts");
      case DUPLICATE -> requireNonNull(sameAs, "a duplicate needs the file it repeats");
      case REJECTED -> {
        requireNonNull(code, "a rejection needs an error code");
        requireNonNull(reason, "a rejection needs a reason");
      }
      case UNCHANGED -> {}
    }
  }

  static FileOutcome added(ReportSummary report, String superseded, String lost) {
    return new FileOutcome(report.file(), Status.ADDED, report, superseded, lost, null, null, null);
  }

  static FileOutcome reparsed(ReportSummary report) {
    return new FileOutcome(report.file(), Status.REPARSED, report, null, null, null, null, null);
  }

  /**
   * What a rejection of held content adds to its reason: this version rejects what another one
   * read, and the warehouse keeps that version's report rather than lose it.
   */
  static final String KEPT =
      "this hyoka version rejects it; the report another version read from it is kept";

  static FileOutcome unchanged(String file) {
    return new FileOutcome(file, Status.UNCHANGED, null, null, null, null, null, null);
  }

  static FileOutcome duplicate(String file, String sameAs) {
    return new FileOutcome(file, Status.DUPLICATE, null, null, null, sameAs, null, null);
  }

  static FileOutcome rejected(String file, ErrorCode code, String reason) {
    return new FileOutcome(file, Status.REJECTED, null, null, null, null, code, reason);
  }

  /**
   * The line printed for the file: always one line, whatever the file's name holds (names and
   * reasons are escaped by {@link Printable}).
   */
  public String line() {
    String f = Printable.of(file);
    return switch (status) {
      case ADDED ->
          superseded == null
              ? "added " + f + " (" + report.counts() + ")"
              : "superseded "
                  + Printable.of(superseded)
                  + " by "
                  + f
                  + " ("
                  + report.counts()
                  + ")"
                  + (lost == null
                      ? ""
                      : "; lost against the superseded report: "
                          + lost
                          + " (see the supersession_losses view)");
      case REPARSED ->
          "reparsed " + f + " (made by another hyoka version; " + report.counts() + ")";
      case UNCHANGED -> "unchanged " + f;
      case DUPLICATE -> "duplicate " + f + ": same content as " + Printable.of(sameAs);
      case REJECTED -> "rejected " + f + ": " + Printable.of(reason);
    };
  }
}
