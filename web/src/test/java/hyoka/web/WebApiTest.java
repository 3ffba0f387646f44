package hyoka.web;

import static hyoka.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import hyoka.transform.Fixtures;
import hyoka.warehouse.MemoryLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over the two sample reports as the real ingest loads them, and its safety rules. */
class WebApiTest {
  @TempDir static Path tmp;
  static Path data;
  static WebServer server;
  static Http http;
  static String h31;

  /** Every sample of samples/, the FY2019 sheets (grades) among them: the grade tests' server. */
  static Path allData;

  static WebServer allServer;
  static Http allHttp;

  /** Far more than the pages need, far less than a cross join of ranges. */
  static final String MEMORY_LIMIT = "200MB";

  @BeforeAll
  static void start() throws Exception {
    data = tmp.resolve("data");
    TestData.ingestSamples(data);
    server =
        WebServer.start(
            ServeOptions.of(data)
                .withPort(0)
                .withSqlLimits(1000, 2, new MemoryLimit(MEMORY_LIMIT)));
    http = new Http(server);
    h31 = sql("SELECT report_id FROM reports WHERE fiscal_year = 2019").get(0).get(0).toString();
    allData = tmp.resolve("all-samples");
    TestData.ingestAllSamples(allData);
    allServer = WebServer.start(ServeOptions.of(allData).withPort(0));
    allHttp = new Http(allServer);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (allServer != null) {
      allServer.close();
    }
  }

  static List<List<Object>> sql(String query) throws Exception {
    return TestData.sql(data, query);
  }

  static JsonObject allJson(String path) {
    Http.Answer a = allHttp.get(path);
    assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
    return a.json().getAsJsonObject();
  }

  /** A JSON value as the warehouse's row prints it: numbers as doubles, null as "null". */
  static String str(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "null";
    }
    return e.getAsJsonPrimitive().isNumber()
        ? String.valueOf(e.getAsDouble())
        : e.getAsJsonPrimitive().getAsString();
  }

  static String str(Object o) {
    return o instanceof Number n ? String.valueOf(n.doubleValue()) : String.valueOf(o);
  }

  /** The named fields of a JSON object, as one line to compare with a warehouse row. */
  static String fields(JsonObject o, String... names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(str(o.get(n)));
    }
    return String.join(" | ", out);
  }

  static String row(List<Object> r) {
    List<String> out = new ArrayList<>();
    for (Object o : r) {
      out.add(str(o));
    }
    return String.join(" | ", out);
  }

  static List<String> rows(Path dataDir, String query) throws Exception {
    return TestData.sql(dataDir, query).stream().map(WebApiTest::row).toList();
  }

  @Test
  void searchGradesAndTheGradeFacetAreTheWarehouseGrades() throws Exception {
    JsonObject r = allJson("/api/search?q=" + enc("参加"));
    JsonArray facet = r.getAsJsonObject("facets").getAsJsonArray("grade");
    assertThat(facet).hasSizeGreaterThan(1);
    for (JsonElement f : facet) {
      String grade = f.getAsJsonObject().get("value").getAsString();
      int count = f.getAsJsonObject().get("count").getAsInt();
      // The facet's count is what the filter on that grade finds (lower case as the CLI takes it).
      JsonObject narrowed =
          allJson(
              "/api/search?q="
                  + enc("参加")
                  + "&size=100&grade="
                  + enc(grade.toLowerCase(java.util.Locale.ROOT)));
      assertThat(narrowed.get("total").getAsInt()).as(grade).isEqualTo(count);
      assertThat(narrowed.getAsJsonArray("hits")).hasSize(Math.min(count, 100));
      for (JsonElement h : narrowed.getAsJsonArray("hits")) {
        JsonObject hit = h.getAsJsonObject();
        String where =
            "report_id = '"
                + hit.get("report_id").getAsString()
                + "' AND project_no = "
                + hit.get("project_no").getAsInt();
        // Each hit's KPIs carry the grades of its kpis rows ...
        List<String> shown = new ArrayList<>();
        for (JsonElement k : hit.getAsJsonArray("kpis")) {
          shown.add(
              fields(
                  k.getAsJsonObject(),
                  "kpi_no",
                  "achievement",
                  "grade",
                  "grade_by_rule",
                  "effective_grade",
                  "progress"));
        }
        assertThat(shown)
            .isEqualTo(
                rows(
                    allData,
                    "SELECT kpi_no, achievement, grade, grade_by_rule,"
                        + " coalesce(grade, grade_by_rule), progress FROM kpis WHERE "
                        + where
                        + " ORDER BY kpi_no"));
        // ... and its project has a KPI of the grade filtered on (printed, else by rule).
        assertThat(
                rows(
                    allData,
                    "SELECT kpi_no FROM kpis WHERE "
                        + where
                        + " AND coalesce(grade, grade_by_rule) = '"
                        + grade
                        + "'"))
            .isNotEmpty();
      }
    }
    // Several grades: any of them; the URL's form of the CLI's --grade c,d.
    JsonObject cd = allJson("/api/search?q=" + enc("参加") + "&grade=" + enc("c,d"));
    int c = facetCount(facet, "C");
    int d = facetCount(facet, "D");
    assertThat(cd.get("total").getAsInt()).isBetween(Math.max(c, d), c + d);
    // The strategy reports grade nothing: a grade filter on the score-only samples finds none.
    assertThat(json("/api/search?q=" + enc("除雪") + "&grade=A").get("total").getAsInt()).isZero();
    Http.Answer bad = allHttp.get("/api/search?q=" + enc("参加") + "&grade=" + enc(","));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("names no grade");
  }

  static int facetCount(JsonArray facet, String value) {
    for (JsonElement f : facet) {
      if (f.getAsJsonObject().get("value").getAsString().equals(value)) {
        return f.getAsJsonObject().get("count").getAsInt();
      }
    }
    return 0;
  }

  @Test
  void optionsListTheGradesAndTheNewKinds() throws Exception {
    JsonObject o = allJson("/api/options");
    List<String> grades = new ArrayList<>();
    o.getAsJsonArray("grades").forEach(g -> grades.add(g.getAsString()));
    assertThat(grades)
        .isNotEmpty()
        .isEqualTo(
            rows(
                allData,
                "SELECT DISTINCT coalesce(grade, grade_by_rule) FROM current_kpis"
                    + " WHERE coalesce(grade, grade_by_rule) IS NOT NULL ORDER BY 1"));
    assertThat(o.getAsJsonArray("kinds").toString())
        .contains("\"effect_factors\"", "\"future_work\"", "\"target_basis\"");
    assertThat(json("/api/options").getAsJsonArray("grades")).isEmpty();
  }

  @Test
  void projectGradesByYearAreTheWarehouseRows() throws Exception {
    List<List<Object>> mismatched =
        TestData.sql(
            allData,
            "SELECT DISTINCT series, project_key FROM current_kpis WHERE grade_status = 'mismatch'"
                + " ORDER BY 2");
    assertThat(mismatched).hasSize(3);
    for (List<Object> m : mismatched) {
      String series = m.get(0).toString();
      String key = m.get(1).toString();
      JsonObject p = allJson("/api/projects?series=" + enc(series) + "&key=" + enc(key));
      assertThat(p.get("has_grade").getAsBoolean()).isTrue();
      String where = " WHERE series = '" + series + "' AND project_key = '" + key + "'";
      List<String> years = new ArrayList<>();
      p.getAsJsonArray("years")
          .forEach(y -> years.add(fields(y.getAsJsonObject(), "fiscal_year", "layout")));
      assertThat(years)
          .isEqualTo(
              rows(
                  allData,
                  "SELECT report_fiscal_year, layout FROM current_projects"
                      + where
                      + " ORDER BY 1, 2, report_id"));
      String[] cols = {
        "report_id",
        "layout",
        "kpi_no",
        "score",
        "achievement",
        "achievement_printed",
        "grade",
        "grade_printed",
        "grade_by_rule",
        "grade_status",
        "grade_page"
      };
      List<String> scores = new ArrayList<>();
      p.getAsJsonArray("scores").forEach(x -> scores.add(fields(x.getAsJsonObject(), cols)));
      assertThat(scores)
          .isEqualTo(
              rows(
                  allData,
                  "SELECT "
                      + String.join(", ", cols)
                      + " FROM current_kpis"
                      + where
                      + " ORDER BY report_fiscal_year, layout, report_id, kpi_no"));
      assertThat(scores).anyMatch(x -> x.contains("| mismatch |"));
      // The texts of the sheets' kinds: its narratives and each KPI's 設定根拠.
      List<String> texts = new ArrayList<>();
      p.getAsJsonArray("texts")
          .forEach(
              t -> {
                String kind = t.getAsJsonObject().get("kind").getAsString();
                if (List.of("effect_factors", "future_work", "target_basis").contains(kind)) {
                  texts.add(fields(t.getAsJsonObject(), "report_id", "kind", "text", "page"));
                }
              });
      assertThat(texts)
          .containsExactlyInAnyOrderElementsOf(
              rows(
                  allData,
                  "SELECT n.report_id, n.kind, n.text, n.page FROM current_narratives n"
                      + " JOIN current_projects p USING (report_id, project_no)"
                      + " WHERE p.series = '"
                      + series
                      + "' AND p.project_key = '"
                      + key
                      + "' AND n.kind IN ('effect_factors', 'future_work')"
                      + " UNION ALL SELECT report_id, 'target_basis', target_basis, page"
                      + " FROM current_kpis"
                      + where
                      + " AND target_basis IS NOT NULL"))
          .anyMatch(x -> x.contains("| effect_factors |"))
          .anyMatch(x -> x.contains("| future_work |"))
          .anyMatch(x -> x.contains("| target_basis |"));
    }
  }

  @Test
  void reportLayoutAndGradeMismatchesAreTheWarehouseRows() throws Exception {
    List<List<Object>> reports =
        TestData.sql(
            allData,
            "SELECT report_id, layout, grade_mismatches, score_mismatches FROM reports"
                + " ORDER BY report_id");
    assertThat(reports).hasSize(3);
    JsonArray list = allJson("/api/reports").getAsJsonArray("reports");
    assertThat(list).hasSize(3);
    for (List<Object> rep : reports) {
      String id = rep.get(0).toString();
      JsonObject r = allJson("/api/reports/" + id);
      assertThat(fields(r, "layout", "grade_mismatches", "score_mismatches"))
          .isEqualTo(row(rep.subList(1, 4)));
      List<String> shown = new ArrayList<>();
      r.getAsJsonArray("grade_mismatch_kpis")
          .forEach(
              k ->
                  shown.add(
                      fields(
                          k.getAsJsonObject(),
                          "project_no",
                          "kpi_no",
                          "name",
                          "achievement_printed",
                          "grade_printed",
                          "grade",
                          "grade_by_rule",
                          "grade_note",
                          "grade_page")));
      assertThat(shown)
          .isEqualTo(
              rows(
                  allData,
                  "SELECT project_no, kpi_no, name, achievement_printed, grade_printed, grade,"
                      + " grade_by_rule, grade_note, grade_page FROM kpis WHERE report_id = '"
                      + id
                      + "' AND grade_status = 'mismatch' ORDER BY project_no, kpi_no"));
      boolean sheet = "kpi-sheet".equals(rep.get(1));
      assertThat(r.get("has_grade").getAsBoolean()).isEqualTo(sheet);
      assertThat(shown).hasSize(sheet ? ((Number) rep.get(2)).intValue() : 0);
      if (sheet) {
        assertThat(shown).hasSize(3);
        assertThat(r.get("grade_legend").getAsString()).contains("評価基準");
      }
    }
  }

  static JsonObject json(String path) {
    Http.Answer a = http.get(path);
    assertThat(a.status()).as(path + ": " + a.body()).isEqualTo(200);
    return a.json().getAsJsonObject();
  }

  @Test
  void searchFindsProject8FirstWithHighlightsFacetsAndKpiScores() {
    JsonObject r = json("/api/search?q=" + enc("除雪"));
    assertThat(r.get("total").getAsInt()).isEqualTo(13);
    JsonObject first = r.getAsJsonArray("hits").get(0).getAsJsonObject();
    assertThat(first.get("project_no").getAsInt()).isEqualTo(8);
    assertThat(first.get("snippet").getAsString()).contains("«除雪»");
    assertThat(first.get("mark").getAsString()).isEqualTo("除雪");
    assertThat(first.getAsJsonArray("kpis")).hasSize(2);
    JsonObject kpi1 = first.getAsJsonArray("kpis").get(0).getAsJsonObject();
    assertThat(kpi1.get("name").getAsString()).isEqualTo("市民の声「除雪依頼」件数");
    assertThat(kpi1.get("score").getAsDouble()).isEqualTo(100.0);
    assertThat(kpi1.get("achieved").getAsBoolean()).isTrue();
    JsonArray departments = r.getAsJsonObject("facets").getAsJsonArray("department");
    assertThat(departments.get(0).getAsJsonObject().get("value").getAsString()).isEqualTo("建設部");
    assertThat(departments.get(0).getAsJsonObject().get("count").getAsInt()).isEqualTo(13);
  }

  @Test
  void filtersNarrowAndPagesSlice() {
    JsonObject kpi = json("/api/search?q=" + enc("除雪") + "&kind=kpi");
    assertThat(kpi.get("total").getAsInt()).isEqualTo(2);
    for (JsonElement h : kpi.getAsJsonArray("hits")) {
      assertThat(h.getAsJsonObject().get("kind").getAsString()).isEqualTo("kpi");
    }
    JsonObject y2018 = json("/api/search?q=" + enc("除雪") + "&year=2018");
    assertThat(y2018.get("total").getAsInt()).isEqualTo(6);
    // the era forms a researcher types give the same filter
    for (String era : List.of("平成30", "H30年度", "２０１８年度")) {
      assertThat(json("/api/search?q=" + enc("除雪") + "&year=" + enc(era))).isEqualTo(y2018);
    }
    assertThat(json("/api/search?q=" + enc("除雪") + "&year=" + enc("令和元")))
        .isEqualTo(json("/api/search?q=" + enc("除雪") + "&year=2019"));
    JsonObject page2 = json("/api/search?q=" + enc("除雪") + "&size=5&page=2");
    assertThat(page2.get("pages").getAsInt()).isEqualTo(3);
    JsonArray hits = page2.getAsJsonArray("hits");
    assertThat(hits).hasSize(5);
    assertThat(hits.get(0).getAsJsonObject().get("rank").getAsInt()).isEqualTo(6);
    JsonObject all = json("/api/search?q=" + enc("除雪") + "&size=20");
    assertThat(hits.get(0).getAsJsonObject().get("snippet"))
        .isEqualTo(all.getAsJsonArray("hits").get(5).getAsJsonObject().get("snippet"));
  }

  @Test
  void aBadSearchOrFilterIsA400WithOneLine() {
    Http.Answer quote = http.get("/api/search?q=" + enc("\"除雪"));
    assertThat(quote.status()).isEqualTo(400);
    assertThat(quote.json().getAsJsonObject().get("error").getAsString()).contains("quote");
    Http.Answer year = http.get("/api/search?q=" + enc("除雪") + "&year=" + enc("昭和64"));
    assertThat(year.status()).isEqualTo(400);
    assertThat(year.json().getAsJsonObject().get("error").getAsString())
        .isEqualTo(
            "year '昭和64' is not a fiscal year: write it as 2019, 2019年度, 令和元 (R1) or 平成31"
                + " (H31)");
  }

  @Test
  void projectPagePointsAreTheWarehouseValues() throws Exception {
    JsonObject p = json("/api/projects?series=samples&key=" + enc("除雪事業"));
    assertThat(p.getAsJsonArray("years")).hasSize(2);
    JsonArray kpis = p.getAsJsonArray("kpis");
    assertThat(kpis).hasSize(2);
    for (JsonElement k : kpis) {
      JsonObject kpi = k.getAsJsonObject();
      List<String> expected = new ArrayList<>();
      for (List<Object> row :
          sql(
              "SELECT fiscal_year, kind, value, printed, qualifier FROM kpi_series_values"
                  + " WHERE kpi_key = '"
                  + kpi.get("kpi_key").getAsString()
                  + "' ORDER BY fiscal_year, kind")) {
        expected.add(row.toString());
      }
      List<String> got = new ArrayList<>();
      for (JsonElement e : kpi.getAsJsonArray("points")) {
        JsonObject pt = e.getAsJsonObject();
        got.add(
            java.util.Arrays.asList(
                    pt.get("fiscal_year").getAsInt(),
                    pt.get("kind").getAsString(),
                    pt.get("value").getAsDouble(),
                    pt.get("printed").getAsString(),
                    pt.get("qualifier").isJsonNull() ? null : pt.get("qualifier").getAsString())
                .toString());
        assertThat(pt.get("page").getAsInt()).isEqualTo(5);
      }
      assertThat(got).isEqualTo(expected).isNotEmpty();
    }
    assertThat(p.getAsJsonArray("scores")).hasSize(4);
    assertThat(p.getAsJsonArray("texts").size()).isGreaterThan(4);
    assertThat(p.getAsJsonArray("budget_items")).hasSize(2);
    assertThat(p.getAsJsonArray("conflicts")).isEmpty();
    assertThat(http.get("/api/projects?series=samples&key=nothing").status()).isEqualTo(404);
  }

  @Test
  void aWarehouseOfAnOlderHyokaShowsTheProjectPageWithoutQualifiers() throws Exception {
    // hyoka serve before the next ingest has upgraded the warehouse: its views lack the columns
    // added since (here kpi_series_values.qualifier, as the hyoka before qualifiers made it)
    Path old = tmp.resolve("older");
    TestData.ingestSamples(old);
    String view =
        hyoka.warehouse.Schema.VIEWS.stream()
            .filter(v -> v[0].equals("kpi_series_values"))
            .findFirst()
            .orElseThrow()[1];
    try (var c =
            java.sql.DriverManager.getConnection(
                "jdbc:duckdb:" + new hyoka.warehouse.Warehouse(old).dbFile());
        var st = c.createStatement()) {
      st.execute(
          "CREATE OR REPLACE VIEW kpi_series_values AS SELECT * EXCLUDE (qualifier) FROM ("
              + view
              + ")");
    }
    try (WebServer oldServer = WebServer.start(ServeOptions.of(old).withPort(0))) {
      Http.Answer a = new Http(oldServer).get("/api/projects?series=samples&key=" + enc("除雪事業"));
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      JsonArray kpis = a.json().getAsJsonObject().getAsJsonArray("kpis");
      assertThat(kpis).hasSize(2);
      for (JsonElement k : kpis) {
        JsonArray points = k.getAsJsonObject().getAsJsonArray("points");
        assertThat(points).isNotEmpty();
        for (JsonElement pt : points) {
          assertThat(pt.getAsJsonObject().get("qualifier").isJsonNull()).isTrue();
          assertThat(pt.getAsJsonObject().get("printed").getAsString()).isNotEmpty();
        }
      }
    }
  }

  @Test
  void reportPageHasProjectsMismatchesAndUnknownLines() {
    JsonObject r = json("/api/reports/" + h31);
    assertThat(r.getAsJsonArray("projects")).hasSize(62);
    assertThat(r.getAsJsonArray("mismatches")).hasSize(2);
    assertThat(r.getAsJsonArray("unknown_lines")).hasSize(3);
    JsonObject line = r.getAsJsonArray("unknown_lines").get(0).getAsJsonObject();
    assertThat(line.get("page").getAsInt()).isPositive();
    assertThat(line.get("line_no").getAsInt()).isPositive();
    assertThat(json("/api/reports").getAsJsonArray("reports")).hasSize(2);
    Http.Answer missing = http.get("/api/reports/0000000000000000");
    assertThat(missing.status()).isEqualTo(404);
    JsonObject error = missing.json().getAsJsonObject();
    assertThat(error.get("error").getAsString()).contains("0000000000000000");
    assertThat(error.get("code").getAsString()).isEqualTo("not_found");
  }

  @Test
  void aReportsHeadIsItsReportsRowAloneAsTheWholeReportHasIt() {
    JsonObject whole = json("/api/reports/" + h31);
    JsonObject head = json("/api/reports/" + h31 + "/head");
    assertThat(head.get("page_count").getAsInt()).isPositive();
    assertThat(head.get("fiscal_year").getAsInt()).isEqualTo(2019);
    assertThat(head.has("projects")).isFalse();
    // every field of the head, and nothing else, is the whole report's but its lists and has_grade
    JsonObject rest = whole.deepCopy();
    for (String list :
        List.of("has_grade", "projects", "mismatches", "grade_mismatch_kpis", "unknown_lines")) {
      rest.remove(list);
    }
    assertThat(head).isEqualTo(rest);
    assertThat(http.get("/api/reports/0000000000000000/head").status()).isEqualTo(404);
  }

  @Test
  void pageImageAndTheBoxAroundAPrintedValue() {
    byte[] png = http.bytes("/api/reports/" + h31 + "/pages/5.png");
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    JsonObject found = json("/api/reports/" + h31 + "/pages/5/find?text=274.8");
    assertThat(found.get("matches").getAsInt()).isEqualTo(1);
    JsonObject box = found.getAsJsonArray("boxes").get(0).getAsJsonObject();
    for (String k : List.of("x", "y", "w", "h")) {
      assertThat(box.get(k).getAsDouble()).isBetween(0.0, 1.0);
    }
    // On page 5 the value stands in the first table row, right of the yearly actuals.
    assertThat(box.get("y").getAsDouble()).isLessThan(0.3);
    assertThat(box.get("w").getAsDouble()).isLessThan(0.1);
    // A text printed on two lines (a wrapped 現状分析) is two boxes.
    JsonObject wrapped =
        json("/api/reports/" + h31 + "/pages/5/find?text=" + enc("効果があったものと思われ、H31年度目標を達成している"));
    assertThat(wrapped.get("matches").getAsInt()).isEqualTo(1);
    assertThat(wrapped.getAsJsonArray("boxes")).hasSize(2);
    assertThat(http.get("/api/reports/" + h31 + "/pages/0.png").status()).isEqualTo(404);
    Http.Answer beyond = http.get("/api/reports/" + h31 + "/pages/99.png");
    assertThat(beyond.status()).isEqualTo(404);
    assertThat(beyond.body()).contains("has pages 1-36");
  }

  /**
   * A parameter Javalin would read as another (dropped for a broken %-escape, U+FFFD for bytes that
   * are not UTF-8, the first of a repeated one) is a 400 naming it: {@code year=%zz} searched every
   * year and {@code q=SELECT+10%} ran as an empty query before.
   */
  @Test
  void aBrokenOrRepeatedParameterIsA400NamingIt() throws Exception {
    String q = "/api/search?q=" + enc("除雪");
    assertThat(json(q).get("total").getAsInt()).isEqualTo(13);
    Map<String, String> cases =
        Map.of(
            q + "&year=%zz",
            "the parameter 'year' has a '%' not followed by two hex digits: '%zz' (write a % itself"
                + " as %25)",
            "/api/sql?q=SELECT+10%",
            "the parameter 'q' has a '%' not followed by two hex digits: '%' (write a % itself as"
                + " %25)",
            "/api/search?q=%E9%99",
            "the parameter 'q' is not UTF-8 once its %-escapes are decoded",
            q + "&q=" + enc("排雪"),
            "the parameter 'q' is given more than once: give it once (several grades go in one, as"
                + " grade=c,d)",
            q + "&size=1&size=2",
            "the parameter 'size' is given more than once: give it once (several grades go in one,"
                + " as grade=c,d)");
    String host = "127.0.0.1:" + server.port();
    for (Map.Entry<String, String> c : cases.entrySet()) {
      // over a socket: java.net.URI refuses to send a broken %-escape
      String a = Http.rawGet(server.port(), c.getKey(), host);
      assertThat(a).as(c.getKey()).startsWith("HTTP/1.1 400").contains("\"" + c.getValue() + "\"");
    }
    // The pages are the shell: their script reads the URL itself
    assertThat(Http.rawGet(server.port(), "/search?q=%zz", host)).startsWith("HTTP/1.1 200");
    assertThat(json(q + "&size=1&&").get("size").getAsInt()).isEqualTo(1);
  }

  /**
   * The URL holds a page's state: a SQL query of 1,500 Japanese characters (13.5 KB encoded) is
   * read, where Jetty's default of 8 KiB answered an HTML "414 URI Too Long"; past 64 KiB, and for
   * the paths Jetty refuses itself, the answer is one line of JSON.
   */
  @Test
  void aLongQueryIsReadAndOnePastTheLimitIsOneLineOfJson() throws Exception {
    String literal = "除雪".repeat(750);
    JsonObject r = json("/api/sql?q=" + enc("SELECT length('" + literal + "') AS n"));
    assertThat(r.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsInt()).isEqualTo(1500);
    Http.Answer tooLong =
        http.get(
            "/api/sql?q=" + enc("SELECT '" + "x".repeat(JettyErrors.MAX_REQUEST_HEADER) + "'"));
    assertThat(tooLong.status()).isEqualTo(414);
    assertThat(tooLong.header("content-type")).startsWith("application/json");
    assertThat(tooLong.json().getAsJsonObject().get("error").getAsString())
        .isEqualTo(
            "the request is longer than the server reads (64 KiB of URL and headers): shorten the"
                + " query (hyoka sql and hyoka search have no such limit)");
    String ambiguous =
        Http.rawGet(server.port(), "/static/%2e%2e/%2e%2e/app.html", "127.0.0.1:" + server.port());
    assertThat(ambiguous)
        .startsWith("HTTP/1.1 400")
        .contains("application/json")
        .contains("{\"error\":\"bad request\",\"code\":\"bad_request\"}")
        .doesNotContain("<html");
    assertThat(json("/api/status").get("reports").getAsInt()).isEqualTo(2);
  }

  /**
   * A department or group filter is matched as {@code *filter*}; Lucene refuses that wildcard's
   * automaton for 500 characters, which was a 500 (and {@code hyoka search --department} an
   * internal error). Past 200 characters it is a 400; 200 still searches.
   */
  @Test
  void aLongDepartmentOrGroupFilterIsA400NotA500() {
    String q = "/api/search?q=" + enc("除雪");
    for (String filter : List.of("department", "group")) {
      Http.Answer tooLong = http.get(q + "&" + filter + "=" + "a".repeat(500));
      assertThat(tooLong.status()).as(filter + ": " + tooLong.body()).isEqualTo(400);
      assertThat(tooLong.json().getAsJsonObject().get("error").getAsString())
          .isEqualTo(
              filter
                  + " filter of 500 characters: at most 200 are matched (a part of the name is"
                  + " enough, such as 建設)");
      assertThat(json(q + "&" + filter + "=" + "a".repeat(200)).get("total").getAsInt()).isZero();
    }
    assertThat(json(q + "&department=" + enc("建設")).get("total").getAsInt()).isEqualTo(13);
  }

  @Test
  void aMethodOtherThanGetIs405() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/api/sql?q=" + enc("SELECT 1"), "/api/reports/" + h31)) {
        Http.Answer a = http.send(method, path);
        assertThat(a.status()).as(method + " " + path).isEqualTo(405);
        assertThat(a.header("allow")).isEqualTo("GET, HEAD");
        assertThat(a.json().getAsJsonObject().get("error").getAsString())
            .isEqualTo(method + " is not allowed: the server only reads (GET)");
      }
    }
  }

  /**
   * A HEAD is the GET without its body: the same status and type. Javalin answered every HEAD 200
   * with an empty text/plain, for a report that does not exist too.
   */
  @Test
  void aHeadAnswersAsItsGetWithoutTheBody() {
    for (String path :
        List.of(
            "/api/status",
            "/api/reports/" + h31,
            "/api/reports/nope",
            "/api/search?year=R0&q=" + enc("除雪"),
            "/")) {
      Http.Answer get = http.send("GET", path);
      Http.Answer head = http.send("HEAD", path);
      assertThat(head.status()).as(path).isEqualTo(get.status());
      assertThat(head.header("content-type")).as(path).isEqualTo(get.header("content-type"));
      assertThat(head.body()).as(path).isEmpty();
      assertThat(get.body()).as(path).isNotEmpty();
    }
    assertThat(http.send("HEAD", "/api/reports/nope").status()).isEqualTo(404);
  }

  /**
   * The row cap alone let one row be any size: {@code SELECT repeat('x', 100000000)} was 100 MB
   * held, encoded and sent. The page's table holds at most 8 Mi characters of text, a download 48
   * Mi.
   */
  @Test
  void sqlResultsAreBoundedBySizeToo() {
    long page = ServeOptions.PAGE_MAX_CHARS;
    JsonObject fits = json("/api/sql?q=" + enc("SELECT repeat('x', " + page + ") AS t"));
    assertThat(fits.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsString())
        .hasSize((int) page);
    for (String big :
        List.of(
            "SELECT repeat('x', " + (page + 1) + ")",
            "SELECT repeat('x', 1000000) FROM range(9)",
            "SELECT list(range) FROM range(2000000)",
            "SELECT {'a': repeat('x', " + (page + 1) + ")}")) {
      Http.Answer a = http.get("/api/sql?q=" + enc(big));
      assertThat(a.status()).as(big).isEqualTo(400);
      assertThat(a.json().getAsJsonObject().get("error").getAsString())
          .as(big)
          .startsWith("the result holds more than " + page + " characters of text (at row ");
    }
    String many = "SELECT repeat('x', 10000000) FROM range(6)";
    Http.Answer csv = http.get("/api/sql?format=csv&q=" + enc(many));
    assertThat(csv.status()).isEqualTo(400);
    assertThat(csv.body())
        .contains(
            "more than " + ServeOptions.DOWNLOAD_MAX_CHARS + " characters of text (at row 6)");
    Http.Answer five =
        http.get("/api/sql?format=csv&q=" + enc("SELECT repeat('x', 10000000) FROM range(5)"));
    assertThat(five.status()).isEqualTo(200);
    assertThat(five.body().split("\n")).hasSize(6);
    assertThat(json("/api/status").get("reports").getAsInt()).isEqualTo(2);
  }

  /**
   * A page is rendered to PNG in memory: ImageIO's default, a cache file in java.io.tmpdir, wrote
   * {@code /tmp/imageio*.tmp} for every page (strace of hyoka serve) and failed where that
   * directory cannot be written, here one that is gone.
   */
  @Test
  void aPageRendersWithoutATemporaryFile() throws Exception {
    Path gone = Files.createDirectory(tmp.resolve("imageio-cache"));
    javax.imageio.ImageIO.setCacheDirectory(gone.toFile());
    try {
      Files.delete(gone);
      // a page no other test renders, so not one of the server's cached PNGs
      Http.Answer png = http.get("/api/reports/" + h31 + "/pages/3.png");
      assertThat(png.status()).as(png.body()).isEqualTo(200);
      assertThat(png.header("content-type")).isEqualTo("image/png");
      assertThat(Files.exists(gone)).isFalse();
    } finally {
      javax.imageio.ImageIO.setCacheDirectory(null);
    }
  }

  /**
   * At most {@link WebServer#SQL_AT_ONCE} SQL queries run at once: six downloads of 50 M characters
   * at once ran the server out of its 2 GB heap and the JVM exited. A query beyond them waits as
   * long as a query may run (2 s here) and is then a 503; the other pages answer meanwhile.
   */
  @Test
  void sqlQueriesBeyondTheirSlotsWaitAndThenAre503() throws Exception {
    java.util.concurrent.Semaphore slots = server.sqlSlots();
    slots.acquire(WebServer.SQL_AT_ONCE);
    try {
      Http.Answer busy = http.get("/api/sql?q=" + enc("SELECT 1"));
      assertThat(busy.status()).isEqualTo(503);
      assertThat(busy.json().getAsJsonObject().get("error").getAsString())
          .isEqualTo(
              "the server is busy with other SQL queries (it runs 2 at once) and none made way"
                  + " within 2 s: try again in a moment");
      assertThat(json("/api/status").get("reports").getAsInt()).isEqualTo(2);
      assertThat(json("/api/search?q=" + enc("除雪")).get("total").getAsInt()).isEqualTo(13);
    } finally {
      slots.release(WebServer.SQL_AT_ONCE);
    }
    assertThat(json("/api/sql?q=" + enc("SELECT 1 AS one")).getAsJsonArray("rows").toString())
        .isEqualTo("[[1]]");
    assertThat(slots.availablePermits()).isEqualTo(WebServer.SQL_AT_ONCE);
  }

  @Test
  void noPathFromTheRequestReachesTheFileSystem() throws Exception {
    for (String path :
        List.of(
            "/static/../../../../etc/passwd",
            "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/webjars/../../../etc/passwd",
            "/api/reports/..%2F..%2F..%2Fetc%2Fpasswd/pages/1.png",
            "/api/reports/" + enc("../../samples/otaru-sogo-senryaku-h31.pdf") + "/pages/1.png")) {
      Http.Answer a = http.get(path);
      assertThat(a.body()).as(path).doesNotContain("root:x:0:0");
      assertThat(a.status()).as(path).isIn(400, 404);
    }
  }

  @Test
  void sqlReturnsRowsCsvAndJson() {
    String q = "SELECT fiscal_year, project_count FROM reports ORDER BY 1";
    JsonObject r = json("/api/sql?q=" + enc(q));
    assertThat(r.getAsJsonArray("columns").toString())
        .isEqualTo("[\"fiscal_year\",\"project_count\"]");
    assertThat(r.getAsJsonArray("rows").toString()).isEqualTo("[[2018,62],[2019,62]]");
    Http.Answer csv = http.get("/api/sql?format=csv&q=" + enc(q));
    assertThat(csv.header("content-type")).startsWith("text/csv");
    assertThat(csv.header("content-disposition")).contains("attachment");
    // As hyoka sql --format csv writes it: rows end with LF.
    assertThat(csv.body()).isEqualTo("fiscal_year,project_count\n2018,62\n2019,62\n");
    Http.Answer js = http.get("/api/sql?format=json&q=" + enc(q));
    assertThat(js.json().getAsJsonArray()).hasSize(2);
    JsonObject s =
        json(
            "/api/sql?q="
                + enc(
                    "SELECT count(*) AS n FROM search('除雪') s JOIN kpis k USING (report_id, project_no)"));
    assertThat(s.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsInt()).isEqualTo(26);
  }

  @Test
  void sqlHasNoFileAccessAndIsReadOnly() {
    for (String q :
        List.of(
            "SELECT * FROM read_csv('/etc/passwd')",
            "COPY reports TO '" + tmp.resolve("out.csv") + "'",
            "ATTACH '" + tmp.resolve("other.duckdb") + "'",
            "SELECT * FROM glob('/etc/*')",
            "INSTALL httpfs")) {
      Http.Answer a = http.get("/api/sql?q=" + enc(q));
      assertThat(a.status()).as(q).isEqualTo(400);
      assertThat(a.json().getAsJsonObject().get("error").getAsString())
          .as(q)
          .startsWith("refused: the SQL page has no file access");
    }
    assertThat(Files.exists(tmp.resolve("out.csv"))).isFalse();
    Http.Answer set = http.get("/api/sql?q=" + enc("SET enable_external_access = true"));
    assertThat(set.status()).isEqualTo(400);
    assertThat(set.body()).contains("cannot be changed");
    Http.Answer write = http.get("/api/sql?q=" + enc("DELETE FROM reports"));
    assertThat(write.status()).isEqualTo(400);
    assertThat(write.body()).contains("read-only");
    Http.Answer bad = http.get("/api/sql?q=" + enc("SELEC 1"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("syntax error");
  }

  @Test
  void sqlRowCapAndTimeLimitSaySo() {
    JsonObject capped = json("/api/sql?q=" + enc("SELECT * FROM range(5000)"));
    assertThat(capped.getAsJsonArray("rows")).hasSize(1000);
    assertThat(capped.get("truncated").getAsBoolean()).isTrue();
    Http.Answer csv = http.get("/api/sql?format=csv&q=" + enc("SELECT * FROM range(5000)"));
    assertThat(csv.body().split("\n")).hasSize(5001);
    Http.Answer tooMany = http.get("/api/sql?format=csv&q=" + enc("SELECT * FROM range(100001)"));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("more than 100000 rows");
    Http.Answer slow =
        http.get(
            "/api/sql?q=" + enc("SELECT count(*) FROM range(1000000000000) WHERE hash(range) = 7"));
    assertThat(slow.status()).isEqualTo(400);
    assertThat(slow.body()).contains("the query was stopped after 2 s, its time limit");
    // The server is still answering.
    assertThat(json("/api/status").get("reports").getAsInt()).isEqualTo(2);
  }

  @Test
  void sqlHasTheServersMemoryLimit() {
    JsonObject status = json("/api/status");
    assertThat(status.get("sql_memory_limit").getAsString()).isEqualTo(MEMORY_LIMIT);
    // Set when the instance was opened, and shared by the connections duplicated from it.
    JsonObject setting = json("/api/sql?q=" + enc("SELECT current_setting('memory_limit') AS m"));
    assertThat(setting.getAsJsonArray("rows").get(0).getAsJsonArray().get(0).getAsString())
        .isEqualTo("190.7 MiB");
    Http.Answer big =
        http.get("/api/sql?q=" + enc("SELECT list(range) AS l FROM range(100000000)"));
    assertThat(big.status()).as(big.body()).isEqualTo(400);
    assertThat(big.json().getAsJsonObject().get("error").getAsString())
        .startsWith("Out of Memory Error")
        .endsWith("(the server's memory limit for DuckDB, --sql-memory-limit: narrow the query)");
    assertThat(json("/api/reports").getAsJsonArray("reports")).hasSize(2);
  }

  @Test
  void anotherHostHeaderIsRefused() throws Exception {
    int port = server.port();
    String evil = Http.rawGet(port, "/api/status", "rebind.example:" + port);
    assertThat(evil)
        .startsWith("HTTP/1.1 403")
        .contains("DNS rebinding")
        .doesNotContain("current_reports");
    String page = Http.rawGet(port, "/search", "rebind.example:" + port);
    assertThat(page).startsWith("HTTP/1.1 403");
    String image =
        Http.rawGet(port, "/api/reports/" + h31 + "/pages/5.png", "127.0.0.1.nip.io:" + port);
    assertThat(image).startsWith("HTTP/1.1 403");
    assertThat(Http.rawGet(port, "/api/status", "localhost:" + port)).startsWith("HTTP/1.1 200");
    assertThat(Http.rawGet(port, "/api/status", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
    assertThat(Http.rawGet(port, "/static/app.js", "evil.example")).startsWith("HTTP/1.1 403");
  }

  @Test
  void crossOriginRequestsAreRefused() {
    Http.Answer origin = http.get("/api/sql?q=" + enc("SELECT 1"), "Origin", "http://evil.example");
    assertThat(origin.status()).isEqualTo(403);
    assertThat(origin.body()).contains("cross-origin");
    assertThat(origin.json().getAsJsonObject().get("code").getAsString()).isEqualTo("forbidden");
    Http.Answer site =
        http.get(
            "/api/search?q=" + enc("除雪"), "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors");
    assertThat(site.status()).isEqualTo(403);
    Http.Answer img =
        http.get(
            "/api/reports/" + h31 + "/pages/5.png",
            "Sec-Fetch-Site",
            "cross-site",
            "Sec-Fetch-Mode",
            "no-cors",
            "Sec-Fetch-Dest",
            "image");
    assertThat(img.status()).isEqualTo(403);
    // A link to a page from elsewhere (a shared search) opens; the page's own API calls are
    // same-origin.
    Http.Answer nav =
        http.get(
            "/search?q=" + enc("除雪"),
            "Sec-Fetch-Site",
            "cross-site",
            "Sec-Fetch-Mode",
            "navigate",
            "Sec-Fetch-Dest",
            "document");
    assertThat(nav.status()).isEqualTo(200);
    assertThat(nav.header("content-security-policy")).contains("script-src 'self'");
    String self = server.url().replaceAll("/$", "");
    assertThat(http.get("/api/status", "Origin", self, "Sec-Fetch-Site", "same-origin").status())
        .isEqualTo(200);
  }

  @Test
  void aMovedPdfGetsAClearMessageAndIsFoundInAPdfDir() throws Exception {
    Path inbox = tmp.resolve("inbox/reports");
    Files.createDirectories(inbox);
    Path pdf = Files.copy(Fixtures.samplePdf("h31"), inbox.resolve("h31.pdf"));
    Path moved = tmp.resolve("data-moved");
    TestData.ingest(moved, pdf);
    Path elsewhere = Files.createDirectories(tmp.resolve("archive"));
    Files.move(pdf, elsewhere.resolve("h31.pdf"));
    try (WebServer s = WebServer.start(ServeOptions.of(moved).withPort(0));
        WebServer found =
            WebServer.start(ServeOptions.of(moved).withPort(0).withPdfDirs(List.of(elsewhere)))) {
      Http h = new Http(s);
      String id = h.firstReport("report_id");
      Http.Answer gone = h.get("/api/reports/" + id + "/pages/5.png");
      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.json().getAsJsonObject().get("error").getAsString())
          .contains("is not where it was ingested from")
          .contains(pdf.toString())
          .contains("--pdf-dir");
      assertThat(new Http(found).bytes("/api/reports/" + id + "/pages/5.png"))
          .startsWith(0x89, 'P', 'N', 'G');
      // Another file under the same name is not the report: it is not shown.
      Files.writeString(pdf, "%PDF-1.4 not the report");
      Http.Answer other = h.get("/api/reports/" + id + "/pages/5.png");
      assertThat(other.status()).isEqualTo(404);
      assertThat(other.body()).contains("has other content now");
    }
  }
}
