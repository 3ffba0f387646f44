package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The layout of one run's staging directory, the only channel between the pipeline's workers and
 * the driver (so any runner works, in-process or not): {@code manifest.tsv} (the driver's input
 * list), {@code shards/<report_id>/} (Arrow shards), {@code reports/<report_id>.properties}
 * (per-report counts for the driver's lines) and {@code dead-letter/} (rejected files).
 */
public record StagingDir(String root) implements Serializable {
  public StagingDir {
    requireNonNull(root, "root is null");
  }

  public static StagingDir of(Path root) {
    return new StagingDir(root.toAbsolutePath().toString());
  }

  public Path path() {
    return Path.of(root);
  }

  public Path manifest() {
    return path().resolve("manifest.tsv");
  }

  public Path shards() {
    return path().resolve("shards");
  }

  public Path shard(String reportId) {
    return shards().resolve(reportId);
  }

  public Path reports() {
    return path().resolve("reports");
  }

  public Path deadLetters() {
    return path().resolve("dead-letter");
  }

  /** The complete entries of {@code dir} (temporary dot-files of unfinished writes left out). */
  static List<Path> entries(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code content} to {@code target} so that it appears whole or not at all: a worker
   * retried by the runner just writes the same file again.
   */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Writes {@code p} as a properties file, atomically; {@code what} names it in the error. */
  static void writeProperties(Path target, java.util.Properties p, String what) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      p.store(w, null);
      writeAtomically(target, w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + what + " to " + target, e);
    }
  }

  /** Every properties file in {@code dir}, in file-name order. */
  static List<java.util.Properties> readAllProperties(Path dir) {
    List<java.util.Properties> out = new java.util.ArrayList<>();
    for (Path f : entries(dir)) {
      out.add(readProperties(f));
    }
    return out;
  }

  /** One properties file (written whole by {@link #writeProperties}). */
  static java.util.Properties readProperties(Path file) {
    java.util.Properties p = new java.util.Properties();
    try (java.io.Reader r =
        Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return p;
  }
}
