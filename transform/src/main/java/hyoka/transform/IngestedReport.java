package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A parsed report together with its identity in the warehouse. A report is its content: {@code
 * reportId} is derived from the sha256 of the file's bytes.
 *
 * @param reportId the first 16 hex digits of {@code sha256}
 * @param series the series name (the {@code --series} option, by default the file's folder name)
 * @param repairs the lines of the extracted text repaired before parsing ({@link
 *     ReportText#repairs()}): whatever layout parsed the text, they go to the warehouse with it
 */
public record IngestedReport(
    String reportId,
    String sourceFile,
    String sha256,
    String series,
    Instant ingestedAt,
    ParsedReport report,
    List<TextRepair> repairs)
    implements java.io.Serializable {
  public IngestedReport {
    requireNonNull(reportId, "reportId is null");
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(series, "series is null");
    requireNonNull(ingestedAt, "ingestedAt is null");
    requireNonNull(report, "report is null");
    repairs = List.copyOf(requireNonNull(repairs, "repairs is null"));
  }

  /** A report whose text needed no repair. */
  public IngestedReport(
      String reportId,
      String sourceFile,
      String sha256,
      String series,
      Instant ingestedAt,
      ParsedReport report) {
    this(reportId, sourceFile, sha256, series, ingestedAt, report, List.of());
  }

  public static String reportIdOf(String sha256) {
    return sha256.substring(0, 16);
  }

  /**
   * A file's content identity, the {@code sha256} of a report: the lower-case hex SHA-256 of its
   * bytes, read as a stream. The one computation for the ingest, which records it, and for hyoka
   * serve, which finds the PDF of a report by it.
   */
  public static String sha256Of(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
