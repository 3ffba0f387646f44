package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What the ingest knows about a run before publishing: when it started, how many files it skipped
 * because their content was already held, and the files it rejected.
 */
public record RunStats(Instant startedAt, int filesUnchanged, List<Rejection> rejections) {
  public RunStats {
    requireNonNull(startedAt, "startedAt is null");
    if (filesUnchanged < 0) {
      throw new IllegalArgumentException("filesUnchanged must be >= 0: " + filesUnchanged);
    }
    rejections = List.copyOf(requireNonNull(rejections, "rejections is null"));
  }

  /** A file that could not be read as a report, with its one-line reason. */
  public record Rejection(String sourceFile, String reason) {
    public Rejection {
      requireNonNull(sourceFile, "sourceFile is null");
      requireNonNull(reason, "reason is null");
    }
  }
}
