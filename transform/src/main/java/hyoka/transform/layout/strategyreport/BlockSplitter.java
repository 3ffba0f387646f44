package hyoka.transform.layout.strategyreport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts the narrative stream into one block per project. A block ends with the project's `N ＜部`
 * line, its `（課）＞` line(s), the description and the 施策ＫＰＩ header; for some projects the extractor
 * put the header (and the description) before the `N ＜` line instead, or the description after it
 * at the end of the page. Lines after the last block are left over.
 */
final class BlockSplitter {
  /** A description line this long that does not end a sentence wraps on to the next line. */
  private static final int WRAP_WIDTH = 60;

  /** The blocks in stream order and the lines that belong to no block. */
  record Result(List<Block> blocks, List<Line> leftover) {}

  Result split(List<Line> s) {
    List<Block> blocks = new ArrayList<>();
    int start = 0;
    for (int d = 0; d < s.size(); d++) {
      if (!s.get(d).is(LineKind.DEPT)) {
        continue;
      }
      Line deptLine = s.get(d);
      int projectNo = LineClassifier.projectNo(deptLine);
      List<Line> frame = new ArrayList<>();
      frame.add(deptLine);
      List<String> departments = new ArrayList<>();
      List<String> sections = new ArrayList<>();
      String firstDept = deptLine.printed().strip();
      firstDept = firstDept.substring(Math.max(firstDept.indexOf('＜'), firstDept.indexOf('<')) + 1);
      int e = d;
      addDeptParts(firstDept, departments, sections);
      if (!deptLine.tight().endsWith(">")) {
        for (int k = d + 1; k < Math.min(d + 5, s.size()); k++) {
          e = k;
          frame.add(s.get(k));
          addDeptParts(s.get(k).printed().strip(), departments, sections);
          if (s.get(k).tight().endsWith(">")) {
            break;
          }
        }
      }
      List<Line> description = new ArrayList<>();
      List<Line> header = new ArrayList<>();
      int end = e + 1;
      int h = -1;
      for (int k = e + 1; k < Math.min(e + 6, s.size()); k++) {
        Line l = s.get(k);
        if (l.is(LineKind.KPI_HEADER)) {
          h = k;
          break;
        }
        if (!l.is(LineKind.TEXT)) {
          break;
        }
      }
      Set<Line> taken = new HashSet<>();
      if (h >= 0) {
        description.addAll(s.subList(e + 1, h));
        end = headerEnd(s, h, header);
      } else {
        int hb = -1;
        for (int k = d - 1; k >= start; k--) {
          LineKind kind = s.get(k).kind();
          if (kind == LineKind.KPI_HEADER) {
            hb = k;
            break;
          }
          if (kind != LineKind.YEAR_HEAD
              && kind != LineKind.TARGET_HEAD
              && kind != LineKind.ACTUAL_HEAD
              && kind != LineKind.NUMBERS
              && kind != LineKind.HEADER_FRAGMENT) {
            break;
          }
        }
        if (hb >= 0) {
          headerEnd(s, hb, header);
          taken.addAll(header);
        }
        int k = e + 1;
        while (k < s.size() && s.get(k).page() == deptLine.page() && s.get(k).is(LineKind.TEXT)) {
          k++;
        }
        boolean pageEnds = k == s.size() || s.get(k).page() != deptLine.page();
        if (k > e + 1 && pageEnds && k - (e + 1) <= 4) {
          description.addAll(s.subList(e + 1, k));
          end = k;
        } else if (hb >= 0) {
          int first = hb - 1;
          if (first >= start && s.get(first).is(LineKind.TEXT)) {
            while (first - 1 >= start
                && s.get(first - 1).is(LineKind.TEXT)
                && wraps(s.get(first - 1))) {
              first--;
            }
            description.addAll(s.subList(first, hb));
            taken.addAll(description);
          }
        }
      }
      frame.addAll(header);
      List<Line> body = new ArrayList<>();
      for (Line l : s.subList(start, d)) {
        if (!taken.contains(l)) {
          body.add(l);
        }
      }
      blocks.add(new Block(projectNo, departments, sections, description, header, frame, body));
      start = end;
      d = end - 1;
    }
    return new Result(blocks, List.copyOf(s.subList(start, s.size())));
  }

  /** Adds the header line at h and its split-off pieces; returns the index after them. */
  private static int headerEnd(List<Line> s, int h, List<Line> header) {
    header.add(s.get(h));
    int k = h + 1;
    while (k < s.size()
        && (s.get(k).is(LineKind.HEADER_FRAGMENT) || s.get(k).is(LineKind.YEAR_HEAD))) {
      header.add(s.get(k));
      boolean year = s.get(k).is(LineKind.YEAR_HEAD);
      k++;
      if (year) {
        break;
      }
    }
    return k;
  }

  private static boolean wraps(Line l) {
    return l.tight().length() >= WRAP_WIDTH && !l.tight().endsWith("。");
  }

  private static void addDeptParts(
      String printed, List<String> departments, List<String> sections) {
    String p = printed.strip();
    if (p.endsWith("＞") || p.endsWith(">")) {
      p = p.substring(0, p.length() - 1).strip();
    }
    if (p.isEmpty()) {
      return;
    }
    char c = p.charAt(0);
    if (c == '（' || c == '(') {
      int close = Math.max(p.lastIndexOf('）'), p.lastIndexOf(')'));
      sections.add((close > 0 ? p.substring(1, close) : p.substring(1)).strip());
    } else {
      departments.add(p);
    }
  }
}
