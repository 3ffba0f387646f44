package hyoka.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damaged copies of a PDF, made for testing from its bytes: a flipped bit in a stream, in the
 * cross-reference data or anywhere, a cut at some offset (with the end marker put back, so the
 * damage is inside the file), an object duplicated elsewhere. Every mutation is a pure function of
 * the original and a seed, so a failure is kept as its recipe ({@link Recipe}), not as a PDF.
 */
final class PdfMutations {
  private static final Pattern OBJECT = Pattern.compile("(?<=\\n)(\\d+) (\\d+) obj\\b");
  private static final Pattern STREAM = Pattern.compile("stream\\r?\\n");
  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d+)");
  private static final byte[] EOF = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** The kinds of damage; the fuzz test draws one per seed. */
  enum Kind {
    /** One bit flipped inside the data of a stream (content, font, image, object stream). */
    STREAM_FLIP,
    /** One bit flipped in the cross-reference data: the xref stream or table and startxref. */
    XREF_FLIP,
    /** Cut at an offset, and {@code %%EOF} put back after the cut. */
    TRUNCATION,
    /** One object's bytes copied again before another object. */
    DUPLICATED_OBJECT,
    /** One bit flipped anywhere in the file. */
    ANY_FLIP,
    /**
     * One given bit flipped: the "seed" is {@code offset * 8 + bit}. Kept failures found by an
     * earlier generator are stored this way, as the exact change.
     */
    FLIP_AT
  }

  /**
   * A mutation as the fuzz test records it: apply it to the named sample to get the same bytes.
   *
   * @param sample {@code h30} or {@code h31}
   */
  record Recipe(String sample, Kind kind, long seed) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s %s seed %d", sample, kind, seed);
    }
  }

  /** A mutated copy and what was done to it. */
  record Mutant(byte[] bytes, String what) {}

  private final byte[] pdf;
  private final String text;
  private final List<int[]> streams = new ArrayList<>();
  private final List<int[]> objects = new ArrayList<>();
  private final int xrefStart;

  PdfMutations(byte[] pdf) {
    this.pdf = pdf.clone();
    this.text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher o = OBJECT.matcher(text);
    while (o.find()) {
      int end = text.indexOf("endobj", o.start());
      if (end > 0) {
        objects.add(new int[] {o.start(), end + "endobj".length()});
      }
    }
    Matcher s = STREAM.matcher(text);
    while (s.find()) {
      boolean keyword = s.start() == 0 || !text.startsWith("end", s.start() - 3);
      int end = text.indexOf("endstream", s.end());
      if (keyword && end > s.end()) {
        streams.add(new int[] {s.end(), end});
      }
    }
    Matcher x = STARTXREF.matcher(text);
    int last = -1;
    while (x.find()) {
      last = Integer.parseInt(x.group(1));
    }
    xrefStart = last;
  }

  /** The data range {@code [start, end)} of the stream of object {@code number}. */
  int[] streamOf(int number) {
    Matcher m =
        Pattern.compile("(?<=\\n)" + number + " 0 obj\\b.*?" + STREAM.pattern(), Pattern.DOTALL)
            .matcher(text);
    if (!m.find()) {
      throw new IllegalArgumentException("no stream object " + number);
    }
    return new int[] {m.end(), text.indexOf("endstream", m.end())};
  }

  /** Where the cross-reference data start (the object or table {@code startxref} names). */
  int xrefStart() {
    return xrefStart;
  }

  /** The original with the bits of {@code mask} flipped at {@code at}. */
  byte[] flip(int at, int mask) {
    byte[] out = pdf.clone();
    out[at] ^= (byte) mask;
    return out;
  }

  /** The mutant a recipe names. */
  Mutant apply(Kind kind, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    switch (kind) {
      case STREAM_FLIP -> {
        int[] s = streams.get(r.nextInt(streams.size()));
        int at = s[0] + r.nextInt(s[1] - s[0]);
        int mask = 1 << r.nextInt(8);
        return new Mutant(flip(at, mask), "bit " + mask + " flipped at " + at + " (a stream)");
      }
      case XREF_FLIP -> {
        int at = xrefStart + r.nextInt(pdf.length - EOF.length - xrefStart);
        int mask = 1 << r.nextInt(8);
        return new Mutant(flip(at, mask), "bit " + mask + " flipped at " + at + " (the xref)");
      }
      case TRUNCATION -> {
        int at = 1 + r.nextInt(pdf.length - 1);
        byte[] out = Arrays.copyOf(pdf, at + EOF.length);
        System.arraycopy(EOF, 0, out, at, EOF.length);
        return new Mutant(out, "cut at " + at + ", %%EOF put back");
      }
      case DUPLICATED_OBJECT -> {
        int[] o = objects.get(r.nextInt(objects.size()));
        int before = objects.get(r.nextInt(objects.size()))[0];
        byte[] copy = Arrays.copyOfRange(pdf, o[0], o[1]);
        byte[] out = new byte[pdf.length + copy.length + 1];
        System.arraycopy(pdf, 0, out, 0, before);
        System.arraycopy(copy, 0, out, before, copy.length);
        out[before + copy.length] = '\n';
        System.arraycopy(pdf, before, out, before + copy.length + 1, pdf.length - before);
        return new Mutant(
            out, "object at " + o[0] + " (" + copy.length + " bytes) copied to " + before);
      }
      case ANY_FLIP -> {
        int at = r.nextInt(pdf.length);
        int mask = 1 << r.nextInt(8);
        return new Mutant(flip(at, mask), "bit " + mask + " flipped at " + at);
      }
      case FLIP_AT -> {
        int at = (int) (seed >>> 3);
        int mask = 1 << (int) (seed & 7);
        return new Mutant(flip(at, mask), "bit " + mask + " flipped at " + at);
      }
    }
    throw new IllegalArgumentException("unknown kind " + kind);
  }
}
