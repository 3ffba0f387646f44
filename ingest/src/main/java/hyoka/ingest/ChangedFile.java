package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One file the pipeline has to read: new content the warehouse does not hold yet. The driver hashes
 * and names it; workers only read it.
 *
 * @param path absolute path workers open
 * @param name the file as the user named it; used in every message and stored as the source file
 * @param sha256 hex digest of the file's bytes when the driver hashed it
 * @param series series the report belongs to
 */
public record ChangedFile(String path, String name, String sha256, String series)
    implements Serializable {
  public ChangedFile {
    requireNonNull(path, "path is null");
    requireNonNull(name, "name is null");
    requireNonNull(sha256, "sha256 is null");
    requireNonNull(series, "series is null");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha256 hex digest: " + sha256);
    }
  }
}
