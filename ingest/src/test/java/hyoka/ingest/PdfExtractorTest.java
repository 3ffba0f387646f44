package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.Kpi;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import hyoka.transform.Semantics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfExtractorTest {
  private final PdfExtractor extractor = new PdfExtractor();
  @TempDir Path dir;

  @Test
  void samplesGiveExactlyTheCommittedFixtureText() {
    for (String sample : List.of("h31", "h30")) {
      ReportText got = extractor.extract(Fixtures.samplePdf(sample), "x.pdf");
      ReportText want = Fixtures.text(sample);
      assertThat(got.pages()).as(sample).hasSize(36);
      assertThat(got.pages()).as(sample).isEqualTo(want.pages());
      assertThat(got.sourceFile()).isEqualTo("x.pdf");
    }
  }

  @Test
  void sheetSamplesGiveExactlyTheCommittedFixtureText() {
    // the kpi-sheet fixtures (made for testing with LibreOffice Calc) were extracted this way
    for (String sample : List.of("r01", "h30")) {
      ReportText got = extractor.extract(Fixtures.sheetPdf(sample), "x.pdf");
      assertThat(got.pages()).as(sample).hasSize(73);
      assertThat(got.pages()).as(sample).isEqualTo(Fixtures.sheetText(sample).pages());
    }
    // and its real variants, printed again with LibreOffice Writer and Calc
    for (String variant : List.of("r01-writer", "r05-calc")) {
      ReportText got = extractor.extract(Fixtures.sheetVariantPdf(variant), "x.pdf");
      assertThat(got.pages()).as(variant).hasSize(14);
      assertThat(got.pages()).as(variant).isEqualTo(Fixtures.sheetVariantText(variant).pages());
    }
  }

  @Test
  void aTurnedPageGivesTheTextOfTheUprightPage() throws IOException {
    // a sheet printed turned: the page's /Rotate (90, 270), or a landscape sheet drawn turned on a
    // portrait page (its text matrices turned, no /Rotate). Tika's plain pass gave such a page one
    // or two characters per line, and its sheet was lost as unknown lines.
    for (String file : List.of("r01", "r01-writer", "r05-calc")) {
      Path pdf = file.equals("r01") ? Fixtures.sheetPdf(file) : Fixtures.sheetVariantPdf(file);
      List<String> want =
          file.equals("r01")
              ? Fixtures.sheetText(file).pages()
              : Fixtures.sheetVariantText(file).pages();
      byte[] turned = turnedCopy(pdf);
      ReportText got = extractor.extract("x.pdf", turned);
      assertThat(got.pages()).as(file).isEqualTo(want);
    }
  }

  @Test
  void aTurnedPageOfTheStrategyReportGivesTheTextOfTheUprightPage() throws IOException {
    // the other layout: pages of the FY2019 report printed turned the same five ways (its pages
    // 1-5 hold project heads, KPI tables and narratives, denser than a sheet)
    for (String sample : List.of("h31", "h30")) {
      byte[] turned = turnedCopy(Fixtures.samplePdf(sample));
      ReportText got = extractor.extract("x.pdf", turned);
      assertThat(got.pages()).as(sample).isEqualTo(Fixtures.text(sample).pages());
    }
  }

  @Test
  void onlyAPageThatReadsTurnedIsTakenForOne() {
    String sheet = Fixtures.sheetText("r01").pages().get(0);
    assertThat(PdfExtractor.readsTurned(sheet)).isFalse();
    // what Tika's plain pass gives for the first sheet printed turned (its first 12 lines)
    assertThat(
            PdfExtractor.readsTurned(
                "\n- 1\n -\n\n\nま\nち\n\n\n・\nひ\n\n\nと\n・\n\n\nし\nご\n"
                    + "\n\nと\n創\n\n\n生\n総\n\n\n合\n"))
        .isTrue();
    // a short page (a cover with a few words) is not read twice
    assertThat(PdfExtractor.readsTurned("表\n紙\n")).isFalse();
    // the strategy report's pages with the most short lines (grade columns) are upright
    for (String sample : List.of("h30", "h31")) {
      assertThat(Fixtures.text(sample).pages()).noneMatch(PdfExtractor::readsTurned);
    }
  }

  /**
   * The file with its first five pages turned: /Rotate 90 and 270 on upright text, drawn turned on
   * a portrait page (90, 270), and drawn turned but shown upright by its /Rotate.
   */
  static byte[] turnedCopy(Path pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(Files.readAllBytes(pdf))) {
      d.getPage(0).setRotation(90);
      d.getPage(1).setRotation(270);
      drawTurned(d, d.getPage(2), 90);
      drawTurned(d, d.getPage(3), 270);
      // drawn turned and shown upright by its /Rotate: the plain pass ran its words together
      drawTurned(d, d.getPage(4), 90);
      d.getPage(4).setRotation(270);
      return save(d);
    }
  }

  @Test
  void aTurnedSheetReadByTheBoundedReaderProcessGivesItsKpisWithTheirPages() throws IOException {
    Path turned = Files.write(dir.resolve("turned.pdf"), turnedCopy(Fixtures.sheetPdf("r01")));
    ReportText got = PdfReaders.shared(ExtractLimits.DEFAULTS).extract(turned, "turned.pdf");
    ParsedReport r = Layouts.installed().parse(got, null);
    assertThat(r.layout()).isEqualTo("kpi-sheet");
    assertThat(r.kpiCount()).isEqualTo(73);
    // the turned pages' sheets: 1-1 … 5-1 on pages 1 … 5, with their values
    assertThat(r.projects().subList(0, 5))
        .extracting(p -> p.projectNo(), p -> p.kpis().get(0).page())
        .containsExactly(tuple(1, 1), tuple(2, 2), tuple(3, 3), tuple(4, 4), tuple(5, 5));
    Kpi k = r.projects().get(0).kpis().get(0);
    assertThat(k.actual().printed()).isEqualTo("36棟");
    assertThat(k.actual().value()).isEqualByComparingTo("36");
    assertThat(r.residue())
        .filteredOn(l -> l.cls() == ResidueClass.UNKNOWN)
        .extracting(ResidueLine::page)
        .doesNotContain(1, 2, 3, 4, 5);
  }

  @Test
  void twoSheetsPrintedOnEveryPageOfARealPdfAreReadAsTheirSheets() throws IOException {
    // every two pages printed on one ("2 pages per sheet"): Tika reads the first sheet's text and
    // then the second's, and the kpi-sheet layout reads both
    for (String file : List.of("r01", "r01-writer", "r05-calc")) {
      Path pdf = file.equals("r01") ? Fixtures.sheetPdf(file) : Fixtures.sheetVariantPdf(file);
      ParsedReport want = Layouts.installed().parse(extractor.extract(pdf, "x.pdf"), null);
      for (int layout = 0; layout < 3; layout++) {
        // one above the other; side by side on a landscape page; the same turned by its /Rotate
        byte[] twoUp = twoUp(Files.readAllBytes(pdf), layout > 0, layout == 2 ? 90 : 0);
        ParsedReport got = Layouts.installed().parse(extractor.extract("x.pdf", twoUp), null);
        String as = file + " " + layout;
        assertThat(got.pageCount()).as(as).isEqualTo((want.pageCount() + 1) / 2);
        assertThat(got.kpiCount()).as(as).isEqualTo(want.kpiCount()).isGreaterThan(10);
        // sheet n of the file is on page (n + 1) / 2, every value as on its own page
        assertThat(kpis(got))
            .as(as)
            .isEqualTo(kpis(want).stream().map(PdfExtractorTest::halve).toList());
        assertThat(got.residue()).as(as).noneMatch(l -> l.cls() == ResidueClass.UNKNOWN);
      }
    }
  }

  @Test
  void twoPagesOfTheStrategyReportPrintedOnEveryPageOfARealPdfAreReadAsTheirPages()
      throws IOException {
    // Tika reads a page printed from two as the first one's text and then the second's: the
    // strategy report cuts it at the second page's head as it cuts a text without form feeds
    for (String sample : List.of("h31", "h30")) {
      Path pdf = Fixtures.samplePdf(sample);
      ParsedReport want = Layouts.installed().parse(extractor.extract(pdf, "x.pdf"), null);
      assertThat(want.projects()).as(sample).hasSize(62);
      for (int layout = 0; layout < 3; layout++) {
        byte[] twoUp = twoUp(Files.readAllBytes(pdf), layout > 0, layout == 2 ? 90 : 0);
        ParsedReport got = Layouts.installed().parse(extractor.extract("x.pdf", twoUp), null);
        String as = sample + " " + layout;
        assertThat(got.layout()).as(as).isEqualTo("strategy-report");
        // the file's pages: page n of the report is on page (n + 1) / 2
        assertThat(got.pageCount()).as(as).isEqualTo(18);
        assertThat(got.kpiCount()).as(as).isEqualTo(want.kpiCount());
        assertThat(got.scoreMismatches()).as(as).isEqualTo(want.scoreMismatches());
        // every project, KPI, item, text and residue line as in the one-up file, each on the page
        // of the file that prints it (the first line is the page count, asserted above)
        List<String> wantHalved = Semantics.of(want).stream().map(PdfExtractorTest::halve).toList();
        assertThat(Semantics.of(got).subList(1, Semantics.of(got).size()))
            .as(as)
            .isEqualTo(wantHalved.subList(1, wantHalved.size()));
      }
    }
  }

  /** Each KPI as its key, values, grade and pages. */
  private static List<String> kpis(ParsedReport r) {
    List<String> out = new java.util.ArrayList<>();
    for (hyoka.transform.Project p : r.projects()) {
      for (Kpi k : p.kpis()) {
        out.add(
            p.projectNo()
                + "-"
                + k.kpiNo()
                + " "
                + k.name()
                + " "
                + k.baseline().printed()
                + " "
                + k.actual().printed()
                + " "
                + k.target().printed()
                + " "
                + k.grading().achievement().printed()
                + " "
                + k.grading().gradePrinted()
                + " p"
                + k.page()
                + " p"
                + k.grading().page());
      }
    }
    return out;
  }

  /** A KPI line with each page n written as the page sheet n is on when two print to a page. */
  private static String halve(String kpi) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" p(\\d+)(?= |$)").matcher(kpi);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, " p" + (Integer.parseInt(m.group(1)) + 1) / 2);
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * The PDF with every two pages printed on one page: one above the other at half size on a page of
   * the same size, or side by side on a landscape page ({@code sideBySide}), that page turned by
   * {@code rotate} (its /Rotate).
   */
  static byte[] twoUp(byte[] pdf, boolean sideBySide, int rotate) throws IOException {
    try (PDDocument src = Loader.loadPDF(pdf);
        PDDocument d = new PDDocument()) {
      LayerUtility layers = new LayerUtility(d);
      int n = src.getNumberOfPages();
      for (int i = 0; i < n; i += 2) {
        PDRectangle box = src.getPage(i).getMediaBox();
        float w = box.getWidth();
        float h = box.getHeight();
        PDPage page = new PDPage(sideBySide ? new PDRectangle(h, w) : box);
        page.setRotation(rotate);
        d.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
          for (int j = 0; j < 2 && i + j < n; j++) {
            PDFormXObject form = layers.importPageAsForm(src, i + j);
            cs.saveGraphicsState();
            float scale = sideBySide ? Math.min(h / 2 / w, w / h) : 0.5f;
            float x = sideBySide ? j * h / 2 : w / 4;
            float y = sideBySide ? 0 : j == 0 ? h / 2 : 0;
            cs.transform(new Matrix(scale, 0, 0, scale, x, y));
            cs.drawForm(form);
            cs.restoreGraphicsState();
          }
        }
      }
      return save(d);
    }
  }

  /** Draws the page's content turned by {@code degrees} (90 or 270) on a page of swapped size. */
  private static void drawTurned(PDDocument d, PDPage page, int degrees) throws IOException {
    PDRectangle box = page.getMediaBox();
    float w = box.getWidth();
    float h = box.getHeight();
    try (PDPageContentStream cs =
        new PDPageContentStream(d, page, PDPageContentStream.AppendMode.PREPEND, false)) {
      cs.transform(degrees == 90 ? new Matrix(0, 1, -1, 0, h, 0) : new Matrix(0, -1, 1, 0, 0, w));
    }
    page.setMediaBox(new PDRectangle(h, w));
    page.setCropBox(null);
  }

  private static byte[] save(PDDocument d) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    d.save(out);
    return out.toByteArray();
  }

  @Test
  void aBrokenXrefOffsetIsRepairedByPdfBoxAndLosesNothing() throws IOException {
    // startxref pointing nowhere: PDFBox rebuilds the cross-reference table by scanning the file.
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h31"));
    String s = new String(pdf, StandardCharsets.ISO_8859_1);
    assertThat(s).contains("startxref\n426148\n");
    byte[] broken =
        s.replace("startxref\n426148\n", "startxref\n999999\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(extractor.extract("broken-xref.pdf", broken).pages())
        .isEqualTo(Fixtures.text("h31").pages());
  }

  @Test
  void emptyFile() throws IOException {
    Path f = Files.write(dir.resolve("empty.pdf"), new byte[0]);
    assertRejected(
        () -> extractor.extract(f, "empty.pdf"),
        ErrorCode.EMPTY_FILE,
        "empty.pdf: empty file (0 bytes)");
  }

  @Test
  void textFileNamedPdf() throws IOException {
    Path f =
        Files.writeString(dir.resolve("minutes.pdf"), "議事録\n出席者: 5名\n", StandardCharsets.UTF_8);
    assertRejected(
        () -> extractor.extract(f, "minutes.pdf"),
        ErrorCode.NOT_A_PDF,
        "minutes.pdf: not a PDF (no %PDF- header in the first 1024 bytes; the content looks like"
            + " text/plain)");
  }

  @Test
  void zipFileNamedPdfIsNotAPdfWhateverItsName() throws IOException {
    byte[] zip = {
      'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    Path f = Files.write(dir.resolve("report.PDF"), zip);
    assertRejected(
        () -> extractor.extract(f, "report.PDF"),
        ErrorCode.NOT_A_PDF,
        "report.PDF: not a PDF (no %PDF- header in the first 1024 bytes; the content looks like"
            + " application/zip)");
  }

  @Test
  void aPdfHeaderAfterJunkWithinTheFirstKilobyteIsAccepted() throws IOException {
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h30"));
    byte[] junk = new byte[500];
    Arrays.fill(junk, (byte) ' ');
    byte[] withJunk = new byte[junk.length + pdf.length];
    System.arraycopy(junk, 0, withJunk, 0, junk.length);
    System.arraycopy(pdf, 0, withJunk, junk.length, pdf.length);

    assertThat(extractor.extract("junk.pdf", withJunk).pages())
        .isEqualTo(Fixtures.text("h30").pages());
  }

  @Test
  void cutOffFileIsTruncatedBeforePdfBoxSeesIt() throws IOException {
    // PDFBox itself fails on this sample cut at half ("Page tree root must be a dictionary": the
    // catalog sits at the end), but on files with the catalog up front it would silently return
    // the pages it still finds. A missing %%EOF is what a cut-off file always shows.
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h31"));
    byte[] half = Arrays.copyOf(pdf, pdf.length / 2);
    assertRejected(
        () -> extractor.extract("half.pdf", half),
        ErrorCode.TRUNCATED_PDF,
        "half.pdf: truncated PDF (no %%EOF marker at the end of its 213413 bytes): the file was cut"
            + " off; copy or download it again");
  }

  @Test
  void structureBrokenBeyondRepairIsDamaged() throws IOException {
    // The first half with an end marker glued on: the marker check passes, PDFBox gives up.
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h31"));
    byte[] half = Arrays.copyOf(pdf, pdf.length / 2);
    byte[] eof = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] glued = Arrays.copyOf(half, half.length + eof.length);
    System.arraycopy(eof, 0, glued, half.length, eof.length);
    assertRejected(
        () -> extractor.extract("glued.pdf", glued),
        ErrorCode.DAMAGED_PDF,
        "glued.pdf: damaged PDF (Page tree root must be a dictionary): the file is cut off or"
            + " corrupt");
  }

  /** Page 5 of the FY2019 sample: its content stream is object 49. */
  private static final int PAGE_5_CONTENTS = 49;

  @Test
  void aFlippedBitThatStillInflatesIsCaughtByTheStreamChecksum() throws IOException {
    // A bit flipped in the middle of page 5's compressed content stream: the data still inflate,
    // to other bytes. Tika and PDFBox on their own return the page with its text changed and say
    // nothing; the zlib checksum of the stream tells.
    PdfMutations h31 = new PdfMutations(Files.readAllBytes(Fixtures.samplePdf("h31")));
    int[] stream = h31.streamOf(PAGE_5_CONTENTS);
    byte[] flipped = h31.flip(stream[0] + (stream[1] - stream[0]) / 2, 1);

    String plainTika = plainTikaText(flipped);
    assertThat(plainTika).isNotEqualTo(plainTikaText(h31.flip(0, 0)));
    assertRejected(
        () -> extractor.extract("flip.pdf", flipped),
        ErrorCode.DAMAGED_PDF,
        "flip.pdf: damaged PDF (page 5: content stream (object 49 0) is corrupt (its checksum does"
            + " not match: the data were changed)): the file is corrupt");
  }

  @Test
  void aFlippedBitThatBreaksTheStreamNamesThePage() throws IOException {
    // PDFBox decodes such a stream up to the broken spot and logs a warning, then stops reading
    // the page's text part-way.
    PdfMutations h31 = new PdfMutations(Files.readAllBytes(Fixtures.samplePdf("h31")));
    int[] stream = h31.streamOf(PAGE_5_CONTENTS);
    byte[] flipped = h31.flip(stream[0] + (stream[1] - stream[0]) * 3 / 10, 64);
    assertRejected(
        () -> extractor.extract("broken.pdf", flipped),
        ErrorCode.DAMAGED_PDF,
        "broken.pdf: damaged PDF (page 5: content stream (object 49 0) is corrupt (invalid distance"
            + " too far back)): the file is corrupt");
  }

  @Test
  void aContentStreamWithADamagedFilterNameOrObjectIsNotSkipped() throws IOException {
    // PDFBox skips a content stream whose filter it does not know, or whose object does not parse,
    // and the page comes out blank. (PDFBox reads the name's stray byte 0x8a as windows-1252: Š.)
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h31"));
    String s = new String(pdf, StandardCharsets.ISO_8859_1);
    int dict = s.indexOf("\n49 0 obj\n<<\n/Length 1316\n/Filter /FlateDecode\n");
    assertThat(dict).isPositive();
    int filterEnd = s.indexOf("/FlateDecode", dict) + "/FlateDecode".length();
    byte[] badFilter = pdf.clone();
    badFilter[filterEnd] = (byte) 0x8a;
    assertRejected(
        () -> extractor.extract("filter.pdf", badFilter),
        ErrorCode.DAMAGED_PDF,
        "filter.pdf: damaged PDF (page 5: content stream (object 49 0) has a filter PDFBox does not"
            + " know (/FlateDecode\u0160)): the file is corrupt");

    byte[] badObject = pdf.clone();
    badObject[dict + 1] = 'J';
    assertRejected(
        () -> extractor.extract("object.pdf", badObject),
        ErrorCode.DAMAGED_PDF,
        "object.pdf: damaged PDF (page 5: content stream (object 49 0) cannot be read): the file"
            + " is corrupt");
  }

  @Test
  void aFlippedBitInTheCrossReferenceStreamIsCaught() throws IOException {
    // The sample's cross-reference data are a compressed stream: a changed byte there can point
    // pages at the wrong objects, which PDFBox then replaces with empty pages.
    PdfMutations h31 = new PdfMutations(Files.readAllBytes(Fixtures.samplePdf("h31")));
    byte[] flipped = h31.flip(426481, 2);
    assertThat(h31.xrefStart()).isEqualTo(426148);
    assertRejected(
        () -> extractor.extract("xref.pdf", flipped),
        ErrorCode.DAMAGED_PDF,
        "xref.pdf: damaged PDF (cross-reference stream (object 168 0) is corrupt (its checksum does"
            + " not match: the data were changed)): the file is corrupt");
  }

  /** What Tika's PDF parser alone gives as plain text, with its defaults. */
  private static String plainTikaText(byte[] pdf) {
    try (java.io.InputStream in = new java.io.ByteArrayInputStream(pdf)) {
      org.apache.tika.sax.BodyContentHandler text = new org.apache.tika.sax.BodyContentHandler(-1);
      new org.apache.tika.parser.pdf.PDFParser()
          .parse(
              in,
              text,
              new org.apache.tika.metadata.Metadata(),
              new org.apache.tika.parser.ParseContext());
      return text.toString();
    } catch (Exception e) {
      throw new AssertionError("plain Tika failed on the damaged copy", e);
    }
  }

  @Test
  void attachedFilesAreNotReadAsPagesOfTheReport() throws IOException {
    // The FY2019 report with the FY2018 one attached: Tika read the attachment's 36 pages after the
    // report's own, and the ingest took one report of both, as FY2018 (124 projects).
    Path annexed =
        TestPdfs.withAttachment(
            Fixtures.samplePdf("h31"),
            Files.readAllBytes(Fixtures.samplePdf("h30")),
            dir.resolve("annexed.pdf"));
    assertThat(extractor.extract(annexed, "annexed.pdf").pages())
        .isEqualTo(Fixtures.text("h31").pages());

    // A cover page with a damaged report attached: alone that report is rejected as damaged, but
    // attached it was read by Tika's plain PDF parser, past the damage checks, and taken with its
    // page 7 changed. The file's own text is the cover page; the parser rejects it as no report.
    byte[] damaged =
        new PdfMutations(Files.readAllBytes(Fixtures.samplePdf("h31")))
            .apply(PdfMutations.Kind.STREAM_FLIP, 31)
            .bytes();
    assertThatThrownBy(() -> extractor.extract("damaged.pdf", damaged))
        .isInstanceOf(HyokaException.class)
        .hasMessageContaining("damaged PDF (page 7: ");
    Path cover = TestPdfs.text(dir.resolve("cover.pdf"), List.of("Cover page: report attached"));
    Path portfolio = TestPdfs.withAttachment(cover, damaged, dir.resolve("portfolio.pdf"));
    List<String> pages = extractor.extract(portfolio, "portfolio.pdf").pages();
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).strip()).isEqualTo("Cover page: report attached");
  }

  @Test
  void passwordProtected() {
    Path f = TestPdfs.encrypted(dir.resolve("locked.pdf"));
    assertRejected(
        () -> extractor.extract(f, "locked.pdf"),
        ErrorCode.ENCRYPTED_PDF,
        "locked.pdf: password-protected PDF: hyoka cannot open encrypted reports; save an"
            + " unprotected copy");
  }

  @Test
  void aPdfEncryptedWithAnOwnerPasswordOnlyIsReadAndPassesTheStreamChecks() {
    Path f =
        TestPdfs.ownerProtected(dir.resolve("readonly.pdf"), List.of("Quarterly memo", "Line 2"));
    assertThat(extractor.extract(f, "readonly.pdf").pages().get(0))
        .contains("Quarterly memo")
        .contains("Line 2");
  }

  @Test
  void scannedPagesWithoutText() {
    Path f = TestPdfs.scanned(dir.resolve("scan.pdf"), 3);
    assertRejected(
        () -> extractor.extract(f, "scan.pdf"),
        ErrorCode.NO_TEXT_LAYER,
        "scan.pdf: no text layer (3 pages, 0 characters): scanned or image-only PDF");
  }

  @Test
  void unrelatedTextIsExtractedForTheParserToJudge() {
    Path f =
        TestPdfs.text(dir.resolve("memo.pdf"), List.of("Quarterly memo", "Nothing to see here"));
    ReportText text = extractor.extract(f, "memo.pdf");
    assertThat(text.pages()).hasSize(1);
    assertThat(text.pages().get(0)).contains("Quarterly memo").contains("Nothing to see here");
  }

  @Test
  void missingFileAndDirectoryAreUnreadable() throws IOException {
    assertRejected(
        () -> extractor.extract(dir.resolve("gone.pdf"), "gone.pdf"),
        ErrorCode.UNREADABLE_FILE,
        "gone.pdf: cannot read: no such file");
    Path folder = Files.createDirectory(dir.resolve("folder.pdf"));
    assertRejected(
        () -> extractor.extract(folder, "folder.pdf"),
        ErrorCode.UNREADABLE_FILE,
        "folder.pdf: cannot read: is a directory");
  }

  @Test
  void theStructureCheckOnTheFileSaysWhatExtractionWouldSay() throws IOException {
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf("h31"));
    Path half = Files.write(dir.resolve("half.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
    Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
    Path html = Files.writeString(dir.resolve("page.pdf"), "<html><body>x</body></html>\n");
    for (Path f : List.of(half, empty, html)) {
      String name = f.getFileName().toString();
      HyokaException fromExtract = catchHyoka(() -> extractor.extract(f, name));
      assertRejected(
          () -> PdfExtractor.checkStructure(f, name), fromExtract.code(), fromExtract.getMessage());
    }
    assertThat(catchHyoka(() -> PdfExtractor.checkStructure(html, "page.pdf")).getMessage())
        .isEqualTo(
            "page.pdf: not a PDF (no %PDF- header in the first 1024 bytes; the content looks like"
                + " text/html)");
    // A whole PDF passes: only extraction can tell encrypted, scanned or not a report.
    PdfExtractor.checkStructure(Fixtures.samplePdf("h30"), "h30.pdf");
  }

  private static HyokaException catchHyoka(ThrowingCallable call) {
    try {
      call.call();
    } catch (HyokaException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
    throw new AssertionError("no HyokaException");
  }

  private static void assertRejected(ThrowingCallable call, ErrorCode code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(HyokaException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessage(message);
  }
}
