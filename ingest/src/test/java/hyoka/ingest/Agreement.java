package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.search.SearchIndex;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Checks that a data directory's search index and warehouse agree, the way a reader would notice if
 * they did not: the same reports with the same superseded state, the index's commit naming the
 * warehouse's last run, one document per text (no duplicates), and as many KPI documents per report
 * as the warehouse has named KPI rows.
 */
final class Agreement {
  private Agreement() {}

  /** Asserts agreement; returns report_id → superseded_by ("" when current). */
  static Map<String, String> assertAgree(Path dataDir) throws IOException, SQLException {
    Warehouse warehouse = new Warehouse(dataDir);
    Path indexDir = dataDir.resolve("index");
    assertThat(SearchIndex.indexedRun(indexDir)).as("index run").isEqualTo(warehouse.lastRunId());
    Map<String, String> sqlReports = new TreeMap<>();
    Map<String, Long> sqlKpis = new TreeMap<>();
    try (Connection c = warehouse.openReadOnly();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT report_id, coalesce(superseded_by, '') FROM reports")) {
        while (rs.next()) {
          sqlReports.put(rs.getString(1), rs.getString(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT r.report_id, count(k.name) FILTER (WHERE trim(k.name) <> '')"
                  + " FROM reports r LEFT JOIN kpis k USING (report_id) GROUP BY r.report_id")) {
        while (rs.next()) {
          sqlKpis.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    Map<String, String> indexReports = new TreeMap<>();
    try (FSDirectory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      Set<String> ids = new HashSet<>();
      long texts = 0;
      for (int d = 0; d < reader.maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        Document doc = stored.document(d);
        if ("report".equals(doc.get("doc_type"))) {
          assertThat(indexReports.put(doc.get("report_id"), doc.get("superseded_by")))
              .as("marker of %s indexed once", doc.get("report_id"))
              .isNull();
        } else {
          texts++;
          assertThat(ids.add(doc.get("id"))).as("text %s indexed once", doc.get("id")).isTrue();
        }
      }
      assertThat(indexReports).as("reports in index vs warehouse").isEqualTo(sqlReports);
      long perReport = 0;
      for (String id : sqlReports.keySet()) {
        long kpiDocs =
            searcher.count(
                new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("report_id", id)), Occur.FILTER)
                    .add(new TermQuery(new Term("kind", "kpi")), Occur.FILTER)
                    .build());
        assertThat(kpiDocs).as("KPI documents of %s", id).isEqualTo(sqlKpis.get(id));
        perReport +=
            searcher.count(
                new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("report_id", id)), Occur.FILTER)
                    .add(new TermQuery(new Term("doc_type", "text")), Occur.FILTER)
                    .build());
      }
      assertThat(perReport).as("every text belongs to a warehouse report").isEqualTo(texts);
    }
    return sqlReports;
  }
}
