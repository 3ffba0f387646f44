package hyoka.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The build's parser version tracks the sources it names, as they are in this work tree. */
class ParserVersionTest {
  @Test
  void theBuildsDigestIsThatOfTheSourcesThePomNamesAsTheyAreNow() throws Exception {
    Properties p = new Properties();
    try (InputStream in = ParserVersion.class.getResourceAsStream(ParserVersion.RESOURCE)) {
      assertThat(in).as(ParserVersion.RESOURCE + " on the class path").isNotNull();
      p.load(new java.io.InputStreamReader(in, UTF_8));
    }
    assertThat(p.getProperty("tika.version")).matches("[0-9][0-9.]+");
    assertThat(p.getProperty("pdfbox.version")).matches("[0-9][0-9.]+");

    // Recomputed as Ant's checksum totalproperty does: per file (sorted by relative path) its
    // SHA-256, then its relative path, into one SHA-256; the files are the pom's includes.
    Path root = Path.of("").toAbsolutePath().getParent();
    String pom = Files.readString(root.resolve("ingest/pom.xml"), UTF_8);
    List<PathMatcher> includes = new ArrayList<>();
    Matcher m = Pattern.compile("<include name=\"([^\"]+)\"/>").matcher(pom);
    while (m.find()) {
      includes.add(FileSystems.getDefault().getPathMatcher("glob:" + m.group(1)));
    }
    assertThat(includes).hasSizeGreaterThan(3);
    List<String> files = new ArrayList<>();
    for (String module : List.of("transform", "warehouse", "ingest")) {
      try (Stream<Path> walk = Files.walk(root.resolve(module))) {
        walk.filter(Files::isRegularFile)
            .map(f -> root.relativize(f).toString())
            .filter(f -> includes.stream().anyMatch(i -> i.matches(Path.of(f))))
            .forEach(files::add);
      }
    }
    java.util.Collections.sort(files);
    assertThat(files)
        .contains(
            "transform/src/main/java/hyoka/transform/ReportParser.java",
            "transform/src/main/resources/hyoka/transform/radicals.tsv",
            "ingest/src/main/java/hyoka/ingest/PdfExtractor.java")
        .doesNotContain("ingest/src/main/java/hyoka/ingest/IngestRun.java");
    MessageDigest total = MessageDigest.getInstance("SHA-256");
    for (String f : files) {
      total.update(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(root.resolve(f))));
      total.update(f.getBytes(UTF_8));
    }
    assertThat(p.getProperty("sources.sha256"))
        .as("the build's digest of the sources (rebuild if a source changed since)")
        .isEqualTo(HexFormat.of().formatHex(total.digest()));
    assertThat(ParserVersion.current()).matches("[0-9a-f]{16}");
  }

  @Test
  void theTestPropertyStandsInForTheVersion() {
    String built = ParserVersion.current();
    System.setProperty(ParserVersion.TEST_PROPERTY, "upgraded");
    try {
      assertThat(ParserVersion.current()).isEqualTo("upgraded");
    } finally {
      System.clearProperty(ParserVersion.TEST_PROPERTY);
    }
    assertThat(ParserVersion.current()).isEqualTo(built);
  }
}
