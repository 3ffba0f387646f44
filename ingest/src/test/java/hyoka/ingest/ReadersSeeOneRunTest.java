package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.search.SearchHit;
import hyoka.search.SearchIndex;
import hyoka.search.SearchRequest;
import hyoka.search.SearchResponse;
import hyoka.search.SearchSnapshot;
import hyoka.search.SearchSql;
import hyoka.search.Searcher;
import hyoka.transform.Fixtures;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers in a loop while an ingest publishes a second report: every answer is wholly the first run
 * or wholly the second: the warehouse tables, {@code search()} in SQL joined with them, and the
 * search hits, through {@link SearchSnapshot}, through the CLI's and notebooks' {@link
 * SearchSql#prepare} on a plain warehouse connection, and through hyoka search's {@link
 * SearchSnapshot#openSearcher} (the commit of the live warehouse file, without DuckDB).
 */
class ReadersSeeOneRunTest {
  @TempDir Path dir;

  private static final String QUERY =
      "SELECT (SELECT count(*) FROM reports) AS reports,"
          + " (SELECT max(run_id) FROM runs) AS run,"
          + " (SELECT count(*) FROM search('除雪', all_reports := true)) AS hits,"
          + " (SELECT count(*) FROM search('除雪', all_reports := true) s"
          + "  LEFT JOIN reports r USING (report_id) WHERE r.report_id IS NULL) AS orphans";

  /** run, reports, hits of one answer. */
  record Answer(long run, long reports, long hits) {}

  @Test
  void everyReadIsOfOneRunWhileAnIngestPublishes() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("h30.pdf"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("h31.pdf"));
    Path data = dir.resolve("data");
    IngestRunTest.ingest(data, List.of(h30), null);
    Warehouse warehouse = new Warehouse(data);
    Path index = data.resolve("index");

    ExecutorService pool = Executors.newSingleThreadExecutor();
    Map<Long, Answer> byRun = new TreeMap<>();
    int reads = 0;
    int whileStaging = 0;
    try {
      Future<IngestRunTest.Run> second =
          pool.submit(() -> IngestRunTest.ingest(data, List.of(h31), null));
      // Whether the ingest was done is taken before each read, so that the loop ends only after a
      // read that started once the ingest had finished: a read that began before the rename may
      // end after the ingest, and would otherwise be the last.
      boolean done = false;
      while (!done || reads < 6) {
        done = second.isDone();
        boolean staging = Files.exists(data.resolve("warehouse.staging.duckdb"));
        Answer a =
            switch (reads % 3) {
              case 0 -> readSnapshot(warehouse, index);
              case 1 -> readSql(warehouse, index);
              default -> readSearcher(warehouse, index);
            };
        Answer before = byRun.putIfAbsent(a.run(), a);
        assertThat(a).as("read %d", reads).isEqualTo(before == null ? a : before);
        assertThat(a.reports()).as("reports of run %d", a.run()).isEqualTo(a.run());
        reads++;
        whileStaging += staging ? 1 : 0;
      }
      assertThat(second.get().summary().runId()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "readers: %d reads, %d while the run was staged and indexed: %s%n",
        reads, whileStaging, byRun);
    assertThat(byRun).containsOnlyKeys(1L, 2L);
    assertThat(byRun.get(2L).hits()).isGreaterThan(byRun.get(1L).hits());
    assertThat(whileStaging).isPositive();
    // the index keeps the commits of the last runs for readers of the older warehouse
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(2);
  }

  /** The reader API: one snapshot for SQL, search() in SQL and the search itself. */
  private static Answer readSnapshot(Warehouse warehouse, Path index) {
    try (SearchSnapshot s = SearchSnapshot.open(warehouse::openReadOnly, index)) {
      Answer a = answer(Warehouse.query(s.connection(), s.prepareSql(QUERY)));
      assertThat(a.run()).isEqualTo(s.runId());
      SearchResponse direct = s.search(SearchRequest.of("除雪").withLimit(1000).withSuperseded(true));
      assertThat(direct.total()).isEqualTo(a.hits());
      return a;
    }
  }

  /** What hyoka sql and the notebooks do: a warehouse connection, then search() rewritten. */
  private static Answer readSql(Warehouse warehouse, Path index) throws Exception {
    try (Connection c = warehouse.openReadOnly()) {
      return answer(Warehouse.query(c, SearchSql.prepare(c, index, QUERY)));
    }
  }

  /**
   * What hyoka search does: the commit of the live warehouse file's run, found by the file's id
   * (or, should it match no commit, by asking DuckDB).
   */
  private static Answer readSearcher(Warehouse warehouse, Path index) {
    try (Searcher s =
        SearchSnapshot.openSearcher(warehouse.dbFile(), warehouse::openReadOnly, index)) {
      SearchResponse r = s.search(SearchRequest.of("除雪").withLimit(10_000).withSuperseded(true));
      long reports = r.hits().stream().map(SearchHit::reportId).distinct().count();
      return new Answer(s.runId(), reports, r.total());
    }
  }

  private static Answer answer(QueryResult r) {
    List<Object> row = r.rows().get(0);
    assertThat(((Number) row.get(3)).longValue())
        .as("hits of reports the warehouse lacks")
        .isZero();
    return new Answer(
        ((Number) row.get(1)).longValue(),
        ((Number) row.get(0)).longValue(),
        ((Number) row.get(2)).longValue());
  }
}
