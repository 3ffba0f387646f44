package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The texts and grades of a layout that grades (kpi-sheet) beside a report that scores, both of
 * FY2019 and both current, published through the real warehouse: the sheet kinds, the target basis
 * as a kind of both layouts, {@code --grade} and the grade facet, grades in the hits, in JSON, in
 * the table and in SQL.
 */
class GradedSearchTest {
  @TempDir static Path tmp;
  static Path data;
  static Path index;
  static Searcher searcher;
  static String reportId;
  static String sheetsId;

  @BeforeAll
  static void index() throws Exception {
    data = tmp.resolve("data");
    var report = MiniSample.report("a".repeat(64), "otaru", 2019);
    var sheets = MiniSheets.report("b".repeat(64), "otaru", 2019);
    reportId = report.reportId();
    sheetsId = sheets.reportId();
    index = Samples.publishAndIndex(data, List.of(report, sheets));
    searcher = new Searcher(index);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  static SearchResponse search(String q, SearchFilters f) {
    return searcher.search(SearchRequest.of(q).withLimit(1000).withFilters(f));
  }

  /** Each hit as report/project/kind/item. */
  static Set<String> texts(SearchResponse r) {
    return r.hits().stream()
        .map(
            h ->
                (h.reportId().equals(sheetsId) ? "sheet" : "report")
                    + "/"
                    + h.projectNo()
                    + "/"
                    + h.kind()
                    + "/"
                    + h.itemNo())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static Map<String, Long> facet(SearchResponse r, String dim) {
    return r.facets().get(dim).stream()
        .collect(Collectors.toMap(FacetCount::value, FacetCount::count));
  }

  @Test
  void theSheetTextsAreSearchableAndFilterableByTheirKinds() {
    SearchResponse tax = search("消費税 増税", SearchFilters.NONE);
    assertThat(texts(tax))
        .containsExactly("report/3/status_analysis/null", "sheet/3/effect_factors/null");
    assertThat(facet(tax, "kind"))
        .containsOnly(Map.entry("effect_factors", 1L), Map.entry("status_analysis", 1L));
    assertThat(texts(search("消費税", SearchFilters.NONE.withKind("effect_factors"))))
        .containsExactly("sheet/3/effect_factors/null");
    assertThat(texts(search("周知", SearchFilters.NONE.withKind("FUTURE-WORK"))))
        .containsExactly("sheet/3/future_work/null");
    assertThat(search("除雪 体制", SearchFilters.NONE.withKind("future_work")).hits())
        .singleElement()
        .satisfies(h -> assertThat(h.snippet()).contains("«除雪»"));
  }

  @Test
  void theTargetBasisIsAKindOfItsOwnInBothLayouts() {
    SearchResponse basis = search("平均値", SearchFilters.NONE);
    assertThat(texts(basis))
        .containsExactly(
            "report/8/target_basis/1",
            "report/8/target_basis/2",
            "sheet/8/target_basis/1",
            "sheet/8/target_basis/2");
    // the basis names its KPI, as a budget item's text names its item
    assertThat(basis.hits())
        .extracting(SearchHit::itemName)
        .containsOnly("市民の声「除雪依頼」件数", "市民の声「排雪依頼」件数");
    assertThat(search("平均値", SearchFilters.NONE.withKind("kpi")).total()).isZero();
    assertThat(texts(search("排雪依頼", SearchFilters.NONE.withKind("kpi"))))
        .containsExactly("report/8/kpi/2", "sheet/8/kpi/2");
    assertThat(texts(search("新規事業", SearchFilters.NONE.withKind("target_basis"))))
        .containsExactly("report/3/target_basis/1", "sheet/3/target_basis/1");
  }

  static final String BROAD = "事業 OR 除雪 OR 助成 OR 周知 OR 件数";

  @Test
  void gradeKeepsTheProjectsWithAKpiOfThatGrade() {
    SearchResponse d = search(BROAD, SearchFilters.NONE.withGrade("D"));
    assertThat(d.total()).isPositive();
    assertThat(d.hits())
        .allSatisfy(
            h -> {
              assertThat(h.reportId()).isEqualTo(sheetsId);
              assertThat(h.projectNo()).isEqualTo(3);
            });
    for (String typed : List.of("d", "Ｄ", "ｄ", " D ")) {
      assertThat(texts(search(BROAD, SearchFilters.NONE.withGrade(typed))))
          .as("grade %s", typed)
          .isEqualTo(texts(d));
    }
    // 8's second KPI prints Ｂ where its achievement gives Ａ: the printed grade counts
    assertThat(search(BROAD, SearchFilters.NONE.withGrade("B")).hits())
        .extracting(SearchHit::projectNo)
        .containsOnly(8);
    assertThat(search(BROAD, SearchFilters.NONE.withGrade("A")).hits())
        .extracting(SearchHit::projectNo)
        .containsOnly(8);
    assertThat(search(BROAD, SearchFilters.NONE.withGrade("C")).total()).isZero();
    SearchResponse cOrD = search(BROAD, SearchFilters.NONE.withGrade("C,D"));
    assertThat(texts(cOrD)).isEqualTo(texts(d));
    SearchResponse aOrD = search(BROAD, SearchFilters.NONE.withGrade("Ａ、Ｄ"));
    assertThat(aOrD.hits()).extracting(SearchHit::reportId).containsOnly(sheetsId);
    assertThat(aOrD.hits()).extracting(SearchHit::projectNo).contains(3, 8);
  }

  @Test
  void theGradeFacetCountsTextsUnderEachGradeOfTheirProject() {
    SearchResponse all = search(BROAD, SearchFilters.NONE);
    long sheet3 =
        all.hits().stream()
            .filter(h -> h.reportId().equals(sheetsId) && h.projectNo() == 3)
            .count();
    long sheet8 =
        all.hits().stream()
            .filter(h -> h.reportId().equals(sheetsId) && h.projectNo() == 8)
            .count();
    assertThat(sheet3).isPositive();
    assertThat(sheet8).isPositive();
    // the report's texts are graded by nothing and count under no grade
    assertThat(facet(all, "grade"))
        .containsOnly(Map.entry("D", sheet3), Map.entry("A", sheet8), Map.entry("B", sheet8));
    assertThat(facet(search(BROAD, SearchFilters.NONE.withGrade("D")), "grade"))
        .containsOnly(Map.entry("D", sheet3));
    assertThat(SearchFormat.TABLE.format(all)).contains("grade: ");
  }

  @Test
  void theHitsKpisShowTheirGradesWhereTheLayoutGrades() {
    SearchResponse r = search("除雪 体制", SearchFilters.NONE.withKind("future_work"));
    SearchHit h = r.hits().get(0);
    assertThat(h.kpis())
        .extracting(
            k ->
                k.name()
                    + " "
                    + k.grade()
                    + "/"
                    + k.gradeByRule()
                    + " "
                    + k.achievement()
                    + " "
                    + k.progress())
        .containsExactly("市民の声「除雪依頼」件数 A/A 100.0 順調", "市民の声「排雪依頼」件数 B/A 100.0 概ね順調");
    assertThat(h.kpis()).allSatisfy(k -> assertThat(k.score()).isNull());
    JsonObject kpi =
        JsonParser.parseString(SearchFormat.JSON.format(r))
            .getAsJsonObject()
            .getAsJsonArray("hits")
            .get(0)
            .getAsJsonObject()
            .getAsJsonArray("kpis")
            .get(1)
            .getAsJsonObject();
    assertThat(kpi.get("grade").getAsString()).isEqualTo("B");
    assertThat(kpi.get("grade_by_rule").getAsString()).isEqualTo("A");
    assertThat(kpi.get("achievement").getAsDouble()).isEqualTo(100.0);
    assertThat(kpi.get("progress").getAsString()).isEqualTo("概ね順調");
    assertThat(kpi.get("score").isJsonNull()).isTrue();
    assertThat(SearchFormat.TABLE.format(r)).contains("A(100.0%) B(100.0%)");
    // a report's KPIs carry scores and no grade
    SearchHit reportHit =
        search("除雪 体制", SearchFilters.NONE).hits().stream()
            .filter(x -> x.reportId().equals(reportId))
            .findFirst()
            .orElseThrow();
    assertThat(reportHit.kpis())
        .allSatisfy(
            k -> {
              assertThat(k.grade()).isNull();
              assertThat(k.achievement()).isNull();
              assertThat(k.score()).isNotNull();
            });
  }

  @Test
  void gradeIsAFilterOfSearchInSql() throws Exception {
    long expected = search("除雪 OR 助成", SearchFilters.NONE.withGrade("D")).total();
    try (Connection c = new Warehouse(data).openReadOnly();
        Statement s = c.createStatement()) {
      String sql =
          SearchSql.prepare(
              c,
              index,
              "SELECT count(*), count(DISTINCT report_id), min(project_no), max(project_no)"
                  + " FROM search('除雪 OR 助成', grade := 'ｄ')");
      try (ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        assertThat(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
            .containsExactly(expected, 1L, 3L, 3L);
      }
      String join =
          SearchSql.prepare(
              c,
              index,
              "SELECT DISTINCT k.grade FROM search('除雪', grade := 'B') s"
                  + " JOIN kpis k USING (report_id, project_no) ORDER BY 1");
      try (ResultSet rs = s.executeQuery(join)) {
        List<String> grades = new java.util.ArrayList<>();
        while (rs.next()) {
          grades.add(rs.getString(1));
        }
        assertThat(grades).containsExactly("A", "B");
      }
    }
  }

  @Test
  void aGradeThatNamesNothingIsABadQuery() {
    assertThatThrownBy(() -> SearchFilters.NONE.withGrade(" , "))
        .isInstanceOfSatisfying(
            HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_QUERY))
        .hasMessage("grade ' , ' names no grade: give one such as A, or several as C,D");
    assertThatThrownBy(() -> SearchCall.find("SELECT * FROM search('除雪', grade := '、')"))
        .isInstanceOf(HyokaException.class)
        .hasMessage(
            "search('除雪', …): grade '、' names no grade: give one such as A, or several as C,D");
  }
}
