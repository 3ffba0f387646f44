package hyoka.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a text that came without form feeds into pages where the page heads start. Every page of the
 * report opens with a head (page marker, chart labels, then a project name followed by `補正前ｽｺｱ
 * スコア`), so a new head after narrative text is a new page. A page that opens with no head (a block
 * running over a page break) cannot be seen this way: its lines stay on the page before, and page
 * numbers after it are one lower than printed.
 */
final class VirtualPages {
  private VirtualPages() {}

  private static final Pattern MARKER = Pattern.compile("^#?\\d{0,3}(?:\\(\\d\\).+)?$");

  static List<List<Line>> split(List<Line> lines) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
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
      // the head of the page goes on: this project follows another one's 目的： label
      if (k < 0 || lines.get(k).is(LineKind.PURPOSE_LABEL)) {
        continue;
      }
      if (start > starts.get(starts.size() - 1)) {
        starts.add(start);
      }
    }
    List<List<Line>> pages = new ArrayList<>();
    for (int p = 0; p < starts.size(); p++) {
      int from = starts.get(p);
      int to = p + 1 < starts.size() ? starts.get(p + 1) : lines.size();
      List<Line> page = new ArrayList<>();
      for (Line l : lines.subList(from, to)) {
        page.add(new Line(p + 1, l.lineNo(), l.text(), l.tight(), l.kind()));
      }
      pages.add(page);
    }
    return pages;
  }

  /** Page markers and chart labels open a page (` 6`, ` #`, `66.67`, ` アンケート…`). */
  private static boolean isLead(Line l) {
    return l.is(LineKind.NUMBERS)
        || MARKER.matcher(l.tight()).matches()
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
