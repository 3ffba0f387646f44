package hyoka.transform.layout.strategyreport;

import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import hyoka.transform.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    Map<Integer, Integer> position = PageOrder.positions(pages);
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
      // a project's name repeated at the top of the page its table or texts go on to
      ProjectHead repeatedOf = null;
      if (i < lines.size() && lines.get(i).is(LineKind.TEXT)) {
        for (int h = heads.size() - 1;
            h >= 0 && position.get(heads.get(h).page()) >= position.get(lines.get(i).page()) - 1;
            h--) {
          if (isRepeatedName(lines.get(i), heads.get(h))) {
            repeatedOf = heads.get(h);
            residue.add(
                residue(
                    lines.get(i),
                    ResidueClass.SECTION_LABEL,
                    "the project's name repeated over its table or texts continued from the page"
                        + " before"));
            i++;
            break;
          }
        }
      }
      if (!heads.isEmpty() && (repeatedOf == null || repeatedOf == heads.get(heads.size() - 1))) {
        int c = continuation(lines, i, repeatedOf != null, residue);
        if (c >= 0) {
          Body body = readBody(lines, c);
          ProjectHead last = heads.get(heads.size() - 1);
          heads.set(heads.size() - 1, last.continuedBy(body.rows(), body.labels, body.pairs));
          i = body.end;
          if (body.glued != null) {
            narrative.add(body.glued);
            gluedToPurpose.add(body.glued);
            narrative.addAll(lines.subList(i, lines.size()));
            continue;
          }
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
        Body body = readBody(lines, j + 1);
        body.labels.add(0, lines.get(j));
        j = body.end;
        Line glued = body.glued;
        heads.add(
            new ProjectHead(
                names.get(0).page(),
                groupNo,
                groupName,
                names,
                body.rows(),
                body.labels,
                body.pairs));
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

  /**
   * Where the previous page's last project goes on at the top of this page (the index of its first
   * value row there), or -1 when it does not: its table's rows broken over the page break (a value
   * row before any project name), maybe under its name repeated (already taken as residue) and
   * `補正前ｽｺｱ スコア` again, which is residue too.
   */
  private static int continuation(
      List<Line> lines, int i, boolean afterRepeatedName, List<ResidueLine> out) {
    int j = i;
    Line label = null;
    if (afterRepeatedName && j < lines.size() && lines.get(j).is(LineKind.SCORE_LABEL)) {
      label = lines.get(j);
      j++;
    }
    if (j >= lines.size()
        || !lines.get(j).is(LineKind.VALUE_ROW) && !isRowWithEmptyCells(lines, j)) {
      return -1;
    }
    if (label != null) {
      out.add(residue(label, ResidueClass.SECTION_LABEL));
    }
    return j;
  }

  /** The end of a project's name repeated over its continued table: (続き), (継続), つづき. */
  static final java.util.regex.Pattern CONTINUED =
      java.util.regex.Pattern.compile("(?:\\((?:続き|つづき|継続|続)\\)|続き|つづき)$");

  /** The previous project's name followed by (続き), (継続), つづき: folded, spaces ignored. */
  private static boolean isRepeatedName(Line l, ProjectHead last) {
    String t = l.tight();
    java.util.regex.Matcher m = CONTINUED.matcher(t);
    if (!m.find()) {
      return false;
    }
    String name = hyoka.transform.FoldedText.tight(hyoka.transform.Texts.fold(last.name()));
    return t.substring(0, m.start()).equals(name);
  }

  /** A head's rows, notes and labels after its name and `補正前ｽｺｱ スコア`. */
  private static final class Body {
    final List<Line> rowLines = new ArrayList<>();
    final List<List<Line>> notes = new ArrayList<>();
    final List<List<Integer>> groups = new ArrayList<>();
    final List<Line> labels = new ArrayList<>();
    int pairs;
    Line glued;
    int end;

    List<ProjectHead.HeadRow> rows() {
      List<ProjectHead.HeadRow> rows = new ArrayList<>();
      for (int r = 0; r < rowLines.size(); r++) {
        List<Integer> g = groups.get(r).isEmpty() ? List.of(r) : groups.get(r);
        rows.add(new ProjectHead.HeadRow(rowLines.get(r), notes.get(r), g));
      }
      return rows;
    }
  }

  /** Reads a head's rows and labels from line {@code j}. */
  private static Body readBody(List<Line> lines, int j) {
    Body b = new Body();
    int open = 0; // first row not yet closed by a [目標値]
    boolean afterTarget = false;
    List<Integer> lastGroup = List.of();
    while (j < lines.size()) {
      Line l = lines.get(j);
      LineKind k = l.kind();
      if (k == LineKind.VALUE_ROW || isRowWithEmptyCells(lines, j)) {
        b.rowLines.add(l);
        b.notes.add(new ArrayList<>());
        b.groups.add(List.of());
        afterTarget = false;
      } else if (k == LineKind.TARGET_LABEL) {
        b.labels.add(l);
        List<Integer> g = new ArrayList<>();
        for (int r = open; r < b.rowLines.size(); r++) {
          g.add(r);
        }
        for (int r : g) {
          b.groups.set(r, List.copyOf(g));
        }
        lastGroup = List.copyOf(g);
        open = b.rowLines.size();
        afterTarget = true;
      } else if (k == LineKind.NOTE && afterTarget) {
        for (int r : lastGroup) {
          b.notes.get(r).add(l);
        }
      } else if (k == LineKind.STATUS_LABEL
          || k == LineKind.BUDGET_LABEL
          || k == LineKind.OVERVIEW_LABEL) {
        b.labels.add(l);
        afterTarget = false;
      } else if (k == LineKind.PURPOSE_LABEL) {
        b.labels.add(l);
        b.pairs++;
        afterTarget = false;
        String rest = LineClassifier.gluedText(l);
        if (!rest.isEmpty()) {
          b.glued = new LineClassifier().classify(l.page(), l.lineNo(), rest);
          j++;
          break;
        }
      } else {
        break;
      }
      j++;
    }
    b.end = j;
    return b;
  }

  /**
   * Whether the line at {@code j} of a head's body is a value row with a cell left empty: its text
   * is only values (three or more), and a {@code [目標値]} label or another row follows it. Such a row
   * has too few cells for {@link LineClassifier#isValueRow} (an empty score cell puts a value with
   * a unit where the raw score stands), and the line alone cannot be told from one that is no row
   * (`1件 2件 3件 4件 5件 6 7件`), so only its place tells: between the `補正前ｽｺｱ スコア` label (or the rows
   * above it) and its {@code [目標値]}, where the head prints nothing but its rows. Which cell is
   * empty is decided by {@link KpiReader.Row}. Blank lines between are passed over.
   */
  static boolean isRowWithEmptyCells(List<Line> lines, int j) {
    int k = j;
    int values = 0;
    while (k < lines.size() && (isValuesOnly(lines.get(k)) || lines.get(k).is(LineKind.BLANK))) {
      if (!lines.get(k).is(LineKind.BLANK)) {
        values++;
      }
      k++;
    }
    return values > 0
        && isValuesOnly(lines.get(j))
        && k < lines.size()
        && (lines.get(k).is(LineKind.TARGET_LABEL) || lines.get(k).is(LineKind.VALUE_ROW));
  }

  private static boolean isValuesOnly(Line l) {
    return l.is(LineKind.VALUE_ROW)
        || (l.is(LineKind.TEXT) || l.is(LineKind.NUMBERS))
            && Values.rowTokens(l.text()).size() >= 3;
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
