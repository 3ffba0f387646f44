package hyoka.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark corpus: copies of one report PDF that differ only in a PDF comment appended after
 * {@code %%EOF}. PDF readers ignore bytes after the last {@code %%EOF} line's cross-reference, so
 * every copy reads as the same report, yet each has its own sha256 and so its own report id: the
 * ingest treats them as N different files of one series and fiscal year.
 */
public final class Corpus {
  private Corpus() {}

  /** The bytes appended to copy {@code i}: a comment line, which PDF syntax ignores. */
  static byte[] marker(int i) {
    return String.format(Locale.ROOT, "\n%%hyoka-copy %d\n", i).getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes copy {@code i} of {@code sample} to {@code target}, replacing what is there. */
  public static Path copy(Path sample, Path target, int i) {
    try {
      byte[] pdf = Files.readAllBytes(sample);
      byte[] tail = marker(i);
      byte[] out = new byte[pdf.length + tail.length];
      System.arraycopy(pdf, 0, out, 0, pdf.length);
      System.arraycopy(tail, 0, out, pdf.length, tail.length);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.write(target, out);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write corpus copy " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code n} copies named {@code copy-0001.pdf} … into {@code dir} and returns them in
   * order. Other files in {@code dir} are left alone and are not part of the corpus.
   */
  public static List<Path> build(Path sample, Path dir, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("a corpus needs at least one copy: " + n);
    }
    List<Path> files = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      files.add(copy(sample, dir.resolve(String.format(Locale.ROOT, "copy-%04d.pdf", i)), i));
    }
    return files;
  }
}
