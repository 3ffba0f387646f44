package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the benchmark, so that the code behind the documented figures keeps working. */
class LoadBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void everyLoaderLoadsEveryRowOfEveryCopy() throws Exception {
    LoadBenchmark.Figures f = LoadBenchmark.measure(LoadBenchmark.sample(), 3, 1, tmp);
    long perCopy =
        ReportRows.of(Samples.ingested("h31")).values().stream()
            .mapToLong(java.util.List::size)
            .sum();
    assertThat(f.rowsPerRun()).isEqualTo(3 * perCopy);
    assertThat(f.millis()).containsOnlyKeys("arrow_stream", "appender", "appender_from_memory");
    assertThat(LoadBenchmark.report(f)).contains("kpis=73").contains("copies=3");
  }
}
