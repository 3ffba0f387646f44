package hyoka.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Bad and unrelated PDFs made with PDFBox for the rejection tests. */
final class TestPdfs {
  private TestPdfs() {}

  /** A one-page PDF with {@code lines} in Helvetica (a standard 14 font: nothing embedded). */
  static Path text(Path file, List<String> lines) {
    try (PDDocument doc = textDocument(lines)) {
      doc.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code outer} with {@code attached} embedded as the file {@code annex.pdf} (the document's
   * EmbeddedFiles name tree, as PDF portfolios and annexes are), written to {@code file}.
   */
  static Path withAttachment(Path outer, byte[] attached, Path file) {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(outer.toFile())) {
      var spec =
          new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
      spec.setFile("annex.pdf");
      var embedded =
          new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(
              doc, new java.io.ByteArrayInputStream(attached));
      embedded.setSubtype("application/pdf");
      spec.setEmbeddedFile(embedded);
      var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
      tree.setNames(java.util.Map.of("annex.pdf", spec));
      var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      doc.getDocumentCatalog().setNames(names);
      doc.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text PDF that needs the user password {@code secret} to open. */
  static Path encrypted(Path file) {
    return protect(file, List.of("Confidential minutes"), "secret", new AccessPermission());
  }

  /**
   * A text PDF encrypted with an owner password only: it opens without a password (its streams are
   * still encrypted in the file), as many published reports are, to forbid editing.
   */
  static Path ownerProtected(Path file, List<String> lines) {
    AccessPermission readOnly = new AccessPermission();
    readOnly.setCanModify(false);
    return protect(file, lines, "", readOnly);
  }

  private static Path protect(
      Path file, List<String> lines, String userPassword, AccessPermission permission) {
    try (PDDocument doc = textDocument(lines)) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, permission);
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A decompression bomb: one page whose content stream inflates to about {@code inflatedBytes} of
   * {@code (…) Tj} text operators (1 GiB makes a PDF of about 1 MB). Deflating a gigabyte takes
   * most of a minute, so one megabyte is deflated once, ending on a full flush (after which deflate
   * data refer to nothing before them), and that piece is repeated: a valid zlib stream with the
   * right checksum, made in about a second.
   */
  static Path bomb(Path file, long inflatedBytes) {
    byte[] run =
        "(HyokaHyokaHyokaHyokaHyokaHyokaHyokaHyoka) Tj\n".getBytes(StandardCharsets.US_ASCII);
    byte[] block = new byte[run.length * 21_845];
    for (int i = 0; i < 21_845; i++) {
      System.arraycopy(run, 0, block, i * run.length, run.length);
    }
    byte[] head = "BT /F1 12 Tf 72 770 Td\n".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "ET\n".getBytes(StandardCharsets.US_ASCII);
    long copies = Math.max(1, inflatedBytes / block.length);
    Adler32 adler = new Adler32();
    adler.update(head);
    for (long i = 0; i < copies; i++) {
      adler.update(block);
    }
    adler.update(tail);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDResources resources = new PDResources();
      resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      page.setResources(resources);
      COSStream contents = doc.getDocument().createCOSStream();
      contents.setItem(COSName.FILTER, COSName.FLATE_DECODE);
      try (OutputStream raw = contents.createRawOutputStream()) {
        raw.write(new byte[] {0x78, (byte) 0xda});
        raw.write(deflated(head, Deflater.FULL_FLUSH));
        byte[] piece = deflated(block, Deflater.FULL_FLUSH);
        for (long i = 0; i < copies; i++) {
          raw.write(piece);
        }
        raw.write(deflated(tail, -1));
        long sum = adler.getValue();
        raw.write(
            new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
      }
      page.getCOSObject().setItem(COSName.CONTENTS, contents);
      doc.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Raw deflate data of {@code data}: ended by {@code flush}, or the final block when -1. */
  private static byte[] deflated(byte[] data, int flush) {
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      d.setInput(data);
      if (flush < 0) {
        d.finish();
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      while (true) {
        int n = flush < 0 ? d.deflate(buf) : d.deflate(buf, 0, buf.length, flush);
        out.write(buf, 0, n);
        if (flush < 0 ? d.finished() : n < buf.length && d.needsInput()) {
          return out.toByteArray();
        }
      }
    } finally {
      d.end();
    }
  }

  /**
   * A valid copy of {@code source} in which page {@code page} (1-based) has lost its content
   * stream: as a revised report that dropped a page's text would be, well-formed and checksummed.
   */
  static Path withBlankPage(Path source, int page, Path target) {
    try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(source.toFile())) {
      doc.getPage(page - 1).getCOSObject().removeItem(COSName.CONTENTS);
      doc.save(target.toFile());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a scanner makes: {@code pages} pages that each hold one image and no text at all. */
  static Path scanned(Path file, int pages) {
    try (PDDocument doc = new PDDocument()) {
      BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = scan.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 200, 280);
      g.setColor(Color.DARK_GRAY);
      for (int y = 20; y < 260; y += 12) {
        g.fillRect(20, y, 160, 4);
      }
      g.dispose();
      PDImageXObject image = LosslessFactory.createFromImage(doc, scan);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      doc.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDDocument textDocument(List<String> lines) throws IOException {
    PDDocument doc = new PDDocument();
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.beginText();
      cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
      cs.setLeading(16);
      cs.newLineAtOffset(72, 770);
      for (String line : lines) {
        cs.showText(line);
        cs.newLine();
      }
      cs.endText();
    }
    return doc;
  }
}
