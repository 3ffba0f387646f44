package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;

/**
 * One file the pipeline has to read: new content the warehouse does not hold yet. The driver hashes
 * and names it; workers only read it.
 *
 * @param path what workers open: the file's {@code file:} URI, which keeps a name's bytes exactly
 *     even where they are not UTF-8 (a plain absolute path is taken too)
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

  /** The file workers open. */
  public Path file() {
    return pathOf(path);
  }

  /** {@link #path}'s form of a file: its URI. */
  static String pathString(Path file) {
    return file.toAbsolutePath().normalize().toUri().toString();
  }

  static Path pathOf(String path) {
    // On Linux a file name is bytes; a Path keeps them, its string form does not when they are not
    // UTF-8, but its URI percent-encodes them and gives the same bytes back.
    return path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
  }
}
