package hyoka.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer pipeline builds the index a Tika + Kuromoji user would have: one stored document per
 * file.
 */
class PeerPipelineTest {
  @Test
  void indexesEachFilesWholeTextSearchableInJapanese(@TempDir Path tmp) throws Exception {
    List<Path> files = List.of(Fixtures.samplePdf("h30"), Fixtures.samplePdf("h31"));
    Path index = tmp.resolve("index");

    long pages = PeerPipeline.run(files, index, 2);

    assertThat(pages).isEqualTo(72); // 36 pages each, as Tika counts them
    assertThat(PeerPipeline.documents(index)).isEqualTo(2);
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        JapaneseAnalyzer analyzer = new JapaneseAnalyzer()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs hits = searcher.search(new QueryParser(PeerPipeline.TEXT, analyzer).parse("除雪"), 10);
      assertThat(hits.totalHits.value).isEqualTo(2);
      StoredFields stored = reader.storedFields();
      for (var hit : hits.scoreDocs) {
        // the whole text is stored: the first page's project and the last one are both there
        String text = stored.document(hit.doc).get(PeerPipeline.TEXT);
        assertThat(text)
            .contains("除雪")
            .contains("（１）あずましい暮らしプロジェクト")
            .contains("三市区（小樽市、石狩市、札幌市手稲区）");
        assertThat(stored.document(hit.doc).get(PeerPipeline.PATH))
            .isIn(files.get(0).toString(), files.get(1).toString());
      }
    }
  }
}
