package hyoka.web;

import static hyoka.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import hyoka.warehouse.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @BeforeAll
  static void start() throws Exception {
    Browser.requireChromium();
    data = tmp.resolve("data");
    TestData.ingestSamples(data);
    TestData.publishWithMarkup(data);
    server = WebServer.start(ServeOptions.of(data).withPort(0));
    base = server.url();
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

  @Test
  void pdfViewShowsPage5WithABoxAroundAPrintedValue() throws Exception {
    String h31;
    try (Connection c = new Warehouse(data).openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT report_id FROM reports WHERE series = 'samples' AND fiscal_year = 2019")) {
      rs.next();
      h31 = rs.getString(1);
    }
    // From the project page: the FY2019 actual of 除雪依頼 links to its page.
    browser.open(base + "page?report=" + h31 + "&page=5&text=274.8");
    WebElement img = browser.driver.findElement(By.id("page-image"));
    browser.waiting().until(d -> !d.findElements(By.id("hl-0")).isEmpty());
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
    // A page a researcher could be sent to that puts markup in the URL: shown as text too.
    browser.open(
        base + "page?report=x&page=1&text=" + enc("<img src=x onerror=window.hyokaPwned=1>"));
    assertThat(browser.js("return typeof window.hyokaPwned;")).isEqualTo("undefined");
  }

  @Test
  void reportPageListsProjectsMismatchesAndUnknownLines() throws Exception {
    browser.open(base + "reports");
    List<WebElement> links = browser.driver.findElements(By.cssSelector("#reports a"));
    assertThat(links).hasSize(3);
    browser.driver.findElement(By.linkText("FY2019")).click();
    browser.waiting().until(d -> d.getCurrentUrl().contains("/report?id="));
    browser.open(browser.driver.getCurrentUrl());
    assertThat(browser.driver.findElements(By.cssSelector("#report-projects tr"))).hasSize(63);
    assertThat(browser.driver.findElements(By.cssSelector("#unknown tr")).size()).isGreaterThan(1);
    browser.screenshot("report");
    Files.writeString(
        Browser.SCREENSHOTS.resolve("README.txt"),
        "Screenshots the browser tests took of each page (test output).\n",
        StandardCharsets.UTF_8);
  }
}
