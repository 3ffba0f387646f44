package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync adds documents from several threads, so Lucene doc ids no longer follow the warehouse
 * order. Hits of equal score and year must still rank the same way every time: by report, project,
 * kind and item. Four identical copies of H31 (own series each) make every hit a four-way tie.
 */
class SearchTieOrderTest {
  @TempDir Path tmp;

  @Test
  void equalHitsRankByReportProjectKindItemWhateverTheIndexingOrder() throws Exception {
    ParsedReport h31 = Samples.parse("h31");
    List<IngestedReport> copies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      copies.add(Samples.ingested(h31, "copy-" + i, i));
    }
    Path index = Samples.publishAndIndex(tmp.resolve("data"), copies);
    try (Searcher s = new Searcher(index)) {
      List<SearchHit> hits = s.search(SearchRequest.of("除雪").withLimit(SearchSql.ALL)).hits();
      assertThat(hits).hasSizeGreaterThan(8);
      Comparator<SearchHit> tieOrder =
          Comparator.comparing(SearchHit::reportId)
              .thenComparingInt(SearchHit::projectNo)
              .thenComparing(SearchHit::kind)
              .thenComparingInt(h -> h.itemNo() == null ? 0 : h.itemNo());
      int ties = 0;
      for (int i = 1; i < hits.size(); i++) {
        SearchHit a = hits.get(i - 1);
        SearchHit b = hits.get(i);
        assertThat(b.relevance()).isLessThanOrEqualTo(a.relevance());
        if (a.relevance() == b.relevance() && a.fiscalYear() == b.fiscalYear()) {
          ties++;
          assertThat(tieOrder.compare(a, b)).as("%s before %s", a, b).isLessThan(0);
        }
      }
      // each text is in four copies: at least three ties per distinct text
      assertThat(ties).isGreaterThanOrEqualTo(hits.size() * 3 / 4);
    }
  }
}
