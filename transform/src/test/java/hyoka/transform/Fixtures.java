package hyoka.transform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample reports for tests in every module (shipped in the transform test-jar).
 *
 * <p>{@code h31} is the FY2019 report; {@code h30} an FY2018 report of the same series derived from
 * it for testing (not a published document). The {@code .pages.txt} resources hold the text Tika
 * extracts from the PDFs in {@code samples/}, pages separated by form feeds.
 *
 * <p>The {@code kpi-sheet} layout's samples are {@code r01} (FY2019) and {@code h30} (FY2018): one
 * evaluation sheet per KPI, made for testing with LibreOffice Calc from the values of the two
 * reports above (not published documents; see {@code fixtures/sheet-layout/README.md}).
 */
public final class Fixtures {
  private Fixtures() {}

  /** The extracted text of a sample, page by page: {@code text("h31")}. */
  public static ReportText text(String name) {
    String file = "otaru-sogo-senryaku-" + name;
    return ReportText.of(file + ".pdf", resource("fixtures/" + file + ".pages.txt"));
  }

  /** The plain .txt fixture: the same text without page breaks (form feeds). */
  public static String plainText(String name) {
    return resource("fixtures/otaru-sogo-senryaku-" + name + ".txt");
  }

  /** The extracted text of a sheet sample, page by page: {@code sheetText("r01")}. */
  public static ReportText sheetText(String name) {
    String file = "otaru-sheets-" + name;
    return ReportText.of(file + ".pdf", resource("fixtures/" + file + ".pages.txt"));
  }

  /** A sheet sample's plain Tika text as delivered (no page breaks, the PDF outline at the end). */
  public static String sheetPlainText(String name) {
    return resource("fixtures/otaru-sheets-" + name + ".txt");
  }

  /**
   * A sheet sample PDF: {@code r01} is in {@code samples/}, {@code h30} beside the fixture texts
   * ({@code transform/src/test/resources/fixtures/sheet-layout/}).
   */
  public static Path sheetPdf(String name) {
    String file = "otaru-sheets-" + name + ".pdf";
    Path inSamples = samplesDir().resolve(file);
    return Files.isRegularFile(inSamples) ? inSamples : sheetLayoutFile(file);
  }

  /**
   * The text of a real PDF variant of the sheets (made for testing with LibreOffice, see {@code
   * fixtures/sheet-layout/variants/README.md}): {@code sheetVariantText("r01-writer")}.
   */
  public static ReportText sheetVariantText(String name) {
    String file = "otaru-sheets-" + name;
    return ReportText.of(
        file + ".pdf", resource("fixtures/sheet-layout/variants/" + file + ".pages.txt"));
  }

  /** A real PDF variant of the sheets: {@code sheetVariantPdf("r05-calc")}. */
  public static Path sheetVariantPdf(String name) {
    return sheetLayoutFile("variants/otaru-sheets-" + name + ".pdf");
  }

  private static Path sheetLayoutFile(String file) {
    Path p =
        samplesDir()
            .resolveSibling("transform/src/test/resources/fixtures/sheet-layout")
            .resolve(file);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("sheet fixture missing: " + p);
    }
    return p;
  }

  /** The repository's {@code samples/} folder with the sample PDFs. */
  public static Path samplesDir() {
    String prop = System.getProperty("hyoka.samples");
    if (prop != null) {
      return Path.of(prop);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("samples");
      if (Files.isRegularFile(candidate.resolve("otaru-sogo-senryaku-h31.pdf"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
  }

  /** A sample PDF: {@code samplePdf("h31")}. */
  public static Path samplePdf(String name) {
    return samplesDir().resolve("otaru-sogo-senryaku-" + name + ".pdf");
  }

  private static String resource(String name) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
