package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries (27) written from reading otaru-sogo-senryaku-h31.txt, each with the projects it must
 * find and projects that mention something close but must not be found. The H31 (FY2019) and H30
 * (FY2018) reports are both indexed, parsed and published by the real parser and warehouse.
 */
class SearchRelevanceTest {
  @TempDir static Path tmp;
  static Searcher searcher;

  @BeforeAll
  static void index() throws Exception {
    Path index =
        Samples.publishAndIndex(
            tmp.resolve("data"),
            List.of(
                Samples.ingested(Samples.parse("h31"), "otaru", 0),
                Samples.ingested(Samples.parse("h30"), "otaru", 0)));
    searcher = new Searcher(index);
  }

  @AfterAll
  static void close() {
    searcher.close();
  }

  /** A query, its filters (FY2019 unless said), projects it must find and must not find. */
  record Case(
      String why, String query, SearchFilters filters, Set<Integer> must, Set<Integer> mustNot) {
    @Override
    public String toString() {
      return query + " (" + why + ")";
    }
  }

  static final SearchFilters H31 = SearchFilters.NONE.withFiscalYear(2019);

  static Case c(String why, String q, List<Integer> must, List<Integer> mustNot) {
    return new Case(why, q, H31, Set.copyOf(must), Set.copyOf(mustNot));
  }

  static Stream<Case> cases() {
    return Stream.of(
        c(
            "snow clearing is 8 only; 7 and 9 share its department and pages, 9 prints 冬 and 市道 too",
            "除雪",
            List.of(8),
            List.of(7, 9, 10)),
        c(
            "full-width query; 9 prints both ＬＥＤ and LED; 8 and 10 are its page neighbours",
            "ＬＥＤ",
            List.of(9),
            List.of(8, 10, 11)),
        c("half-width query finds the full-width ＬＥＤ texts", "LED", List.of(9), List.of(8, 10, 11)),
        c(
            "空家 finds the 空き家 spelling (3 says 空き家 only); 2 (空き住戸), 4 (空き店舗) must not",
            "空家",
            List.of(3, 7, 11),
            List.of(2, 4, 10)),
        c(
            "空き家 finds the 空家 spelling; 2 (空き住戸) and 4 (空き店舗) must not match on 空き",
            "空き家",
            List.of(3, 7, 11),
            List.of(2, 4, 10)),
        c(
            "ガラス finds 硝子 texts; 32 is the next 産品 project on the same page",
            "ガラス",
            List.of(31),
            List.of(32, 33, 36)),
        c("hiragana がらす市 is the glass market", "がらす", List.of(31), List.of(32, 33, 36)),
        c("phrase: 体験ツアー, not other tours", "\"体験ツアー\"", List.of(5), List.of(11, 42)),
        c("all words required: 移住 and ワンストップ", "移住 ワンストップ", List.of(5), List.of(7)),
        c(
            "compound part: 特定空家 only in 7; 3 and 11 say 空き家 but not 特定",
            "特定空家",
            List.of(7),
            List.of(3, 11)),
        c(
            "cruise ships; 35 and 48 are the other tourist-attraction projects",
            "クルーズ",
            List.of(36, 47),
            List.of(35, 48)),
        c("cancer screening 検診, not 特定健康診査", "検診", List.of(50), List.of(49)),
        c(
            "evacuation shelters; 56 is 避難支援 (evacuation support) without 避難所",
            "避難所",
            List.of(57),
            List.of(56)),
        c(
            "newborn visits: only 26's name and item name say it",
            "赤ちゃん",
            List.of(26),
            List.of(25, 27)),
        c("half-width PR in a phrase finds ＰＲパンフレット", "\"PRパンフレット\"", List.of(5), List.of(34)),
        c(
            "full-width ＩＣＴ query finds half-width ICT text; 13, 14 are the next education projects",
            "ＩＣＴ",
            List.of(12),
            List.of(13, 14)),
        c(
            "子供 finds 子ども/子供 traffic-safety texts; 29 and 54 print 高齢者 and 安全 only",
            "子供 交通安全",
            List.of(6),
            List.of(29, 54)),
        c("OR widens", "除雪 OR ＬＥＤ", List.of(8, 9), List.of(7, 10)),
        c(
            "a hyphen inside a word is literal; 36 prints Wi－Fi and Wi-Fi",
            "Wi-Fi",
            List.of(36),
            List.of(35, 37)),
        c(
            "the joined form finds Wi-Fi, wi-fi, Wi-fi and Wi－Fi",
            "wifi",
            List.of(36),
            List.of(35, 37)),
        c("upper case, joined", "WIFI", List.of(36), List.of(35, 37)),
        c("the spaced form: both words", "wi fi", List.of(36), List.of(35, 37)),
        c("the spaced form as a phrase", "\"wi fi\"", List.of(36), List.of(35, 37)),
        c("full-width with the full-width hyphen", "Ｗｉ－Ｆｉ", List.of(36), List.of(35, 37)),
        c(
            "the joined form glued to the next word, as 移動式Wi-Fi環境 prints it",
            "wifi環境",
            List.of(36),
            List.of(35, 37)),
        c(
            "consumption tax, in 3's 現状分析 only; 1 and 2 are the other housing projects",
            "消費税",
            List.of(3),
            List.of(1, 2)),
        c("kind filter: KPI names only", "空き家", List.of(11), List.of(3)));
  }

  static Set<Integer> projects(SearchResponse r) {
    return r.hits().stream()
        .map(SearchHit::projectNo)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsWhatItMustAndNotWhatItMustNot(Case c) {
    SearchFilters f = c.why().startsWith("kind filter") ? c.filters().withKind("kpi") : c.filters();
    SearchResponse r = searcher.search(SearchRequest.of(c.query()).withFilters(f).withLimit(1000));
    Set<Integer> found = projects(r);
    assertThat(found).as("found by %s", c.query()).containsAll(c.must());
    assertThat(found).as("found by %s", c.query()).doesNotContainAnyElementsOf(c.mustNot());
    assertThat(r.field()).isEqualTo("text");
    assertThat(r.hits()).allSatisfy(h -> assertThat(h.fiscalYear()).isEqualTo(2019));
    assertThat(r.hits().get(0).snippet()).contains(Searcher.MARK_START);
  }

  @Test
  void hitsSpanReportYearsAndCarryKpiScores() {
    SearchResponse r = searcher.search(SearchRequest.of("除雪").withLimit(100));
    assertThat(r.facets().get("fiscal_year"))
        .extracting(FacetCount::value)
        .containsExactlyInAnyOrder("2019", "2018");
    SearchHit h = r.hits().get(0);
    assertThat(h.projectNo()).isEqualTo(8);
    // the H30 report repeats most H31 texts: equal relevance, and then the newer year ranks first
    int ties = 0;
    for (int i = 1; i < r.hits().size(); i++) {
      SearchHit a = r.hits().get(i - 1);
      SearchHit b = r.hits().get(i);
      if (a.relevance() == b.relevance()) {
        ties++;
        assertThat(a.fiscalYear()).isGreaterThanOrEqualTo(b.fiscalYear());
      }
    }
    assertThat(ties).isPositive();
    // 除雪事業 prints two KPIs, both scored 100.00 (raw 274.80 and 921.05 in H31)
    assertThat(r.hits())
        .filteredOn(x -> x.fiscalYear() == 2019)
        .first()
        .satisfies(
            x ->
                assertThat(x.kpis())
                    .extracting(k -> k.score().doubleValue())
                    .containsExactlyInAnyOrder(100.0, 100.0));
  }

  @Test
  void minScoreKeepsOnlyProjectsWithAKpiThatHigh() {
    SearchResponse r =
        searcher.search(
            SearchRequest.of("空き家").withLimit(100).withFilters(H31.withScoreRange(50.0, null)));
    // 7 scores 22.00, 3 scores 46.67: neither has a KPI at 50 or more
    assertThat(projects(r)).doesNotContain(3, 7);
    assertThat(r.hits())
        .allSatisfy(
            h ->
                assertThat(h.kpis())
                    .anySatisfy(
                        k ->
                            assertThat(k.effectiveScore().doubleValue())
                                .isGreaterThanOrEqualTo(50)));
  }

  /** A query that matches texts of nearly every project, to compare department filters on. */
  static final String BROAD = "事業 OR 市 OR 実施 OR 件数";

  static SearchResponse broad(SearchFilters f) {
    return searcher.search(SearchRequest.of(BROAD).withFilters(f).withLimit(100_000));
  }

  /** Each hit as report, project, kind and item: the identity of the text it is. */
  static List<String> texts(SearchResponse r) {
    return r.hits().stream()
        .map(h -> h.reportId() + "/" + h.projectNo() + "/" + h.kind() + "/" + h.itemNo())
        .sorted()
        .toList();
  }

  @Test
  void aPartOfADepartmentFindsWhatTheWholeNameFinds() {
    SearchResponse whole = broad(SearchFilters.NONE.withDepartment("建設部"));
    // 建設部 prints 8 projects on its own and project 37 jointly with 産業港湾部, in both years
    assertThat(whole.hits()).extracting(SearchHit::department).containsOnly("建設部", "産業港湾部・建設部");
    assertThat(whole.hits())
        .filteredOn(h -> h.department().equals("産業港湾部・建設部"))
        .extracting(SearchHit::projectNo)
        .containsOnly(37);
    assertThat(projects(whole)).hasSize(9);
    assertThat(whole.facets().get("fiscal_year"))
        .extracting(FacetCount::value)
        .containsExactlyInAnyOrder("2019", "2018");
    // the same texts as the unfiltered search counts for those two departments
    long expected =
        broad(SearchFilters.NONE).facets().get("department").stream()
            .filter(fc -> fc.value().contains("建設部"))
            .mapToLong(FacetCount::count)
            .sum();
    assertThat(whole.total()).isEqualTo(expected).isEqualTo(whole.hits().size());
    assertThat(whole.facets().get("department").stream().mapToLong(FacetCount::count).sum())
        .isEqualTo(whole.total());
    for (String typed : List.of("建設", "「建設部」", "＜建設部", " 建 設 部 ", "【建設】", "（建設部）")) {
      assertThat(texts(broad(SearchFilters.NONE.withDepartment(typed))))
          .as("department %s", typed)
          .isEqualTo(texts(whole));
    }
  }

  @Test
  void aDepartmentFilterMatchesOnlyDepartmentsContainingIt() {
    // 産業港湾部 alone (19 projects), with 教育部 (43) and with 建設部 (37)
    SearchResponse port = broad(SearchFilters.NONE.withDepartment("産業港湾"));
    assertThat(port.facets().get("department"))
        .extracting(FacetCount::value)
        .containsExactlyInAnyOrder("産業港湾部", "教育部・産業港湾部", "産業港湾部・建設部");
    assertThat(texts(port)).isEqualTo(texts(broad(SearchFilters.NONE.withDepartment("産業港湾部"))));
    // the whole joint name is a department of its own
    assertThat(projects(broad(SearchFilters.NONE.withDepartment("産業港湾部・建設部")))).containsExactly(37);
    // 保健所 is not 医療保険部 (保険), and nothing is printed as 建設課 or 水道局
    assertThat(broad(SearchFilters.NONE.withDepartment("保健")).hits())
        .extracting(SearchHit::department)
        .containsOnly("保健所");
    for (String unrelated : List.of("建設課", "水道局", "部建設")) {
      assertThat(broad(SearchFilters.NONE.withDepartment(unrelated)).total())
          .as("department %s", unrelated)
          .isZero();
    }
  }
}
