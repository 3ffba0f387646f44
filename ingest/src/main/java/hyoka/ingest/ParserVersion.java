package hyoka.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.Layouts;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which hyoka read a report: a version that changes whenever what a file parses into (or whether it
 * is rejected) could change. The warehouse records it with every report ({@code
 * reports.parser_version}) and {@link RejectedContent} with every remembered rejection; an ingest
 * reads held content again when another version made its report (docs/reliability.md, "A re-run
 * after an upgrade").
 *
 * <p>It is a digest, not a number someone bumps: the build (ingest/pom.xml) sums the sources and
 * resources that decide the rows (the transform module, the warehouse's row mapping, the ingest's
 * extraction and pipeline) with the Tika and PDFBox versions into {@code
 * parser-version.properties}; this class hashes that file with the names of the installed layouts
 * (a layout on the class path may claim what none did). A change that alters no output, a comment
 * say, costs one re-parse of the held reports, never a stale one.
 */
final class ParserVersion {
  static final String RESOURCE = "parser-version.properties";

  /**
   * Replaces the version, for tests that simulate an upgrade in a child JVM ({@code
   * -Dhyoka.test.parserVersion=…}); in-process tests pass a version to {@link IngestRun} instead.
   */
  static final String TEST_PROPERTY = "hyoka.test.parserVersion";

  private static volatile String current;

  private ParserVersion() {}

  /** This build's version: 16 hex digits. */
  static String current() {
    String override = System.getProperty(TEST_PROPERTY);
    if (override != null && !override.isBlank()) {
      return override;
    }
    String v = current;
    if (v == null) {
      v = compute();
      current = v;
    }
    return v;
  }

  private static String compute() {
    byte[] build;
    try (InputStream in = ParserVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new HyokaException(
            ErrorCode.INTERNAL_ERROR,
            "this hyoka was built without its parser version (" + RESOURCE + "): rebuild it");
      }
      build = in.readAllBytes();
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.INTERNAL_ERROR, "cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(build);
      d.update(
          ("layouts=" + String.join(",", Layouts.installedClassNames()) + "\n").getBytes(UTF_8));
      return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
