package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the ingest knows about a run before publishing: when it started, how many files it skipped
 * because their content was already held, the files it rejected, the parser version that read the
 * run's files, and the content it read again because another parser version had made its report.
 *
 * @param parserVersion stored as {@code reports.parser_version} of every report the run loads;
 *     null: unknown
 * @param reparse sha256 of held content read again: a shard of one of them replaces the held report
 *     of that content (its rows are deleted, the shard's loaded under the same report_id) instead
 *     of counting as unchanged
 */
public record RunStats(
    Instant startedAt,
    int filesUnchanged,
    List<Rejection> rejections,
    String parserVersion,
    Set<String> reparse) {
  public RunStats {
    requireNonNull(startedAt, "startedAt is null");
    if (filesUnchanged < 0) {
      throw new IllegalArgumentException("filesUnchanged must be >= 0: " + filesUnchanged);
    }
    rejections = List.copyOf(requireNonNull(rejections, "rejections is null"));
    reparse = Set.copyOf(requireNonNull(reparse, "reparse is null"));
  }

  /** A run of no known parser version that reads nothing again. */
  public RunStats(Instant startedAt, int filesUnchanged, List<Rejection> rejections) {
    this(startedAt, filesUnchanged, rejections, null, Set.of());
  }

  /** A file that could not be read as a report, with its one-line reason. */
  public record Rejection(String sourceFile, String reason) {
    public Rejection {
      requireNonNull(sourceFile, "sourceFile is null");
      requireNonNull(reason, "reason is null");
    }
  }
}
