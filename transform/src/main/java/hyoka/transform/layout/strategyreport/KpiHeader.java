package hyoka.transform.layout.strategyreport;

import hyoka.transform.Eras;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year columns of a project's 施策ＫＰＩ header (`基準値(H26) H27実績値 … H30実績値` / `H31年度`). A garbled
 * baseline (`基準値(H-` / `1988)`) leaves the baseline year null instead of a guess.
 *
 * @param baselineYear the baseline's fiscal year, or null when the header does not say it readably
 * @param actualYears the fiscal years of the yearly actual columns, in printed order
 * @param reportYear the fiscal year of the report-year column (`H31年度`), or null
 */
record KpiHeader(Integer baselineYear, List<Integer> actualYears, Integer reportYear) {
  private static final Pattern BASELINE = Pattern.compile("基準値\\((H|R)(\\d{1,2}|元)\\)");
  private static final Pattern ACTUAL = Pattern.compile("(H|R)(\\d{1,2}|元)実績値");
  private static final Pattern YEAR = Pattern.compile("(H|R)(\\d{1,2}|元)年度");

  KpiHeader {
    actualYears = List.copyOf(actualYears);
  }

  static KpiHeader of(List<Line> header) {
    StringBuilder b = new StringBuilder();
    for (Line l : header) {
      b.append(l.tight());
    }
    String t = b.toString();
    Matcher m = BASELINE.matcher(t);
    Integer baseline = m.find() ? Eras.western(m.group(1), m.group(2)) : null;
    List<Integer> years = new ArrayList<>();
    Matcher a = ACTUAL.matcher(t);
    while (a.find()) {
      years.add(Eras.western(a.group(1), a.group(2)));
    }
    Matcher y = YEAR.matcher(t);
    Integer report = y.find() ? Eras.western(y.group(1), y.group(2)) : null;
    return new KpiHeader(baseline, years, report);
  }
}
