package hyoka.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parse means, without how the producer printed it: numbers, years, kinds, counts, pages,
 * and names and texts folded (NFKC) with spaces removed. Two parses of the same report from
 * different producers must have equal semantics.
 */
public final class Semantics {
  private Semantics() {}

  public static List<String> of(ParsedReport r) {
    List<String> out = new ArrayList<>();
    out.add(
        "report "
            + r.fiscalYear()
            + " pages="
            + r.pageCount()
            + " projects="
            + r.projects().size()
            + " kpis="
            + r.kpiCount());
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
              + p.page()
              + " "
              + key(p.description()));
      for (Kpi k : p.kpis()) {
        StringBuilder b =
            new StringBuilder(
                "  K"
                    + k.kpiNo()
                    + " "
                    + key(k.name())
                    + " "
                    + k.unit()
                    + " by="
                    + k.baselineYear()
                    + " ty="
                    + k.targetYear()
                    + " p"
                    + k.page());
        for (KpiValue v : k.values()) {
          b.append(' ')
              .append(v.fiscalYear())
              .append(v.kind().label().charAt(0))
              .append('=')
              .append(value(v.value()));
        }
        b.append(" raw=")
            .append(value(k.rawScore()))
            .append(" score=")
            .append(value(k.score()))
            .append(" computed=")
            .append(k.rawScoreComputed())
            .append('/')
            .append(k.scoreComputed())
            .append(' ')
            .append(k.scoreStatus())
            .append(' ')
            .append(k.scoreRule())
            .append(' ')
            .append(k.matchEvidence())
            .append(" note=")
            .append(key(k.targetNote()))
            .append(" basis=")
            .append(key(k.targetBasis()))
            .append(" shared=")
            .append(k.sharedNoteWith());
        out.add(b.toString());
      }
      for (BudgetItem i : p.budgetItems()) {
        out.add(
            "  I"
                + i.itemNo()
                + " p"
                + i.page()
                + " "
                + key(i.name())
                + " | "
                + key(i.overview())
                + " | "
                + key(i.purpose())
                + " | "
                + key(i.implementation())
                + " | "
                + key(i.note()));
      }
      for (Narrative n : p.narratives()) {
        out.add("  N" + n.itemNo() + " " + n.kind() + " p" + n.page() + " " + key(n.text()));
      }
    }
    for (ResidueLine l : r.residue()) {
      out.add("R p" + l.page() + " " + l.cls() + " " + key(l.text()));
    }
    return out;
  }

  public static String value(PrintedValue v) {
    return v.isKnown()
        ? v.value().stripTrailingZeros().toPlainString() + (v.unit() == null ? "" : v.unit())
        : "null(" + v.nullReason() + ")";
  }

  public static String key(String s) {
    return s == null ? "null" : FoldedText.tight(Texts.fold(s).replace('\n', ' '));
  }

  /** The lines of {@link #of} of every project but {@code projectNo}, and the residue. */
  public static List<String> allBut(List<String> semantics, int projectNo) {
    List<String> out = new ArrayList<>();
    boolean skip = false;
    for (String l : semantics) {
      if (l.startsWith("P") || l.startsWith("R ")) {
        skip = l.startsWith("P" + projectNo + " ");
      }
      if (!skip) {
        out.add(l);
      }
    }
    return out;
  }

  /** KPI {@code kpiNo} of project {@code projectNo}, which must be the report's projectNo-th. */
  public static Kpi kpi(ParsedReport r, int projectNo, int kpiNo) {
    Project p = r.projects().get(projectNo - 1);
    if (p.projectNo() != projectNo) {
      throw new AssertionError("project " + projectNo + " is not the " + projectNo + "th");
    }
    return p.kpis().get(kpiNo - 1);
  }
}
