package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The KPI sheets (layout kpi-sheet, made for testing from the values of the sample reports) key
 * their projects and KPIs as the strategy report of the same year does, so that a city's series
 * spans its change of layout.
 */
class CrossLayoutKeysTest {
  private static List<String> keys(ParsedReport parsed, String table, String column) {
    IngestedReport r =
        new IngestedReport(
            "0123456789abcdef", parsed.sourceFile(), "0".repeat(64), "s", Instant.EPOCH, parsed);
    int at = (table.equals("kpis") ? Tables.KPIS : Tables.PROJECTS).columnIndex(column);
    return ReportRows.of(r).get(table).stream().map(row -> (String) row[at]).toList();
  }

  @Test
  void theSheetsOfAYearKeyEveryProjectAndKpiAsThatYearsReportDoes() {
    Layouts layouts = Layouts.installed();
    for (String[] pair : new String[][] {{"r01", "h31"}, {"h30", "h30"}}) {
      ParsedReport sheets = layouts.named("kpi-sheet").parse(Fixtures.sheetText(pair[0]));
      ParsedReport report = layouts.named("strategy-report").parse(Fixtures.text(pair[1]));

      List<String> kpis = keys(sheets, "kpis", "kpi_key");
      assertThat(kpis)
          .as(pair[0])
          .hasSize(73)
          .doesNotHaveDuplicates()
          .noneMatch(k -> k.contains("#"));
      assertThat(kpis).as(pair[0]).containsExactlyElementsOf(keys(report, "kpis", "kpi_key"));
      assertThat(keys(sheets, "projects", "project_key"))
          .as(pair[0])
          .hasSize(62)
          .containsExactlyElementsOf(keys(report, "projects", "project_key"));
    }
  }
}
