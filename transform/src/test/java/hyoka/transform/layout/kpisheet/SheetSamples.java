package hyoka.transform.layout.kpisheet;

import hyoka.transform.Fixtures;
import hyoka.transform.Kpi;
import hyoka.transform.Layouts;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sheet samples parsed once per test run: {@code r01} (FY2019) and {@code h30} (FY2018), made
 * for testing from the values of the two strategy-report samples, and those reports parsed by their
 * own layout for the cross-layout checks.
 */
final class SheetSamples {
  private SheetSamples() {}

  private static final Map<String, ParsedReport> PARSED = new ConcurrentHashMap<>();

  static ParsedReport sheets(String name) {
    return PARSED.computeIfAbsent(
        "sheets-" + name, k -> new KpiSheetLayout().parse(Fixtures.sheetText(name)));
  }

  /** The strategy report of the same year ({@code h31} for the sheets' {@code r01}). */
  static ParsedReport report(String sheetName) {
    String report = sheetName.equals("r01") ? "h31" : sheetName;
    return PARSED.computeIfAbsent(
        "report-" + report,
        k -> Layouts.installed().named("strategy-report").parse(Fixtures.text(report)));
  }

  static Project project(ParsedReport r, int no) {
    return r.projects().stream()
        .filter(p -> p.projectNo() == no)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no project " + no + " in " + r.sourceFile()));
  }

  static Kpi kpi(ParsedReport r, int project, int kpi) {
    return project(r, project).kpis().stream()
        .filter(k -> k.kpiNo() == kpi)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no KPI " + project + "-" + kpi));
  }
}
