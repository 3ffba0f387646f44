package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import hyoka.warehouse.PublishResult;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index against the real warehouse module: its tables and types are what sync reads, and a
 * newer file for the same series and year drops the older one out of default results.
 */
class WarehouseSyncTest {
  @TempDir Path tmp;

  private PublishResult publish(Warehouse w, IngestedReport r) {
    Path dir = tmp.resolve("shards").resolve(r.reportId());
    ReportShard.write(r, dir);
    return w.publish(
        List.of(dir), new RunStats(Instant.parse("2026-11-28T10:00:00Z"), 0, List.of()));
  }

  @Test
  void indexFollowsPublishedRuns() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    Path index = tmp.resolve("data").resolve("index");
    IngestedReport first = MiniSample.report("d".repeat(64), "otaru", 2019);
    PublishResult run1 = publish(w, first);
    try (Connection c = w.openReadOnly()) {
      assertThat(SearchIndex.sync(c, index, run1.runId())).isEqualTo(25);
    }
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(run1.runId());
    try (Searcher s = new Searcher(index)) {
      SearchResponse r = s.search(SearchRequest.of("除雪"));
      assertThat(r.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.projectNo()).isEqualTo(8));
      SearchHit top = r.hits().get(0);
      assertThat(top.kpis())
          .extracting(k -> k.name() + "=" + k.score().toPlainString() + "/" + k.achieved())
          .containsExactly("市民の声「除雪依頼」件数=100.0/true", "市民の声「排雪依頼」件数=100.0/true");
      assertThat(top.department()).isEqualTo("建設部");
      assertThat(top.projectKey()).isNotBlank();
    }

    IngestedReport second = MiniSample.report("e".repeat(64), "otaru", 2019);
    PublishResult run2 = publish(w, second);
    try (Connection c = w.openReadOnly()) {
      // the first report is re-indexed as superseded, the second added
      assertThat(SearchIndex.sync(c, index, run2.runId())).isEqualTo(75);
    }
    try (Searcher s = new Searcher(index)) {
      assertThat(s.search(SearchRequest.of("除雪")).hits())
          .extracting(SearchHit::reportId)
          .containsOnly(second.reportId());
      assertThat(s.search(SearchRequest.of("除雪").withSuperseded(true)).hits())
          .extracting(SearchHit::reportId)
          .containsOnly(first.reportId(), second.reportId());
    }
  }
}
