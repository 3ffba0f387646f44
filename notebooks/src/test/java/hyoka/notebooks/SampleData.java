package hyoka.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestRequest;
import hyoka.ingest.IngestRun;
import hyoka.ingest.IngestSummary;
import hyoka.transform.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A data directory holding both sample reports, made by ingesting samples/*.pdf as a user would.
 * Made once per test JVM under target/ and shared read-only by the test classes, as an ingest takes
 * several seconds.
 */
final class SampleData {
  private static final Path DIR = Path.of("target", "sample-data").toAbsolutePath();
  private static Path made;

  private SampleData() {}

  static synchronized Path shared() {
    if (made == null) {
      delete(DIR);
      made = create(DIR);
    }
    return made;
  }

  static Path create(Path dataDir) {
    StringWriter log = new StringWriter();
    IngestSummary summary =
        new IngestRun()
            .run(
                new IngestRequest(
                    dataDir,
                    List.of(Fixtures.samplesDir()),
                    null,
                    "direct",
                    new PrintWriter(log, true)));
    assertThat(summary.rejected()).as("rejected samples; ingest said:\n%s", log).isZero();
    // the two reports and the FY2019 sheets (layout kpi-sheet)
    assertThat(summary.added()).as("samples added; ingest said:\n%s", log).isEqualTo(3);
    return dataDir;
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
