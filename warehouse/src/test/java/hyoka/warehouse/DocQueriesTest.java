package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hyoka.transform.IngestedReport;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ScoreStatus;
import hyoka.transform.ValueKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example query of docs/schema.md against the two sample reports and checks its result
 * against what the parser read from them; checks that every column of every table and view is
 * documented.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocQueriesTest {
  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern QUERY_ID = Pattern.compile("^-- query: (\\S+)\\n");

  private String doc;
  private Warehouse warehouse;
  private IngestedReport h30;
  private IngestedReport h31;
  private IngestedReport r01;

  @BeforeAll
  void setUp(@TempDir Path tmp) throws IOException {
    doc = Files.readString(docFile(), StandardCharsets.UTF_8);
    h30 = Samples.ingested("h30");
    h31 = Samples.ingested("h31");
    r01 = Samples.sheets("r01");
    warehouse = new Warehouse(tmp.resolve("data"));
    Samples.publish(warehouse, tmp.resolve("shards"), h30, h31, r01);
  }

  static Path docFile() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs/schema.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "docs/schema.md not found above " + Path.of("").toAbsolutePath());
  }

  private Map<String, String> docQueries() {
    Map<String, String> queries = new LinkedHashMap<>();
    Matcher m = SQL_BLOCK.matcher(doc);
    while (m.find()) {
      Matcher id = QUERY_ID.matcher(m.group(1));
      assertThat(id.find()).as("sql block without '-- query: id': %s", m.group(1)).isTrue();
      assertThat(queries.put(id.group(1), m.group(1))).as("duplicate id " + id.group(1)).isNull();
    }
    return queries;
  }

  @TestFactory
  Stream<DynamicTest> everyDocQueryGivesWhatTheReportsSay() {
    Map<String, String> queries = docQueries();
    Map<String, Consumer<QueryResult>> checks = checks();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(8);
    assertThat(queries.keySet()).containsExactlyInAnyOrderElementsOf(checks.keySet());
    return queries.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () -> {
                      String sql = e.getValue().strip();
                      QueryResult result =
                          warehouse.query(
                              sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                      checks.get(e.getKey()).accept(result);
                    }));
  }

  @Test
  void everyColumnOfEveryTableAndViewIsDocumented() {
    QueryResult columns =
        warehouse.query(
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = 'main' ORDER BY table_name, ordinal_position");
    Map<String, List<String>> byRelation = new TreeMap<>();
    for (List<Object> row : columns.rows()) {
      byRelation
          .computeIfAbsent((String) row.get(0), k -> new ArrayList<>())
          .add((String) row.get(1));
    }
    assertThat(byRelation.keySet()).hasSize(Tables.ALL.size() + Schema.viewNames().size());
    for (Map.Entry<String, List<String>> e : byRelation.entrySet()) {
      String relation = e.getKey();
      int start = doc.indexOf("### `" + relation + "`");
      assertThat(start).as("section for " + relation).isGreaterThanOrEqualTo(0);
      int end = doc.indexOf("\n#", start + 4);
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      List<String> required = new ArrayList<>(e.getValue());
      if (relation.startsWith("current_")) {
        // a current_ view documents only what it adds to its table
        required.removeAll(byRelation.get(relation.substring("current_".length())));
      }
      for (String column : required) {
        assertThat(section)
            .as(relation + "." + column + " documented")
            .contains("`" + column + "`");
      }
    }
  }

  private static List<Kpi> kpis(ParsedReport r) {
    return r.projects().stream().flatMap(p -> p.kpis().stream()).toList();
  }

  private static Project projectOf(ParsedReport r, Kpi k) {
    return r.projects().stream().filter(p -> p.kpis().contains(k)).findFirst().orElseThrow();
  }

  private static Double d(BigDecimal b) {
    return b == null ? null : b.doubleValue();
  }

  private Map<String, Consumer<QueryResult>> checks() {
    Map<String, Consumer<QueryResult>> checks = new HashMap<>();
    ParsedReport fy19 = h31.report();

    checks.put(
        "missed-target-by-department",
        r -> {
          Map<String, long[]> byDept = new TreeMap<>();
          for (Project p : fy19.projects()) {
            for (Kpi k : p.kpis()) {
              long[] c = byDept.computeIfAbsent(p.department(), x -> new long[4]);
              BigDecimal score = k.score().value();
              c[score == null ? 2 : score.compareTo(BigDecimal.valueOf(100)) < 0 ? 0 : 1]++;
              c[3]++;
            }
          }
          List<List<Object>> expected = new ArrayList<>();
          byDept.forEach((dept, c) -> expected.add(List.of(dept, c[0], c[1], c[2], c[3])));
          expected.sort(
              Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(1))
                  .reversed()
                  .thenComparing(row -> (String) row.get(0)));
          assertThat(r.columns())
              .containsExactly("department", "missed", "reached", "not_scored", "kpis");
          assertThat(r.rows()).isEqualTo(expected);
          assertThat(r.rows().stream().mapToLong(row -> (Long) row.get(4)).sum()).isEqualTo(73);
        });

    checks.put(
        "kpi-trend-with-target",
        r -> {
          Kpi k =
              kpis(fy19).stream().filter(x -> x.name().equals("交通事故件数")).findFirst().orElseThrow();
          List<List<Object>> expected = new ArrayList<>();
          for (KpiValue v : k.values()) {
            if (v.kind() == ValueKind.ACTUAL) {
              expected.add(
                  Arrays.asList(
                      v.fiscalYear(),
                      d(v.value().value()),
                      v.value().printed(),
                      d(k.target().value()),
                      k.targetYear()));
            }
          }
          expected.sort(Comparator.comparing(row -> (Integer) row.get(0)));
          assertThat(expected).hasSize(5);
          assertThat(r.rows()).isEqualTo(expected);
        });

    checks.put(
        "score-distribution-by-group",
        r -> {
          Map<Integer, List<Double>> scores = new TreeMap<>();
          Map<Integer, String> names = new HashMap<>();
          for (Project p : fy19.projects()) {
            names.put(p.groupNo(), p.groupName());
            for (Kpi k : p.kpis()) {
              List<Double> s = scores.computeIfAbsent(p.groupNo(), x -> new ArrayList<>());
              if (k.score().value() != null) {
                s.add(k.score().value().doubleValue());
              }
            }
          }
          assertThat(r.rows()).hasSize(scores.size()).hasSize(4);
          int i = 0;
          for (Map.Entry<Integer, List<Double>> e : scores.entrySet()) {
            List<Double> s = e.getValue().stream().sorted().toList();
            double mean = s.stream().mapToDouble(x -> x).average().orElseThrow();
            double median =
                s.size() % 2 == 1
                    ? s.get(s.size() / 2)
                    : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
            assertThat(r.get(i, "group_no")).isEqualTo(e.getKey());
            assertThat(r.get(i, "group_name")).isEqualTo(names.get(e.getKey()));
            assertThat(r.get(i, "scored")).isEqualTo((long) s.size());
            assertThat((Double) r.get(i, "mean_score"))
                .isEqualTo(
                    BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP).doubleValue());
            assertThat((Double) r.get(i, "median_score")).isCloseTo(median, within(1e-9));
            assertThat(r.get(i, "reached")).isEqualTo(s.stream().filter(x -> x >= 100).count());
            assertThat(r.get(i, "went_backwards")).isEqualTo(s.stream().filter(x -> x < 0).count());
            i++;
          }
        });

    checks.put(
        "conflicts",
        r -> {
          // what two of the parsed files print differently for the same KPI, year and kind
          List<Map<String, String>> printed =
              List.of(
                  printedValues(h30.report()), printedValues(fy19), printedValues(r01.report()));
          List<String> differing = new ArrayList<>();
          for (int a = 0; a < printed.size(); a++) {
            for (int b = a + 1; b < printed.size(); b++) {
              Map<String, String> other = printed.get(b);
              printed
                  .get(a)
                  .forEach(
                      (key, value) -> {
                        if (other.containsKey(key) && !other.get(key).equals(value)) {
                          differing.add(key);
                        }
                      });
            }
          }
          assertThat(r.columns()).contains("older_printed", "newer_printed", "newer_layout");
          assertThat(r.rows()).hasSameSizeAs(differing).hasSize(2);
          assertThat(r.rows())
              .allSatisfy(
                  row -> assertThat(row).contains(2019, "kpi-sheet", "strategy-report", "―"));
        });

    checks.put(
        "score-mismatches",
        r -> {
          List<List<Object>> expected = new ArrayList<>();
          for (IngestedReport ir : List.of(h30, h31)) {
            for (Kpi k : kpis(ir.report())) {
              if (k.scoreStatus() == ScoreStatus.MISMATCH) {
                expected.add(
                    Arrays.asList(
                        ir.report().fiscalYear(),
                        projectOf(ir.report(), k).projectNo(),
                        k.kpiNo(),
                        k.name(),
                        k.score().printed(),
                        d(k.scoreComputed()),
                        k.scoreRule().label(),
                        k.scoreNote()));
              }
            }
          }
          assertThat(r.rows())
              .hasSize((int) (h30.report().scoreMismatches() + fy19.scoreMismatches()));
          assertThat(r.rows()).isEqualTo(expected);
        });

    checks.put(
        "year-over-year",
        r -> {
          List<List<Object>> expected = new ArrayList<>();
          for (Project p : fy19.projects()) {
            for (Kpi k : p.kpis()) {
              BigDecimal y18 = actual(k, 2018);
              BigDecimal y19 = actual(k, 2019);
              if (y18 != null && y19 != null) {
                expected.add(
                    Arrays.asList(
                        Keys.kpiKey(Keys.projectKey(p.name()), k.name()),
                        k.name(),
                        k.unit(),
                        y18.doubleValue(),
                        y19.doubleValue(),
                        y19.subtract(y18).doubleValue()));
              }
            }
          }
          expected.sort(Comparator.comparing(row -> (String) row.get(0)));
          assertThat(r.rows()).hasSameSizeAs(expected).hasSizeGreaterThan(50);
          for (int i = 0; i < expected.size(); i++) {
            assertThat(r.rows().get(i).subList(0, 5)).isEqualTo(expected.get(i).subList(0, 5));
            assertThat((Double) r.rows().get(i).get(5))
                .isCloseTo((Double) expected.get(i).get(5), within(0.005));
          }
        });

    checks.put(
        "missing-values",
        r -> {
          Map<List<Object>, Long> counts = new TreeMap<>(Comparator.comparing(Object::toString));
          for (IngestedReport ir : List.of(h30, h31, r01)) {
            for (Kpi k : kpis(ir.report())) {
              for (KpiValue v : k.values()) {
                if (v.value().value() == null) {
                  counts.merge(
                      List.of(
                          ir.report().fiscalYear(),
                          ir.report().layout(),
                          v.kind().label(),
                          v.value().nullReason()),
                      1L,
                      Long::sum);
                }
              }
            }
          }
          List<List<Object>> expected = new ArrayList<>();
          counts.forEach(
              (k, n) -> {
                List<Object> row = new ArrayList<>(k);
                row.add(n);
                expected.add(row);
              });
          assertThat(r.rows()).containsExactlyInAnyOrderElementsOf(expected);
          assertThat(r.rows()).isNotEmpty();
        });

    checks.put(
        "target-revisions",
        r -> {
          List<List<Object>> expected = new ArrayList<>();
          for (Project p : fy19.projects()) {
            for (Kpi k : p.kpis()) {
              if (k.targetNote() != null) {
                expected.add(
                    List.of(p.projectNo(), k.name(), k.target().printed(), k.targetNote()));
              }
            }
          }
          assertThat(r.rows()).isEqualTo(expected).isNotEmpty();
        });

    checks.put(
        "five-year-summaries",
        r -> {
          List<List<Object>> expected = new ArrayList<>();
          for (Project p : fy19.projects()) {
            for (Narrative n : p.narratives()) {
              if (n.kind() == NarrativeKind.FIVE_YEAR_SUMMARY && n.text().contains("空き家")) {
                expected.add(List.of(p.projectNo(), p.name(), n.text()));
              }
            }
          }
          assertThat(r.rows()).isEqualTo(expected).isNotEmpty();
        });

    checks.put(
        "reports-held",
        r -> {
          List<List<Object>> expected = new ArrayList<>();
          // in the query's order: series, fiscal year, layout
          for (IngestedReport ir : List.of(h30, r01, h31)) {
            ParsedReport p = ir.report();
            expected.add(
                Arrays.asList(
                    "samples",
                    p.fiscalYear(),
                    p.layout(),
                    ir.reportId(),
                    ir.sourceFile(),
                    p.projects().size(),
                    (int) p.kpiCount(),
                    p.printsScores() ? (Integer) (int) p.scoreMismatches() : null,
                    p.printsGrades() ? (Integer) (int) p.gradeMismatches() : null,
                    (int) p.unknownResidue(),
                    null));
          }
          assertThat(r.rows()).isEqualTo(expected);
        });

    checks.put(
        "grades-by-department",
        r -> {
          Map<String, long[]> byDept = new TreeMap<>();
          List<String> grades = List.of("A", "B", "C", "D", "-");
          for (Project p : r01.report().projects()) {
            for (Kpi k : p.kpis()) {
              long[] c = byDept.computeIfAbsent(p.department(), x -> new long[6]);
              int g = grades.indexOf(k.grading().grade());
              if (g >= 0) {
                c[g]++;
              }
              c[5]++;
            }
          }
          List<List<Object>> expected = new ArrayList<>();
          byDept.forEach(
              (dept, c) -> expected.add(List.of(dept, c[0], c[1], c[2], c[3], c[4], c[5])));
          expected.sort(
              Comparator.<List<Object>, Long>comparing(row -> (Long) row.get(6))
                  .reversed()
                  .thenComparing(row -> (String) row.get(0)));
          assertThat(r.rows()).isEqualTo(expected);
          assertThat(r.rows().stream().mapToLong(row -> (Long) row.get(6)).sum()).isEqualTo(73);
        });

    checks.put(
        "grade-mismatches",
        r -> {
          Map<String, Double> reportScores = new HashMap<>();
          for (Project p : fy19.projects()) {
            for (Kpi k : p.kpis()) {
              reportScores.put(
                  Keys.kpiKey(Keys.projectKey(p.name()), k.name()), d(k.score().value()));
            }
          }
          List<List<Object>> expected = new ArrayList<>();
          for (Project p : r01.report().projects()) {
            for (Kpi k : p.kpis()) {
              if (k.grading().status() == ScoreStatus.MISMATCH) {
                expected.add(
                    Arrays.asList(
                        p.projectNo(),
                        k.name(),
                        k.grading().achievement().printed(),
                        k.grading().gradePrinted(),
                        k.grading().gradeByRule(),
                        reportScores.get(Keys.kpiKey(Keys.projectKey(p.name()), k.name()))));
              }
            }
          }
          assertThat(r.rows())
              .isEqualTo(expected)
              .hasSize((int) r01.report().gradeMismatches())
              .allSatisfy(row -> assertThat(row.get(5)).isNotNull());
        });
    return checks;
  }

  private static BigDecimal actual(Kpi k, int year) {
    return k.values().stream()
        .filter(v -> v.kind() == ValueKind.ACTUAL && Integer.valueOf(year).equals(v.fiscalYear()))
        .findFirst()
        .map(v -> v.value().value())
        .orElse(null);
  }

  /** "kpi_key@year@kind" → the number, or the null reason, of each printed value. */
  private static Map<String, String> printedValues(ParsedReport r) {
    Map<String, String> values = new HashMap<>();
    for (Project p : r.projects()) {
      for (Kpi k : p.kpis()) {
        for (KpiValue v : k.values()) {
          if (v.fiscalYear() != null && v.value().printed() != null) {
            BigDecimal n = v.value().value();
            values.put(
                Keys.kpiKey(Keys.projectKey(p.name()), k.name())
                    + "@"
                    + v.fiscalYear()
                    + "@"
                    + v.kind(),
                n == null
                    ? "null:" + v.value().nullReason()
                    : n.stripTrailingZeros().toPlainString());
          }
        }
      }
    }
    return values;
  }
}
