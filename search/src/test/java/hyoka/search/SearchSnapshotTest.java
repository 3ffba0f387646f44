package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index keeps the commits of the last runs, and a snapshot opens the commit of the run its
 * warehouse connection reads: four runs, each adding one copy of the mini sample.
 */
class SearchSnapshotTest {
  @TempDir Path tmp;

  @Test
  void eachRunsCommitIsKeptForItsReadersAndOlderOnesAreDeleted() throws Exception {
    Path index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"));
        Connection old = TestWarehouse.create(tmp.resolve("old.duckdb"))) {
      TestWarehouse.insert(old, MiniSample.report("0".repeat(64), "s0", 2019), 1);
      for (int run = 1; run <= 4; run++) {
        TestWarehouse.insert(c, MiniSample.report(("" + run).repeat(64), "s" + run, 2019), run);
        SearchIndex.sync(c, index, run);
        // a second sync of the same run replaces that run's commit
        SearchIndex.sync(c, index, run);
      }
      assertThat(commitRuns(index)).containsExactly("2", "3", "4");
      // the commit of run 2 holds the two reports of that run, the last one all four
      try (Searcher s2 = Searcher.forRun(index, 2);
          Searcher s4 = Searcher.forRun(index, 4)) {
        assertThat(s2.runId()).isEqualTo(2);
        assertThat(reports(s2)).isEqualTo(2);
        assertThat(reports(s4)).isEqualTo(4);
      }
      assertThatThrownBy(() -> Searcher.forRun(index, 1))
          .isInstanceOfSatisfying(
              HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INDEX_ERROR))
          .hasMessage(
              "search index "
                  + index
                  + " has no commit for warehouse run 1 (it keeps runs 2, 3, 4): reopen the"
                  + " warehouse to read a newer run, or run hyoka ingest to repair the index");

      try (SearchSnapshot s = SearchSnapshot.open(duplicates(c), index)) {
        assertThat(s.runId()).isEqualTo(4);
        assertThat(reports(s.searcher())).isEqualTo(4);
        String sql = s.prepareSql("SELECT count(DISTINCT report_id) FROM search('除雪')");
        assertThat(sql).doesNotContain("search(");
      }
      // a reader whose warehouse is of a run whose commit is gone opens the warehouse again
      try (SearchSnapshot s = SearchSnapshot.open(duplicates(old, c), index)) {
        assertThat(s.runId()).isEqualTo(4);
      }
      // one that never finds its run's commit gets the one-line reason
      assertThatThrownBy(() -> SearchSnapshot.open(duplicates(old, old, old, old, old), index))
          .isInstanceOf(HyokaException.class)
          .hasMessageContaining("has no commit for warehouse run 1");
    }
  }

  private static long reports(Searcher s) {
    return s.search(SearchRequest.of("除雪").withLimit(1000)).hits().stream()
        .map(SearchHit::reportId)
        .distinct()
        .count();
  }

  /** Opens a new connection to each database in turn. */
  private static Supplier<Connection> duplicates(Connection... dbs) {
    Deque<Connection> left = new ArrayDeque<>(List.of(dbs));
    return () -> {
      Connection db = left.size() > 1 ? left.pollFirst() : left.peekFirst();
      try {
        return db.unwrap(DuckDBConnection.class).duplicate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static List<String> commitRuns(Path index) throws Exception {
    try (FSDirectory dir = FSDirectory.open(index)) {
      return DirectoryReader.listCommits(dir).stream().map(RunCommitsPolicy::runOf).toList();
    }
  }
}
