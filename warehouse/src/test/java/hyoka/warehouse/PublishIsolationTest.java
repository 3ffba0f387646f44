package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers are never locked out by a publish and never see half a run. */
class PublishIsolationTest {
  @TempDir Path tmp;

  private Path shard(char sha, int fy) {
    IngestedReport r =
        HandReports.report(
            HandReports.sha(sha),
            fy,
            "244",
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sha));
    Path dir = tmp.resolve("shards").resolve(r.reportId());
    ReportShard.write(r, dir);
    return dir;
  }

  private static RunStats stats() {
    return new RunStats(Instant.parse("2026-01-01T00:00:00Z"), 0, List.of());
  }

  @Test
  void openReaderKeepsItsStateWhileAPublishReplacesTheFile() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    w.publish(List.of(shard('a', 2018)), stats());
    try (Connection before = w.openReadOnly()) {
      w.publish(List.of(shard('b', 2019)), stats());
      assertThat(Warehouse.query(before, "SELECT count(*) FROM reports").rows())
          .containsExactly(List.of(1L));
      assertThat(w.query("SELECT count(*) FROM reports").rows()).containsExactly(List.of(2L));
      assertThat(w.lastRunId()).isEqualTo(2);
    }
  }

  @Test
  void readersDuringAPublishSeeTheOldRunOrTheNewOneNeverPart() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    w.publish(List.of(shard('0', 2015)), stats());
    List<Path> shards = new ArrayList<>();
    String shas = "123456789abcdef";
    for (int i = 0; i < shas.length(); i++) {
      shards.add(shard(shas.charAt(i), 2016 + i % 4));
    }
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<PublishResult> publish = pool.submit(() -> w.publish(shards, stats()));
      List<Long> seen = new ArrayList<>();
      while (!publish.isDone()) {
        QueryResult r =
            w.query(
                "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM kpis), (SELECT count(*) FROM runs)");
        seen.add((Long) r.rows().get(0).get(0));
        // kpis and runs move together with reports: 2 KPIs per report, 1 run per publish
        assertThat(r.rows().get(0)).isIn(List.of(1L, 2L, 1L), List.of(16L, 32L, 2L));
      }
      assertThat(publish.get(60, TimeUnit.SECONDS).added()).isEqualTo(15);
      assertThat(seen).isNotEmpty().allMatch(n -> n == 1L || n == 16L);
      assertThat(w.query("SELECT count(*) FROM reports").rows()).containsExactly(List.of(16L));
    } finally {
      pool.shutdownNow();
    }
  }
}
