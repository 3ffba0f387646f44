package hyoka.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestRequest;
import hyoka.ingest.IngestRun;
import hyoka.ingest.IngestSummary;
import hyoka.transform.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** A data directory holding both sample reports, made by ingesting samples/*.pdf as a user would. */
final class SampleData {
  private SampleData() {}

  static Path create(Path dataDir) {
    StringWriter log = new StringWriter();
    IngestSummary summary =
        new IngestRun()
            .run(
                new IngestRequest(
                    dataDir, List.of(Fixtures.samplesDir()), null, "direct", new PrintWriter(log, true)));
    assertThat(summary.rejected()).as("rejected samples; ingest said:\n%s", log).isZero();
    assertThat(summary.added()).as("samples added; ingest said:\n%s", log).isEqualTo(2);
    return dataDir;
  }

}
