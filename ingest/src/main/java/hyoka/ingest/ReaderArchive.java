package hyoka.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The class-data-sharing archive of the PDF reader processes (AppCDS, as the launcher keeps for the
 * short commands): the classes a reader loads to read a report (Tika, PDFBox, hyoka's extractor),
 * stored as the JVM has parsed and verified them, so that a reader maps them at start instead of
 * reading, verifying and linking them again (docs/performance.md, issue 16).
 *
 * <p>It lives next to the jar the readers run from, as {@code cds/reader-<keys>.jsa}, where the
 * keys are the size and modification time (seconds) of the jar and of the java binary, in the form
 * the launcher names its archives: a rebuilt jar or another JDK never meets an old archive (the JVM
 * checks the class path itself too, and ignores an archive that does not fit). When it is missing,
 * the first reader a pool starts writes it as it exits ({@code -XX:ArchiveClassesAtExit}), and it
 * is kept only when that reader read at least one file's text and ended cleanly, when hyoka ended
 * it; a reader that died, was killed or read nothing leaves none. The archive is never required: a
 * missing, refused or damaged one only means a slower start.
 *
 * <p>Only for a class path of one jar (the launcher's {@code hyoka.jar}): the JVM cannot archive
 * classes from a folder, and stops with an error when asked to. {@code -Dhyoka.readerCds=0} (or the
 * launcher's {@code HYOKA_CDS=0}) turns it off.
 */
final class ReaderArchive {
  /** System property: {@code 0} turns the readers' archive off; defaults to {@code HYOKA_CDS}. */
  static final String PROPERTY = "hyoka.readerCds";

  /** Training files older than this are left over from a killed run and are deleted. */
  private static final Duration STALE_TRAINING = Duration.ofMinutes(10);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final Path archive;
  private boolean training;
  private boolean refused;

  ReaderArchive(Path archive) {
    this.archive = archive;
  }

  /**
   * The archive for readers started with {@code classPath} by {@code javaBinary}, or null when
   * there is none to have: turned off, a class path other than one jar, or files whose keys cannot
   * be read.
   */
  static ReaderArchive find(String classPath, Path javaBinary) {
    String on = System.getProperty(PROPERTY, System.getenv().getOrDefault("HYOKA_CDS", "1"));
    if ("0".equals(on.strip()) || classPath.isEmpty() || classPath.contains(File.pathSeparator)) {
      return null;
    }
    Path jar = Path.of(classPath).toAbsolutePath();
    if (!jar.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")
        || !Files.isRegularFile(jar)) {
      return null;
    }
    try {
      String keys = key(jar) + "-" + key(javaBinary.toRealPath());
      return new ReaderArchive(jar.resolveSibling("cds").resolve("reader-" + keys + ".jsa"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** "size-mtime" (seconds), as the launcher's {@code stat -c '%s-%Y'}. */
  private static String key(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return a.size() + "-" + a.lastModifiedTime().toInstant().getEpochSecond();
  }

  Path file() {
    return archive;
  }

  /** The JVM options that map the archive, when it is there; none otherwise. */
  synchronized List<String> useOptions() {
    return !refused && Files.isRegularFile(archive)
        ? List.of("-XX:SharedArchiveFile=" + archive)
        : List.of();
  }

  /**
   * A reader started with the archive did not start: it is deleted, and this pool's readers start
   * without one from now on (so that one that cannot be deleted is not tried again).
   */
  synchronized void discard() {
    refused = true;
    try {
      Files.deleteIfExists(archive);
    } catch (IOException e) {
      // The next run tries it once more; nothing else is lost.
    }
  }

  /**
   * Where a new reader is to write the archive, or null: when it exists, another reader of this
   * pool is writing it, or its folder cannot be made. The caller must hand the file back to {@link
   * #trained}.
   */
  synchronized Path startTraining() {
    if (training || refused || Files.isRegularFile(archive)) {
      return null;
    }
    try {
      Files.createDirectories(archive.getParent());
    } catch (IOException e) {
      return null;
    }
    training = true;
    return archive.resolveSibling(
        String.format(
            Locale.ROOT,
            "%s.%d-%d.tmp",
            archive.getFileName(),
            ProcessHandle.current().pid(),
            SEQUENCE.incrementAndGet()));
  }

  /**
   * The reader that wrote {@code written} has exited; {@code good} when it ended cleanly after
   * reading text. A good archive takes the archive's place (and the readers' archives of other jars
   * or JDKs go); anything else is deleted.
   */
  synchronized void trained(Path written, boolean good) {
    training = false;
    try {
      if (good && Files.isRegularFile(written) && Files.size(written) > 0) {
        Files.move(
            written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        deleteOthers();
      }
    } catch (IOException | RuntimeException e) {
      // Only a faster start is lost.
    } finally {
      try {
        Files.deleteIfExists(written);
      } catch (IOException e) {
        // Left for the next good training to delete.
      }
    }
  }

  private void deleteOthers() throws IOException {
    Instant stale = Instant.now().minus(STALE_TRAINING);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), "reader-*")) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        boolean other = name.endsWith(".jsa") && !f.equals(archive);
        boolean leftOver =
            name.endsWith(".tmp") && Files.getLastModifiedTime(f).toInstant().isBefore(stale);
        if (other || leftOver) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
