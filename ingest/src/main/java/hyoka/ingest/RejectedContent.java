package hyoka.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import hyoka.transform.ErrorCode;
import hyoka.transform.Layouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Content that an earlier ingest read and rejected for what it is (encrypted, scanned, not such a
 * report), remembered by sha256 in {@code <data>/rejected.tsv} so that re-running over a folder
 * that still holds such a file neither parses nor writes anything: only empty, non-PDF and cut-off
 * files can be told without reading them through Tika and the parser.
 *
 * <p>Each line also names the {@link #readerVersion}: a newer extractor or parser, or another set
 * of installed layouts, may read what an older one rejected, so lines of another version are
 * ignored (and the file is read again). Rejections that depend on the moment (I/O errors, internal
 * errors) are never remembered.
 */
final class RejectedContent {
  static final String FILE = "rejected.tsv";

  /** Bump when extraction or parsing changes which content is rejected. */
  static final String READER_VERSION = "2";

  private static final Set<ErrorCode> REMEMBERED =
      EnumSet.of(ErrorCode.ENCRYPTED_PDF, ErrorCode.NO_TEXT_LAYER, ErrorCode.NOT_A_REPORT);

  record Rejection(ErrorCode code, String reason) {}

  private final Path file;
  private final Map<String, Rejection> bySha = new LinkedHashMap<>();

  private RejectedContent(Path file) {
    this.file = file;
  }

  /**
   * {@link #READER_VERSION} and the installed layouts: a layout added to the class path may read
   * what none read before.
   */
  static String readerVersion() {
    return READER_VERSION + " " + String.join(",", Layouts.installedClassNames());
  }

  static RejectedContent load(Path dataDir) {
    RejectedContent r = new RejectedContent(dataDir.resolve(FILE));
    if (!Files.isRegularFile(r.file)) {
      return r;
    }
    String version = readerVersion();
    try {
      for (String line : Files.readAllLines(r.file, UTF_8)) {
        String[] f = line.split("\t", 4);
        if (f.length == 4 && f[0].equals(version)) {
          try {
            r.bySha.put(f[1], new Rejection(ErrorCode.valueOf(f[2]), f[3]));
          } catch (IllegalArgumentException unknownCode) {
            // a code this version does not know: read the file again
          }
        }
      }
    } catch (IOException e) {
      // Only a slower path: the files are read again.
      r.bySha.clear();
    }
    return r;
  }

  Optional<Rejection> get(String sha256) {
    return Optional.ofNullable(bySha.get(sha256));
  }

  /**
   * Remembers the content-determined ones of {@code letters}; writes only when something is new.
   */
  void rememberAll(List<DeadLetter> letters) {
    boolean changed = false;
    for (DeadLetter d : letters) {
      if (REMEMBERED.contains(d.code()) && !bySha.containsKey(d.sha256())) {
        bySha.put(d.sha256(), new Rejection(d.code(), d.reason().replace('\n', ' ')));
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    StringBuilder b = new StringBuilder();
    String version = readerVersion();
    bySha.forEach(
        (sha, r) ->
            b.append(version)
                .append('\t')
                .append(sha)
                .append('\t')
                .append(r.code().name())
                .append('\t')
                .append(r.reason())
                .append('\n'));
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      Files.writeString(tmp, b, UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // Best effort: without the file the next run reads these files again, nothing worse.
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }
}
