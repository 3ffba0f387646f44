package hyoka.web;

import static hyoka.web.Http.enc;

import hyoka.ingest.bench.Corpus;
import hyoka.search.SearchIndex;
import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.warehouse.ReportShard;
import hyoka.warehouse.RunStats;
import hyoka.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Page and API latency of hyoka serve, warm, over 100 reports (not a timed test): 50 copies each of
 * the two sample PDFs (ingest/bench's {@link Corpus}: each copy its own sha256), each copy its own
 * series so none supersedes another, parsed by the real parser, published and indexed. Then every
 * endpoint is called {@code warm} times and {@code rounds} times more, measured from the client
 * (java.net.http on the same machine), and p50/p99 printed as a Markdown table.
 *
 * <p>Run: {@code mvn -q -o -pl web -am test-compile -Dspotless.check.skip=true}, then {@code java
 * -cp "$(cat web/target/cp.txt):web/target/classes:web/target/test-classes:…" hyoka.web.WebBench
 * [DIR] [ROUNDS]} (see docs/performance.md for the exact command).
 */
public final class WebBench {
  private WebBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("hyoka-webbench");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int warm = Math.max(20, rounds / 5);
    Path data = dir.resolve("data");
    long t0 = System.nanoTime();
    if (!Files.exists(data.resolve(Warehouse.DB_FILE))) {
      build(dir.resolve("pdfs"), data, 100);
    }
    System.out.printf(
        Locale.ROOT, "data ready in %.1f s (%s)%n", (System.nanoTime() - t0) / 1e9, data);
    try (WebServer server = WebServer.start(ServeOptions.of(data).withPort(0))) {
      Http http = new Http(server);
      String report = http.firstReport("report_id");
      String series = http.firstReport("series");
      Map<String, String> calls = new LinkedHashMap<>();
      calls.put("search page (HTML shell)", "/search?q=" + enc("除雪"));
      calls.put("/api/search 除雪 (top 20, facets, snippets)", "/api/search?q=" + enc("除雪"));
      calls.put("/api/search 事業 (20,200 matches)", "/api/search?q=" + enc("事業"));
      calls.put(
          "/api/search 除雪, filtered (year, department, kind)",
          "/api/search?q=" + enc("除雪") + "&year=2019&department=" + enc("建設") + "&kind=kpi");
      calls.put("/api/options", "/api/options");
      calls.put(
          "/api/projects (project page: 除雪事業)",
          "/api/projects?series=" + enc(series) + "&key=" + enc("除雪事業"));
      calls.put("/api/reports/{id} (report page)", "/api/reports/" + report);
      calls.put("/api/reports/{id}/pages/5 (PNG, cached)", "/api/reports/" + report + "/pages/5");
      calls.put(
          "/api/reports/{id}/pages/5/find 274.8",
          "/api/reports/" + report + "/pages/5/find?text=274.8");
      calls.put(
          "/api/sql count(*) FROM search('除雪')",
          "/api/sql?q=" + enc("SELECT count(*) FROM search('除雪')"));
      calls.put(
          "/api/sql KPIs by department (FY2019)",
          "/api/sql?q="
              + enc(
                  "SELECT department, count(*), avg(score) FROM current_kpis"
                      + " WHERE report_fiscal_year = 2019 GROUP BY 1 ORDER BY 1"));
      System.out.println("| what | calls | p50 ms | p99 ms | max ms |");
      System.out.println("|---|---|---|---|---|");
      for (Map.Entry<String, String> call : calls.entrySet()) {
        for (int i = 0; i < warm; i++) {
          check(http.get(call.getValue()), call.getValue());
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
          long s = System.nanoTime();
          check(http.get(call.getValue()), call.getValue());
          ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.1f | %.1f | %.1f |%n",
            call.getKey(),
            rounds,
            ms[rounds / 2],
            ms[(int) Math.ceil(rounds * 0.99) - 1],
            ms[rounds - 1]);
      }
      // The first render of a page (no PNG cache): a page of another report each time.
      List<String> ids = new ArrayList<>();
      for (var e : http.get("/api/reports").json().getAsJsonObject().getAsJsonArray("reports")) {
        ids.add(e.getAsJsonObject().get("report_id").getAsString());
      }
      double[] ms = new double[Math.min(ids.size(), 60)];
      for (int i = 0; i < ms.length; i++) {
        long s = System.nanoTime();
        check(http.get("/api/reports/" + ids.get(i) + "/pages/7"), "render");
        ms[i] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "| /api/reports/{id}/pages/7 (PNG, first render) | %d | %.1f | %.1f | %.1f |%n",
          ms.length,
          ms[ms.length / 2],
          ms[(int) Math.ceil(ms.length * 0.99) - 1],
          ms[ms.length - 1]);
    }
  }

  private static void check(Http.Answer a, String what) {
    if (a.status() != 200) {
      throw new IllegalStateException(what + ": " + a.status() + " " + a.body());
    }
  }

  /**
   * n PDFs (alternately H31 and H30 copies), each a report of its own series, published and
   * indexed.
   */
  static void build(Path pdfs, Path data, int n) throws Exception {
    Layouts layouts = Layouts.installed();
    ParsedReport h31 = layouts.parse(Fixtures.text("h31"), null);
    ParsedReport h30 = layouts.parse(Fixtures.text("h30"), null);
    List<Path> shards = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      boolean odd = i % 2 == 1;
      Path pdf =
          Corpus.copy(
              Fixtures.samplePdf(odd ? "h31" : "h30"),
              pdfs.resolve(String.format(Locale.ROOT, "copy-%03d.pdf", i)),
              i);
      String sha = IngestedReport.sha256Of(pdf);
      IngestedReport r =
          new IngestedReport(
              IngestedReport.reportIdOf(sha),
              pdf.toAbsolutePath().toString(),
              sha,
              String.format(Locale.ROOT, "copy-%03d", (i + 1) / 2),
              Instant.parse("2026-12-01T00:00:00Z"),
              odd ? h31 : h30);
      Path shard = data.resolve("shards").resolve(r.reportId());
      ReportShard.write(r, shard);
      shards.add(shard);
    }
    Warehouse w = new Warehouse(data);
    long run = w.publish(shards, new RunStats(Instant.now(), 0, List.of())).runId();
    try (var c = w.openReadOnly()) {
      SearchIndex.sync(c, data.resolve("index"), run);
    }
  }
}
