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
          .hasMessageStartingWith("query '(除雪' has an unbalanced parenthesis: ")
          .hasMessageNotContaining("\n");
    }
  }

  @Test
  void namedFiltersParseInDuckDbTableFunctionSyntax() {
    List<SearchCall> calls =
        SearchCall.find(
            "SELECT * FROM search('市''s', 10, YEAR := 2019, department = '「建設」',\n"
                + " kind := 'KPI', all_reports := TRUE, min_score := -5, max_score := 50.5) s"
                + " JOIN search ( '除雪' ) t USING (report_id)"
                + " WHERE s.x = 'search(''a'' || 1)' AND t.y IN (SELECT * FROM search('b', project := 8,"
                + " group := 'あずましい', series := 'otaru', fiscal_year := '２０１８', limit := 3))");
    assertThat(calls).hasSize(3);
    SearchCall a = calls.get(0);
    assertThat(a.query()).isEqualTo("市's");
    assertThat(a.limit()).isEqualTo(10);
    assertThat(a.includeSuperseded()).isTrue();
    assertThat(a.filters())
        .isEqualTo(new SearchFilters(2019, null, null, "「建設」", null, "KPI", -5.0, 50.5));
    SearchCall b = calls.get(1);
    assertThat(b.query()).isEqualTo("除雪");
    assertThat(b.limit()).isEqualTo(SearchSql.ALL);
    assertThat(b.filters()).isEqualTo(SearchFilters.NONE);
    assertThat(b.includeSuperseded()).isFalse();
    SearchCall c = calls.get(2);
    assertThat(c.limit()).isEqualTo(3);
    assertThat(c.filters())
        .isEqualTo(new SearchFilters(2018, "otaru", "8", null, "あずましい", null, null, null));
  }

  @Test
  void badFiltersAreOneLineBadQueryErrorsBeforeAnySearch() {
    record Bad(String call, String message) {}
    List<Bad> bad =
        List.of(
            new Bad(
                "search('除雪', yr := 2019)",
                "search('除雪', …): unknown filter 'yr': use year, series, project, department, group,"
                    + " kind, min_score, max_score, grade, all_reports or limit"),
            new Bad(
                "search('除雪', year := '昭和64')",
                "search('除雪', …): year '昭和64' is not a fiscal year: write it as 2019, 2019年度,"
                    + " 令和元 (R1) or 平成31 (H31)"),
            new Bad(
                "search('除雪', year := 19)",
                "search('除雪', …): year '19' is not a fiscal year: write it as 2019, 2019年度,"
                    + " 令和元 (R1) or 平成31 (H31)"),
            new Bad(
                "search('除雪', year := fiscal_year)",
                "search('除雪', …): year must be a literal: a 'string', a number, true or false,"
                    + " at 'fiscal_year)'"),
            new Bad(
                "search('除雪', all_reports := 1)",
                "search('除雪', …): all_reports must be true or false, not 1"),
            new Bad(
                "search('除雪', kind := 'summary')",
                "search('除雪', …): unknown kind 'summary': one of description, effect_factors,"
                    + " five_year_summary, future_work, implementation, kpi, name, overview,"
                    + " purpose, status_analysis, target_basis"),
            new Bad(
                "search('除雪', department := '「」')",
                "search('除雪', …): department '「」' has nothing to match: give a department such"
                    + " as 建設部"),
            new Bad(
                "search('除雪', min_score := 60, max_score := 50)",
                "search('除雪', …): --min-score 60.0 is greater than --max-score 50.0"),
            new Bad(
                "search('除雪', year := 2019, YEAR := 2018)", "search('除雪', …): year is given twice"),
            new Bad("search('除雪', 5, limit := 3)", "search('除雪', …): limit is given twice"),
            new Bad(
                "search('除雪', year := 2019, 10)",
                "search('除雪', …): expected name := value, at '10)'"),
            new Bad(
                "search('除雪', 'kpi')",
                "search('除雪', …): expected a limit or name := value after the query, at ''kpi')'"),
            new Bad(
                "search('除雪', 2.5)", "search('除雪', …): limit must be a whole number >= 0, not 2.5"),
            new Bad(
                "search('除雪', series := 'otaru)",
                "search('除雪', …): the string given for series is not closed"),
            new Bad("search('除雪', year := 2019", "search('除雪', …): no closing parenthesis"),
            new Bad(
                "search('除雪', year := 2019 kind := 'kpi')",
                "search('除雪', …): expected , or ) at 'kind := 'kpi')'"));
    for (Bad b : bad) {
      // no index is needed to reject them: the statement never reaches a search
      assertThatThrownBy(
              () -> SearchSql.prepare(null, tmp.resolve("no-index"), "SELECT * FROM " + b.call()))
          .as(b.call())
          .isInstanceOf(HyokaException.class)
          .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.BAD_QUERY))
          .hasMessage(b.message());
    }
  }
}
