package hyoka.ingest;

import java.io.Serializable;
import java.util.Locale;

/**
 * The bounds every input file is read under. A file over one of them is rejected with a one-line
 * reason and the run goes on with the others.
 *
 * @param maxFileBytes files larger than this are rejected before anything of them is read (the size
 *     comes from the file system)
 * @param timeoutMillis how long the PDF reader may take for one file (text extraction and the
 *     damage checks) before its process is killed
 * @param readerHeapMb the heap of each PDF reader process ({@code -Xmx}); a file that needs more
 *     ends that process with an OutOfMemoryError, and a fresh one takes the next file
 */
public record ExtractLimits(long maxFileBytes, long timeoutMillis, int readerHeapMb)
    implements Serializable {
  /** 256 MiB: a yearly report with its scans is a few MB; PDFBox reads files of this size fine. */
  public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

  /** Two minutes: a 36-page report takes well under a second, a loaded machine a few. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 120_000;

  /** The samples need about 100 MB; 512 leaves room for large reports with many fonts. */
  public static final int DEFAULT_READER_HEAP_MB = 512;

  public static final ExtractLimits DEFAULTS =
      new ExtractLimits(DEFAULT_MAX_FILE_BYTES, DEFAULT_TIMEOUT_MILLIS, DEFAULT_READER_HEAP_MB);

  private static final long serialVersionUID = 1L;

  public ExtractLimits {
    if (maxFileBytes <= 0 || timeoutMillis <= 0 || readerHeapMb < 64) {
      throw new IllegalArgumentException(
          "limits must be positive and the reader heap at least 64 MB: " + this);
    }
  }

  /**
   * Names the time and memory bounds, for remembering a file rejected for exceeding one: a run with
   * other bounds reads such a file again.
   */
  String boundsKey() {
    return String.format(Locale.ROOT, "t%d,m%d", timeoutMillis, readerHeapMb);
  }

  /** {@code 120 s} or {@code 1.5 s}. */
  String timeout() {
    return timeoutMillis % 1000 == 0
        ? (timeoutMillis / 1000) + " s"
        : String.format(Locale.ROOT, "%.1f s", timeoutMillis / 1000.0);
  }

  /** {@code 256 MiB} or {@code 1.5 KiB}: a size as the rejection lines give it. */
  static String size(long bytes) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0
        ? bytes + " bytes"
        : v == Math.rint(v)
            ? String.format(Locale.ROOT, "%d %s", (long) v, units[u])
            : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
