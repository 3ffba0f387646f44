package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.warehouse.Keys;
import hyoka.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation sheets (layout kpi-sheet) through the whole ingest, as {@code hyoka ingest} runs
 * it: their grade columns and texts in the warehouse, one series with the report of the next year
 * in either ingest order, what two layouts of one year print differently in kpi_conflicts, and a
 * re-run that changes nothing. Expected values come from parsing the same files' texts, not from
 * numbers typed in here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoLayoutsIngestTest {
  private Path dir;

  private Path sheetsH30;
  private Path reportH31;
  private Path sheetsR01;
  private ParsedReport parsedSheetsH30;
  private ParsedReport parsedReportH31;
  private ParsedReport parsedSheetsR01;

  @BeforeAll
  void files(@TempDir Path tmp) throws Exception {
    dir = tmp;

    Path in = Files.createDirectories(dir.resolve("in"));
    sheetsH30 = Files.copy(Fixtures.sheetPdf("h30"), in.resolve("otaru-sheets-h30.pdf"));
    reportH31 = Files.copy(Fixtures.samplePdf("h31"), in.resolve("otaru-sogo-senryaku-h31.pdf"));
    sheetsR01 = Files.copy(Fixtures.sheetPdf("r01"), in.resolve("otaru-sheets-r01.pdf"));
    Layouts layouts = Layouts.installed();
    parsedSheetsH30 = layouts.parse(Fixtures.sheetText("h30"), null);
    parsedReportH31 = layouts.parse(Fixtures.text("h31"), null);
    parsedSheetsR01 = layouts.parse(Fixtures.sheetText("r01"), null);
    assertThat(parsedSheetsH30.layout()).isEqualTo("kpi-sheet");
    assertThat(parsedReportH31.layout()).isEqualTo("strategy-report");
  }

  record Run(IngestSummary summary, List<String> lines) {}

  private static Run ingest(Path data, List<Path> inputs) {
    StringWriter text = new StringWriter();
    IngestSummary summary =
        new IngestRun()
            .run(new IngestRequest(data, inputs, "otaru", "direct", new PrintWriter(text)));
    return new Run(summary, text.toString().lines().toList());
  }

  /** Every row of a query, values as JDBC returns them. */
  private static List<List<Object>> rows(Path data, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = new Warehouse(data).openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  private static Double d(BigDecimal b) {
    return b == null ? null : b.doubleValue();
  }

  @Test
  void theSheetsGradesTextsAndLegendArriveInTheWarehouse() throws Exception {
    Path data = dir.resolve("sheets");
    Run run = ingest(data, List.of(sheetsH30));
    ParsedReport p = parsedSheetsH30;
    assertThat(p.gradeMismatches()).isPositive();
    assertThat(run.lines())
        .containsExactly(
            "added "
                + sheetsH30
                + " (FY2018, 62 projects, 73 KPI rows, "
                + p.gradeMismatches()
                + " grade mismatches, "
                + p.unknownResidue()
                + " unknown lines)",
            "1 file: 1 added (0 superseding), 0 unchanged, 0 duplicates, 0 rejected;"
                + " 62 projects, 73 KPI rows, "
                + p.gradeMismatches()
                + " grade mismatches, "
                + p.unknownResidue()
                + " unknown lines");
    assertThat(
            rows(
                data,
                "SELECT layout, fiscal_year, kpi_count, score_mismatches, grade_mismatches,"
                    + " grade_legend, grade_legend_page FROM reports"))
        .containsExactly(
            Arrays.asList(
                "kpi-sheet",
                2018,
                73,
                null,
                (int) p.gradeMismatches(),
                p.gradeLegend().printed(),
                p.gradeLegend().page()));

    // every KPI row with its grading as the layout read it, and the page it is printed on
    List<List<Object>> expected = new ArrayList<>();
    for (Project project : p.projects()) {
      for (Kpi k : project.kpis()) {
        Grading g = k.grading();
        assertThat(g).as("grading of %d-%d", project.projectNo(), k.kpiNo()).isNotNull();
        expected.add(
            Arrays.asList(
                project.projectNo(),
                k.kpiNo(),
                d(g.achievement().value()),
                g.achievement().printed(),
                g.achievement().nullReason(),
                g.grade(),
                g.gradePrinted(),
                g.gradeByRule(),
                g.status().label(),
                g.note(),
                g.progress(),
                g.page(),
                k.targetBasis(),
                null,
                "not_printed"));
      }
    }
    assertThat(expected).hasSize(73);
    List<List<Object>> stored =
        rows(
            data,
            "SELECT project_no, kpi_no, achievement, achievement_printed, achievement_null_reason,"
                + " grade, grade_printed, grade_by_rule, grade_status, grade_note, progress,"
                + " grade_page, target_basis, score, score_null_reason"
                + " FROM kpis ORDER BY project_no, kpi_no");
    assertThat(stored).isEqualTo(expected);
    // what the sheets print is there: every grade, its rule, every achievement as printed
    assertThat(stored).allSatisfy(r -> assertThat(r.get(6)).isNotNull());
    assertThat(stored).allSatisfy(r -> assertThat(r.get(7)).isNotNull());
    assertThat(stored).allSatisfy(r -> assertThat(r.get(3)).isNotNull());
    assertThat(stored.stream().filter(r -> "mismatch".equals(r.get(8))).count())
        .isEqualTo(p.gradeMismatches());

    // the project texts as narratives of their kinds, each with its page
    List<List<Object>> texts = new ArrayList<>();
    for (Project project : p.projects()) {
      project
          .narratives()
          .forEach(
              n ->
                  texts.add(
                      Arrays.asList(project.projectNo(), n.kind().label(), n.text(), n.page())));
    }
    assertThat(texts)
        .extracting(t -> t.get(1))
        .containsOnly("effect_factors", "future_work")
        .contains("effect_factors", "future_work");
    assertThat(rows(data, "SELECT project_no, kind, text, page FROM narratives ORDER BY ALL"))
        .containsExactlyInAnyOrderElementsOf(texts);
    assertThat(Agreement.assertAgree(data)).hasSize(1);
  }

  @Test
  void bothSheetFilesGiveTheirSixGradeMismatchesInSql() throws Exception {
    Path data = dir.resolve("both-sheets");
    Run run = ingest(data, List.of(sheetsR01, sheetsH30));
    assertThat(run.lines()).hasSize(3);
    assertThat(run.lines().get(0))
        .startsWith(
            "added " + sheetsR01 + " (FY2019, 62 projects, 73 KPI rows, 3 grade mismatches,");
    assertThat(run.lines().get(1))
        .startsWith(
            "added " + sheetsH30 + " (FY2018, 62 projects, 73 KPI rows, 3 grade mismatches,");
    // a run of sheets only prints no score count: the sheets print no score
    assertThat(run.lines().get(2))
        .isEqualTo(
            "2 files: 2 added (0 superseding), 0 unchanged, 0 duplicates, 0 rejected;"
                + " 124 projects, 146 KPI rows, 6 grade mismatches, 0 unknown lines");
    // the six KPIs whose printed 評価 the printed legend does not give (checked by hand on the
    // pages, SheetRowsTest), both grades and the achievement as the warehouse holds them
    assertThat(
            rows(
                data,
                "SELECT report_fiscal_year, project_no || '-' || kpi_no, achievement_printed,"
                    + " grade_printed, grade_by_rule, grade_page FROM current_kpis"
                    + " WHERE grade_status = 'mismatch' ORDER BY report_fiscal_year DESC, project_no"))
        .containsExactly(
            List.of(2019, "44-1", "40.0％", "Ｃ", "D", 54),
            List.of(2019, "52-1", "88.4％", "Ａ", "B", 63),
            List.of(2019, "55-1", "78.1％", "Ｂ", "C", 66),
            List.of(2018, "20-1", "80.0％", "Ｃ", "B", 26),
            List.of(2018, "35-1", "85.1％", "Ａ", "B", 43),
            List.of(2018, "44-1", "50.0％", "Ｄ", "C", 54));
    assertThat(
            rows(
                data,
                "SELECT fiscal_year, kpi_count, grade_mismatches, count(*) OVER () FROM reports"
                    + " ORDER BY 1"))
        .containsExactly(List.of(2018, 73, 3, 2L), List.of(2019, 73, 3, 2L));
    // every KPI row of both carries its grade, its grade by rule and the page they are printed on
    assertThat(
            rows(
                data,
                "SELECT count(*), count(grade_printed), count(grade_by_rule),"
                    + " count(achievement_printed), count(grade_page), count(page) FROM kpis"))
        .containsExactly(List.of(146L, 146L, 146L, 146L, 146L, 146L));
  }

  /** kpi_series as a reader compares it, every column, in a fixed order. */
  private static List<List<Object>> series(Path data) throws SQLException {
    return rows(data, "SELECT * FROM kpi_series ORDER BY kpi_key, fiscal_year");
  }

  @Test
  void theFy2018SheetsAndTheFy2019ReportAreOneSeriesInEitherOrderAndARerunIsANoOp()
      throws Exception {
    Path sheetsFirst = dir.resolve("sheets-first");
    ingest(sheetsFirst, List.of(sheetsH30));
    ingest(sheetsFirst, List.of(reportH31));
    Path reportFirst = dir.resolve("report-first");
    ingest(reportFirst, List.of(reportH31));
    ingest(reportFirst, List.of(sheetsH30));
    Path oneRun = dir.resolve("one-run");
    ingest(oneRun, List.of(reportH31, sheetsH30));

    List<List<Object>> series = series(sheetsFirst);
    assertThat(series(reportFirst)).isEqualTo(series);
    assertThat(series(oneRun)).isEqualTo(series);
    // one series per KPI: the 73 KPIs of the two layouts share their keys, one row per year
    Set<String> keys = new TreeSet<>();
    for (Project project : parsedReportH31.projects()) {
      for (Kpi k : project.kpis()) {
        keys.add(Keys.kpiKey(Keys.projectKey(project.name()), k.name()));
      }
    }
    assertThat(keys).hasSize(73);
    assertThat(rows(sheetsFirst, "SELECT DISTINCT kpi_key FROM kpi_series ORDER BY 1"))
        .extracting(r -> (String) r.get(0))
        .containsExactlyElementsOf(keys);
    assertThat(
            rows(
                sheetsFirst,
                "SELECT count(*), count(DISTINCT (series, kpi_key, fiscal_year)) FROM kpi_series"))
        .singleElement()
        .satisfies(r -> assertThat(r.get(0)).isEqualTo(r.get(1)));
    // the years of both reach the series: the sheets print 2014-2018, the report up to 2019
    assertThat(rows(sheetsFirst, "SELECT min(fiscal_year), max(fiscal_year) FROM kpi_series"))
        .containsExactly(List.of(2014, 2019));
    assertThat(
            rows(
                sheetsFirst,
                "SELECT count(*) FROM kpi_series_values v JOIN reports r USING (report_id)"
                    + " WHERE v.kind = 'actual' AND v.fiscal_year = 2018 AND v.reports = 2"))
        .singleElement()
        .satisfies(r -> assertThat((Long) r.get(0)).isPositive());
    assertThat(rows(sheetsFirst, "SELECT count(*) FROM current_reports"))
        .containsExactly(List.of(2L));

    // kpi_conflicts holds exactly the values the two print differently
    assertThat(conflicts(sheetsFirst))
        .isEqualTo(expectedConflicts(parsedSheetsH30, parsedReportH31))
        .isEqualTo(conflicts(reportFirst))
        .isEqualTo(conflicts(oneRun));

    // a re-run of both files, in either order, reads nothing and writes nothing
    Map<String, IngestRunTest.FileState> before = IngestRunTest.snapshot(sheetsFirst);
    Run again = ingest(sheetsFirst, List.of(reportH31, sheetsH30));
    assertThat(again.lines())
        .containsExactly(
            "unchanged " + reportH31,
            "unchanged " + sheetsH30,
            "2 files: 0 added (0 superseding), 2 unchanged, 0 duplicates, 0 rejected;"
                + " 0 projects, 0 KPI rows, 0 score mismatches, 0 unknown lines");
    assertThat(again.summary().runId()).isZero();
    assertThat(IngestRunTest.snapshot(sheetsFirst)).isEqualTo(before);
    assertThat(Agreement.assertAgree(sheetsFirst)).hasSize(2);
  }

  @Test
  void theSheetsAndTheReportOfOneYearAreBothCurrentAndTheirDifferencesAreConflicts()
      throws Exception {
    Path data = dir.resolve("same-year");
    Run run = ingest(data, List.of(reportH31, sheetsR01));
    assertThat(run.summary().superseded()).isZero();
    assertThat(run.lines().get(2))
        .contains(
            parsedReportH31.scoreMismatches()
                + " score mismatches, "
                + parsedSheetsR01.gradeMismatches()
                + " grade mismatches");
    assertThat(rows(data, "SELECT layout FROM current_reports ORDER BY 1"))
        .containsExactly(List.of("kpi-sheet"), List.of("strategy-report"));
    List<List<Object>> conflicts = conflicts(data);
    assertThat(conflicts)
        .isNotEmpty()
        .isEqualTo(expectedConflicts(parsedSheetsR01, parsedReportH31));
    assertThat(rows(data, "SELECT DISTINCT older_layout, newer_layout FROM kpi_conflicts"))
        .singleElement()
        .satisfies(r -> assertThat(Set.copyOf(r)).containsOnly("kpi-sheet", "strategy-report"));
    // one series row per KPI and year all the same
    assertThat(
            rows(data, "SELECT count(*), count(DISTINCT (kpi_key, fiscal_year)) FROM kpi_series"))
        .singleElement()
        .satisfies(r -> assertThat(r.get(0)).isEqualTo(r.get(1)));
  }

  /** kpi_conflicts as (kpi_key, fiscal_year, kind, the two printed texts in layout order). */
  private static List<List<Object>> conflicts(Path data) throws SQLException {
    return rows(
        data,
        "SELECT kpi_key, fiscal_year, kind,"
            + " CASE WHEN older_layout = 'kpi-sheet' THEN older_printed ELSE newer_printed END,"
            + " CASE WHEN older_layout = 'kpi-sheet' THEN newer_printed ELSE older_printed END"
            + " FROM kpi_conflicts ORDER BY 1, 2, 3");
  }

  /**
   * What kpi_conflicts must hold for the sheets and the report: every KPI, year and kind both print
   * (a value or a dash), where they differ by number or by the reason there is none; an actual
   * without a number for a year after its report's own is no value of that year.
   */
  private static List<List<Object>> expectedConflicts(ParsedReport sheets, ParsedReport report) {
    Map<List<Object>, hyoka.transform.PrintedValue> fromSheets = printed(sheets);
    Map<List<Object>, hyoka.transform.PrintedValue> fromReport = printed(report);
    List<List<Object>> out = new ArrayList<>();
    for (Map.Entry<List<Object>, hyoka.transform.PrintedValue> e : fromSheets.entrySet()) {
      hyoka.transform.PrintedValue r = fromReport.get(e.getKey());
      hyoka.transform.PrintedValue s = e.getValue();
      if (r != null && !sameValue(s, r)) {
        List<Object> row = new ArrayList<>(e.getKey());
        row.add(s.printed());
        row.add(r.printed());
        out.add(row);
      }
    }
    out.sort(
        (a, b) -> {
          int c = ((String) a.get(0)).compareTo((String) b.get(0));
          if (c != 0) {
            return c;
          }
          c = Integer.compare((Integer) a.get(1), (Integer) b.get(1));
          return c != 0 ? c : ((String) a.get(2)).compareTo((String) b.get(2));
        });
    return out;
  }

  private static boolean sameValue(hyoka.transform.PrintedValue a, hyoka.transform.PrintedValue b) {
    if (a.value() != null && b.value() != null) {
      return a.value().doubleValue() == b.value().doubleValue();
    }
    return a.value() == null && b.value() == null && Objects.equals(a.nullReason(), b.nullReason());
  }

  /** (kpi_key, fiscal_year, kind) → the value a report prints, as the warehouse keeps them. */
  private static Map<List<Object>, hyoka.transform.PrintedValue> printed(ParsedReport r) {
    Map<List<Object>, hyoka.transform.PrintedValue> out = new HashMap<>();
    for (Project project : r.projects()) {
      String projectKey = Keys.projectKey(project.name());
      for (Kpi k : project.kpis()) {
        String key = Keys.kpiKey(projectKey, k.name());
        List<KpiValue> values = new ArrayList<>(k.values());
        // as ReportRows adds the report year's actual printed on the name line
        boolean hasOwnYear =
            values.stream()
                .anyMatch(
                    v ->
                        v.kind() == hyoka.transform.ValueKind.ACTUAL
                            && (v.value().equals(k.actual())
                                || Integer.valueOf(r.fiscalYear()).equals(v.fiscalYear())));
        if (!hasOwnYear && k.actual().printed() != null) {
          values.add(new KpiValue(r.fiscalYear(), hyoka.transform.ValueKind.ACTUAL, k.actual()));
        }
        for (KpiValue v : values) {
          boolean later =
              v.kind() == hyoka.transform.ValueKind.ACTUAL
                  && v.fiscalYear() != null
                  && v.fiscalYear() > r.fiscalYear()
                  && v.value().value() == null;
          if (v.fiscalYear() != null && v.value().printed() != null && !later) {
            out.put(List.of(key, v.fiscalYear(), v.kind().label()), v.value());
          }
        }
      }
    }
    return out;
  }
}
