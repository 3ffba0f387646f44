package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Who the report in a shard is: what publish needs to decide added, unchanged or superseding.
 *
 * @param layout the layout that read the report: a new file supersedes only a report of its own
 *     layout (the sheets and the report of one year are two publications, not a correction)
 */
public record ShardReport(
    Path shardDir,
    String reportId,
    String sourceFile,
    String sha256,
    String series,
    int fiscalYear,
    String layout,
    Instant ingestedAt) {
  public ShardReport {
    requireNonNull(shardDir, "shardDir is null");
    requireNonNull(reportId, "reportId is null");
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(series, "series is null");
    requireNonNull(layout, "layout is null");
    requireNonNull(ingestedAt, "ingestedAt is null");
  }
}
