package hyoka.transform.layout.strategyreport;

import static java.util.Objects.requireNonNull;

import hyoka.transform.PrintedValue;
import java.util.List;

/**
 * A KPI name with the report year's actual printed after it (`交通事故件数 173件`) or on its own line
 * under it (`授業がよくわかると答えた児童の割` / `合（小学校）` / `81.40`), and the basis line(s) of the target that
 * follow it.
 *
 * @param lines the lines of the name and value, in printed order
 * @param basis the target basis lines after it (may be empty)
 */
record KpiNameLine(String name, PrintedValue actual, List<Line> lines, List<Line> basis) {
  KpiNameLine {
    requireNonNull(name, "name is null");
    requireNonNull(actual, "actual is null");
    lines = List.copyOf(lines);
    basis = List.copyOf(basis);
  }

  String basisText() {
    if (basis.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Line l : basis) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(l.printed().strip());
    }
    return b.toString();
  }

  int page() {
    return lines.get(lines.size() - 1).page();
  }
}
