package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * search('…', name := value) in SQL on the sample reports, parsed and published by the real parser
 * and warehouse: H30, and H31 published twice in the same series, so the first H31 is superseded.
 * Every filtered call must give exactly the hits, in the same order, that {@link Searcher} gives
 * for the same filters (what {@code hyoka search} prints).
 */
class SearchSqlSamplesTest {
  @TempDir static Path tmp;
  static Path data;
  static Path index;
  static Searcher searcher;
  static Connection conn;

  @BeforeAll
  static void publish() throws Exception {
    data = tmp.resolve("data");
    Samples.publish(
        data,
        List.of(
            Samples.ingested(Samples.parse("h31"), "otaru", 0),
            Samples.ingested(Samples.parse("h30"), "otaru", 0)));
    long run = Samples.publish(data, List.of(Samples.ingested(Samples.parse("h31"), "otaru", 1)));
    index = Samples.index(data, run);
    searcher = new Searcher(index);
    conn = new Warehouse(data).openReadOnly();
  }

  @AfterAll
  static void close() throws Exception {
    conn.close();
    searcher.close();
  }

  /** The hits of a search(…) call as rows "report/project/kind/item/department", best first. */
  static List<String> sqlHits(String call) throws Exception {
    String sql =
        SearchSql.prepare(
            conn,
            index,
            "SELECT report_id || '/' || project_no || '/' || kind || '/' || coalesce(item_no::VARCHAR, 'null')"
                + " || '/' || department FROM "
                + call
                + " ORDER BY rank");
    return SearchSqlTest.rows(conn, sql);
  }

  static List<String> searcherHits(String query, SearchFilters f, int limit, boolean all) {
    return searcher.search(new SearchRequest(query, f, limit, all, false)).hits().stream()
        .map(
            h ->
                h.reportId()
                    + "/"
                    + h.projectNo()
                    + "/"
                    + h.kind()
                    + "/"
                    + h.itemNo()
                    + "/"
                    + h.department())
        .toList();
  }

  static long count(String call) throws Exception {
    String sql = SearchSql.prepare(conn, index, "SELECT count(*) FROM " + call);
    return Long.parseLong(SearchSqlTest.rows(conn, sql).get(0));
  }

  static final SearchFilters NONE = SearchFilters.NONE;
  static final int ALL = SearchSql.ALL;

  @Test
  void yearFilterGivesTheSearchersHits() throws Exception {
    List<String> h31 = searcherHits("除雪", NONE.withFiscalYear(2019), ALL, false);
    assertThat(h31).isNotEmpty();
    assertThat(sqlHits("search('除雪', year := 2019)")).isEqualTo(h31);
    assertThat(sqlHits("search('除雪', fiscal_year = 2019)")).isEqualTo(h31);
    // the era forms hyoka search --year takes
    assertThat(sqlHits("search('除雪', year := '令和元年度')")).isEqualTo(h31);
    assertThat(sqlHits("search('除雪', year := 'H31')")).isEqualTo(h31);
    List<String> h30 = searcherHits("除雪", NONE.withFiscalYear(2018), ALL, false);
    assertThat(sqlHits("search('除雪', year := 2018)"))
        .isEqualTo(h30)
        .doesNotContainAnyElementsOf(h31);
    // unfiltered: both years, nothing else
    assertThat(count("search('除雪')")).isEqualTo(h31.size() + h30.size());
  }

  @Test
  void departmentFilterMatchesPartsOfTheNameLikeTheCli() throws Exception {
    List<String> whole = searcherHits("事業", NONE.withDepartment("建設部"), ALL, false);
    // 建設部's own projects and the one it shares with 産業港湾部
    assertThat(whole)
        .anyMatch(h -> h.endsWith("/建設部"))
        .anyMatch(h -> h.endsWith("/産業港湾部・建設部"))
        .allMatch(h -> h.contains("建設部"));
    assertThat(sqlHits("search('事業', department := '建設部')")).isEqualTo(whole);
    assertThat(sqlHits("search('事業', department := '建設')")).isEqualTo(whole);
    assertThat(sqlHits("search('事業', department := '「建設部」')")).isEqualTo(whole);
    assertThat(count("search('事業', department := '水道局')")).isZero();
  }

  @Test
  void kindAndScoreFiltersAndALimitCombine() throws Exception {
    SearchFilters kpi2018 = NONE.withKind("kpi").withFiscalYear(2018);
    List<String> kpis = searcherHits("件数", kpi2018, ALL, false);
    assertThat(kpis).isNotEmpty().allMatch(h -> h.contains("/kpi/"));
    assertThat(sqlHits("search('件数', kind := 'kpi', year := 2018)")).isEqualTo(kpis);
    assertThat(sqlHits("search('件数', 3, kind := 'KPI', year := 2018)"))
        .isEqualTo(kpis.subList(0, 3));
    assertThat(sqlHits("search('件数', year := 2018, limit := 3, kind := 'kpi')"))
        .isEqualTo(kpis.subList(0, 3));
    SearchFilters reached = NONE.withScoreRange(100.0, null).withDepartment("建設");
    List<String> high = searcherHits("空き家 OR 除雪", reached, ALL, false);
    assertThat(high).isNotEmpty();
    assertThat(high.size()).isLessThan(searcherHits("空き家 OR 除雪", NONE, ALL, false).size());
    assertThat(sqlHits("search('空き家 OR 除雪', min_score := 100, department := '建設')"))
        .isEqualTo(high);
    assertThat(
            sqlHits(
                "search('除雪', project := 8, series := 'otaru', group := 'あずましい', year := 2019)"))
        .isEqualTo(
            searcherHits(
                "除雪",
                NONE.withProject("8").withSeries("otaru").withGroup("あずましい").withFiscalYear(2019),
                ALL,
                false))
        .isNotEmpty();
  }

  @Test
  void allReportsIncludesTheSupersededCopy() throws Exception {
    List<String> all = searcherHits("除雪", NONE.withFiscalYear(2019), ALL, true);
    assertThat(sqlHits("search('除雪', year := 2019, all_reports := true)")).isEqualTo(all);
    // the superseded H31 is the same text as the current one: twice the current hits
    assertThat(all).hasSize(2 * (int) count("search('除雪', year := 2019)"));
    assertThat(count("search('除雪', all_reports := false, year := 2019)"))
        .isEqualTo(count("search('除雪', year := 2019)"));
    // the hits of superseded reports join reports.superseded_by like any other hit
    String sql =
        SearchSql.prepare(
            conn,
            index,
            "SELECT count(DISTINCT report_id), count(r.superseded_by) > 0"
                + " FROM search('除雪', all_reports := true, year := 2019) JOIN reports r USING (report_id)");
    assertThat(SearchSqlTest.rows(conn, sql)).containsExactly("2|true");
  }
}
