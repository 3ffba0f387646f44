package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
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

  /**
   * A searcher for a reader that only searches finds the commit of the live warehouse file's run by
   * the file's id, without a warehouse connection (the supplier fails if asked), as an ingest
   * publishes: the staging copy is loaded, closed, indexed with its id, then renamed into place.
   */
  @Test
  void searcherFindsTheCommitOfTheLiveFileWithoutTheWarehouse() throws Exception {
    Path index = tmp.resolve("index");
    Path live = tmp.resolve("warehouse.duckdb");
    Path staging = tmp.resolve("warehouse.staging.duckdb");
    Supplier<Connection> noWarehouse =
        () -> {
          throw new AssertionError("the warehouse was opened");
        };
    publish(live, null, 1, index);
    try (Searcher s = SearchSnapshot.openSearcher(live, noWarehouse, index)) {
      assertThat(s.runId()).isEqualTo(1);
      assertThat(reports(s)).isEqualTo(1);
    }

    // run 2 is indexed, not yet live (an ingest killed before the rename): readers get run 1
    publish(staging, live, 2, index);
    assertThat(commitRuns(index)).containsExactly("1", "2");
    try (Searcher s = SearchSnapshot.openSearcher(live, noWarehouse, index)) {
      assertThat(s.runId()).isEqualTo(1);
      assertThat(reports(s)).isEqualTo(1);
    }
    Files.move(staging, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (Searcher s = SearchSnapshot.openSearcher(live, noWarehouse, index)) {
      assertThat(s.runId()).isEqualTo(2);
      assertThat(reports(s)).isEqualTo(2);
    }

    // a copy of the data directory has another file key: its run is read from the warehouse
    Path copy = Files.createDirectory(tmp.resolve("copy"));
    Path copied =
        Files.copy(live, copy.resolve("warehouse.duckdb"), StandardCopyOption.COPY_ATTRIBUTES);
    assertThat(WarehouseFileId.of(copied)).isNotEqualTo(WarehouseFileId.of(live));
    int[] opened = {0};
    Supplier<Connection> warehouse =
        () -> {
          opened[0]++;
          return readOnly(copied);
        };
    try (Searcher s = SearchSnapshot.openSearcher(copied, warehouse, index)) {
      assertThat(s.runId()).isEqualTo(2);
    }
    assertThat(opened[0]).isEqualTo(1);

    // so is the run of a live file changed since it was published (here: its time)
    Files.setLastModifiedTime(live, FileTime.fromMillis(0));
    Supplier<Connection> liveWarehouse =
        () -> {
          opened[0]++;
          return readOnly(live);
        };
    try (Searcher s = SearchSnapshot.openSearcher(live, liveWarehouse, index)) {
      assertThat(s.runId()).isEqualTo(2);
    }
    assertThat(opened[0]).isEqualTo(2);
  }

  /**
   * What a publish does to the warehouse file: {@code file} (a copy of {@code from}, if any) gets
   * one more report as run {@code run} and is closed (checkpointed); the index is synced from it
   * read-only, recording the file's id.
   */
  private static void publish(Path file, Path from, int run, Path index) throws Exception {
    if (from != null) {
      Files.copy(from, file, StandardCopyOption.COPY_ATTRIBUTES);
    }
    try (Connection c =
        from == null
            ? TestWarehouse.create(file)
            : DriverManager.getConnection("jdbc:duckdb:" + file)) {
      TestWarehouse.insert(c, MiniSample.report(("" + run).repeat(64), "s" + run, 2019), run);
    }
    Optional<WarehouseFileId> id = WarehouseFileId.of(file);
    assertThat(id).isPresent();
    try (Connection c = readOnly(file)) {
      SearchIndex.sync(c, index, run, id);
    }
    // a read-only connection leaves the file as it was
    assertThat(WarehouseFileId.of(file)).isEqualTo(id);
  }

  private static Connection readOnly(Path file) {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    try {
      return DriverManager.getConnection("jdbc:duckdb:" + file, p);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
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
