package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sync bookkeeping: the index follows the warehouse (added, superseded, deleted reports). */
class SearchIndexTest {
  @TempDir Path tmp;

  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  @Test
  void syncAddsSupersedesAndDeletesReports() throws Exception {
    Path index = tmp.resolve("index");
    assertThat(SearchIndex.indexedRun(index)).isZero();
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"))) {
      IngestedReport a = MiniSample.report(SHA_A, "otaru", 2019);
      TestWarehouse.insert(c, a, 1);
      // budget texts 3 + 6 + 3, narratives 2 + 1 + 1, kpis 1 + 1 + 2, target bases 1 + 0 + 2,
      // descriptions of 3 and 8, one name document per project
      long added = SearchIndex.sync(c, index, 1);
      assertThat(added).isEqualTo(12 + 4 + 4 + 3 + 2 + 3);
      assertThat(SearchIndex.indexedRun(index)).isEqualTo(1);
      assertThat(SearchIndex.sync(c, index, 2)).isZero();
      assertThat(SearchIndex.indexedRun(index)).isEqualTo(2);

      try (Searcher s = new Searcher(index)) {
        SearchResponse r = s.search(SearchRequest.of("除雪"));
        assertThat(r.hits()).extracting(SearchHit::projectNo).containsOnly(8);
        assertThat(r.hits().get(0).kpis()).extracting(KpiScore::kpiNo).containsExactly(1, 2);
      }

      IngestedReport b = MiniSample.report(SHA_B, "otaru", 2019);
      TestWarehouse.insert(c, b, 3);
      TestWarehouse.supersede(c, a.reportId(), b.reportId());
      // a is re-indexed as superseded (28 out, 28 in), b is added (28)
      assertThat(SearchIndex.sync(c, index, 3)).isEqualTo(28 * 3);
      try (Searcher s = new Searcher(index)) {
        assertThat(s.search(SearchRequest.of("除雪")).hits())
            .extracting(SearchHit::reportId)
            .containsOnly(b.reportId());
        List<SearchHit> all = s.search(SearchRequest.of("除雪").withSuperseded(true)).hits();
        assertThat(all).extracting(SearchHit::reportId).contains(a.reportId(), b.reportId());
        assertThat(all)
            .filteredOn(h -> h.reportId().equals(a.reportId()))
            .extracting(SearchHit::supersededBy)
            .containsOnly(b.reportId());
      }

      TestWarehouse.delete(c, a.reportId());
      assertThat(SearchIndex.sync(c, index, 4)).isEqualTo(28);
      try (Searcher s = new Searcher(index)) {
        assertThat(s.search(SearchRequest.of("除雪").withSuperseded(true)).hits())
            .extracting(SearchHit::reportId)
            .containsOnly(b.reportId());
      }
    }
  }

  @Test
  void aSyncThatFailsHalfWayLeavesThePreviousCommit() throws Exception {
    Path index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"))) {
      IngestedReport a = MiniSample.report(SHA_A, "otaru", 2019);
      TestWarehouse.insert(c, a, 1);
      SearchIndex.sync(c, index, 1);
      IngestedReport b = MiniSample.report(SHA_B, "otaru", 2018);
      TestWarehouse.insert(c, b, 2);
      TestWarehouse.delete(c, a.reportId());
      try (var s = c.createStatement()) {
        // b's texts cannot be read: the sync fails after deleting a's documents
        s.execute("ALTER TABLE kpis RENAME TO kpis_gone");
      }
      assertThatThrownBy(() -> SearchIndex.sync(c, index, 2))
          .isInstanceOf(HyokaException.class)
          .satisfies(
              e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.WAREHOUSE_ERROR))
          .hasMessageStartingWith("cannot read the warehouse for indexing: ");
      assertThat(SearchIndex.indexedRun(index)).isEqualTo(1);
      try (Searcher s = new Searcher(index)) {
        assertThat(s.search(SearchRequest.of("除雪").withSuperseded(true)).hits())
            .extracting(SearchHit::reportId)
            .containsOnly(a.reportId());
      }
      try (var s = c.createStatement()) {
        s.execute("ALTER TABLE kpis_gone RENAME TO kpis");
      }
      assertThat(SearchIndex.sync(c, index, 2)).isEqualTo(28 + 28);
      assertThat(SearchIndex.indexedRun(index)).isEqualTo(2);
      try (Searcher s = new Searcher(index)) {
        assertThat(s.search(SearchRequest.of("除雪").withSuperseded(true)).hits())
            .extracting(SearchHit::reportId)
            .containsOnly(b.reportId());
      }
    }
  }

  @Test
  void anIndexOfAnotherSchemaIsRebuiltFromTheWarehouse() throws Exception {
    Path index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"))) {
      TestWarehouse.insert(c, MiniSample.report(SHA_A, "otaru", 2019), 1);
      assertThat(SearchIndex.sync(c, index, 1)).isEqualTo(28);
      try (var dir = org.apache.lucene.store.FSDirectory.open(index);
          var w =
              new org.apache.lucene.index.IndexWriter(
                  dir, new org.apache.lucene.index.IndexWriterConfig())) {
        w.setLiveCommitData(java.util.Map.of("schema", "0", "warehouse_run", "1").entrySet());
        w.commit();
      }
      assertThat(SearchIndex.sync(c, index, 1)).isEqualTo(28 + 28);
      assertThat(SearchIndex.sync(c, index, 1)).isZero();
    }
  }

  @Test
  void aSecondWriterIsRefusedWithDataDirLocked() throws Exception {
    Path index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"))) {
      TestWarehouse.insert(c, MiniSample.report(SHA_A, "otaru", 2019), 1);
      SearchIndex.sync(c, index, 1);
      try (var dir = org.apache.lucene.store.FSDirectory.open(index);
          var w =
              new org.apache.lucene.index.IndexWriter(
                  dir, new org.apache.lucene.index.IndexWriterConfig())) {
        assertThatThrownBy(() -> SearchIndex.sync(c, index, 2))
            .isInstanceOf(HyokaException.class)
            .satisfies(
                e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.DATA_DIR_LOCKED))
            .hasMessage("search index " + index + " is being written by another process");
      }
      assertThat(SearchIndex.indexedRun(index)).isEqualTo(1);
    }
  }

  @Test
  void anEmptyWarehouseGivesAnEmptyIndexThatAnswers() throws Exception {
    Path index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"))) {
      assertThat(SearchIndex.sync(c, index, 7)).isZero();
    }
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(7);
    try (Searcher s = new Searcher(index)) {
      SearchResponse r = s.search(SearchRequest.of("除雪"));
      assertThat(r.total()).isZero();
      assertThat(r.hits()).isEmpty();
      assertThat(r.facets()).isEmpty();
    }
  }

  @Test
  void noIndexIsAnInputError() {
    assertThatThrownBy(() -> new Searcher(tmp.resolve("none")))
        .isInstanceOf(HyokaException.class)
        .hasMessage("no search index in " + tmp.resolve("none") + ": run hyoka ingest first");
  }

  @Test
  void sortableNumbersAreFixedWidthHexThatSortLikeTheNumbers() {
    int[] numbers = {
      Integer.MIN_VALUE, -70000, -1, 0, 1, 9, 10, 15, 16, 255, 4096, 70000, Integer.MAX_VALUE
    };
    for (int i = 0; i < numbers.length; i++) {
      String s = SearchIndex.sortable(numbers[i]);
      // The format the index had before (its doc values must not change).
      assertThat(s)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%08x", numbers[i] ^ Integer.MIN_VALUE));
      if (i > 0) {
        assertThat(s).isGreaterThan(SearchIndex.sortable(numbers[i - 1]));
      }
    }
  }
}
