package hyoka.ingest;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's list of changed files as a file in the staging directory: one line per file, {@code
 * path TAB name TAB sha256 TAB series}. Backslash and every control character (tab, newline,
 * carriage return, …) are escaped, and lines are split at newlines only, so any file name survives:
 * a carriage return in a name once made every run over its folder fail with "bad manifest line".
 */
final class Manifest {
  private Manifest() {}

  static void write(Path file, List<ChangedFile> files) {
    StringBuilder b = new StringBuilder();
    for (ChangedFile f : files) {
      b.append(escape(f.path()))
          .append('\t')
          .append(escape(f.name()))
          .append('\t')
          .append(f.sha256())
          .append('\t')
          .append(escape(f.series()))
          .append('\n');
    }
    try {
      StagingDir.writeAtomically(file, b.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The run's first write into the data directory: a full disk or a directory that refuses
      // writes (chattr +i, an ACL) shows here. Nothing has been written yet.
      throw new HyokaException(
          ErrorCode.INTERNAL_ERROR,
          "cannot write the run's staging directory "
              + file.getParent()
              + ": "
              + (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                  ? (file.getParent().toString().equals(fse.getFile()) ? "" : fse.getFile() + ": ")
                      + fse.getReason()
                  : e.toString())
              + "; nothing of this run was written",
          e);
    }
  }

  /**
   * Reads a manifest. A line may leave the series empty; {@code defaultSeries} (when not null) or
   * else the name of the file's folder is used then.
   */
  static List<ChangedFile> read(Path file, String defaultSeries) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<ChangedFile> out = new ArrayList<>();
    // Not readAllLines: it also ends a line at a carriage return. Escaped, the only newlines left
    // are the ones that end lines.
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new IllegalArgumentException("bad manifest line in " + file + ": " + line);
      }
      String path = unescape(f[0]);
      String series = unescape(f[3]);
      if (series.isEmpty()) {
        series = defaultSeries != null ? defaultSeries : folderName(ChangedFile.pathOf(path));
      }
      out.add(new ChangedFile(path, unescape(f[1]), f[2], series));
    }
    return out;
  }

  /** The default series of a file: the name of the folder it is in. */
  static String folderName(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
  }

  private static String escape(String s) {
    return Printable.of(s);
  }

  private static String unescape(String s) {
    return Printable.unescape(s);
  }
}
