package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written by another version of hyoka (its commit names another index schema) is refused
 * in one line that says how to rebuild it, not read field by field into a crash.
 */
class IndexSchemaTest {
  @TempDir Path tmp;

  /** Makes the index's last commit say it was written with index schema {@code schema}. */
  static void stamp(Path indexDir, String schema) throws Exception {
    try (Directory dir = FSDirectory.open(indexDir);
        IndexWriter w =
            new IndexWriter(
                dir,
                new IndexWriterConfig(new StandardAnalyzer())
                    .setIndexDeletionPolicy(new RunCommitsPolicy()))) {
      Map<String, String> data = new HashMap<>();
      w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
      data.put(IndexFields.COMMIT_SCHEMA, schema);
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

  @Test
  void anIndexOfAnotherSchemaIsRefusedWithHowToRebuildIt() throws Exception {
    Path index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"))) {
      TestWarehouse.insert(c, MiniSample.report("f".repeat(64), "otaru", 2019), 1);
      SearchIndex.sync(c, index, 1);
    }
    try (Searcher s = Searcher.forRun(index, 1)) {
      assertThat(s.search(SearchRequest.of("除雪")).total()).isPositive();
    }
    assertThat(SearchIndex.lastCommit(index).schema()).isEqualTo(SearchIndex.SCHEMA);

    stamp(index, "5");
    assertThat(SearchIndex.lastCommit(index).schema()).isEqualTo("5");
    assertThatThrownBy(() -> Searcher.forRun(index, 1))
        .isInstanceOfSatisfying(
            HyokaException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INDEX_OUTDATED);
              assertThat(e.code().type()).isEqualTo(ErrorCode.Type.INPUT);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "search index "
                          + index
                          + " was written by another version of hyoka (index schema 5; this one"
                          + " reads "
                          + SearchIndex.SCHEMA
                          + "): run hyoka ingest once to rebuild it");
            });
  }
}
