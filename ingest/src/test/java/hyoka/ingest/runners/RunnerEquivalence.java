package hyoka.ingest.runners;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestSummary;
import hyoka.ingest.bench.Corpus;
import hyoka.transform.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the same ingest with the DirectRunner and with another runner into two fresh data
 * directories and asserts equal contents (see {@link IngestSnapshot}).
 *
 * <p>The input folder holds both sample reports, a second copy of the FY2019 report that differs
 * only in a trailing PDF comment (so two files of one series and year meet in one run and one must
 * supersede the other, whichever worker finishes first), and a file that is not a PDF (a dead
 * letter written by a worker).
 */
final class RunnerEquivalence {
  private RunnerEquivalence() {}

  record Result(IngestSnapshot direct, IngestSnapshot other) {}

  static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, RunnerEquivalence.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  static Path inputs(Path tmp) {
    Path in = tmp.resolve("otaru");
    try {
      Files.createDirectories(in);
      IngestSnapshot.copy(Fixtures.samplePdf("h30"), in.resolve("otaru-sogo-senryaku-h30.pdf"));
      IngestSnapshot.copy(Fixtures.samplePdf("h31"), in.resolve("otaru-sogo-senryaku-h31.pdf"));
      Corpus.copy(Fixtures.samplePdf("h31"), in.resolve("otaru-sogo-senryaku-h31-rev.pdf"), 1);
      Files.writeString(in.resolve("broken.pdf"), "not a PDF at all\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return in;
  }

  static Result compare(Path tmp, String runner) {
    Path in = inputs(tmp);
    IngestSnapshot direct =
        IngestSnapshot.ingest(tmp.resolve("data-direct"), List.of(in), null, "direct");
    IngestSnapshot other =
        IngestSnapshot.ingest(tmp.resolve("data-" + runner), List.of(in), null, runner);

    // What the DirectRunner left is the reference: check it is the real thing, not an empty run.
    IngestSummary summary = direct.summary();
    assertThat(summary.added()).isEqualTo(3);
    assertThat(summary.superseded()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(direct.relations().get("reports")).hasSize(3);
    assertThat(direct.relations().get("current_reports")).hasSize(2);
    assertThat(direct.relations().get("kpis")).hasSizeGreaterThan(100);
    assertThat(direct.relations().get("rejections")).hasSize(1);
    assertThat(direct.indexDocs()).hasSizeGreaterThan(100);
    for (String q : IngestSnapshot.QUERIES) {
      assertThat(direct.searches().get(q)).as("hits for %s", q).isNotEmpty();
    }

    assertThat(other.summary().files()).isEqualTo(summary.files());
    assertThat(other.printed()).isEqualTo(direct.printed());
    direct.assertSameContents(other, runner);
    return new Result(direct, other);
  }
}
