package hyoka.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Test hooks for the crash-consistency tests, inert unless a system property names them: {@code
 * -Dhyoka.test.haltAt=POINT} kills the process at POINT as {@code kill -9} would ({@code
 * Runtime.halt}: no shutdown hooks, no finally blocks), and {@code -Dhyoka.test.pauseAt=POINT}
 * makes it wait at POINT until its standard input is closed. The points, in run order: {@code
 * after-lock}, {@code after-shards}, {@code after-publish}, {@code during-index-write}, {@code
 * after-index}. {@code -Dhyoka.test.readerHaltOn=SUFFIX} makes a PDF reader process ({@link
 * PdfReaderProcess}, which gets the property from its parent) die as a crashing JVM would when it
 * is given a file whose name ends with SUFFIX.
 */
final class CrashPoints {
  static final String HALT_AT = "hyoka.test.haltAt";
  static final String PAUSE_AT = "hyoka.test.pauseAt";
  static final String READER_HALT_ON = "hyoka.test.readerHaltOn";

  private CrashPoints() {}

  static void reached(String point) {
    if (point.equals(System.getProperty(PAUSE_AT))) {
      System.err.println("paused at " + point);
      System.err.flush();
      try {
        while (System.in.read() >= 0) {
          // Wait for the test to close our stdin.
        }
      } catch (IOException e) {
        // A broken stdin ends the pause just as well.
      }
    }
    if (point.equals(System.getProperty(HALT_AT))) {
      Runtime.getRuntime().halt(137);
    }
  }

  /** In a PDF reader process, before it reads the file named {@code name}. */
  static void readerReading(String name) {
    String suffix = System.getProperty(READER_HALT_ON);
    if (suffix != null && name.endsWith(suffix)) {
      Runtime.getRuntime().halt(134);
    }
  }

  /**
   * For {@code during-index-write}: halts as soon as the index writer puts its first new file in
   * {@code indexDir} (Lucene writes stored fields as documents come in), that is after documents
   * were written and before the commit that would name them. Returns what stops the watch.
   */
  static AutoCloseable haltOnFirstIndexWrite(Path indexDir) {
    if (!"during-index-write".equals(System.getProperty(HALT_AT))) {
      return () -> {};
    }
    Set<String> before = names(indexDir);
    Thread watcher =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                Set<String> now = names(indexDir);
                now.removeAll(before);
                now.remove("write.lock");
                if (!now.isEmpty()) {
                  Runtime.getRuntime().halt(137);
                }
                Thread.onSpinWait();
              }
            },
            "hyoka-crash-watch");
    watcher.setDaemon(true);
    watcher.start();
    return watcher::interrupt;
  }

  private static Set<String> names(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new java.util.HashSet<>();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    } catch (IOException e) {
      return new java.util.HashSet<>();
    }
  }
}
