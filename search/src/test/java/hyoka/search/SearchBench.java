package hyoka.search;

import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Query latency over 100 copies of the sample reports (50 × H31, 50 × H30, each copy its own series
 * so none supersedes another): builds the warehouse and the index, warms up, then times full {@link
 * Searcher#search} calls (parse, BM25 top 20, facets, highlighting). A benchmark, not a test: run
 * it by hand and copy the figures into docs/search.md.
 *
 * <pre>
 * mvn -q -o -pl search -am test-compile
 * mvn -q -o -pl search dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED -cp search/target/test-classes:\
 * search/target/classes:transform/target/classes:transform/target/test-classes:\
 * warehouse/target/classes:$(cat /tmp/cp.txt) hyoka.search.SearchBench /tmp/bench [rounds] [--reuse]
 * </pre>
 *
 * (The module classes go first so the worktree's code is measured, not a jar in ~/.m2.) {@code
 * --reuse} skips building and measures an index built by an earlier run.
 */
public final class SearchBench {
  private SearchBench() {}

  static final List<String> QUERIES =
      List.of(
          "除雪",
          "ＬＥＤ",
          "LED",
          "空家",
          "空き家",
          "ガラス",
          "がらす",
          "\"体験ツアー\"",
          "移住 ワンストップ",
          "特定空家",
          "クルーズ",
          "検診",
          "避難所",
          "赤ちゃん",
          "\"PRパンフレット\"",
          "ＩＣＴ",
          "子供 交通安全",
          "除雪 OR ＬＥＤ",
          "消費税",
          "観光",
          "事業");

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args.length > 0 ? args[0] : "/tmp/hyoka-search-bench");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    boolean reuse = args.length > 2 && args[2].equals("--reuse");
    if (reuse) {
      measure(work, work.resolve("data").resolve("index"), rounds);
      return;
    }
    deleteTree(work);
    ParsedReport h31 = Samples.parse("h31");
    ParsedReport h30 = Samples.parse("h30");
    List<IngestedReport> reports = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String series = String.format(Locale.ROOT, "bench-%02d", i);
      reports.add(Samples.ingested(h31, series, i));
      reports.add(Samples.ingested(h30, series, i));
    }
    long t0 = System.nanoTime();
    long run = Samples.publish(work.resolve("data"), reports);
    long t1 = System.nanoTime();
    Path index = Samples.index(work.resolve("data"), run);
    long t2 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "%d reports: warehouse publish %d ms; index sync %d ms, index %.1f MB%n",
        reports.size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        size(index) / 1e6);
    measure(work, index, rounds);
  }

  static void measure(Path work, Path index, int rounds) throws Exception {

    long c0 = System.nanoTime();
    try (Searcher cold = new Searcher(index)) {
      long c1 = System.nanoTime();
      cold.search(SearchRequest.of("除雪"));
      long c2 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "cold: open %.0f ms, first search %.0f ms (this JVM may have"
              + " loaded the Kuromoji dictionary already)%n",
          (c1 - c0) / 1e6,
          (c2 - c1) / 1e6);
    }
    try (Searcher s = new Searcher(index)) {
      long docs = s.search(SearchRequest.of("事業 OR 市").withLimit(0)).total();
      System.out.printf(Locale.ROOT, "indexed texts matching 事業 OR 市: %d%n", docs);
      for (int i = 0; i < 20; i++) {
        for (String q : QUERIES) {
          s.search(SearchRequest.of(q));
        }
      }
      long[] all = new long[rounds * QUERIES.size()];
      int n = 0;
      for (int r = 0; r < rounds; r++) {
        for (String q : QUERIES) {
          long t = System.nanoTime();
          s.search(SearchRequest.of(q));
          all[n++] = System.nanoTime() - t;
        }
      }
      report("search, top 20 + facets + snippets", all);
      for (String q : List.of("除雪", "空家", "事業")) {
        long[] one = new long[rounds];
        long total = 0;
        for (int r = 0; r < rounds; r++) {
          long t = System.nanoTime();
          total = s.search(SearchRequest.of(q)).total();
          one[r] = System.nanoTime() - t;
        }
        report(q + " (" + total + " matches)", one);
      }
      for (String q : List.of("除雪", "事業")) {
        long[] one = new long[5];
        for (int r = 0; r < one.length; r++) {
          long t = System.nanoTime();
          s.search(SearchRequest.of(q).withLimit(SearchSql.ALL));
          one[r] = System.nanoTime() - t;
        }
        report(q + " all hits, no SQL", one);
      }
    }
    // hits as a SQL table: every match of a frequent word, with snippets, into DuckDB
    try (var c = new hyoka.warehouse.Warehouse(work.resolve("data")).openReadOnly()) {
      for (String q : List.of("除雪", "事業")) {
        long[] one = new long[5];
        for (int r = 0; r < one.length; r++) {
          long t = System.nanoTime();
          String sql = SearchSql.prepare(c, index, "SELECT count(*) FROM search('" + q + "')");
          try (var st = c.createStatement();
              var rs = st.executeQuery(sql)) {
            rs.next();
          }
          one[r] = System.nanoTime() - t;
        }
        report("sql search('" + q + "') all hits", one);
      }
    }
  }

  static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(
        Locale.ROOT,
        "%-40s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
        what,
        s.length,
        s[s.length / 2] / 1e6,
        s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6,
        s[s.length - 1] / 1e6);
  }

  static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
