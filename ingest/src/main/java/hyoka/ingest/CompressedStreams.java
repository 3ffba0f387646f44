package hyoka.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Checks that every Flate-compressed stream a page's text comes from decodes whole: the page's
 * content streams, the form XObjects it draws (recursively), and its fonts' programs, ToUnicode
 * maps and CMaps. Images are not text and are not checked.
 *
 * <p>Why this exists: PDFBox decodes a corrupt Flate stream as far as it can, logs a warning and
 * goes on with what it got, and it never checks the stream's Adler-32 checksum (it inflates in
 * "nowrap" mode so that streams without one still open). A single flipped byte in a content stream
 * therefore either cuts the page's text short or, as often, still inflates to other bytes, and the
 * page comes out with text missing or changed and no error at all. A zlib stream carries the
 * checksum of its uncompressed data; checking it catches both. The stream is inflated as PDFBox
 * does (its two header bytes skipped, a missing checksum tolerated), but data that end before the
 * deflate end marker are damage here: PDFBox reads them without a word, and the text that was in
 * the missing part is gone.
 *
 * <p>The data are streamed through the checksum, never held: a stream that inflates to a gigabyte
 * costs time (bounded by the extraction's time limit), not memory.
 */
final class CompressedStreams {
  private static final COSName FL = COSName.getPDFName("Fl");
  private static final int BUFFER = 64 * 1024;
  private static final byte[] XREF = "/XRef".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  private static final byte[] OBJ_STM =
      "/ObjStm".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Inflater inflater = new Inflater(true);
  private final byte[] out = new byte[BUFFER];

  private CompressedStreams() {}

  /** A compressed stream that does not decode; {@code page} is 1-based. */
  static final class DamagedStreamException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int page;

    DamagedStreamException(int page, String message) {
      super(message);
      this.page = page;
    }

    int page() {
      return page;
    }
  }

  /**
   * Checks the streams of every page of {@code doc}, in page order.
   *
   * @throws DamagedStreamException naming the first page whose text depends on a corrupt stream
   */
  static void check(PDDocument doc) throws IOException {
    CompressedStreams check = new CompressedStreams();
    try {
      check.objectStreamEntries(doc);
      check.pageTree(doc.getDocumentCatalog().getCOSObject().getItem(COSName.PAGES), 0, 0);
      int pageNo = 0;
      for (PDPage page : doc.getPages()) {
        pageNo++;
        check.contents(pageNo, "content stream", page.getCOSObject().getItem(COSName.CONTENTS));
        PDResources resources = page.getResources();
        if (resources != null) {
          check.resources(pageNo, resources.getCOSObject());
        }
      }
    } finally {
      check.inflater.end();
    }
  }

  /**
   * Checks the file's structural streams: the cross-reference streams (the table of where each
   * object is) and the object streams (which hold most small objects, fonts and pages among them,
   * in compressed form). PDFBox decodes them without the checksum too, and a changed byte there
   * silently points objects at other bytes or changes them; it keeps no copy of these streams, so
   * they are read here from the file's bytes.
   *
   * <p>In an encrypted file the object streams are encrypted as well (cross-reference streams never
   * are), so only the cross-reference streams are checked there.
   *
   * @throws DamagedStreamException (page 0) for the first one that does not decode whole
   */
  static void checkStructuralStreams(byte[] pdf, boolean encrypted) throws DamagedStreamException {
    // A view, not a copy: the reader child's heap is bounded and already holds the file once.
    CharSequence text = new Latin1(pdf, 0, pdf.length);
    Set<Integer> starts = new java.util.TreeSet<>();
    // One pass over the file for both names (a search per name was ≈ 2 % of a reader's time).
    for (int at = 0; at + XREF.length <= pdf.length; at++) {
      if (pdf[at] == '/'
          && (startsWith(pdf, at, XREF) || (!encrypted && startsWith(pdf, at, OBJ_STM)))) {
        int start = StructuralStream.objectStart(text, at);
        if (start >= 0) {
          starts.add(start);
        }
      }
    }
    CompressedStreams check = new CompressedStreams();
    try {
      for (int start : starts) {
        StructuralStream x = StructuralStream.at(text, start);
        if (x == null) {
          continue;
        }
        // Inflated where they lie in the file, without a copy.
        String problem = check.inflate(pdf, x.dataStart(), x.length());
        if (problem != null) {
          throw new DamagedStreamException(0, x.what() + " (object " + x.object() + ") " + problem);
        }
      }
    } finally {
      check.inflater.end();
    }
  }

  /** Whether {@code b} holds {@code prefix} at {@code at}. */
  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    return at + prefix.length <= b.length
        && java.util.Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
  }

  /**
   * The bytes {@code [from, to)} of {@code b} read as ISO-8859-1 (one char per byte, as {@code new
   * String(b, ISO_8859_1)} would give) without copying them.
   */
  private record Latin1(byte[] b, int from, int to) implements CharSequence {
    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int i) {
      if (i < 0 || i >= to - from) {
        throw new IndexOutOfBoundsException(i);
      }
      return (char) (b[from + i] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      if (start < 0 || end < start || end > to - from) {
        throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + (to - from));
      }
      return new Latin1(b, from + start, from + end);
    }

    @Override
    public String toString() {
      return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  /** Where the data of a Flate-compressed xref or object stream lie in the file. */
  private record StructuralStream(String what, String object, int dataStart, int length) {
    private static final Pattern OBJ = Pattern.compile("(?<![0-9])(\\d{1,10}) (\\d{1,5}) obj\\b");
    private static final Pattern HEAD =
        Pattern.compile("(\\d{1,10} \\d{1,5}) obj\\s*<<(.*?)>>\\s*stream\\r?\\n", Pattern.DOTALL);
    private static final Pattern LENGTH =
        Pattern.compile("/Length\\s+(\\d{1,10})(?!\\s+\\d+\\s+R)");
    private static final int MAX_HEAD = 4096;

    /** Where the object whose dictionary holds offset {@code at} starts, or -1. */
    static int objectStart(CharSequence text, int at) {
      int from = Math.max(0, at - MAX_HEAD);
      Matcher m = OBJ.matcher(text).region(from, at);
      int start = -1;
      while (m.find()) {
        start = m.start();
      }
      return start;
    }

    /** The xref or object stream at {@code at}, or null for anything else. */
    static StructuralStream at(CharSequence text, int at) {
      Matcher m = HEAD.matcher(text).region(at, Math.min(text.length(), at + MAX_HEAD));
      if (!m.lookingAt()) {
        return null;
      }
      String dict = m.group(2);
      Matcher length = LENGTH.matcher(dict);
      String what =
          dict.contains("/XRef")
              ? "cross-reference stream"
              : dict.contains("/ObjStm") ? "object stream" : null;
      if (what == null || !dict.contains("/FlateDecode") || !length.find()) {
        return null;
      }
      long n = Long.parseLong(length.group(1));
      if (n <= 0 || m.end() + n > text.length()) {
        return null;
      }
      return new StructuralStream(what, m.group(1), m.end(), (int) n);
    }
  }

  /**
   * Checks every cross-reference entry that puts an object into an object stream against that
   * stream's own list of the objects it holds. A changed digit in the cross-reference data (an
   * {@code /Index} range one off) gives objects the numbers of their neighbours; PDFBox then hands
   * out the wrong objects for fonts and pages without a word, and every page reads differently.
   */
  private void objectStreamEntries(PDDocument doc) throws IOException {
    Map<Long, long[]> held = new java.util.HashMap<>();
    for (Map.Entry<COSObjectKey, Long> e : doc.getDocument().getXrefTable().entrySet()) {
      if (e.getValue() == null || e.getValue() >= 0) {
        continue;
      }
      long stream = -e.getValue();
      long[] numbers = held.computeIfAbsent(stream, n -> objectStreamNumbers(doc, n));
      int index = e.getKey().getStreamIndex();
      if (numbers == null || index < 0) {
        continue;
      }
      if (index >= numbers.length || numbers[index] != e.getKey().getNumber()) {
        throw new DamagedStreamException(
            0,
            String.format(
                Locale.ROOT,
                "cross-reference data put object %d at place %d of object stream %d, which holds"
                    + " %s there",
                e.getKey().getNumber(),
                index,
                stream,
                index < numbers.length ? "object " + numbers[index] : "no object"));
      }
    }
  }

  /** The object numbers an object stream lists, in order; null when it cannot be read. */
  private static long[] objectStreamNumbers(PDDocument doc, long number) {
    COSObject ref = doc.getDocument().getObjectFromPool(new COSObjectKey(number, 0));
    if (ref == null || !(ref.getObject() instanceof COSStream s)) {
      return null;
    }
    int n = s.getInt(COSName.N);
    int first = s.getInt(COSName.FIRST);
    if (n < 0 || first <= 0) {
      return null;
    }
    try (InputStream in = s.createInputStream()) {
      String head = new String(in.readNBytes(first), java.nio.charset.StandardCharsets.ISO_8859_1);
      String[] f = head.strip().split("\\s+");
      long[] numbers = new long[Math.min(n, f.length / 2)];
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] = Long.parseLong(f[2 * i]);
      }
      return numbers;
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * Walks the page tree as the file holds it: PDFBox replaces a page it cannot read with an empty
   * one and goes on, so a page lost to a damaged object would come out as a blank page.
   *
   * @return the number of pages in {@code node}
   */
  private int pageTree(COSBase node, int before, int depth) throws IOException {
    COSBase resolved = resolve(before + 1, "page", node);
    if (!(resolved instanceof COSDictionary d) || depth > 64 || !seen.add(d)) {
      return 0;
    }
    if (!(d.getDictionaryObject(COSName.KIDS) instanceof COSArray kids)) {
      return 1;
    }
    int count = 0;
    for (int i = 0; i < kids.size(); i++) {
      count += pageTree(kids.get(i), before + count, depth + 1);
    }
    return count;
  }

  /**
   * The object {@code item} refers to; throws when it refers to an object that cannot be read (its
   * bytes are not an object, or the cross-reference data lead nowhere).
   */
  private static COSBase resolve(int page, String what, COSBase item) throws IOException {
    if (item instanceof COSObject ref) {
      COSBase target = ref.getObject();
      if (target == null || target instanceof COSNull) {
        throw damaged(page, what, item, "cannot be read");
      }
      return target;
    }
    return item;
  }

  /**
   * What {@code item} refers to, which must be of {@code type} (or absent); anything else is what
   * PDFBox makes of a damaged object, which it then ignores.
   */
  private static <T extends COSBase> T resolve(
      int page, String what, COSBase item, Class<T> type, String expected) throws IOException {
    COSBase target = resolve(page, what, item);
    if (target == null || target instanceof COSNull) {
      return null;
    }
    if (!type.isInstance(target)) {
      throw damaged(page, what, item, "is not " + expected);
    }
    return type.cast(target);
  }

  private static DamagedStreamException damaged(
      int page, String what, COSBase item, String problem) {
    return damaged(page, what, item instanceof COSObject ref ? ref.getKey() : null, problem);
  }

  private static DamagedStreamException damaged(
      int page, String what, COSObjectKey key, String problem) {
    String object =
        key == null
            ? ""
            : String.format(Locale.ROOT, " (object %d %d)", key.getNumber(), key.getGeneration());
    return new DamagedStreamException(page, "page " + page + ": " + what + object + " " + problem);
  }

  /** A stream (or an array of streams) the page's text depends on. */
  private void contents(int page, String what, COSBase item) throws IOException {
    COSBase contents = resolve(page, what, item);
    if (contents instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) {
        COSStream s = resolve(page, what, a.get(i), COSStream.class, "a stream");
        if (s != null) {
          stream(page, what, s);
        }
      }
    } else if (contents != null && !(contents instanceof COSNull)) {
      stream(page, what, resolve(page, what, item, COSStream.class, "a stream"));
    }
  }

  /** A font's map or CMap: a stream, or the name of a predefined one. */
  private void streamOrName(int page, String what, COSBase item) throws IOException {
    if (!(resolve(page, what, item) instanceof COSName)) {
      contents(page, what, item);
    }
  }

  private void resources(int page, COSDictionary resources) throws IOException {
    if (resources == null || !seen.add(resources)) {
      return;
    }
    if (resources.getDictionaryObject(COSName.FONT) instanceof COSDictionary fonts) {
      for (COSName name : fonts.keySet()) {
        COSDictionary font =
            resolve(
                page,
                "font /" + name.getName(),
                fonts.getItem(name),
                COSDictionary.class,
                "a font");
        if (font != null) {
          font(page, font);
        }
      }
    }
    if (resources.getDictionaryObject(COSName.XOBJECT) instanceof COSDictionary xobjects) {
      for (COSName name : xobjects.keySet()) {
        COSStream x =
            resolve(
                page,
                "XObject /" + name.getName(),
                xobjects.getItem(name),
                COSStream.class,
                "a stream");
        if (x != null && COSName.FORM.equals(x.getCOSName(COSName.SUBTYPE)) && !seen.contains(x)) {
          stream(page, "form XObject", x);
          resources(page, x.getCOSDictionary(COSName.RESOURCES));
        }
      }
    }
  }

  private void font(int page, COSDictionary font) throws IOException {
    if (!seen.add(font)) {
      return;
    }
    streamOrName(page, "font ToUnicode map", font.getItem(COSName.TO_UNICODE));
    if (resolve(page, "font encoding", font.getItem(COSName.ENCODING)) instanceof COSStream) {
      contents(page, "font CMap", font.getItem(COSName.ENCODING));
    }
    COSDictionary descriptor =
        resolve(
            page,
            "font descriptor",
            font.getItem(COSName.FONT_DESC),
            COSDictionary.class,
            "a font descriptor");
    if (descriptor != null) {
      contents(page, "embedded font", descriptor.getItem(COSName.FONT_FILE));
      contents(page, "embedded font", descriptor.getItem(COSName.FONT_FILE2));
      contents(page, "embedded font", descriptor.getItem(COSName.FONT_FILE3));
    }
    COSArray descendants =
        resolve(page, "font", font.getItem(COSName.DESCENDANT_FONTS), COSArray.class, "an array");
    if (descendants != null) {
      for (int i = 0; i < descendants.size(); i++) {
        COSDictionary d = resolve(page, "font", descendants.get(i), COSDictionary.class, "a font");
        if (d != null) {
          font(page, d);
        }
      }
    }
    if (font.getDictionaryObject(COSName.CHAR_PROCS) instanceof COSDictionary procs) {
      // Type 3 fonts draw their glyphs with content streams of their own.
      for (COSName name : procs.keySet()) {
        contents(page, "Type 3 glyph", procs.getItem(name));
      }
      resources(page, font.getCOSDictionary(COSName.RESOURCES));
    }
  }

  private void stream(int page, String what, COSStream s) throws IOException {
    if (!seen.add(s)) {
      return;
    }
    String problem = unknownFilter(s.getFilters());
    if (problem == null && isFlate(s.getFilters())) {
      try (InputStream raw = s.createRawInputStream()) {
        problem = inflate(raw);
      } catch (IOException e) {
        problem = "cannot be read (" + e.getMessage() + ")";
      }
    } else if (problem == null && s.getFilters() == null) {
      problem = compressedWithoutFilter(s);
    }
    if (problem != null) {
      throw damaged(page, what, s.getKey(), problem);
    }
  }

  /** Null when the stream decodes whole, else what is wrong with it. */
  private String inflate(InputStream raw) throws IOException {
    byte[] data = raw.readAllBytes();
    return inflate(data, 0, data.length);
  }

  /** Null when {@code data[from, from + length)} decode whole, else what is wrong with them. */
  private String inflate(byte[] data, int from, int length) {
    if (length < 2) {
      return null;
    }
    inflater.reset();
    // PDFBox skips the two zlib header bytes without looking at them; so does this.
    inflater.setInput(data, from + 2, length - 2);
    Adler32 adler = new Adler32();
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(out);
        if (n > 0) {
          adler.update(out, 0, n);
        } else {
          // Nothing more comes out: the data end before the deflate end marker (a raw inflater
          // never asks for a dictionary). PDFBox takes what it got; but a changed byte can make
          // the last codes read as unfinished ones (the page then loses its last words), and a
          // writer that never finished its stream lost its last bytes too.
          return "is cut short (its compressed data end before their end marker)";
        }
      }
    } catch (DataFormatException e) {
      return "is corrupt (" + e.getMessage() + ")";
    }
    int end = from + length - inflater.getRemaining();
    if (inflater.getRemaining() < 4) {
      return null;
    }
    long stored =
        ((data[end] & 0xffL) << 24)
            | ((data[end + 1] & 0xffL) << 16)
            | ((data[end + 2] & 0xffL) << 8)
            | (data[end + 3] & 0xffL);
    if (stored != adler.getValue()) {
      return "is corrupt (its checksum does not match: the data were changed)";
    }
    return null;
  }

  /**
   * Null unless a stream without a filter holds zlib data that inflate whole: its dictionary lost
   * its {@code /Filter /FlateDecode} (one changed byte in the key is enough), and PDFBox then reads
   * the compressed bytes as the page's operators and finds no text. No text, font or CMap starts
   * like zlib data (two bytes whose value is a multiple of 31, the first naming deflate).
   */
  private String compressedWithoutFilter(COSStream s) throws IOException {
    byte[] head = new byte[2];
    try (InputStream raw = s.createRawInputStream()) {
      if (raw.readNBytes(head, 0, 2) < 2) {
        return null;
      }
    }
    if ((head[0] & 0x0f) != 8 || (((head[0] & 0xff) << 8) | (head[1] & 0xff)) % 31 != 0) {
      return null;
    }
    try (InputStream raw = s.createRawInputStream()) {
      return inflate(raw) == null
          ? "holds compressed data but names no filter (its dictionary is damaged)"
          : null;
    }
  }

  /**
   * Null when PDFBox can decode every filter of the stream. It skips a stream with a filter it does
   * not know and goes on: a damaged filter name ({@code /FlateDecode} with one byte changed) costs
   * the page its text.
   */
  private static String unknownFilter(COSBase filters) {
    if (filters == null) {
      return null;
    }
    COSArray all = filters instanceof COSArray a ? a : null;
    int n = all == null ? 1 : all.size();
    for (int i = 0; i < n; i++) {
      COSBase f = all == null ? filters : all.getObject(i);
      if (!(f instanceof COSName name)) {
        return "has a filter that is not a name (" + f + ")";
      }
      try {
        FilterFactory.INSTANCE.getFilter(name);
      } catch (IOException e) {
        return "has a filter PDFBox does not know (/" + name.getName() + ")";
      }
    }
    return null;
  }

  private static boolean isFlate(COSBase filters) {
    COSBase first = filters instanceof COSArray a && a.size() > 0 ? a.getObject(0) : filters;
    return COSName.FLATE_DECODE.equals(first) || FL.equals(first);
  }
}
