package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportShardTest {
  @TempDir Path tmp;

  @Test
  void sampleRoundTripsThroughArrowFiles() {
    IngestedReport h31 = Samples.ingested("h31");
    Path dir = tmp.resolve("shard");
    ReportShard.write(h31, dir);
    var expected = ReportRows.of(h31);
    for (TableSpec t : Tables.SHARD_TABLES) {
      assertThat(ReportShard.read(dir, t))
          .as(t.name())
          .containsExactlyElementsOf(expected.get(t.name()));
    }
    ShardReport id = ReportShard.identity(dir);
    assertThat(id.reportId()).isEqualTo(h31.reportId());
    assertThat(id.sha256()).isEqualTo(h31.sha256());
    assertThat(id.fiscalYear()).isEqualTo(2019);
    assertThat(id.series()).isEqualTo("samples");
  }

  @Test
  void parallelWritersLeaveWholeShardsAndNoTemporaryDirectories() throws Exception {
    IngestedReport h30 = Samples.ingested("h30");
    IngestedReport h31 = Samples.ingested("h31");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writes = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        IngestedReport r = i % 2 == 0 ? h30 : h31;
        Path dir = tmp.resolve("shards").resolve("s" + i);
        writes.add(pool.submit(() -> ReportShard.write(r, dir)));
      }
      for (Future<?> f : writes) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    // a retried write replaces the shard
    ReportShard.write(h31, tmp.resolve("shards").resolve("s0"));
    try (Stream<Path> dirs = Files.list(tmp.resolve("shards"))) {
      assertThat(dirs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7");
    }
    for (int i = 0; i < 8; i++) {
      Path dir = tmp.resolve("shards").resolve("s" + i);
      assertThat(ReportShard.identity(dir).fiscalYear())
          .isEqualTo(i % 2 == 0 && i != 0 ? 2018 : 2019);
      assertThat(ReportShard.read(dir, Tables.KPIS)).hasSize(73);
    }
  }
}
