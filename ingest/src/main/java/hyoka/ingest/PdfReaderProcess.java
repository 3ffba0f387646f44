package hyoka.ingest;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.ReportText;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The child process that reads PDFs for {@link PdfReaders}: a loop of {@link PdfExtractor} calls,
 * one file at a time, under the heap the parent gave it ({@code -Xmx}, with {@code
 * -XX:+ExitOnOutOfMemoryError}, so an exhausted heap ends the process instead of leaving it half
 * alive). The parent enforces the time bound by killing it.
 *
 * <p>The protocol, on the process's stdin and stdout (stdout is used for nothing else: {@code
 * System.out} is pointed at stderr first, so a library that prints cannot corrupt it):
 *
 * <ul>
 *   <li>child: {@link #READY} once, when it can take files;
 *   <li>parent: {@link #EXTRACT}, the file's path (a {@code file:} URI), its name, the sha256 its
 *       bytes had when the ingest hashed it (empty: not checked);
 *   <li>child: {@link #TEXT}, the page count and each page; or {@link #REJECTED}, the {@link
 *       ErrorCode} name and the one-line message.
 * </ul>
 *
 * Strings are an int length and that many UTF-16 chars, so every Java string, lone surrogates
 * included, crosses unchanged. The child ends when its stdin ends (the parent closed it or died).
 */
public final class PdfReaderProcess {
  static final int READY = 'R';
  static final int EXTRACT = 'E';
  static final int TEXT = 'T';
  static final int REJECTED = 'X';

  /**
   * At most this many characters of text per file (64 MB as UTF-16): a report has about 100,000.
   * More is a decompression bomb, which the parent must not be made to hold either.
   */
  static final long MAX_CHARS = 32L << 20;

  private PdfReaderProcess() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    System.setOut(
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    PdfExtractor extractor = new PdfExtractor();
    out.write(READY);
    out.flush();
    while (true) {
      int request = in.read();
      if (request != EXTRACT) {
        // End of input (or garbage): the parent is gone or done.
        return;
      }
      String path = readString(in, Integer.MAX_VALUE);
      String name = readString(in, Integer.MAX_VALUE);
      String sha256 = readString(in, 64);
      answer(out, extractor, path, name, sha256);
      out.flush();
    }
  }

  private static void answer(
      DataOutputStream out, PdfExtractor extractor, String path, String name, String sha256)
      throws IOException {
    ReportText text;
    CrashPoints.readerReading(name);
    try {
      text =
          sha256.isEmpty()
              ? extractor.extract(ChangedFile.pathOf(path), name)
              : extractor.extract(ChangedFile.pathOf(path), name, sha256);
    } catch (HyokaException e) {
      rejected(out, e.code(), e.getMessage());
      return;
    } catch (StackOverflowError e) {
      // Objects nested (or referring to each other) deeper than the reader's stack.
      rejected(
          out,
          ErrorCode.LIMIT_EXCEEDED,
          name + ": stack bound exceeded: the PDF's objects are nested too deeply to read");
      return;
    } catch (RuntimeException e) {
      rejected(
          out,
          ErrorCode.INTERNAL_ERROR,
          name + ": text extraction failed (a hyoka bug, please report it): " + e);
      return;
    }
    List<String> pages = text.pages();
    long chars = 0;
    for (String p : pages) {
      chars += p.length();
    }
    if (chars > MAX_CHARS) {
      rejected(
          out,
          ErrorCode.LIMIT_EXCEEDED,
          String.format(
              java.util.Locale.ROOT,
              "%s: text bound exceeded: %,d characters of text (a report has about 100,000;"
                  + " hyoka takes up to %,d)",
              name,
              chars,
              MAX_CHARS));
      return;
    }
    out.write(TEXT);
    out.writeInt(pages.size());
    for (String p : pages) {
      writeString(out, p);
    }
  }

  private static void rejected(DataOutputStream out, ErrorCode code, String message)
      throws IOException {
    out.write(REJECTED);
    writeString(out, code.name());
    writeString(out, message);
  }

  /** How many chars {@link #writeString} and {@link #readString} move through a buffer at once. */
  private static final int CHUNK_CHARS = 4096;

  static void writeString(DataOutputStream out, String s) throws IOException {
    int n = s.length();
    out.writeInt(n);
    // In chunks through one buffer (DataOutputStream.writeChars writes every byte on its own).
    char[] c = new char[Math.min(n, CHUNK_CHARS)];
    byte[] b = new byte[2 * c.length];
    for (int from = 0; from < n; from += c.length) {
      int k = Math.min(c.length, n - from);
      s.getChars(from, from + k, c, 0);
      for (int i = 0; i < k; i++) {
        b[2 * i] = (byte) (c[i] >>> 8);
        b[2 * i + 1] = (byte) c[i];
      }
      out.write(b, 0, 2 * k);
    }
  }

  /** Reads a string of at most {@code max} chars; longer means the stream is not ours. */
  static String readString(DataInputStream in, long max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new IOException("bad string length " + n + " from the PDF reader process");
    }
    char[] c = new char[n];
    byte[] b = new byte[2 * Math.min(n, CHUNK_CHARS)];
    for (int from = 0; from < n; ) {
      int k = Math.min(b.length / 2, n - from);
      in.readFully(b, 0, 2 * k);
      for (int i = 0; i < k; i++) {
        c[from + i] = (char) (((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff));
      }
      from += k;
    }
    return new String(c);
  }
}
