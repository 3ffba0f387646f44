package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A file the pipeline could not turn into a report, with why: what the dead-letter output of {@link
 * IngestPipeline} carries and writes, one small file per rejected file.
 *
 * @param file the file as the user named it
 * @param sha256 its content hash (names the dead-letter file, so a retried worker overwrites)
 * @param code the error class
 * @param reason one line, without the file name (e.g. {@code no text layer (3 pages, 0 characters):
 *     scanned or image-only PDF})
 */
public record DeadLetter(String file, String sha256, ErrorCode code, String reason)
    implements Serializable {
  public DeadLetter {
    requireNonNull(file, "file is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(code, "code is null");
    requireNonNull(reason, "reason is null");
    if (reason.contains("\n")) {
      throw new IllegalArgumentException("reason must be one line: " + reason);
    }
  }

  /**
   * The dead letter of an exception thrown for {@code file}. Extractor and parser messages start
   * with the file's name ({@code scan.pdf: no text layer …}); that prefix is dropped from the
   * reason because the line printed for the file names it already.
   */
  static DeadLetter of(ChangedFile file, ErrorCode code, String message) {
    String prefix = file.name() + ": ";
    String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    return new DeadLetter(
        file.name(), file.sha256(), code, reason.replaceAll("\\s*\\R\\s*", " ").strip());
  }

  /** The line printed for the file: {@code rejected scan.pdf: no text layer (…)}. */
  public String line() {
    return "rejected " + file + ": " + reason;
  }

  void writeTo(Path dir) {
    Properties p = new Properties();
    p.setProperty("file", file);
    p.setProperty("sha256", sha256);
    p.setProperty("code", code.name());
    p.setProperty("reason", reason);
    StagingDir.writeProperties(dir.resolve(sha256 + ".rejected"), p, "the dead letter of " + file);
  }

  /** Every dead letter written to {@code dir}, in file-name order. */
  static List<DeadLetter> readAll(Path dir) {
    List<DeadLetter> out = new ArrayList<>();
    for (Properties p : StagingDir.readAllProperties(dir)) {
      out.add(of(p));
    }
    return out;
  }

  /** The dead letter in {@code file}. */
  static DeadLetter read(Path file) {
    return of(StagingDir.readProperties(file));
  }

  private static DeadLetter of(Properties p) {
    return new DeadLetter(
        p.getProperty("file"),
        p.getProperty("sha256"),
        ErrorCode.valueOf(p.getProperty("code")),
        p.getProperty("reason"));
  }
}
