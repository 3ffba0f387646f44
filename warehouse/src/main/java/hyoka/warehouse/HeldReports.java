package hyoka.warehouse;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a no-op re-run needs to know about the warehouse (the sha256 of every report held, the
 * parser version that made it, and the last run id), kept in a small text file beside it so that a
 * re-run over an unchanged folder does not have to load DuckDB's native library and open the
 * database (≈ 0.6–0.9 s of a 2 s CLI run).
 *
 * <p>The file names the size and modification time of the database it describes; it is trusted only
 * while the database still has exactly those, so a crash between the publish's rename and the
 * writing of this file, or any other change of the database, makes readers fall back to DuckDB. It
 * is written after each publish, under a temporary name then renamed.
 */
final class HeldReports {
  static final String FILE = "warehouse.held";
  private static final String MAGIC = "hyoka-held 2";

  /**
   * @param sha256ToParserVersion the {@code reports.parser_version} of each held sha256; null where
   *     unknown (a report of a hyoka before parser versions)
   */
  record Held(
      long lastRunId,
      Map<String, String> sha256ToReportId,
      Map<String, String> sha256ToParserVersion) {}

  private HeldReports() {}

  /** The cached facts, if the cache describes {@code dbFile} as it is now. */
  static Optional<Held> read(Path dbFile) {
    Path file = dbFile.resolveSibling(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file, UTF_8);
      if (lines.size() < 2 || !lines.get(0).equals(MAGIC)) {
        return Optional.empty();
      }
      String[] head = lines.get(1).split(" ", -1);
      if (head.length != 2 || !head[0].equals(stamp(dbFile))) {
        return Optional.empty();
      }
      long runId = Long.parseLong(head[1]);
      Map<String, String> known = new LinkedHashMap<>();
      Map<String, String> versions = new LinkedHashMap<>();
      for (String line : lines.subList(2, lines.size())) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
          return Optional.empty();
        }
        known.put(f[0], f[1]);
        versions.put(f[0], f[2].isEmpty() ? null : f[2]);
      }
      return Optional.of(new Held(runId, known, versions));
    } catch (IOException | RuntimeException e) {
      // A damaged cache is only a slower path: DuckDB is the truth.
      return Optional.empty();
    }
  }

  /** Records {@code held} as the state of {@code dbFile} as it is now. */
  static void write(Path dbFile, Held held) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append(MAGIC).append('\n');
    b.append(stamp(dbFile)).append(' ').append(held.lastRunId()).append('\n');
    held.sha256ToReportId()
        .forEach(
            (sha, id) -> {
              String version = held.sha256ToParserVersion().get(sha);
              b.append(sha)
                  .append('\t')
                  .append(id)
                  .append('\t')
                  .append(version == null ? "" : version)
                  .append('\n');
            });
    Path file = dbFile.resolveSibling(FILE);
    Path tmp = dbFile.resolveSibling(FILE + ".tmp");
    Files.writeString(tmp, b, UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Size and modification time (ns) of the database, joined by a space-free separator. */
  private static String stamp(Path dbFile) throws IOException {
    BasicFileAttributes a = Files.readAttributes(dbFile, BasicFileAttributes.class);
    Instant modified = a.lastModifiedTime().toInstant();
    return a.size() + ":" + modified.getEpochSecond() + "." + modified.getNano();
  }
}
