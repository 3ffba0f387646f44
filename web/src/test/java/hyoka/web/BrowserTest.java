package hyoka.web;

import static hyoka.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import hyoka.warehouse.MemoryLimit;
import hyoka.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The pages in a real browser (headless Chromium) over the samples as the real ingest loads them,
 * plus a report whose text is markup. Screenshots of each page are kept in target/screenshots/.
 */
class BrowserTest {
  @TempDir static Path tmp;
  static Path data;
  static WebServer server;
  static Browser browser;
  static String base;

  /** Every sample of samples/, the FY2019 sheets (grades) among them: the grade pages' server. */
  static Path allData;

  static WebServer allServer;
  static String allBase;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireChromium();
    data = tmp.resolve("data");
    TestData.ingestSamples(data);
    TestData.publishWithMarkup(data);
    server = WebServer.start(ServeOptions.of(data).withPort(0));
    base = server.url();
    allData = tmp.resolve("all-samples");
    TestData.ingestAllSamples(allData);
    allServer = WebServer.start(ServeOptions.of(allData).withPort(0));
    allBase = allServer.url();
    browser = Browser.start(tmp.resolve("chromium-profile"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (allServer != null) {
      allServer.close();
    }
  }

  @Test
  void clickingAGradeFacetNarrowsTheHitsToThatGrade() throws Exception {
    browser.open(allBase + "search?q=" + enc("参加") + "&size=100");
    long all = total();
    List<WebElement> grades =
        browser.driver.findElements(By.cssSelector("ul[data-facet=grade] a.facet"));
    assertThat(grades).hasSizeGreaterThan(1);
    // The grade the most texts have among the matches, below all of them.
    WebElement facet = grades.get(0);
    String grade = facet.getAttribute("data-value");
    long count = Long.parseLong(facet.findElement(By.xpath("following-sibling::span")).getText());
    assertThat(count).isLessThan(all);
    facet.click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("grade=" + grade));
    browser.open(browser.driver.getCurrentUrl());
    assertThat(total()).isEqualTo(count);
    List<WebElement> hits = browser.driver.findElements(By.cssSelector("#hits .hit"));
    assertThat(hits).hasSize((int) Math.min(count, 100));
    for (WebElement hit : hits) {
      // Every hit's project has a KPI of that grade, shown beside its scores as a chip.
      assertThat(
              hit.findElements(By.cssSelector(".kpis .kpi.graded")).stream()
                  .map(k -> k.getAttribute("data-grade")))
          .contains(grade);
    }
    // The form holds the grade of the URL, and the facet offers to remove it.
    assertThat(
            browser.driver.findElement(By.cssSelector("input[name=grade]")).getAttribute("value"))
        .isEqualTo(grade);
    assertThat(browser.driver.findElement(By.cssSelector("ul[data-facet=grade] a.clear")).getText())
        .isEqualTo("× " + grade);
    browser.screenshot("search-grade");
    // The kind filter names the sheets' kinds readably.
    assertThat(
            browser.driver.findElements(By.cssSelector("select[name=kind] option")).stream()
                .map(WebElement::getText))
        .contains("効果発現要因 (effect_factors)", "今後の取組 (future_work)", "設定根拠 (target_basis)");
    // Several grades typed as the CLI takes them, lower case: any of them.
    browser.open(allBase + "search?q=" + enc("参加") + "&size=100&grade=" + enc("c,d"));
    Http.Answer api =
        new Http(allServer).get("/api/search?q=" + enc("参加") + "&size=100&grade=" + enc("c,d"));
    assertThat(total())
        .isPositive()
        .isEqualTo(api.json().getAsJsonObject().get("total").getAsLong());
    for (WebElement hit : browser.driver.findElements(By.cssSelector("#hits .hit"))) {
      assertThat(
              hit.findElements(By.cssSelector(".kpis .kpi.graded")).stream()
                  .map(k -> k.getAttribute("data-grade")))
          .containsAnyOf("C", "D");
    }
  }

  @Test
  void theProjectPageOfAGradeMismatchShowsBothGrades() throws Exception {
    List<List<Object>> mismatches =
        TestData.sql(
            allData,
            "SELECT series, project_key, kpi_key, grade, grade_by_rule, achievement_printed,"
                + " report_id FROM current_kpis WHERE grade_status = 'mismatch' ORDER BY 2");
    assertThat(mismatches).hasSize(3);
    for (List<Object> m : mismatches) {
      browser.open(
          allBase
              + "project?series="
              + enc(m.get(0).toString())
              + "&key="
              + enc(m.get(1).toString()));
      WebElement row =
          browser.driver.findElement(By.cssSelector("#scores tr[data-kpi-key='" + m.get(2) + "']"));
      WebElement cell = row.findElement(By.cssSelector("td.grade.mismatch"));
      assertThat(cell.getAttribute("data-grade")).isEqualTo(m.get(3));
      assertThat(cell.getAttribute("data-grade-by-rule")).isEqualTo(m.get(4));
      assertThat(cell.getText())
          .contains(m.get(3) + " ≠ " + m.get(4) + " by rule")
          .contains(m.get(5).toString());
      // The printed grade links to the sheet's page.
      assertThat(cell.findElement(By.cssSelector("a.printed-grade")).getAttribute("href"))
          .contains("report=" + m.get(6));
      // The FY2019 report's score of the same KPI is in its own column beside the sheet's grade.
      assertThat(
              browser.driver.findElements(By.cssSelector("#scores th")).stream()
                  .map(WebElement::getText))
          .contains("FY2019 kpi-sheet", "FY2019 strategy-report");
      // The sheet's texts of its own kinds.
      assertThat(
              browser.driver.findElements(By.cssSelector("#texts .note")).stream()
                  .map(e -> e.getAttribute("data-kind")))
          .contains("effect_factors", "future_work", "target_basis");
    }
    browser.screenshot("project-grades");
  }

  @Test
  void theSheetReportPageListsItsGradeMismatches() throws Exception {
    String id =
        TestData.sql(allData, "SELECT report_id FROM reports WHERE layout = 'kpi-sheet'")
            .get(0)
            .get(0)
            .toString();
    List<String> expected =
        TestData.sql(
                allData,
                "SELECT project_no, kpi_no, name, achievement_printed, grade_printed,"
                    + " grade_by_rule, grade_note, 'p. ' || grade_page FROM kpis"
                    + " WHERE report_id = '"
                    + id
                    + "' AND grade_status = 'mismatch' ORDER BY project_no, kpi_no")
            .stream()
            .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" | ")))
            .toList();
    assertThat(expected).hasSize(3);
    browser.open(allBase + "report?id=" + id);
    assertThat(browser.driver.findElement(By.id("report-info")).getText())
        .contains("layout kpi-sheet");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#grade-mismatches tr"));
    List<String> shown = new ArrayList<>();
    for (WebElement row : rows.subList(1, rows.size())) {
      shown.add(
          String.join(
              " | ",
              row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()));
    }
    assertThat(shown).isEqualTo(expected);
    browser.js("document.getElementById('grade-mismatches').scrollIntoView();");
    browser.screenshot("report-grades");
    // A mismatch's page link opens the sheet's page with the printed grade boxed.
    WebElement link = rows.get(1).findElement(By.cssSelector("td a"));
    String page = link.getText().substring("p. ".length());
    link.click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/page?"));
    browser
        .waiting()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertThat(browser.driver.getCurrentUrl()).contains("report=" + id).contains("page=" + page);
    // The strategy report of the same year prints no grade: no grade mismatches section.
    String report =
        TestData.sql(
                allData,
                "SELECT report_id FROM reports WHERE layout = 'strategy-report'"
                    + " AND fiscal_year = 2019")
            .get(0)
            .get(0)
            .toString();
    browser.open(allBase + "report?id=" + report);
    assertThat(browser.driver.findElements(By.id("grade-mismatches"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#mismatches tr"))).hasSizeGreaterThan(1);
  }

  @Test
  void searchShowsProject8FirstWithAHighlight() throws Exception {
    browser.open(base + "search?q=" + enc("除雪") + "&series=samples");
    List<WebElement> hits = browser.driver.findElements(By.cssSelector("#hits .hit"));
    assertThat(hits).isNotEmpty();
    WebElement first = hits.get(0);
    assertThat(first.getAttribute("data-project-no")).isEqualTo("8");
    assertThat(first.findElement(By.cssSelector(".project")).getText()).isEqualTo("8 除雪事業");
    List<WebElement> marks = first.findElements(By.cssSelector(".snippet mark"));
    assertThat(marks).isNotEmpty();
    assertThat(marks.get(0).getText()).isEqualTo("除雪");
    assertThat(marks.get(0).isDisplayed()).isTrue();
    assertThat(first.findElements(By.cssSelector(".kpis .kpi"))).hasSize(2);
    assertThat(browser.driver.findElement(By.id("total")).getText())
        .startsWith("13 matching texts");
    browser.screenshot("search");
    // The hit's page link opens its PDF page with the match boxed.
    first.findElement(By.cssSelector(".pagelink")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/page?"));
    browser.waiting().until(d -> !d.findElements(By.id("hl-0")).isEmpty());
    assertThat(browser.driver.getCurrentUrl()).contains("page=5").contains("text=");
    assertThat(browser.driver.findElement(By.id("found")).getText()).startsWith("“除雪” is printed");
    assertThat(browser.driver.findElements(By.cssSelector(".pageview .hl")).size())
        .isGreaterThan(1);
  }

  @Test
  void clickingAFacetNarrowsTheHitsAndTheUrlHoldsIt() throws Exception {
    browser.open(base + "search?q=" + enc("除雪") + "&series=samples");
    WebElement kpiFacet =
        browser.driver.findElement(By.cssSelector("ul[data-facet=kind] a.facet[data-value=kpi]"));
    String count = kpiFacet.findElement(By.xpath("following-sibling::span")).getText();
    kpiFacet.click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("kind=kpi"));
    browser.open(browser.driver.getCurrentUrl());
    List<WebElement> hits = browser.driver.findElements(By.cssSelector("#hits .hit"));
    assertThat(hits).hasSize(Integer.parseInt(count)).hasSizeLessThan(13);
    for (WebElement hit : hits) {
      assertThat(hit.findElement(By.cssSelector(".meta")).getText()).contains("(kpi)");
    }
    assertThat(browser.driver.findElement(By.id("total")).getText())
        .startsWith(count + " matching");
    // The form shows the state of the URL: the kind select has kpi, the query box 除雪.
    assertThat(
            browser.driver.findElement(By.cssSelector("select[name=kind]")).getAttribute("value"))
        .isEqualTo("kpi");
    assertThat(browser.driver.findElement(By.cssSelector("input[name=q]")).getAttribute("value"))
        .isEqualTo("除雪");
    browser.screenshot("search-facet");
    // Paging keeps the query: page 2 of size 5.
    browser.open(base + "search?q=" + enc("除雪") + "&series=samples&size=5");
    browser.driver.findElement(By.cssSelector("#pager a[data-page='2']")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("page=2"));
    browser.open(browser.driver.getCurrentUrl());
    assertThat(browser.driver.findElement(By.id("total")).getText()).contains("showing 6–10");
  }

  @Test
  void aScoreRangeFromTheFormNarrowsTheHits() throws Exception {
    // 事業 matches texts of most projects, whose KPI scores spread from below 0 to 100.
    browser.open(base + "search?q=" + enc("事業") + "&series=samples&size=50");
    long all = total();
    browser.driver.findElement(By.cssSelector("input[name=min_score]")).sendKeys("0");
    browser.driver.findElement(By.cssSelector("input[name=max_score]")).sendKeys("50");
    browser.driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("max_score=50"));
    browser.open(browser.driver.getCurrentUrl());
    assertThat(browser.driver.getCurrentUrl()).contains("min_score=0").contains("size=50");
    // What the API finds for the same range is what the page shows.
    Http.Answer api =
        new Http(server)
            .get("/api/search?q=" + enc("事業") + "&series=samples&size=50&min_score=0&max_score=50");
    long narrowed = total();
    assertThat(narrowed)
        .isPositive()
        .isLessThan(all)
        .isEqualTo(api.json().getAsJsonObject().get("total").getAsLong());
    List<WebElement> hits = browser.driver.findElements(By.cssSelector("#hits .hit"));
    assertThat(hits).isNotEmpty();
    for (WebElement hit : hits) {
      // Each hit's project has a KPI scored in the range (its chips carry the effective score).
      assertThat(
              hit.findElements(By.cssSelector(".kpis .kpi[data-score]")).stream()
                  .map(k -> Double.parseDouble(k.getAttribute("data-score")))
                  .toList())
          .as(hit.getText())
          .anyMatch(score -> score >= 0 && score <= 50);
    }
    browser.screenshot("search-score-range");
  }

  /** The number of matching texts the search page says it found. */
  private static long total() {
    String text = browser.driver.findElement(By.id("total")).getText();
    return Long.parseLong(text.substring(0, text.indexOf(' ')));
  }

  @Test
  void theUrlHoldsTheWholeQueryAndTheFormSendsItOn() throws Exception {
    Map<String, String> query =
        Map.ofEntries(
            Map.entry("q", "除雪"),
            Map.entry("year", "2019"),
            Map.entry("series", "samples"),
            Map.entry("project", "8"),
            Map.entry("department", "建設"),
            Map.entry("group", "1"),
            Map.entry("kind", "kpi"),
            Map.entry("min_score", "0"),
            Map.entry("max_score", "100"),
            Map.entry("all_reports", "true"),
            Map.entry("size", "5"));
    StringBuilder url = new StringBuilder(base + "search?");
    query.forEach((k, v) -> url.append(k).append('=').append(enc(v)).append('&'));
    browser.open(url.toString());
    List<WebElement> hits = browser.driver.findElements(By.cssSelector("#hits .hit"));
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).getAttribute("data-project-no")).isEqualTo("8");
    // Sent again unchanged, the form's search is the same query, every filter kept.
    browser.js("window.hyokaBefore = true;");
    browser.driver.findElement(By.cssSelector("#search-form button[type=submit]")).click();
    browser
        .waiting()
        .until(d -> browser.js("return window.hyokaBefore === undefined;").equals(true));
    browser.open(browser.driver.getCurrentUrl());
    @SuppressWarnings("unchecked")
    Map<String, Object> sent =
        (Map<String, Object>)
            browser.js("return Object.fromEntries(new URLSearchParams(location.search));");
    assertThat(sent).isEqualTo(query);
    assertThat(browser.driver.findElements(By.cssSelector("#hits .hit"))).hasSize(1);
  }

  @Test
  void projectChartPointsAreTheWarehouseValues() throws Exception {
    browser.open(base + "project?series=samples&key=" + enc("除雪事業"));
    List<WebElement> charts = browser.driver.findElements(By.cssSelector(".chart canvas"));
    assertThat(charts).hasSize(2);
    try (Connection c = new Warehouse(data).openReadOnly()) {
      for (String kpiKey : kpiKeys(c)) {
        List<List<Double>> actual = chartPoints(kpiKey, 0);
        List<List<Double>> target = chartPoints(kpiKey, 1);
        assertThat(actual).isEqualTo(values(c, kpiKey, "actual")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(target).isEqualTo(values(c, kpiKey, "target")).hasSize(1);
      }
    }
    // Hovering a point shows the printed value and the report it came from.
    @SuppressWarnings("unchecked")
    Map<String, Object> point =
        (Map<String, Object>)
            browser.js(
                "const c = Object.values(window.hyokaCharts)[0];"
                    + " const d = c.getOption().series[0].data[0];"
                    + " const [x, y] = c.convertToPixel({seriesIndex: 0}, d.value);"
                    + " c.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});"
                    + " return {printed: d.printed, report: d.report_id, x: x, y: y};");
    String tip =
        browser
            .waiting()
            .until(
                d -> {
                  List<WebElement> tips =
                      d.findElements(By.cssSelector(".chart div[style*='z-index']"));
                  for (WebElement t : tips) {
                    if (t.getText().contains("printed in")) {
                      return t.getText();
                    }
                  }
                  return null;
                });
    assertThat(tip).contains((String) point.get("printed")).contains((String) point.get("report"));
    browser.screenshot("project");
    // A click on the point opens the PDF page it was printed on, with the printed value boxed.
    WebElement chart = browser.driver.findElements(By.cssSelector(".chart")).get(0);
    var size = chart.getRect();
    new Actions(browser.driver)
        .moveToElement(
            chart,
            (int) Math.round(((Number) point.get("x")).doubleValue()) - size.getWidth() / 2,
            (int) Math.round(((Number) point.get("y")).doubleValue()) - size.getHeight() / 2)
        .click()
        .perform();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/page?"));
    browser.waiting().until(d -> !d.findElements(By.id("hl-0")).isEmpty());
    assertThat(browser.driver.getCurrentUrl())
        .contains("report=" + point.get("report"))
        .contains("page=5")
        .contains("text=" + enc((String) point.get("printed")));
    assertThat(browser.driver.findElement(By.id("found")).getText())
        .startsWith("“" + point.get("printed") + "” is printed");
  }

  private static List<String> kpiKeys(Connection c) throws Exception {
    List<String> keys = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT kpi_key FROM kpi_series_values WHERE series = 'samples'"
                    + " AND project_key = '除雪事業' ORDER BY 1")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  private static List<List<Double>> values(Connection c, String kpiKey, String kind)
      throws Exception {
    List<List<Double>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT fiscal_year, value FROM kpi_series_values WHERE series = 'samples' AND"
                    + " kpi_key = '"
                    + kpiKey
                    + "' AND kind = '"
                    + kind
                    + "' AND value IS NOT NULL ORDER BY fiscal_year")) {
      while (rs.next()) {
        out.add(List.of((double) rs.getInt(1), rs.getDouble(2)));
      }
    }
    return out;
  }

  /** The (year, value) points of one series of a KPI's chart, as ECharts holds them. */
  private static List<List<Double>> chartPoints(String kpiKey, int series) {
    @SuppressWarnings("unchecked")
    List<List<Object>> points =
        (List<List<Object>>)
            browser.js(
                "return window.hyokaCharts[arguments[0]].getOption().series[arguments[1]].data"
                    + ".map(d => d.value);",
                kpiKey,
                series);
    return numbers(points);
  }

  private static List<List<Double>> numbers(List<List<Object>> points) {
    List<List<Double>> out = new ArrayList<>();
    for (List<Object> p : points) {
      out.add(List.of(((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue()));
    }
    return out;
  }

  /** The report of {@code series} and {@code year}, from the warehouse. */
  private String reportId(String series, int year) throws SQLException {
    try (Connection c = new Warehouse(data).openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT report_id FROM reports WHERE series = '"
                    + series
                    + "' AND fiscal_year = "
                    + year)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void pdfViewShowsPage5WithABoxAroundAPrintedValue() throws Exception {
    String h31 = reportId("samples", 2019);
    // From the project page: the FY2019 actual of 除雪依頼 links to its page.
    browser.open(base + "page?report=" + h31 + "&page=5&text=274.8");
    WebElement img = browser.driver.findElement(By.id("page-image"));
    browser.waiting().until(d -> !d.findElements(By.id("hl-0")).isEmpty());
    // The view asks for the report's head and the page, never the whole report (every project,
    // KPI and unknown line), and names the page from the head.
    @SuppressWarnings("unchecked")
    List<String> asked =
        (List<String>)
            browser.js(
                "return performance.getEntriesByType('resource')"
                    + ".map(e => new URL(e.name).pathname);");
    assertThat(asked)
        .contains("/api/reports/" + h31 + "/head", "/api/reports/" + h31 + "/pages/5")
        .doesNotContain("/api/reports/" + h31);
    assertThat(browser.driver.findElement(By.tagName("h1")).getText())
        .matches("Page 5 of \\d+, FY2019 report of samples");
    assertThat(((Number) browser.js("return arguments[0].naturalWidth;", img)).intValue())
        .isGreaterThan(500);
    assertThat(img.getAttribute("src")).endsWith("/api/reports/" + h31 + "/pages/5");
    WebElement box = browser.driver.findElement(By.id("hl-0"));
    assertThat(box.isDisplayed()).isTrue();
    assertThat(browser.driver.findElements(By.cssSelector(".pageview .hl"))).hasSize(1);
    // The box lies on the image, and is small: around one printed number.
    var i = img.getRect();
    var b = box.getRect();
    assertThat(b.getX()).isBetween(i.getX(), i.getX() + i.getWidth());
    assertThat(b.getY()).isBetween(i.getY(), i.getY() + i.getHeight());
    assertThat(b.getWidth()).isBetween(10, i.getWidth() / 8);
    assertThat(b.getHeight()).isBetween(5, 40);
    assertThat(browser.driver.findElement(By.id("found")).getText()).contains("printed 1 time");
    // What is under the box on the rendered page is ink (the number), not blank paper.
    Number dark =
        (Number)
            browser.js(
                "const img = arguments[0], box = arguments[1];"
                    + " const c = document.createElement('canvas');"
                    + " c.width = img.naturalWidth; c.height = img.naturalHeight;"
                    + " const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
                    + " const sx = img.naturalWidth / img.clientWidth;"
                    + " const x = box.offsetLeft * sx, y = box.offsetTop * sx;"
                    + " const d = g.getImageData(x, y, box.offsetWidth * sx, box.offsetHeight * sx).data;"
                    + " let n = 0; for (let k = 0; k < d.length; k += 4) if (d[k] < 128) n++;"
                    + " return n;",
                img,
                box);
    assertThat(dark.intValue()).isGreaterThan(20);
    browser.screenshot("page");
  }

  @Test
  void sqlPageReturnsRowsAndACsvDownload() throws Exception {
    String q = "SELECT fiscal_year, project_count FROM reports WHERE series = 'samples' ORDER BY 1";
    browser.open(base + "sql");
    WebElement area = browser.driver.findElement(By.cssSelector("textarea[name=q]"));
    area.clear();
    area.sendKeys(q);
    browser.driver.findElement(By.id("run")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("q="));
    browser.waiting().until(d -> !d.findElements(By.id("result")).isEmpty());
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#result tr"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).getText()).isEqualTo("2018 62");
    assertThat(rows.get(2).getText()).isEqualTo("2019 62");
    browser.screenshot("sql");
    String href = browser.driver.findElement(By.id("csv")).getAttribute("href");
    // The download link as the browser fetches it: same origin, so the guard lets it through.
    // (chromedriver would turn CR LF into LF in returned strings: CRs are spelled out in the page.)
    @SuppressWarnings("unchecked")
    List<Object> download =
        (List<Object>)
            browser.js(
                "return fetch(arguments[0]).then(r => r.text().then(t =>"
                    + " [r.status, r.headers.get('content-disposition'), t.replaceAll('\\r', '<CR>')]));",
                href);
    assertThat(download.get(0)).isEqualTo(200L);
    assertThat((String) download.get(1)).startsWith("attachment");
    assertThat(download.get(2)).isEqualTo("fiscal_year,project_count\n2018,62\n2019,62\n");
    // The JSON link: the same rows, one object per row, as hyoka sql --format json writes them.
    @SuppressWarnings("unchecked")
    List<Object> json =
        (List<Object>)
            browser.js(
                "return fetch(arguments[0]).then(r => r.json().then(j =>"
                    + " [r.status, r.headers.get('content-disposition'), j]));",
                browser.driver.findElement(By.id("json")).getAttribute("href"));
    assertThat(json.get(0)).isEqualTo(200L);
    assertThat((String) json.get(1)).startsWith("attachment");
    assertThat(json.get(2))
        .isEqualTo(
            List.of(
                Map.of("fiscal_year", 2018L, "project_count", 62L),
                Map.of("fiscal_year", 2019L, "project_count", 62L)));
  }

  @Test
  void sqlPageSaysWhenTheRowCapOrTheTimeLimitStoppedAQuery() throws Exception {
    // A server of its own with a cap of 5 rows and a time limit of 1 s, over the same data.
    try (WebServer small =
        WebServer.start(
            ServeOptions.of(data)
                .withPort(0)
                .withSqlLimits(5, 1, new MemoryLimit(ServeOptions.DEFAULT_SQL_MEMORY_LIMIT)))) {
      browser.open(small.url() + "sql?q=" + enc("SELECT range AS n FROM range(8) ORDER BY n"));
      assertThat(browser.driver.findElements(By.cssSelector("#result tr"))).hasSize(1 + 5);
      assertThat(browser.driver.findElement(By.id("sql-info")).getText())
          .startsWith("5 rows in ")
          .contains("only the first 5 rows are shown (the row cap); a download holds more");
      browser.screenshot("sql-row-cap");
      String csv =
          (String)
              browser.js(
                  "return fetch(arguments[0]).then(r => r.text());",
                  browser.driver.findElement(By.id("csv")).getAttribute("href"));
      assertThat(csv.split("\n")).hasSize(1 + 8);
      browser.open(
          small.url()
              + "sql?q="
              + enc("SELECT count(*) FROM range(1000000000000) WHERE hash(range) = 7"));
      assertThat(browser.driver.findElement(By.id("error")).getText())
          .isEqualTo(
              "the query was stopped after 1 s, its time limit: narrow it (hyoka sql has no time"
                  + " limit)");
      browser.screenshot("sql-time-limit");
    }
  }

  @Test
  void aBadQueryShowsItsError() throws Exception {
    browser.open(base + "sql?q=" + enc("SELECT nosuchcolumn FROM reports"));
    WebElement error = browser.driver.findElement(By.id("error"));
    assertThat(error.getText()).contains("nosuchcolumn").contains("Binder Error");
    browser.open(base + "sql?q=" + enc("SELECT * FROM read_csv('/etc/passwd')"));
    assertThat(browser.driver.findElement(By.id("error")).getText())
        .startsWith("refused: the SQL page has no file access");
    browser.screenshot("sql-error");
    browser.open(base + "search?q=" + enc("\"除雪"));
    assertThat(browser.driver.findElement(By.id("error")).getText()).contains("quote");
  }

  @Test
  void markupInAReportIsShownAsTextAndNeverRun() throws Exception {
    browser.open(base + "search?q=" + enc("除排雪") + "&series=markup&kind=description");
    WebElement hit = browser.driver.findElement(By.cssSelector("#hits .hit"));
    assertThat(hit.findElement(By.cssSelector(".snippet")).getText()).contains(TestData.SCRIPT);
    assertThat(hit.findElements(By.tagName("script"))).isEmpty();
    assertThat(hit.findElements(By.tagName("b"))).isEmpty();
    assertThat(browser.js("return typeof window.hyokaPwned;")).isEqualTo("undefined");
    browser.screenshot("markup-search");
    browser.open(base + "project?series=markup&key=" + enc("除雪事業"));
    assertThat(browser.driver.findElement(By.id("years")).getText()).contains(TestData.SCRIPT);
    assertThat(browser.driver.findElements(By.cssSelector("main script"))).isEmpty();
    assertThat(browser.js("return typeof window.hyokaPwned;")).isEqualTo("undefined");
    // A page a researcher could be sent to that puts markup in the URL: shown as text too. The
    // report must exist, or the page stops at its error before the text reaches the page.
    String markup = "<img src=x onerror=window.hyokaPwned=1>";
    browser.open(base + "page?report=" + reportId("samples", 2019) + "&page=5&text=" + enc(markup));
    browser
        .waiting()
        .until(d -> d.findElement(By.id("found")).getText().contains("not found on this page"));
    assertThat(browser.driver.findElement(By.id("found")).getText()).contains(markup);
    assertThat(browser.driver.findElements(By.cssSelector("main img"))).hasSize(1);
    assertThat(browser.js("return typeof window.hyokaPwned;")).isEqualTo("undefined");
  }

  @Test
  void reportPageListsProjectsMismatchesAndUnknownLines() throws Exception {
    browser.open(base + "reports");
    List<WebElement> links = browser.driver.findElements(By.cssSelector("#reports a"));
    assertThat(links).hasSize(3);
    // The samples' FY2019 report (the markup series has one too, whose PDF is not on disk).
    browser
        .driver
        .findElement(By.xpath("//table[@id='reports']//tr[td[1]='samples']//a[text()='FY2019']"))
        .click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/report?id="));
    browser.open(browser.driver.getCurrentUrl());
    assertThat(browser.driver.findElements(By.cssSelector("#report-projects tr"))).hasSize(63);
    String id = browser.driver.getCurrentUrl().replaceAll(".*[?&]id=([0-9a-f]+).*", "$1");
    // The unknown lines, each with its file, page and line: the warehouse's residue rows.
    List<String> expected =
        TestData.sql(
                data,
                "SELECT r.source_file, 'p. ' || x.page, x.line_no, x.text FROM residue x"
                    + " JOIN reports r USING (report_id) WHERE x.report_id = '"
                    + id
                    + "' AND x.class = 'unknown' ORDER BY x.page, x.line_no")
            .stream()
            .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(" | ")))
            .toList();
    assertThat(expected).isNotEmpty();
    // The score mismatches: the report's KPI rows whose printed score is not hyoka's.
    long mismatches =
        ((Number)
                TestData.sql(
                        data,
                        "SELECT count(*) FROM kpis WHERE score_status = 'mismatch'"
                            + " AND report_id = '"
                            + id
                            + "'")
                    .get(0)
                    .get(0))
            .longValue();
    assertThat(mismatches).isPositive();
    assertThat(browser.driver.findElements(By.cssSelector("#mismatches tr")))
        .hasSize(1 + (int) mismatches);
    List<String> shown = new ArrayList<>();
    List<WebElement> unknown = browser.driver.findElements(By.cssSelector("#unknown tr"));
    for (WebElement row : unknown.subList(1, unknown.size())) {
      shown.add(
          String.join(
              " | ",
              row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()));
    }
    assertThat(shown).isEqualTo(expected);
    browser.screenshot("report");
    // An unknown line's page link opens that page of the report's PDF.
    WebElement first = unknown.get(1).findElement(By.cssSelector("td a"));
    String page = first.getText().substring("p. ".length());
    first.click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/page?"));
    browser
        .waiting()
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    assertThat(browser.driver.getCurrentUrl()).contains("report=" + id).contains("page=" + page);
    assertThat(browser.driver.findElement(By.id("page-image")).getAttribute("src"))
        .endsWith("/api/reports/" + id + "/pages/" + page);
    Files.writeString(
        Browser.SCREENSHOTS.resolve("README.txt"),
        "Screenshots the browser tests took of each page (test output).\n",
        StandardCharsets.UTF_8);
  }
}
