package hyoka.transform.layout.strategyreport;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text that came without form feeds into pages where the page heads start. A page of the
 * report opens with a head (page marker, chart labels, then a project name followed by `補正前ｽｺｱ
 * スコア`), so a new head after narrative text is a new page. A page that opens with no head (a block
 * running over a page break) still opens with its page marker, the number of the page's first
 * project: with no project on the page the number is empty and the marker prints as a line of
 * spaces. Such a line before narrative text is a new page too; without it every later page would be
 * one lower than printed.
 */
final class VirtualPages {
  private VirtualPages() {}

  static List<List<Line>> split(List<Line> lines) {
    return split(lines, 1);
  }

  /**
   * The pages of {@code lines}, numbered from {@code firstPage}: also the pages of one page of a
   * file that prints two or more pages on each of its own (two pages per sheet, see {@link
   * PhysicalPages}). Each line keeps its line number.
   */
  static List<List<Line>> split(List<Line> lines, int firstPage) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    // each head from its first lead line to its 補正前ｽｺｱ line: an empty marker inside is no page
    List<int[]> heads = new ArrayList<>();
    for (int j = 0; j < lines.size(); j++) {
      if (!lines.get(j).is(LineKind.SCORE_LABEL)) {
        continue;
      }
      int name = previous(lines, j);
      if (name < 0) {
        continue;
      }
      int before = previous(lines, name);
      if (before >= 0
          && lines.get(name).tight().startsWith("(")
          && lines.get(before).is(LineKind.TEXT)) {
        name = before;
        before = previous(lines, name);
      }
      int start = name;
      int k = before;
      while (k >= 0 && (isLead(lines.get(k)) || lines.get(k).is(LineKind.BLANK))) {
        if (!lines.get(k).is(LineKind.BLANK)) {
          start = k;
        }
        k--;
      }
      heads.add(new int[] {start, j});
      // the head of the page goes on: this project follows another one's 目的： label, or the
      // rows and labels of a table continued from the page before
      if (k < 0 || endsAHead(lines.get(k))) {
        continue;
      }
      if (start > starts.get(starts.size() - 1)) {
        starts.add(start);
      }
    }
    for (int j = 0; j < lines.size(); j++) {
      if (j > 0 && isEmptyMarker(lines.get(j)) && opensNarrative(lines, j, heads)) {
        starts.add(j);
      }
      // a page marker right before a value row: a table continued from the page before
      if (j > 0 && isLead(lines.get(j)) && lines.get(j).printed().startsWith(" ")) {
        int next = j + 1;
        while (next < lines.size() && lines.get(next).is(LineKind.BLANK)) {
          next++;
        }
        // …maybe under the project's name repeated with (続き) / (継続)
        if (next < lines.size()
            && lines.get(next).is(LineKind.TEXT)
            && PageReader.CONTINUED.matcher(lines.get(next).tight()).find()) {
          next++;
          while (next < lines.size() && lines.get(next).is(LineKind.BLANK)) {
            next++;
          }
        }
        if (next < lines.size()
            && (lines.get(next).is(LineKind.VALUE_ROW)
                || PageReader.isRowWithEmptyCells(lines, next))
            && !starts.contains(j)) {
          starts.add(j);
        }
      }
    }
    starts.sort(null);
    // blank lines before a page's first line are that page's: a page of blank lines only would
    // shift every later page's number by one (a page of the file opens with blank lines)
    for (int p = starts.size() - 1; p > 0; p--) {
      if (lines.subList(starts.get(p - 1), starts.get(p)).stream()
          .allMatch(l -> l.is(LineKind.BLANK))) {
        starts.remove(p);
      }
    }
    List<List<Line>> pages = new ArrayList<>();
    for (int p = 0; p < starts.size(); p++) {
      int from = starts.get(p);
      int to = p + 1 < starts.size() ? starts.get(p + 1) : lines.size();
      List<Line> page = new ArrayList<>();
      for (Line l : lines.subList(from, to)) {
        page.add(new Line(firstPage + p, l.lineNo(), l.text(), l.tight(), l.kind()));
      }
      pages.add(page);
    }
    return pages;
  }

  /** A line a page's head ends a project with: its rows, their notes and its labels. */
  private static boolean endsAHead(Line l) {
    return switch (l.kind()) {
      case PURPOSE_LABEL,
          OVERVIEW_LABEL,
          BUDGET_LABEL,
          STATUS_LABEL,
          TARGET_LABEL,
          NOTE,
          VALUE_ROW ->
          true;
      default -> false;
    };
  }

  /** A line of spaces only: the marker of a page with no project of its own. */
  private static boolean isEmptyMarker(Line l) {
    return l.is(LineKind.BLANK) && !l.printed().isEmpty();
  }

  /**
   * Whether the empty marker at {@code j} is followed by text that no head claims: not inside a
   * head's lead lines, not right before a head (that head's start is the page's), and not at the
   * end of the text (the marker then opens no page).
   */
  private static boolean opensNarrative(List<Line> lines, int j, List<int[]> heads) {
    int next = j + 1;
    while (next < lines.size() && lines.get(next).is(LineKind.BLANK)) {
      next++;
    }
    if (next == lines.size()) {
      return false;
    }
    for (int[] h : heads) {
      if (h[0] <= next && next <= h[1] || h[0] <= j && j <= h[1]) {
        return false;
      }
    }
    return true;
  }

  /** Page markers and chart labels open a page (` 6`, ` #`, `66.67`, ` アンケート…`). */
  private static boolean isLead(Line l) {
    return l.is(LineKind.NUMBERS)
        || LineClassifier.PAGE_MARKER.matcher(l.tight()).matches()
        || l.is(LineKind.TEXT) && l.printed().startsWith(" ") && l.tight().length() < 30;
  }

  private static int previous(List<Line> lines, int i) {
    int k = i - 1;
    while (k >= 0 && lines.get(k).is(LineKind.BLANK)) {
      k--;
    }
    return k;
  }
}
