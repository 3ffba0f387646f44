package hyoka.ingest.runners;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestSummary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest on Flink (an embedded {@code [local]} cluster, one task slot per core) leaves exactly
 * the warehouse and index the DirectRunner leaves. Needs the runner on the classpath: {@code mvn
 * -Pflink -pl ingest -am verify -Dtest=FlinkRunnerEquivalenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; skipped in the default (lean) build.
 */
@EnabledIf("flinkOnClasspath")
class FlinkRunnerEquivalenceTest {
  static boolean flinkOnClasspath() {
    return RunnerEquivalence.onClasspath("org.apache.beam.runners.flink.FlinkRunner");
  }

  @Test
  void flinkIngestEqualsDirectIngest(@TempDir Path tmp) {
    RunnerEquivalence.Result result = RunnerEquivalence.compare(tmp, "flink");

    IngestSummary flink = result.other().summary();
    assertThat(flink.added()).isEqualTo(3);
    assertThat(flink.rejected()).isEqualTo(1);
  }
}
