package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search('…') in SQL: hits become a table on a read-only warehouse connection. */
class SearchSqlTest {
  @TempDir static Path tmp;
  static Path db;
  static Path index;

  @BeforeAll
  static void warehouse() throws Exception {
    db = tmp.resolve("w.duckdb");
    index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(db)) {
      TestWarehouse.insert(c, MiniSample.report("c".repeat(64), "otaru", 2019), 1);
      SearchIndex.sync(c, index, 1);
    }
  }

  static Connection readOnly() throws Exception {
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection("jdbc:duckdb:" + db, p);
  }

  static List<String> rows(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  @Test
  void hitsJoinTheKpisOfTheirProject() throws Exception {
    try (Connection c = readOnly()) {
      String sql =
          SearchSql.prepare(
              c,
              index,
              "SELECT DISTINCT k.name, k.score FROM search('除雪') s JOIN kpis k USING (report_id, project_no) ORDER BY k.name");
      assertThat(sql).doesNotContain("search(").contains("hyoka_search_");
      assertThat(rows(c, sql)).containsExactly("市民の声「排雪依頼」件数|100.00", "市民の声「除雪依頼」件数|100.00");
    }
  }

  @Test
  void hitsCanBeCountedAndRanked() throws Exception {
    try (Connection c = readOnly()) {
      String sql =
          SearchSql.prepare(
              c,
              index,
              "SELECT project_no, count(*), min(rank) FROM SEARCH('空き家') GROUP BY project_no ORDER BY project_no");
      // 空き家 and its variant 空家: project 3 (one purpose text) and project 7 (all its texts but the
      // implementation of item 2 and the KPI name, which say 空家 too: 管理不全な空家等)
      List<String> r = rows(c, sql);
      assertThat(r).hasSize(2);
      assertThat(r.get(0)).startsWith("3|1|");
      assertThat(r.get(1)).startsWith("7|");
      String limited = SearchSql.prepare(c, index, "SELECT count(*) FROM search('空き家', 2)");
      assertThat(rows(c, limited)).containsExactly("2");
      String snippet =
          SearchSql.prepare(c, index, "SELECT snippet FROM search('除雪', 1) WHERE rank = 1");
      assertThat(rows(c, snippet).get(0)).contains("«除雪»");
    }
  }

  @Test
  void snippetsAreComputedOnlyWhenTheStatementCanReadThem() throws Exception {
    assertThat(SearchSql.needsSnippets("SELECT count(*) FROM search('除雪')")).isFalse();
    assertThat(SearchSql.needsSnippets("SELECT project_no, rank FROM search('除雪')")).isFalse();
    assertThat(SearchSql.needsSnippets("SELECT * FROM search('除雪')")).isTrue();
    assertThat(
            SearchSql.needsSnippets(
                "SELECT k.name, s.* FROM search('除雪') s JOIN kpis k USING (report_id)"))
        .isTrue();
    assertThat(SearchSql.needsSnippets("SELECT DISTINCT * FROM search('除雪')")).isTrue();
    assertThat(SearchSql.needsSnippets("SELECT Snippet FROM search('除雪')")).isTrue();
    try (Connection c = readOnly()) {
      String sql =
          SearchSql.prepare(c, index, "SELECT project_no, snippet IS NULL FROM search('除雪', 1)");
      assertThat(rows(c, sql)).containsExactly("8|false");
      String table =
          SearchSql.prepare(c, index, "SELECT count(*) FROM search('除雪')")
              .replaceAll(".*FROM (hyoka_search_\\w+).*", "$1");
      assertThat(rows(c, "SELECT count(*), count(snippet) FROM " + table))
          .containsExactly(rows(c, "SELECT count(*) FROM " + table).get(0) + "|0");
    }
  }

  @Test
  void sqlWithoutSearchIsUnchanged() throws Exception {
    try (Connection c = readOnly()) {
      String sql = "SELECT count(*) FROM research_notes WHERE x = 'search(''a'')'";
      assertThat(SearchSql.prepare(c, tmp.resolve("no-index"), sql)).isEqualTo(sql);
      assertThat(SearchSql.prepare(c, tmp.resolve("no-index"), "SELECT my_search('a')"))
          .isEqualTo("SELECT my_search('a')");
    }
  }

  @Test
  void badQueryTextIsBadQuery() throws Exception {
    try (Connection c = readOnly()) {
      assertThatThrownBy(() -> SearchSql.prepare(c, index, "SELECT * FROM search('\"除雪')"))
          .isInstanceOf(HyokaException.class)
          .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.BAD_QUERY))
          .hasMessage("query '\"除雪' has an unbalanced quote: close the phrase with \"");
      assertThatThrownBy(() -> SearchSql.prepare(c, index, "SELECT * FROM search('(除雪')"))
          .isInstanceOf(HyokaException.class)
          .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.BAD_QUERY))
          .hasMessageStartingWith("cannot parse query '(除雪': ")
          .hasMessageNotContaining("\n");
    }
  }
}
