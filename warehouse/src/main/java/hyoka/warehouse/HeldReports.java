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
 * What a no-op re-run needs to know about the warehouse (the sha256 of every report held and the
 * last run id), kept in a small text file beside it so that a re-run over an unchanged folder does
 * not have to load DuckDB's native library and open the database (≈ 0.6–0.9 s of a 2 s CLI run).
 *
 * <p>The file names the size and modification time of the database it describes; it is trusted only
 * while the database still has exactly those, so a crash between the publish's rename and the
 * writing of this file, or any other change of the database, makes readers fall back to DuckDB. It
 * is written after each publish, under a temporary name then renamed.
 */
final class HeldReports {
  static final String FILE = "warehouse.held";
  private static final String MAGIC = "hyoka-held 1";

  record Held(long lastRunId, Map<String, String> sha256ToReportId) {}

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
      for (String line : lines.subList(2, lines.size())) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          return Optional.empty();
        }
        known.put(line.substring(0, tab), line.substring(tab + 1));
      }
      return Optional.of(new Held(runId, known));
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
        .forEach((sha, id) -> b.append(sha).append('\t').append(id).append('\n'));
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
