package hyoka.transform.layout.strategyreport;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which the parser reads a report's pages: the file's, unless the file has them out of
 * order (swapped, reversed), in which case the order of the project numbers they print. Every line
 * keeps the number of the page the file prints it on; only the order the pages are read in changes.
 *
 * <p>Each project's page head is followed by its narrative block, whose {@code N ＜部} line ends it
 * on the head's page, or for the page's first project on the next one (a page with no head, page 30
 * of the samples, which holds the rest of P49's texts). So a page with a head (a {@code 補正前ｽｺｱ スコア}
 * label or a value row) is placed by the highest project number its {@code N ＜部} lines print (its
 * last project's), and a page without one right after the first head page whose highest number is
 * at least its own lowest. Read in that order, a report's pages give back the order its text was
 * printed in. A file whose pages are out of order and that has a page with no {@code N ＜部} line is
 * rejected: nothing tells where that page goes, and read in the file's order its lines would be
 * given to the wrong projects (docs/report-format.md).
 */
final class PageOrder {
  private PageOrder() {}

  /** Each page's 0-based position in {@code pages}, by the page number its lines carry. */
  static Map<Integer, Integer> positions(List<List<Line>> pages) {
    Map<Integer, Integer> out = new HashMap<>();
    for (int k = 0; k < pages.size(); k++) {
      for (Line l : pages.get(k)) {
        out.putIfAbsent(l.page(), k);
      }
    }
    return out;
  }

  /** {@code pages} in the order to read them (the same list when the file's order is it). */
  static List<List<Line>> readingOrder(String source, List<List<Line>> pages) {
    return readingOrder(source, pages, p -> p);
  }

  /**
   * {@code pages} in the order to read them; {@code filePage} gives the page of the file that
   * prints a page (a file page can print two, {@link PhysicalPages}), for the message.
   */
  static List<List<Line>> readingOrder(
      String source, List<List<Line>> pages, java.util.function.IntUnaryOperator filePage) {
    int n = pages.size();
    Integer[] highest = new Integer[n];
    Integer[] lowest = new Integer[n];
    boolean[] head = new boolean[n];
    for (int k = 0; k < n; k++) {
      for (Line l : pages.get(k)) {
        if (l.is(LineKind.DEPT)) {
          int no = LineClassifier.projectNo(l);
          highest[k] = highest[k] == null ? no : Math.max(highest[k], no);
          lowest[k] = lowest[k] == null ? no : Math.min(lowest[k], no);
        } else if (l.is(LineKind.SCORE_LABEL) || l.is(LineKind.VALUE_ROW)) {
          head[k] = true;
        }
      }
    }
    // a page's place: (the highest number of its head page, 0 for that page itself, 1 for a page
    // of texts after it); null for a page that prints no N ＜部 line
    long[] key = new long[n];
    boolean[] known = new boolean[n];
    for (int k = 0; k < n; k++) {
      if (highest[k] == null) {
        continue;
      }
      if (head[k]) {
        key[k] = 2L * highest[k];
        known[k] = true;
        continue;
      }
      Integer after = null;
      for (int h = 0; h < n; h++) {
        if (head[h] && highest[h] != null && highest[h] >= lowest[k]) {
          after = after == null ? highest[h] : Math.min(after, highest[h]);
        }
      }
      // a page of texts after every head page: after the last
      key[k] = 2L * (after == null ? highest[k] : after) + 1;
      known[k] = true;
    }
    long last = Long.MIN_VALUE;
    boolean inOrder = true;
    for (int k = 0; k < n; k++) {
      if (known[k]) {
        if (key[k] < last) {
          inOrder = false;
          break;
        }
        last = key[k];
      }
    }
    if (inOrder) {
      return pages;
    }
    List<Integer> unplaced = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (!known[k] && pages.get(k).stream().anyMatch(l -> !l.is(LineKind.BLANK))) {
        int at = filePage.applyAsInt(pageNo(pages.get(k), k));
        if (!unplaced.contains(at)) {
          unplaced.add(at);
        }
      }
    }
    if (!unplaced.isEmpty()) {
      throw new HyokaException(
          ErrorCode.NOT_A_REPORT,
          source
              + ": the pages are out of order (their project numbers go back), and page"
              + (unplaced.size() == 1 ? " " : "s ")
              + unplaced.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
              + " print"
              + (unplaced.size() == 1 ? "s" : "")
              + " no project number (N ＜部) to tell where "
              + (unplaced.size() == 1 ? "it goes" : "they go"));
    }
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      if (known[k]) {
        order.add(k);
      }
    }
    order.sort(Comparator.comparingLong(k -> key[k]));
    List<List<Line>> out = new ArrayList<>(n);
    for (int k : order) {
      out.add(pages.get(k));
    }
    // blank pages (no line to place) keep their place at the end: they hold nothing to read
    for (int k = 0; k < n; k++) {
      if (!known[k]) {
        out.add(pages.get(k));
      }
    }
    return out;
  }

  private static int pageNo(List<Line> page, int k) {
    return page.isEmpty() ? k + 1 : page.get(0).page();
  }
}
