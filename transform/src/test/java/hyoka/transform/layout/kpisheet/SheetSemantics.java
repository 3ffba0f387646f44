package hyoka.transform.layout.kpisheet;

import hyoka.transform.Grading;
import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.Narrative;
import hyoka.transform.ParsedReport;
import hyoka.transform.PrintedValue;
import hyoka.transform.Project;
import hyoka.transform.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a sheet parse means, without how the producer printed it: numbers, years, grades, statuses,
 * pages, and names and texts folded (NFKC) with spaces removed. Two producers' texts of the same
 * sheets must have equal semantics. The residue is left out (where a line stands differs).
 */
final class SheetSemantics {
  private SheetSemantics() {}

  static String key(String s) {
    return s == null
        ? "null"
        : Texts.fold(s).replaceAll("[\\s\u3000]", "").toLowerCase(Locale.ROOT);
  }

  static List<String> of(ParsedReport r) {
    List<String> out = new ArrayList<>();
    out.add(
        "report "
            + r.layout()
            + " "
            + r.fiscalYear()
            + " pages="
            + r.pageCount()
            + " projects="
            + r.projects().size()
            + " kpis="
            + r.kpiCount()
            + " mismatches="
            + r.gradeMismatches()
            + " title="
            + key(r.title()));
    out.add(
        "legend "
            + (r.gradeLegend() == null
                ? "null"
                : r.gradeLegend().bands() + " " + r.gradeLegend().noActualSymbol()));
    for (Project p : r.projects()) {
      out.add(
          "P"
              + p.projectNo()
              + " g"
              + p.groupNo()
              + " "
              + key(p.groupName())
              + " "
              + key(p.name())
              + " "
              + key(p.department())
              + " "
              + key(p.section())
              + " p"
              + p.page());
      for (Kpi k : p.kpis()) {
        StringBuilder b =
            new StringBuilder("  K")
                .append(k.kpiNo())
                .append(' ')
                .append(key(k.name()))
                .append(' ')
                .append(key(k.unit()))
                .append(" by=")
                .append(k.baselineYear())
                .append(" ty=")
                .append(k.targetYear())
                .append(" p")
                .append(k.page())
                .append(' ')
                .append(k.matchEvidence())
                .append(" basis=")
                .append(key(k.targetBasis()));
        b.append(" actual=").append(value(k.actual()));
        for (KpiValue v : k.values()) {
          b.append(' ')
              .append(v.kind().label())
              .append(':')
              .append(v.fiscalYear())
              .append('=')
              .append(value(v.value()));
        }
        b.append(" score=")
            .append(number(k.scoreComputed()))
            .append('/')
            .append(number(k.rawScoreComputed()))
            .append(' ')
            .append(k.scoreRule())
            .append(' ')
            .append(k.scoreStatus())
            .append(" printed=")
            .append(value(k.score()))
            .append('/')
            .append(value(k.rawScore()));
        Grading g = k.grading();
        b.append(" grading=")
            .append(value(g.achievement()))
            .append(' ')
            .append(g.grade())
            .append(' ')
            .append(g.gradeByRule())
            .append(' ')
            .append(g.status())
            .append(' ')
            .append(key(g.progress()))
            .append(" p")
            .append(g.page());
        out.add(b.toString());
      }
      for (Narrative n : p.narratives()) {
        out.add("  N " + n.kind() + " p" + n.page() + " " + key(n.text()));
      }
    }
    return out;
  }

  private static String value(PrintedValue v) {
    return v.value() != null ? number(v.value()) + key(v.unit()) : "null:" + v.nullReason();
  }

  private static String number(BigDecimal n) {
    return n == null ? "null" : n.stripTrailingZeros().toPlainString();
  }
}
