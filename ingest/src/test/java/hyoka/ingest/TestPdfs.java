package hyoka.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
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

  /** A text PDF that needs the user password {@code secret} to open. */
  static Path encrypted(Path file) {
    try (PDDocument doc = textDocument(List.of("Confidential minutes"))) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A text PDF encrypted with an owner password only: it opens without a password (its streams are
   * still encrypted in the file), as many published reports are, to forbid editing.
   */
  static Path ownerProtected(Path file, List<String> lines) {
    try (PDDocument doc = textDocument(lines)) {
      AccessPermission readOnly = new AccessPermission();
      readOnly.setCanModify(false);
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", readOnly);
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      doc.save(file.toFile());
      return file;
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
