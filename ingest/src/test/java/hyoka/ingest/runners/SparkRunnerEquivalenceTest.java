package hyoka.ingest.runners;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestSummary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest on Spark ({@code local[N]} in-process) leaves exactly the warehouse and index the
 * DirectRunner leaves. Needs the runner on the classpath: {@code mvn -Pspark -pl ingest -am verify
 * -Dtest=SparkRunnerEquivalenceTest -Dsurefire.failIfNoSpecifiedTests=false}; skipped in the
 * default (lean) build.
 */
@EnabledIf("sparkOnClasspath")
class SparkRunnerEquivalenceTest {
  static boolean sparkOnClasspath() {
    return RunnerEquivalence.onClasspath("org.apache.beam.runners.spark.SparkRunner");
  }

  @Test
  void sparkIngestEqualsDirectIngest(@TempDir Path tmp) {
    RunnerEquivalence.Result result = RunnerEquivalence.compare(tmp, "spark");

    IngestSummary spark = result.other().summary();
    assertThat(spark.added()).isEqualTo(3);
    assertThat(spark.rejected()).isEqualTo(1);
  }
}
