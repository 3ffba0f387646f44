package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.IngestedReport;
import hyoka.warehouse.PublishResult;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
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
      assertThat(SearchIndex.sync(c, index, run1.runId())).isEqualTo(28);
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
      assertThat(SearchIndex.sync(c, index, run2.runId())).isEqualTo(28 * 3);
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

  @Test
  void anIndexOfAnOlderLayoutIsRebuiltBySync() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    Path index = tmp.resolve("data").resolve("index");
    IngestedReport report = MiniSample.report("f".repeat(64), "otaru", 2019);
    PublishResult run = publish(w, report);
    // What schema 3 wrote: the bigram field with offsets in its postings.
    FieldType oldBigram = new FieldType(SearchIndex.BIGRAM_TYPE);
    oldBigram.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    try (FSDirectory dir = FSDirectory.open(index);
        IndexWriter writer =
            new IndexWriter(dir, new IndexWriterConfig(SearchIndex.indexAnalyzer()))) {
      Document marker = new Document();
      marker.add(new StringField(IndexFields.DOC_TYPE, IndexFields.TYPE_REPORT, Field.Store.YES));
      marker.add(new StringField(IndexFields.REPORT_ID, report.reportId(), Field.Store.YES));
      writer.addDocument(marker);
      Document text = new Document();
      text.add(new StringField(IndexFields.DOC_TYPE, IndexFields.TYPE_TEXT, Field.Store.YES));
      text.add(new StringField(IndexFields.REPORT_ID, report.reportId(), Field.Store.YES));
      text.add(new Field(IndexFields.TEXT_BIGRAM, "駆け込み", oldBigram));
      writer.addDocument(text);
      // the premise: today's bigram field cannot join that field
      Document today = new Document();
      today.add(new Field(IndexFields.TEXT_BIGRAM, "駆け込み", SearchIndex.BIGRAM_TYPE));
      assertThatThrownBy(() -> writer.addDocument(today))
          .isInstanceOf(IllegalArgumentException.class);
      writer.setLiveCommitData(
          Map.of(IndexFields.COMMIT_RUN, "1", IndexFields.COMMIT_SCHEMA, "3").entrySet());
      writer.commit();
    }

    try (Connection c = w.openReadOnly()) {
      // the old text is dropped, the report's 28 texts indexed anew
      assertThat(SearchIndex.sync(c, index, run.runId())).isEqualTo(29);
    }
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(run.runId());
    try (Searcher s = new Searcher(index)) {
      SearchResponse r = s.search(SearchRequest.of("駆け込"));
      assertThat(r.field()).isEqualTo("text_bigram");
      assertThat(r.hits()).extracting(SearchHit::reportId).containsOnly(report.reportId());
      assertThat(r.hits().get(0).snippet()).contains("«駆け込»み");
    }
  }
}
