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
  /**
   * A year as headers print it (tight folded form): an era year, abbreviated or not (`H26`, `R元`,
   * `平成26`, `令和2`), or a Western one (`2014`), maybe followed by 年度.
   */
  static final String YEAR_FORM = "(?:(H|R|平成|令和)(\\d{1,2}|元)|(\\d{4}))";

  private static final Pattern BASELINE = Pattern.compile("基準値\\(" + YEAR_FORM + "(?:年度)?\\)");
  private static final Pattern ACTUAL = Pattern.compile(YEAR_FORM + "(?:年度)?実績値");
  private static final Pattern YEAR = Pattern.compile(YEAR_FORM + "年度(?!実績値|\\))");

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
    Integer baseline = m.find() ? year(m) : null;
    List<Integer> years = new ArrayList<>();
    Matcher a = ACTUAL.matcher(t);
    while (a.find()) {
      years.add(year(a));
    }
    Matcher y = YEAR.matcher(t);
    Integer report = y.find() ? year(y) : null;
    return new KpiHeader(baseline, years, report);
  }

  /** The Western year of a {@link #YEAR_FORM} match. */
  private static int year(Matcher m) {
    return m.group(3) != null ? Integer.parseInt(m.group(3)) : Eras.western(m.group(1), m.group(2));
  }

  /**
   * The Western year of a head line in tight folded form (`H31年度`, `令和元年度`, `2019年度`, `目標値(R2)`),
   * or null when it names none.
   */
  static Integer yearOf(String tight) {
    Matcher m = Pattern.compile(YEAR_FORM).matcher(tight);
    return m.find() ? year(m) : null;
  }
}
