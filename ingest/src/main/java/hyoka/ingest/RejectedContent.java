package hyoka.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import hyoka.transform.ErrorCode;
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
 * <p>Each line also names the {@link ParserVersion} that rejected it: a newer extractor or parser,
 * or another set of installed layouts, may read what an older one rejected, so lines of another
 * version are ignored (and the file is read again). A file that passed the time or memory bound (a
 * decompression bomb) is remembered with those bounds: a run with other bounds reads it again.
 * Rejections that depend on the moment (I/O errors, a crashed reader, internal errors) are never
 * remembered. To have a remembered file read again, delete its line (or the whole file).
 */
final class RejectedContent {
  static final String FILE = "rejected.tsv";

  private static final Set<ErrorCode> REMEMBERED =
      EnumSet.of(
          ErrorCode.ENCRYPTED_PDF,
          ErrorCode.NO_TEXT_LAYER,
          ErrorCode.NOT_A_REPORT,
          ErrorCode.DAMAGED_PDF,
          ErrorCode.LIMIT_EXCEEDED);

  /**
   * @param version the {@link ParserVersion}, followed by {@code /} and {@link
   *     ExtractLimits#boundsKey} for a rejection at a bound
   */
  record Rejection(String version, ErrorCode code, String reason) {}

  private final Path file;
  private final Map<String, Rejection> bySha = new LinkedHashMap<>();

  /** The {@link ParserVersion} of this run (it covers the installed layouts). */
  private final String readerVersion;

  private RejectedContent(Path file, String readerVersion) {
    this.file = file;
    this.readerVersion = readerVersion;
  }

  /** The rejections remembered under {@code parserVersion}; those of other versions are ignored. */
  static RejectedContent load(Path dataDir, String parserVersion) {
    RejectedContent r = new RejectedContent(dataDir.resolve(FILE), parserVersion);
    if (!Files.isRegularFile(r.file)) {
      return r;
    }
    String version = r.readerVersion;
    try {
      for (String line : Files.readAllLines(r.file, UTF_8)) {
        String[] f = line.split("\t", 4);
        if (f.length == 4 && (f[0].equals(version) || f[0].startsWith(version + "/"))) {
          try {
            r.bySha.put(f[1], new Rejection(f[0], ErrorCode.valueOf(f[2]), f[3]));
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

  /** The remembered rejection of {@code sha256} that holds under {@code limits}. */
  Optional<Rejection> get(String sha256, ExtractLimits limits) {
    Rejection r = bySha.get(sha256);
    return r != null && r.version().equals(version(r.code(), limits))
        ? Optional.of(r)
        : Optional.empty();
  }

  private String version(ErrorCode code, ExtractLimits limits) {
    return code == ErrorCode.LIMIT_EXCEEDED
        ? readerVersion + "/" + limits.boundsKey()
        : readerVersion;
  }

  /**
   * Remembers the content-determined ones of {@code letters}; writes only when something is new.
   */
  void rememberAll(List<DeadLetter> letters, ExtractLimits limits) {
    boolean changed = false;
    for (DeadLetter d : letters) {
      if (REMEMBERED.contains(d.code()) && get(d.sha256(), limits).isEmpty()) {
        bySha.put(
            d.sha256(),
            new Rejection(version(d.code(), limits), d.code(), d.reason().replace('\n', ' ')));
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    StringBuilder b = new StringBuilder();
    bySha.forEach(
        (sha, r) ->
            b.append(r.version())
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
