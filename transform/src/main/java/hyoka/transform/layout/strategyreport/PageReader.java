package hyoka.transform.layout.strategyreport;

import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Splits the report's lines into the pages' heads (project names, KPI value rows, labels) and the
 * narrative stream that follows them (the projects' blocks, which can run over a page break). The
 * head of a page is everything up to the last 概要/目的 label pair of its last project; a page with no
 * project name followed by `補正前ｽｺｱ スコア` (a continuation page) has no head.
 */
final class PageReader {
  /**
   * The heads, the narrative stream and the residue found while reading the heads.
   *
   * @param gluedToPurpose the narrative lines that are text glued to a head's {@code 目的：} label: a
   *     paragraph that starts with one is printed in a 目的 cell
   */
  record Result(
      List<ProjectHead> heads,
      List<Line> narrative,
      List<ResidueLine> residue,
      Set<Line> gluedToPurpose) {}

  Result read(List<List<Line>> pages) {
    List<ProjectHead> heads = new ArrayList<>();
    List<Line> narrative = new ArrayList<>();
    List<ResidueLine> residue = new ArrayList<>();
    Set<Line> gluedToPurpose = new HashSet<>();
    Integer groupNo = null;
    String groupName = null;
    for (List<Line> all : pages) {
      List<Line> lines = new ArrayList<>(all.size());
      for (Line l : all) {
        if (!l.is(LineKind.BLANK)) {
          lines.add(l);
        }
      }
      int i = 0;
      if (!lines.isEmpty()) {
        Line first = lines.get(0);
        Matcher m = LineClassifier.PAGE_MARKER.matcher(first.tight());
        // a marker is an integer or '#' (a decimal is a chart label), maybe with a group heading
        if (m.matches()) {
          residue.add(residue(first, ResidueClass.PAGE_MARKER));
          if (m.group(1) != null) {
            groupNo = Integer.valueOf(m.group(1));
            groupName = groupNameOf(first);
          }
          i = 1;
        }
      }
      while (i < lines.size()) {
        // before a project's name: page marker, chart labels and chart notes of the page
        int j = i;
        while (j < lines.size() && j - i < 6 && isLead(lines.get(j))) {
          j++;
        }
        if (j == i || j >= lines.size() || !lines.get(j).is(LineKind.SCORE_LABEL)) {
          break;
        }
        int nameStart = j - 1;
        if (!lines.get(nameStart).is(LineKind.TEXT) || isMarker(lines.get(nameStart))) {
          break;
        }
        // a name wraps before its parenthesised part: 小樽産品…事業 / （Ｈ31年度：…）
        if (nameStart - 1 >= i
            && lines.get(nameStart).folded().strip().startsWith("(")
            && lines.get(nameStart - 1).is(LineKind.TEXT)
            && !isMarker(lines.get(nameStart - 1))) {
          nameStart--;
        }
        for (Line c : lines.subList(i, nameStart)) {
          if (isMarker(c)) {
            residue.add(residue(c, ResidueClass.PAGE_MARKER));
            Matcher gm = LineClassifier.PAGE_MARKER.matcher(c.tight());
            if (gm.matches() && gm.group(1) != null) {
              groupNo = Integer.valueOf(gm.group(1));
              groupName = groupNameOf(c);
            }
          } else {
            residue.add(residue(c, ResidueClass.CHART_LABEL));
          }
        }
        List<Line> names = lines.subList(nameStart, j);
        List<Line> labels = new ArrayList<>();
        labels.add(lines.get(j));
        j++;
        List<Line> rowLines = new ArrayList<>();
        List<List<Line>> notes = new ArrayList<>();
        List<List<Integer>> groups = new ArrayList<>();
        int open = 0; // first row not yet closed by a [目標値]
        int pairs = 0;
        Line glued = null;
        boolean afterTarget = false;
        List<Integer> lastGroup = List.of();
        while (j < lines.size()) {
          Line l = lines.get(j);
          LineKind k = l.kind();
          if (k == LineKind.VALUE_ROW) {
            rowLines.add(l);
            notes.add(new ArrayList<>());
            groups.add(List.of());
            afterTarget = false;
          } else if (k == LineKind.TARGET_LABEL) {
            labels.add(l);
            List<Integer> g = new ArrayList<>();
            for (int r = open; r < rowLines.size(); r++) {
              g.add(r);
            }
            for (int r : g) {
              groups.set(r, List.copyOf(g));
            }
            lastGroup = List.copyOf(g);
            open = rowLines.size();
            afterTarget = true;
          } else if (k == LineKind.NOTE && afterTarget) {
            for (int r : lastGroup) {
              notes.get(r).add(l);
            }
          } else if (k == LineKind.STATUS_LABEL
              || k == LineKind.BUDGET_LABEL
              || k == LineKind.OVERVIEW_LABEL) {
            labels.add(l);
            afterTarget = false;
          } else if (k == LineKind.PURPOSE_LABEL) {
            labels.add(l);
            pairs++;
            afterTarget = false;
            String rest = LineClassifier.gluedText(l);
            if (!rest.isEmpty()) {
              glued = new LineClassifier().classify(l.page(), l.lineNo(), rest);
              j++;
              break;
            }
          } else {
            break;
          }
          j++;
        }
        List<ProjectHead.HeadRow> rows = new ArrayList<>();
        for (int r = 0; r < rowLines.size(); r++) {
          List<Integer> g = groups.get(r).isEmpty() ? List.of(r) : groups.get(r);
          rows.add(new ProjectHead.HeadRow(rowLines.get(r), notes.get(r), g));
        }
        heads.add(
            new ProjectHead(names.get(0).page(), groupNo, groupName, names, rows, labels, pairs));
        i = j;
        if (glued != null) {
          narrative.add(glued);
          gluedToPurpose.add(glued);
          break;
        }
      }
      narrative.addAll(lines.subList(i, lines.size()));
    }
    return new Result(heads, narrative, residue, Set.copyOf(gluedToPurpose));
  }

  private static boolean isLead(Line l) {
    return l.is(LineKind.TEXT) || isChart(l);
  }

  private static boolean isMarker(Line l) {
    return LineClassifier.PAGE_MARKER.matcher(l.tight()).matches() && !l.is(LineKind.NUMBERS)
        || l.is(LineKind.NUMBERS) && l.tight().matches("\\d{1,2}") && l.printed().startsWith(" ");
  }

  private static boolean isChart(Line l) {
    return l.is(LineKind.NUMBERS) || l.is(LineKind.CHART_LEGEND) || l.is(LineKind.CHART_AXIS);
  }

  private static String groupNameOf(Line marker) {
    String p = marker.printed().strip();
    int close = Math.max(p.indexOf('）'), p.indexOf(')'));
    return close >= 0 ? p.substring(close + 1).strip() : p;
  }

  static ResidueLine residue(Line l, ResidueClass cls) {
    return residue(l, cls, null);
  }

  static ResidueLine residue(Line l, ResidueClass cls, String note) {
    return new ResidueLine(l.page(), l.lineNo(), l.printed(), cls, note);
  }
}
