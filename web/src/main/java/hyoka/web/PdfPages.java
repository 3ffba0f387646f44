package hyoka.web;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import hyoka.transform.Texts;
import io.javalin.http.NotFoundResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The page behind a value: a report's PDF page as a PNG (PDFBox's renderer), and where a printed
 * text stands on it (PDFBox's text positions), as boxes in fractions of the page.
 *
 * <p>Only files the warehouse knows are read, by report id: the {@code reports} row names the file
 * as it was ingested ({@code source_file}) and its sha256. The file is looked for at that path (as
 * given, against the working directory, and against the data directory's parent), then by name in
 * each {@code --pdf-dir}; it is used only when its sha256 is the report's. A path never comes from
 * the request.
 */
final class PdfPages {
  /** 1.5 × the 72 dpi of PDF user space: an A4 page is about 890 × 1260 pixels. */
  private static final float DPI = 108;

  private static final int CACHE_PAGES = 48;

  private final Path dataDir;
  private final List<Path> pdfDirs;

  /** report id → the verified file, with the size and mtime it had when its hash was checked. */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private final Map<String, byte[]> pngCache =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
              return size() > CACHE_PAGES;
            }
          });

  PdfPages(Path dataDir, List<Path> pdfDirs) {
    this.dataDir = dataDir;
    this.pdfDirs = List.copyOf(pdfDirs);
  }

  private record Verified(Path path, long size, long modified) {}

  /** What the warehouse says about a report's file. */
  record ReportFile(String reportId, String sourceFile, String sha256, int pageCount) {}

  /** A box around printed text, in fractions of the page's width and height (origin top left). */
  record Box(double x, double y, double w, double h) {
    Box {
      // Ten-thousandths of a page are finer than a pixel of any rendering.
      x = round(x, 10_000);
      y = round(y, 10_000);
      w = round(w, 10_000);
      h = round(h, 10_000);
    }
  }

  static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }

  /** Where {@code text} is printed on a page, and the page's size in points. */
  record Located(String text, List<Box> boxes, int matches, double pageWidth, double pageHeight) {}

  static ReportFile reportFile(Connection c, String reportId) {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT source_file, sha256, page_count FROM reports WHERE report_id = ?")) {
      p.setString(1, reportId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundResponse("no report " + reportId + " in the warehouse");
        }
        return new ReportFile(reportId, rs.getString(1), rs.getString(2), rs.getInt(3));
      }
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot read report " + reportId + ": " + e.getMessage(), e);
    }
  }

  /** The PNG of page {@code page} (1-based) of the report. */
  byte[] png(ReportFile report, int page) {
    checkPage(report, page);
    Path file = file(report);
    String key = report.sha256() + "/" + page;
    byte[] cached = pngCache.get(key);
    if (cached != null) {
      return cached;
    }
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, DPI);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // In memory: ImageIO.write to an OutputStream caches the image in a temporary file
      // (java.io.tmpdir/imageio*.tmp), left behind if the server is killed, and failing every page
      // where that directory cannot be written.
      try (ImageOutputStream cache = new MemoryCacheImageOutputStream(out)) {
        ImageIO.write(image, "png", cache);
      }
      byte[] png = out.toByteArray();
      pngCache.put(key, png);
      return png;
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.UNREADABLE_FILE,
          "cannot render page " + page + " of " + report.sourceFile() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Every place on the page where {@code text} is printed, compared NFKC-folded and without
   * whitespace (a wrapped text still matches across its lines; each line of a match is a box).
   */
  Located locate(ReportFile report, int page, String text) {
    checkPage(report, page);
    String needle = squeeze(Texts.fold(text == null ? "" : text));
    if (needle.isEmpty()) {
      throw new HyokaException(ErrorCode.BAD_ARGUMENT, "no text to find on the page");
    }
    Path file = file(report);
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      PDPage p = doc.getPage(page - 1);
      PDRectangle box = p.getCropBox();
      boolean turned = p.getRotation() % 180 != 0;
      double width = turned ? box.getHeight() : box.getWidth();
      double height = turned ? box.getWidth() : box.getHeight();
      PositionCollector collector = new PositionCollector();
      collector.setStartPage(page);
      collector.setEndPage(page);
      collector.getText(doc);
      StringBuilder folded = new StringBuilder();
      List<TextPosition> owner = new ArrayList<>();
      for (TextPosition tp : collector.positions) {
        String f = squeeze(Texts.fold(tp.getUnicode()));
        for (int i = 0; i < f.length(); i++) {
          folded.append(f.charAt(i));
          owner.add(tp);
        }
      }
      List<Box> boxes = new ArrayList<>();
      int matches = 0;
      for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        matches++;
        Set<TextPosition> chars = new LinkedHashSet<>(owner.subList(at, at + needle.length()));
        boxes.addAll(lineBoxes(new ArrayList<>(chars), width, height));
      }
      return new Located(text, boxes, matches, round(width, 100), round(height, 100));
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.UNREADABLE_FILE,
          "cannot read the text of page "
              + page
              + " of "
              + report.sourceFile()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** One box per printed line of the characters (a match wrapped onto two lines gives two). */
  private static List<Box> lineBoxes(List<TextPosition> chars, double width, double height) {
    List<Box> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= chars.size(); i++) {
      boolean newLine =
          i == chars.size()
              || Math.abs(chars.get(i).getYDirAdj() - chars.get(i - 1).getYDirAdj())
                  > chars.get(i - 1).getHeightDir();
      if (newLine) {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (TextPosition tp : chars.subList(start, i)) {
          // Heights PDFBox reports for CJK fonts are often too small: take the font size too.
          double h = Math.max(tp.getHeightDir(), tp.getFontSizeInPt() * 0.85);
          x0 = Math.min(x0, tp.getXDirAdj());
          x1 = Math.max(x1, tp.getXDirAdj() + tp.getWidthDirAdj());
          y0 = Math.min(y0, tp.getYDirAdj() - h);
          y1 = Math.max(y1, tp.getYDirAdj());
        }
        double pad = 1.5;
        out.add(
            new Box(
                (x0 - pad) / width,
                (y0 - pad) / height,
                (x1 - x0 + 2 * pad) / width,
                (y1 - y0 + 2 * pad) / height));
        start = i;
      }
    }
    return out;
  }

  private static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isWhitespace(ch) && !Character.isSpaceChar(ch)) {
        b.append(ch);
      }
    }
    return b.toString();
  }

  private static void checkPage(ReportFile report, int page) {
    if (page < 1 || page > report.pageCount()) {
      throw new NotFoundResponse(
          "report " + report.reportId() + " has pages 1-" + report.pageCount() + ", not " + page);
    }
  }

  /**
   * The report's file, found and checked against its sha256.
   *
   * @throws NotFoundResponse with where it was looked for, when it moved or changed
   */
  Path file(ReportFile report) {
    Verified v = verified.get(report.reportId());
    if (v != null && unchanged(v)) {
      return v.path();
    }
    List<Path> tried = new ArrayList<>();
    List<Path> changed = new ArrayList<>();
    for (Path candidate : candidates(report.sourceFile())) {
      if (tried.contains(candidate)) {
        continue;
      }
      tried.add(candidate);
      if (!Files.isRegularFile(candidate)) {
        continue;
      }
      try {
        long size = Files.size(candidate);
        long modified = Files.getLastModifiedTime(candidate).toMillis();
        if (IngestedReport.sha256Of(candidate).equals(report.sha256())) {
          verified.put(report.reportId(), new Verified(candidate, size, modified));
          return candidate;
        }
        changed.add(candidate);
      } catch (IOException e) {
        // unreadable here: try the next place
      }
    }
    StringBuilder m =
        new StringBuilder("the PDF of report ")
            .append(report.reportId())
            .append(" (")
            .append(report.sourceFile())
            .append(") is not where it was ingested from");
    if (!changed.isEmpty()) {
      m.append(", and ").append(changed.get(0)).append(" has other content now");
    }
    m.append(": looked at ");
    for (int i = 0; i < tried.size(); i++) {
      m.append(i == 0 ? "" : ", ").append(tried.get(i));
    }
    m.append(". Put the file back, or start hyoka serve with --pdf-dir FOLDER where it is now.");
    throw new NotFoundResponse(m.toString());
  }

  private List<Path> candidates(String sourceFile) {
    List<Path> out = new ArrayList<>();
    Path given;
    try {
      given = Path.of(sourceFile);
    } catch (java.nio.file.InvalidPathException e) {
      return out;
    }
    if (given.isAbsolute()) {
      out.add(given.normalize());
    } else {
      out.add(given.toAbsolutePath().normalize());
      Path parent = dataDir.getParent();
      if (parent != null) {
        out.add(parent.resolve(given).normalize());
      }
    }
    Path name = given.getFileName();
    if (name != null) {
      for (Path dir : pdfDirs) {
        out.add(dir.resolve(name.toString()).normalize());
      }
    }
    return out;
  }

  private static boolean unchanged(Verified v) {
    try {
      return Files.size(v.path()) == v.size()
          && Files.getLastModifiedTime(v.path()).toMillis() == v.modified();
    } catch (IOException e) {
      return false;
    }
  }

  /** Collects the page's characters with their positions, in the stripper's reading order. */
  private static final class PositionCollector extends PDFTextStripper {
    final List<TextPosition> positions = new ArrayList<>();

    PositionCollector() {
      setSortByPosition(true);
    }

    @Override
    protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
      positions.addAll(textPositions);
      super.writeString(text, textPositions);
    }
  }
}
