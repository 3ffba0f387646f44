package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.ReportText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessStreamCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the text of a report PDF page by page with Tika's PDF parser, and turns every way a file
 * can fail to be a readable PDF into a {@link HyokaException} with one {@link ErrorCode} and a
 * one-line message naming the file ({@code scan.pdf: no text layer (36 pages, 0 characters): …}).
 *
 * <p>The text of a page is what Tika's XHTML holds inside that page's {@code <div class="page">}
 * with the {@code <p>} tags dropped, each {@code </p>} turned into a newline (an empty paragraph,
 * {@code <p/>}, gives nothing) and entities unescaped: the form the parser's fixtures were made in.
 * Whether the text is a report is not decided here; that is the parser's job.
 *
 * <p>Thread-safe: one instance can serve many files at once (Tika parsers keep no per-parse state).
 */
public final class PdfExtractor {
  /** Where a PDF's {@code %PDF-} header may start; readers accept junk before it up to here. */
  static final int HEADER_WINDOW = 1024;

  /** How far from the end {@code %%EOF} may sit (readers tolerate trailing junk up to here). */
  static final int TRAILER_WINDOW = 1024;

  /** How much of a file's start the type detection for "not a PDF" messages looks at. */
  private static final int SNIFF_BYTES = 64 * 1024;

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);

  private final PDFParser parser = new CheckingPdfParser();

  /** Declines every embedded document: attachments are not read (see {@link #extract}). */
  private static final EmbeddedDocumentExtractor NO_ATTACHMENTS =
      new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
          return false;
        }

        @Override
        public void parseEmbedded(
            InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
          // never called: shouldParseEmbedded declines
        }
      };

  /** The file's bytes, for PDFBox to read and for the checks of the streams it keeps no copy of. */
  private record RawBytes(byte[] bytes) {}

  /** The 0-based pages with a {@code /Rotate} other than 0, as the loaded document has them. */
  private record RotatedPages(List<Integer> pages) {}

  /**
   * Tika's PDF parser with {@link CompressedStreams#check} run on the document it loaded, before
   * any text is extracted: the check reads the same parsed objects, so it costs the inflating only.
   */
  private static final class CheckingPdfParser extends PDFParser {
    private static final long serialVersionUID = 1L;

    @Override
    protected PDDocument getPDDocument(
        InputStream stream,
        TikaInputStream tis,
        String password,
        RandomAccessStreamCache.StreamCacheCreateFunction cache,
        Metadata metadata,
        ParseContext context)
        throws IOException, EncryptedDocumentException {
      PDDocument doc = super.getPDDocument(stream, tis, password, cache, metadata, context);
      RawBytes raw = context.get(RawBytes.class);
      try {
        if (raw != null) {
          CompressedStreams.checkStructuralStreams(raw.bytes(), doc.isEncrypted());
        }
        CompressedStreams.check(doc);
        RotatedPages rotated = context.get(RotatedPages.class);
        if (rotated != null) {
          int p = 0;
          for (PDPage page : doc.getPages()) {
            if (page.getRotation() % 360 != 0) {
              rotated.pages().add(p);
            }
            p++;
          }
        }
      } catch (IOException | RuntimeException e) {
        doc.close();
        throw e;
      }
      return doc;
    }

    /** Called by the method above for input that is not a file, as hyoka's always is. */
    @Override
    protected PDDocument getPDDocument(
        InputStream stream,
        String password,
        RandomAccessStreamCache.StreamCacheCreateFunction cache,
        Metadata metadata,
        ParseContext context)
        throws IOException {
      RawBytes raw = context.get(RawBytes.class);
      if (raw == null) {
        return super.getPDDocument(stream, password, cache, metadata, context);
      }
      // PDFBox reads the bytes where they are, instead of copying the stream into buffers of its
      // own: one copy less of every file in the reader's bounded heap, and less CPU.
      return Loader.loadPDF(new RandomAccessReadBuffer(raw.bytes()), password, null, null, cache);
    }
  }

  /**
   * Extracts {@code file}, naming it by its path as given in messages and in the text's {@code
   * sourceFile}.
   */
  public ReportText extract(Path file) {
    return extract(file, file.toString());
  }

  /** Extracts {@code file}; {@code name} is how messages and the text's sourceFile name it. */
  public ReportText extract(Path file, String name) {
    requireNonNull(file, "file is null");
    requireNonNull(name, "name is null");
    return extract(name, read(file, name));
  }

  /**
   * Extracts {@code file} if its bytes are still those the ingest hashed: the report stored under
   * {@code sha256} must be the one those bytes hold. A file replaced, rewritten or cut between the
   * hashing and this read (a download or a sync still writing it) is rejected instead, before it is
   * parsed: read as it is now, its report would be filed under another content's hash, and that
   * content would then count as held (or a rejection of the new bytes be remembered for the old).
   *
   * @throws HyokaException UNREADABLE_FILE when the bytes no longer have {@code sha256}; else as
   *     {@link #extract(Path, String)}
   */
  public ReportText extract(Path file, String name, String sha256) {
    requireNonNull(file, "file is null");
    requireNonNull(name, "name is null");
    requireNonNull(sha256, "sha256 is null");
    try {
      // The driver read a regular file; one replaced by a FIFO would block this read until the
      // time bound, and that rejection would be remembered for the content the driver hashed.
      if (!Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
          .isRegularFile()) {
        throw reject(
            ErrorCode.UNREADABLE_FILE,
            name,
            "changed while hyoka read it (it is no longer a regular file): run hyoka ingest again"
                + " once the file is complete");
      }
    } catch (IOException e) {
      throw unreadable(name, e);
    }
    byte[] bytes = read(file, name);
    String now = sha256Of(bytes);
    if (!now.equals(sha256)) {
      throw reject(
          ErrorCode.UNREADABLE_FILE,
          name,
          String.format(
              Locale.ROOT,
              "changed while hyoka read it (its %d bytes now have sha256 %s, not the %s hashed"
                  + " when the run began): run hyoka ingest again once the file is complete",
              bytes.length,
              now.substring(0, 12),
              sha256.substring(0, Math.min(12, sha256.length()))));
    }
    return extract(name, bytes);
  }

  private static String sha256Of(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Extracts a PDF already in memory; {@code name} is how messages name it. */
  public ReportText extract(String name, byte[] bytes) {
    requireNonNull(name, "name is null");
    requireNonNull(bytes, "bytes is null");
    checkStructure(
        name,
        bytes.length,
        Arrays.copyOf(bytes, Math.min(bytes.length, SNIFF_BYTES)),
        Arrays.copyOfRange(bytes, Math.max(0, bytes.length - TRAILER_WINDOW), bytes.length));
    List<Integer> rotated = new ArrayList<>();
    List<String> text = new ArrayList<>(parse(name, bytes, false, rotated));
    readTurnedPagesUpright(name, bytes, text, rotated);
    if (text.stream().noneMatch(PdfExtractor::hasVisibleCharacter)) {
      throw reject(
          ErrorCode.NO_TEXT_LAYER,
          name,
          String.format(
              Locale.ROOT,
              "no text layer (%d %s, 0 characters): scanned or image-only PDF",
              text.size(),
              text.size() == 1 ? "page" : "pages"));
    }
    return new ReportText(name, text);
  }

  /**
   * Pages printed turned are read again, upright. A page printed turned ({@code /Rotate 90} or
   * {@code 270} on upright text, or a landscape sheet drawn turned on a portrait page) gives Tika's
   * plain pass one or two characters per line, and its sheet was lost as unknown lines; a page
   * drawn turned and shown upright by its {@code /Rotate} gives its words run together ({@code
   * 区分H27H28H29}). Tika's angle detection ({@link PDFParserConfig#setDetectAngles}) reads both
   * upright, but it runs a second text pass over every page of every file (and on a decompression
   * bomb ran to the time bound instead of the memory bound), so the file is parsed with it only
   * when the plain pass gave a page that reads turned or a page has a {@code /Rotate}, and only
   * those pages take its text: every other page keeps the plain pass's text, and every page its
   * number. The second pass runs in the same reader process, under the same time and memory bounds
   * as the first.
   */
  private void readTurnedPagesUpright(
      String name, byte[] bytes, List<String> text, List<Integer> rotated) {
    Set<Integer> again = new TreeSet<>(rotated);
    for (int p = 0; p < text.size(); p++) {
      if (readsTurned(text.get(p))) {
        again.add(p);
      }
    }
    if (again.isEmpty()) {
      return;
    }
    List<String> upright = parse(name, bytes, true, null);
    if (upright.size() != text.size()) {
      return; // not the same pages: nothing of it is taken (never seen; a guard for page numbers)
    }
    for (int p : again) {
      // the plain pass's text stays where the upright one would read worse
      if (p < text.size() && (!readsTurned(upright.get(p)) || readsTurned(text.get(p)))) {
        text.set(p, upright.get(p));
      }
    }
  }

  /** A page's text needs at least this many non-blank lines to be taken for a turned page. */
  static final int TURNED_MIN_LINES = 10;

  /**
   * Whether a page's text reads as a turned page does: of its non-blank lines (at least {@link
   * #TURNED_MIN_LINES}), more than two thirds hold at most two characters that are not spaces.
   * Upright pages of the samples and variants have at most 30 % such lines (a strategy report's
   * grade columns), a turned sheet over 90 %.
   */
  static boolean readsTurned(String page) {
    int lines = 0;
    int short2 = 0;
    int visible = 0;
    for (int i = 0; i <= page.length(); i++) {
      char c = i < page.length() ? page.charAt(i) : '\n';
      if (c == '\n') {
        if (visible > 0) {
          lines++;
          if (visible <= 2) {
            short2++;
          }
        }
        visible = 0;
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        visible++;
      }
    }
    return lines >= TURNED_MIN_LINES && short2 * 3 > lines * 2;
  }

  /**
   * Tika's text of each page; {@code detectAngles}: text drawn at an angle, or on a page with a
   * {@code /Rotate}, is read upright.
   */
  private List<String> parse(
      String name, byte[] bytes, boolean detectAngles, List<Integer> rotated) {
    PageCollector pages = new PageCollector();
    Metadata metadata = new Metadata();
    ParseContext context = new ParseContext();
    PDFParserConfig config = new PDFParserConfig();
    // Tika's default notes an I/O error on a page, goes on with the next page and throws the first
    // error at the end; stopping at once tells which page it was.
    config.setCatchIntermediateIOExceptions(false);
    // hyoka reads text layers only and no OCR parser is on its class path, so Tika's automatic OCR
    // could never run; NO_OCR also spares it the per-page bookkeeping and wrapping the input for a
    // page renderer it never calls.
    config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    // Tika's angle detection runs a second text pass over every page, so it is asked for only
    // where the plain pass read a page turned (readTurnedPagesUpright)
    config.setDetectAngles(detectAngles);
    context.set(PDFParserConfig.class, config);
    // A report is what its pages show. Tika would parse every attached file (a portfolio, an annex
    // PDF) and hand its pages to the same handler, after the document's own: a report with an
    // earlier year's report attached was read as one report of both, with the attachment's year,
    // and an attached report was read with the plain PDF parser, past the damage checks below.
    // With an extractor in the context Tika also never builds an AutoDetectParser (and the default
    // TikaConfig) for embedded documents, which it otherwise did for every file.
    context.set(EmbeddedDocumentExtractor.class, NO_ATTACHMENTS);
    context.set(RawBytes.class, new RawBytes(bytes));
    if (rotated != null) {
      context.set(RotatedPages.class, new RotatedPages(rotated));
    }
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      parser.parse(in, pages, metadata, context);
    } catch (EncryptedDocumentException e) {
      throw reject(
          ErrorCode.ENCRYPTED_PDF,
          name,
          "password-protected PDF: hyoka cannot open encrypted reports; save an unprotected copy",
          e);
    } catch (TikaException | IOException e) {
      if (hasCause(e, InvalidPasswordException.class)) {
        throw reject(
            ErrorCode.ENCRYPTED_PDF,
            name,
            "password-protected PDF: hyoka cannot open encrypted reports; save an unprotected copy",
            e);
      }
      CompressedStreams.DamagedStreamException stream =
          causeOf(e, CompressedStreams.DamagedStreamException.class);
      if (stream != null) {
        throw reject(
            ErrorCode.DAMAGED_PDF,
            name,
            "damaged PDF (" + oneLine(stream.getMessage()) + "): the file is corrupt",
            e);
      }
      throw damaged(name, pages.openPage(), oneLine(rootMessage(e)), e);
    } catch (RuntimeException e) {
      // PDFBox answers some malformed structures with unchecked exceptions Tika does not wrap.
      throw damaged(
          name, pages.openPage(), e.getClass().getSimpleName() + ": " + oneLine(rootMessage(e)), e);
    } catch (SAXException e) {
      // The collector never throws: a SAXException here is a bug, not bad input.
      throw new HyokaException(
          ErrorCode.INTERNAL_ERROR,
          name + ": text extraction failed: " + oneLine(rootMessage(e)),
          e);
    }
    return pages.pages();
  }

  /**
   * The checks that need only the file's size, its start and its end: empty, not a PDF, cut off.
   * The ingest driver runs them while hashing, so such files are rejected without starting a
   * pipeline; {@link #extract} runs them again on the bytes it reads.
   *
   * @throws HyokaException EMPTY_FILE, NOT_A_PDF, TRUNCATED_PDF or UNREADABLE_FILE
   */
  static void checkStructure(Path file, String name) {
    if (Files.isDirectory(file)) {
      throw reject(ErrorCode.UNREADABLE_FILE, name, "cannot read: is a directory");
    }
    try (SeekableByteChannel ch = Files.newByteChannel(file)) {
      long size = ch.size();
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, SNIFF_BYTES));
      while (head.hasRemaining() && ch.read(head) >= 0) {
        // Fill the buffer; a file shorter than the buffer ends the loop.
      }
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, TRAILER_WINDOW));
      ch.position(size - tail.capacity());
      while (tail.hasRemaining() && ch.read(tail) >= 0) {
        // Same for the last kilobyte.
      }
      checkStructure(
          name,
          size,
          Arrays.copyOf(head.array(), head.position()),
          Arrays.copyOf(tail.array(), tail.position()));
    } catch (IOException e) {
      throw unreadable(name, e);
    }
  }

  private static void checkStructure(String name, long size, byte[] head, byte[] tail) {
    if (size == 0) {
      throw reject(ErrorCode.EMPTY_FILE, name, "empty file (0 bytes)");
    }
    if (indexOf(head, PDF_MAGIC, 0, Math.min(head.length, HEADER_WINDOW)) < 0) {
      throw reject(
          ErrorCode.NOT_A_PDF,
          name,
          String.format(
              Locale.ROOT,
              "not a PDF (no %%PDF- header in the first %d bytes; the content looks like %s)",
              HEADER_WINDOW,
              sniff(head)));
    }
    // PDFBox repairs a file without %%EOF by scanning it for objects and then extracts whatever
    // pages it still finds: a report cut off mid-download would come out with pages silently
    // missing. The marker's absence is the one reliable sign of a cut-off file, so check it first.
    if (indexOf(tail, EOF_MARKER, 0, tail.length) < 0) {
      throw reject(
          ErrorCode.TRUNCATED_PDF,
          name,
          String.format(
              Locale.ROOT,
              "truncated PDF (no %%%%EOF marker at the end of its %d bytes): the file was cut off;"
                  + " copy or download it again",
              size));
    }
  }

  /** A PDF PDFBox could not read; {@code page} is the page it was on (0: before the pages). */
  private static HyokaException damaged(String name, int page, String what, Throwable e) {
    String where = page > 0 ? "page " + page + ": " : "";
    return reject(
        ErrorCode.DAMAGED_PDF,
        name,
        "damaged PDF (" + where + what + "): the file is cut off or corrupt",
        e);
  }

  private static byte[] read(Path file, String name) {
    try {
      if (Files.isDirectory(file)) {
        throw reject(ErrorCode.UNREADABLE_FILE, name, "cannot read: is a directory");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(name, e);
    }
  }

  private static HyokaException unreadable(String name, IOException e) {
    String why =
        e instanceof NoSuchFileException
            ? "no such file"
            : e instanceof AccessDeniedException ? "permission denied" : oneLine(rootMessage(e));
    return reject(ErrorCode.UNREADABLE_FILE, name, "cannot read: " + why, e);
  }

  /** Names what the bytes look like, so "not a PDF" says what the file is instead. */
  private static String sniff(byte[] bytes) {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      MediaType type = MimeTypes.getDefaultMimeTypes().detect(in, new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      return "unknown data";
    }
  }

  private static HyokaException reject(ErrorCode code, String name, String reason) {
    return new HyokaException(code, name + ": " + reason);
  }

  private static HyokaException reject(ErrorCode code, String name, String reason, Throwable e) {
    return new HyokaException(code, name + ": " + reason, e);
  }

  /** Whether the page holds a character that is not white space: stops at the first one. */
  private static boolean hasVisibleCharacter(String page) {
    return page.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c));
  }

  /** Where {@code needle} first lies whole within {@code haystack[from, to)}, or -1. */
  static int indexOf(byte[] haystack, byte[] needle, int from, int to) {
    outer:
    for (int i = from; i + needle.length <= to; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    return causeOf(e, type) != null;
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /**
   * Collects the text inside each {@code <div class="page">} of Tika's XHTML events. Nested divs
   * (annotations) belong to their page; text outside pages (the outline) is not report text.
   */
  private static final class PageCollector extends DefaultHandler {
    private final List<String> pages = new ArrayList<>();
    private StringBuilder current;
    private int nestedDivs;
    private int paragraphStart;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
      if (current != null && "p".equals(localName)) {
        paragraphStart = current.length();
      }
      if ("div".equals(localName)) {
        if (current == null && "page".equals(atts.getValue("class"))) {
          current = new StringBuilder();
          nestedDivs = 0;
        } else if (current != null) {
          nestedDivs++;
        }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if (current == null) {
        return;
      }
      if ("p".equals(localName)) {
        // An empty paragraph serialises as <p />, which has no </p> to turn into a newline.
        if (current.length() > paragraphStart) {
          current.append('\n');
        }
      } else if ("div".equals(localName)) {
        if (nestedDivs == 0) {
          pages.add(current.toString());
          current = null;
        } else {
          nestedDivs--;
        }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (current != null) {
        current.append(ch, start, length);
      }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
      characters(ch, start, length);
    }

    List<String> pages() {
      return List.copyOf(pages);
    }

    /** The 1-based number of the page being read, or 0 outside the pages. */
    int openPage() {
      return current == null ? 0 : pages.size() + 1;
    }
  }
}
