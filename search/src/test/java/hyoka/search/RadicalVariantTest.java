package hyoka.search;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ReportText;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The H31 report as a producer that maps glyphs to CJK radicals prints it (made for this test: the
 * sample's Tika text with 民 長 西 青 戸 replaced by ⺠ ⻑ ⻄ ⻘ ⼾), through the parser, the warehouse and
 * the index: stored names are folded, the repairs are in {@code text_repairs}, and 市長 / 市民 find the
 * same texts as in the original report.
 */
class RadicalVariantTest {
  @TempDir static Path tmp;
  static Path dataDir;
  static Searcher variant;
  static Searcher original;

  static final Map<Character, Character> RADICALS =
      Map.of('民', '\u2EA0', '長', '\u2ED1', '西', '\u2EC4', '青', '\u2ED8', '戸', '\u2F3E');

  static String radicals(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.chars().forEach(c -> b.append(RADICALS.getOrDefault((char) c, (char) c)));
    return b.toString();
  }

  @BeforeAll
  static void index() throws Exception {
    String printed = radicals(Fixtures.text("h31").joined());
    assertThat(printed).contains("借上住\u2F3E数", "市\u2EA0", "市\u2ED1").doesNotContain("市民", "市長");
    ReportText text = ReportText.of("otaru-radicals-h31.pdf", printed);
    IngestedReport r =
        new IngestedReport(
            IngestedReport.reportIdOf(Samples.sha256(printed)),
            text.sourceFile(),
            Samples.sha256(printed),
            "radicals",
            Instant.parse("2026-12-03T10:00:00Z"),
            Layouts.installed().parse(text, null),
            text.repairs());
    dataDir = tmp.resolve("variant");
    variant = new Searcher(Samples.publishAndIndex(dataDir, List.of(r)));
    original =
        new Searcher(
            Samples.publishAndIndex(
                tmp.resolve("original"),
                List.of(Samples.ingested(Samples.parse("h31"), "otaru", 0))));
  }

  @AfterAll
  static void close() {
    variant.close();
    original.close();
  }

  @Test
  void namesAndTextsAreStoredFolded() {
    Warehouse w = new Warehouse(dataDir);
    assertThat(w.query("SELECT count(*) FROM kpis WHERE name = '借上住戸数（累計）'").rows())
        .containsExactly(List.of(1L));
    // no radical is left in any stored name or text
    QueryResult left =
        w.query(
            "SELECT count(*) FROM (SELECT name AS t FROM kpis UNION ALL SELECT name FROM projects"
                + " UNION ALL SELECT text FROM narratives UNION ALL SELECT text FROM residue)"
                + " WHERE regexp_matches(t, '[\u2E80-\u2FDF]')");
    assertThat(left.rows()).containsExactly(List.of(0L));
  }

  @Test
  void everyRepairedLineIsKeptWithItsExtractedForm() {
    Warehouse w = new Warehouse(dataDir);
    QueryResult door =
        w.query(
            "SELECT page, line_no, extracted, folded, changes FROM text_repairs"
                + " WHERE folded LIKE '%借上住戸数%'");
    assertThat(door.rows()).hasSize(1);
    List<Object> row = door.rows().get(0);
    assertThat((String) row.get(2)).contains("借上住\u2F3E数");
    assertThat((String) row.get(4)).contains("⼾→戸");
    // the line is where the extracted text has it
    String page = Fixtures.text("h31").pages().get((Integer) row.get(0) - 1);
    assertThat(page.split("\n", -1)[(Integer) row.get(1) - 1]).isEqualTo(row.get(3));
    // as many repairs as lines of the original that hold one of the five ideographs
    long lines =
        Fixtures.text("h31").pages().stream()
            .flatMap(p -> java.util.Arrays.stream(p.split("\n", -1)))
            .filter(l -> !radicals(l).equals(l))
            .count();
    assertThat(w.query("SELECT count(*) FROM text_repairs").rows()).containsExactly(List.of(lines));
  }

  @Test
  void searchFindsWhatTheOriginalReportGives() {
    for (String q : List.of("市長", "市民", "借上住戸数", "長期", "青少年")) {
      SearchResponse v = variant.search(SearchRequest.of(q).withLimit(1000));
      SearchResponse o = original.search(SearchRequest.of(q).withLimit(1000));
      assertThat(v.total()).as(q).isPositive().isEqualTo(o.total());
      assertThat(v.hits())
          .extracting(h -> h.projectNo() + " " + h.kind() + " " + h.snippet())
          .as(q)
          .containsExactlyElementsOf(
              o.hits().stream()
                  .map(h -> h.projectNo() + " " + h.kind() + " " + h.snippet())
                  .toList());
    }
    // a query typed with the radicals finds the same
    assertThat(variant.search(SearchRequest.of("市\u2ED1").withLimit(1000)).total())
        .isEqualTo(original.search(SearchRequest.of("市長").withLimit(1000)).total());
  }
}
