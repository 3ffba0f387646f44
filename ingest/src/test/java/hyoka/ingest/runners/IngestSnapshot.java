package hyoka.ingest.runners;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestRequest;
import hyoka.ingest.IngestRun;
import hyoka.ingest.IngestSummary;
import hyoka.search.SearchHit;
import hyoka.search.SearchRequest;
import hyoka.search.Searcher;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Everything an ingest leaves in a data directory, in a form two runs can be compared by: every row
 * of every warehouse table and view (ordered; timestamp columns left out because they record when
 * the run happened), every stored field of every live index document, and the full hit lists of a
 * few searches.
 *
 * <p>The runner-equivalence tests ingest the same files once per runner into fresh data directories
 * and require equal snapshots: the runner may change how the work is spread over workers, never
 * what ends up in the warehouse or the index.
 */
record IngestSnapshot(
    IngestSummary summary,
    String printed,
    Map<String, List<List<Object>>> relations,
    List<String> indexDocs,
    Map<String, List<SearchHit>> searches) {

  /** Searches whose hit lists are compared: words that occur in the sample reports. */
  static final List<String> QUERIES = List.of("除雪", "空き家", "高齢者", "観光 OR 移住");

  /** Ingests {@code inputs} into a fresh {@code dataDir} with {@code runner} and reads it back. */
  static IngestSnapshot ingest(Path dataDir, List<Path> inputs, String series, String runner) {
    StringWriter printed = new StringWriter();
    IngestSummary summary;
    try (PrintWriter out = new PrintWriter(printed)) {
      summary = new IngestRun().run(new IngestRequest(dataDir, inputs, series, runner, out));
    }
    return new IngestSnapshot(
        summary,
        printed.toString(),
        relations(new Warehouse(dataDir)),
        indexDocs(dataDir.resolve("index")),
        searches(dataDir.resolve("index")));
  }

  /** Table or view name → all rows, ordered by every column, timestamps left out. */
  static Map<String, List<List<Object>>> relations(Warehouse warehouse) {
    Map<String, List<List<Object>>> all = new TreeMap<>();
    try (Connection c = warehouse.openReadOnly()) {
      Map<String, List<String>> columns = new LinkedHashMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT table_name, column_name, data_type FROM information_schema.columns"
                      + " WHERE table_schema = 'main' ORDER BY table_name, ordinal_position")) {
        while (rs.next()) {
          List<String> cols = columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
          if (!rs.getString(3).startsWith("TIMESTAMP")) {
            cols.add('"' + rs.getString(2) + '"');
          }
        }
      }
      for (Map.Entry<String, List<String>> e : columns.entrySet()) {
        String sql =
            "SELECT "
                + String.join(", ", e.getValue())
                + " FROM \""
                + e.getKey()
                + "\" ORDER BY ALL";
        all.put(e.getKey(), Warehouse.query(c, sql).rows());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + warehouse.dbFile(), e);
    }
    return all;
  }

  /** Every live document of the index as its stored fields, sorted, one string per document. */
  static List<String> indexDocs(Path indexDir) {
    List<String> docs = new ArrayList<>();
    try (Directory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Bits live = MultiBits.getLiveDocs(reader);
      StoredFields stored = reader.storedFields();
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live != null && !live.get(i)) {
          continue;
        }
        Document doc = stored.document(i);
        List<String> fields = new ArrayList<>();
        for (IndexableField f : doc.getFields()) {
          String value =
              f.stringValue() != null
                  ? f.stringValue()
                  : f.numericValue() != null
                      ? f.numericValue().toString()
                      : f.binaryValue() != null
                          ? new String(
                              f.binaryValue().bytes,
                              f.binaryValue().offset,
                              f.binaryValue().length,
                              StandardCharsets.UTF_8)
                          : "";
          fields.add(f.name() + "=" + value);
        }
        fields.sort(null);
        docs.add(String.join("\u0001", fields));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    docs.sort(null);
    return docs;
  }

  static Map<String, List<SearchHit>> searches(Path indexDir) {
    Map<String, List<SearchHit>> hits = new LinkedHashMap<>();
    try (Searcher searcher = new Searcher(indexDir)) {
      for (String q : QUERIES) {
        hits.put(q, searcher.search(SearchRequest.of(q).withLimit(50).withSuperseded(true)).hits());
      }
    }
    return hits;
  }

  /** Asserts that {@code other} left exactly what this snapshot holds. */
  void assertSameContents(IngestSnapshot other, String otherRunner) {
    assertThat(other.relations.keySet())
        .as("tables and views after the %s run", otherRunner)
        .isEqualTo(relations.keySet());
    for (String name : relations.keySet()) {
      assertThat(other.relations.get(name))
          .as("rows of %s after the %s run", name, otherRunner)
          .containsExactlyElementsOf(relations.get(name));
    }
    assertThat(other.indexDocs)
        .as("stored index documents after the %s run", otherRunner)
        .containsExactlyElementsOf(indexDocs);
    for (String q : QUERIES) {
      assertThat(other.searches.get(q))
          .as("hits for %s after the %s run", q, otherRunner)
          .containsExactlyElementsOf(searches.get(q));
    }
  }

  static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
