package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query syntax, filters, facets, snippets and rendering on three projects of the H31 report. */
class SearcherTest {
  @TempDir static Path tmp;
  static Searcher searcher;

  @BeforeAll
  static void index() throws Exception {
    Path index = tmp.resolve("index");
    try (Connection c = TestWarehouse.create(tmp.resolve("w.duckdb"))) {
      TestWarehouse.insert(c, MiniSample.report("f".repeat(64), "otaru", 2019), 1);
      SearchIndex.sync(c, index, 1);
    }
    searcher = new Searcher(index);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  /** Matches texts of all three projects. */
  static final String ALL3 = "助成 OR 除雪 OR 空き家";

  static SearchResponse search(String q) {
    return searcher.search(SearchRequest.of(q).withLimit(100));
  }

  static SearchResponse search(String q, SearchFilters f) {
    return searcher.search(SearchRequest.of(q).withLimit(100).withFilters(f));
  }

  static Set<Integer> projects(SearchResponse r) {
    return r.hits().stream()
        .map(SearchHit::projectNo)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void allWordsAreRequiredByDefaultAndOrWidens() {
    assertThat(projects(search("除雪 体制"))).containsExactly(8);
    assertThat(search("除雪 体制").total()).isEqualTo(1);
    assertThat(projects(search("除雪 断熱"))).isEmpty();
    assertThat(projects(search("除雪 OR 断熱"))).containsExactly(3, 8);
    // per text: 7's implementation text of item 2 says 助成 without 空家
    SearchResponse not = search("助成 NOT 空家");
    assertThat(projects(not)).containsExactly(3, 7);
    assertThat(not.hits())
        .filteredOn(h -> h.projectNo() == 7)
        .extracting(h -> h.kind() + "/" + h.itemNo())
        .containsExactly("implementation/2");
    assertThat(search("助成 -空き家").total()).isEqualTo(not.total());
  }

  @Test
  void phrasesKeepWordOrder() {
    assertThat(projects(search("\"空家等対策計画\""))).containsExactly(7);
    assertThat(projects(search("\"計画 対策\""))).isEmpty();
  }

  @Test
  void synonymsMatchBothSpellingsAndAreHighlighted() {
    SearchResponse r = search("空家");
    assertThat(projects(r)).containsExactly(3, 7);
    assertThat(r.hits()).anySatisfy(h -> assertThat(h.snippet()).contains("«空き家»"));
    assertThat(r.hits()).anySatisfy(h -> assertThat(h.snippet()).contains("«空家»"));
  }

  @Test
  void filtersByKindDepartmentAndScore() {
    SearchFilters none = SearchFilters.NONE;
    assertThat(search("件数", none.withKind("kpi")).hits())
        .extracting(SearchHit::kind)
        .containsOnly("kpi");
    assertThat(projects(search(ALL3, none.withDepartment("＜建設部")))).containsExactly(3, 7, 8);
    assertThat(projects(search(ALL3, none.withDepartment("教育部")))).isEmpty();
    // 3 scores 46.67, 7 scores 22.00, 8 scores 100.00 on both KPIs
    assertThat(projects(search(ALL3, none.withScoreRange(50.0, null)))).containsExactly(8);
    assertThat(projects(search(ALL3, none.withScoreRange(null, 30.0)))).containsExactly(7);
    assertThat(projects(search(ALL3, none.withScoreRange(20.0, 50.0)))).containsExactly(3, 7);
    assertThat(projects(search(ALL3, none.withProject("８")))).containsExactly(8);
    assertThat(projects(search(ALL3, none.withGroup("あずましい")))).containsExactly(3, 7, 8);
    assertThat(projects(search(ALL3, none.withFiscalYear(2018)))).isEmpty();
    assertThat(projects(search(ALL3, none.withSeries("otaru").withFiscalYear(2019))))
        .containsExactly(3, 7, 8);
  }

  @Test
  void facetsCountAllMatchesNotOnlyTheReturnedHits() {
    SearchResponse r = searcher.search(SearchRequest.of("空家").withLimit(1));
    assertThat(r.hits()).hasSize(1);
    long total = r.total();
    assertThat(total).isGreaterThan(1);
    assertThat(r.facets().get("department")).containsExactly(new FacetCount("建設部", total));
    assertThat(r.facets().get("fiscal_year")).containsExactly(new FacetCount("2019", total));
    assertThat(r.facets().get("kind").stream().mapToLong(FacetCount::count).sum()).isEqualTo(total);
  }

  @Test
  void bigramFallbackFindsPartsOfWordsTheDictionaryKeepsWhole() {
    // Kuromoji keeps 駆け込み as one word; 駆け込 alone is found only through bigrams
    SearchResponse r = search("駆け込");
    assertThat(r.field()).isEqualTo("text_bigram");
    assertThat(projects(r)).containsExactly(3);
    assertThat(r.hits().get(0).snippet()).contains("«駆け込»み");
    assertThat(search("駆け込み").field()).isEqualTo("text");
  }

  @Test
  void badQueriesAreOneLineBadQueryErrors() {
    assertThatThrownBy(() -> search("\"除雪"))
        .isInstanceOf(HyokaException.class)
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.BAD_QUERY))
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> search("の"))
        .isInstanceOf(HyokaException.class)
        .hasMessage("query 'の' has no searchable words");
    assertThatThrownBy(() -> search("除雪", SearchFilters.NONE.withKind("summary")))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "unknown kind 'summary': one of description, effect_factors, five_year_summary,"
                + " future_work, implementation, kpi, name, overview, purpose, status_analysis,"
                + " target_basis");
    assertThatThrownBy(() -> SearchFilters.NONE.withDepartment(" 「 」 "))
        .isInstanceOf(HyokaException.class)
        .satisfies(e -> assertThat(((HyokaException) e).code()).isEqualTo(ErrorCode.BAD_QUERY))
        .hasMessage("department ' 「 」 ' has nothing to match: give a department such as 建設部");
    assertThatThrownBy(() -> SearchRequest.of(" "))
        .isInstanceOf(HyokaException.class)
        .hasMessage("the search query is empty");
    // query syntax characters the reports print are taken literally
    assertThat(projects(search("30万円/件 OR 10分の1"))).containsExactly(3);
  }

  @Test
  void jsonCarriesEveryHitFieldUnescaped() {
    String json = SearchFormat.JSON.format(search("除雪依頼"));
    assertThat(json).contains("\"project_name\":\"除雪事業\"");
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    JsonArray hits = o.getAsJsonArray("hits");
    assertThat(hits.size()).isEqualTo(o.get("total").getAsInt()).isGreaterThan(0);
    JsonObject h = hits.get(0).getAsJsonObject();
    for (String f :
        List.of(
            "fiscal_year",
            "series",
            "project_no",
            "project_name",
            "department",
            "kind",
            "page",
            "relevance",
            "snippet",
            "report_id",
            "kpis")) {
      assertThat(h.has(f)).as(f).isTrue();
    }
    assertThat(h.get("project_no").getAsInt()).isEqualTo(8);
    JsonObject k = h.getAsJsonArray("kpis").get(0).getAsJsonObject();
    assertThat(k.get("score").getAsBigDecimal()).isEqualByComparingTo("100");
    assertThat(k.get("achieved").getAsBoolean()).isTrue();
    assertThat(o.getAsJsonObject("facets").getAsJsonArray("kind")).isNotEmpty();
  }

  @Test
  void tableAlignsColumnsByDisplayWidth() {
    String table = SearchFormat.TABLE.format(search("空家"));
    List<String> lines = table.lines().toList();
    String header = lines.get(0);
    int kindCol = SearchFormat.width(header.substring(0, header.indexOf("kind")));
    List<SearchHit> hits = search("空家").hits();
    for (int i = 0; i < hits.size(); i++) {
      String line = lines.get(i + 1);
      String kind = "  " + hits.get(i).kind() + "  ";
      assertThat(SearchFormat.width(line.substring(0, line.indexOf(kind) + 2)))
          .as(line)
          .isEqualTo(kindCol);
    }
    assertThat(table).contains("matches").contains("department: 建設部");
    assertThat(SearchFormat.width("ＬＥＤ化 abc")).isEqualTo(12);
    assertThat(SearchFormat.TABLE.format(search("除雪", SearchFilters.NONE.withFiscalYear(2000))))
        .isEqualTo(
            "#  year  no  project  department  kind  page  relevance  kpi scores  snippet\n0 matches\n");
  }
}
