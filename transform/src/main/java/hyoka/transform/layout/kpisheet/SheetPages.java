package hyoka.transform.layout.kpisheet;

import hyoka.transform.FoldedText;
import hyoka.transform.layout.kpisheet.SheetLabels.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which lines are one sheet: a page's, as a rule, but a file may print two sheets on one page (two
 * pages printed on one sheet of paper, one above the other) or one sheet over two pages (its rows
 * continued on the next page). Each line keeps its own page.
 *
 * <p>Both are decided by the labels a sheet prints once (its title, シート番号, 基本目標, 個別施策, ＫＰＩ その{n},
 * 指標担当部課等, 実績値, 単位, the 達成率 row, 設定根拠, 効果発現要因, 今後の取組 and the legend), never by position:
 *
 * <ul>
 *   <li>A page is cut before each title after its first (and before the footer just above it) only
 *       when every part is one whole sheet by those labels: each prints its シート番号 and no label
 *       twice. Where a page's cells come out interleaved (a spreadsheet's two drawing passes over
 *       both sheets), a part holds labels of both, and the page stays one, as before: no value of
 *       one sheet goes into the other.
 *   <li>A sheet is joined with the first sheet of the next page when it prints some of a sheet's
 *       labels but no legend (its last row), the next page's part prints no title (or the same
 *       title again, a repeated print title, after more than a title) and some labels, none of
 *       which the sheet prints already, and the two together print exactly one シート番号: so the parts
 *       are one sheet's, cut by the page break. A page without a sheet's labels (a cover, a page of
 *       notes) is joined with nothing. The rest may also stand above the next sheet's title on its
 *       page (sheets printed as one flow, each starting where the one before ends): it is cut off
 *       there only where it joins.
 * </ul>
 */
final class SheetPages {
  private SheetPages() {}

  /**
   * The labels a sheet prints once (the 達成率 row's three cells each, as a row may be cut in three).
   */
  private static final Set<Kind> ONCE =
      EnumSet.of(
          Kind.TITLE,
          Kind.SHEET_NO,
          Kind.GROUP,
          Kind.PROJECT,
          Kind.KPI,
          Kind.DEPT,
          Kind.ACTUALS,
          Kind.UNIT,
          Kind.BASIS,
          Kind.EFFECT,
          Kind.FUTURE,
          Kind.LEGEND);

  private static final Pattern DIGITS = Pattern.compile("\\d{1,6}");

  private static final String SHEET_NO = "SHEET_NO";
  private static final String TITLE = "TITLE";
  private static final String LEGEND = "LEGEND";

  /**
   * A run of lines of one page and how many of each once-printed label it holds.
   *
   * @param title the first title's text (tight), or null
   * @param lead whether it stands above the page's first title (the rest of the sheet before)
   * @param footer the page number its footer prints ({@code - 5 -}), or null
   */
  private record Part(
      int page,
      List<SheetLine> lines,
      Map<String, Integer> labels,
      String title,
      boolean lead,
      Integer footer) {
    int count(String label) {
      return labels.getOrDefault(label, 0);
    }

    boolean noneTwice() {
      return labels.values().stream().allMatch(n -> n == 1);
    }

    /** One sheet whole by its labels: its シート番号 and no label twice. */
    boolean whole() {
      return count(SHEET_NO) == 1 && noneTwice();
    }

    Part join(Part next) {
      List<SheetLine> all = new ArrayList<>(lines);
      all.addAll(next.lines());
      Map<String, Integer> both = new TreeMap<>(labels);
      next.labels().forEach((k, n) -> both.merge(k, n, Integer::sum));
      if (next.title() != null && title != null) {
        both.put(TITLE, 1); // the same title again (continues() allows no other)
      }
      return new Part(
          page,
          all,
          both,
          title != null ? title : next.title(),
          false,
          next.footer() != null ? next.footer() : footer);
    }
  }

  /**
   * One sheet's lines (or a page that is no sheet).
   *
   * @param page the 1-based page it starts on
   */
  record Lines(int page, List<SheetLine> lines) {}

  /**
   * The sheets' lines, in page order: each page, cut or joined as the class comment says ({@code
   * pages.get(p)} is page p + 1).
   */
  static List<Lines> sheets(List<List<SheetLine>> pages) {
    List<Part> out = new ArrayList<>();
    boolean lastEndsAPage = false;
    for (int p = 0; p < pages.size(); p++) {
      // a page may begin with the rest of the sheet before it and go on with sheets of its own
      // (a flow of sheets in a word processor): that rest is cut off only where it joins
      List<Part> parts = split(p + 1, pages.get(p), true);
      if (parts.get(0).lead()
          && !(lastEndsAPage && continues(out.get(out.size() - 1), parts.get(0)))) {
        parts = split(p + 1, pages.get(p), false);
      }
      for (int i = 0; i < parts.size(); i++) {
        Part part = parts.get(i);
        if (i == 0 && lastEndsAPage && continues(out.get(out.size() - 1), part)) {
          out.set(out.size() - 1, out.get(out.size() - 1).join(part));
        } else {
          out.add(part);
        }
      }
      lastEndsAPage = !parts.isEmpty();
    }
    List<Lines> lines = new ArrayList<>(out.size());
    for (Part part : out) {
      lines.add(new Lines(part.page(), part.lines()));
    }
    return lines;
  }

  /** Whether {@code next} (the first part of the next page) continues {@code sheet}. */
  private static boolean continues(Part sheet, Part next) {
    if (sheet.count(LEGEND) > 0 || !sheet.noneTwice() || !next.noneTwice()) {
      return false;
    }
    if (sheet.footer() != null && next.footer() != null && next.footer() != sheet.footer() + 1) {
      return false; // the pages' footers are not consecutive: pages between them are missing
    }
    if (sheet.labels().isEmpty()) {
      return false; // a page that prints none of a sheet's labels (a cover) begins no sheet
    }
    if (next.labels().isEmpty() || next.labels().keySet().equals(Set.of(TITLE))) {
      return false; // nothing of a sheet's labels continues on the page
    }
    boolean titleOnly = sheet.labels().keySet().equals(Set.of(TITLE));
    for (String label : next.labels().keySet()) {
      // the title printed again at the top of the next page (a print title); not after a page
      // that prints the title alone (a cover page with the title is no sheet's first half)
      boolean repeatedTitle =
          label.equals(TITLE)
              && !titleOnly
              && next.title() != null
              && next.title().equals(sheet.title());
      if (sheet.count(label) > 0 && !repeatedTitle) {
        return false;
      }
    }
    return sheet.count(SHEET_NO) + next.count(SHEET_NO) == 1;
  }

  /**
   * A page's parts: the page whole, or cut before each title when every part is a whole sheet; with
   * {@code lead}, also before the first title when labels stand above it (the rest of the sheet
   * before, which then need not be whole: its part is marked {@code lead}).
   */
  private static List<Part> split(int pageNo, List<SheetLine> page, boolean lead) {
    List<SheetLabels.Classified> classified = new ArrayList<>(page.size());
    List<Integer> titles = new ArrayList<>();
    for (SheetLine l : page) {
      SheetLabels.Classified c = SheetLabels.classify(l);
      classified.add(c);
      if (c.kind() == Kind.TITLE) {
        titles.add(classified.size() - 1);
      }
    }
    Part whole = part(pageNo, page, classified, 0, page.size());
    boolean cutLead =
        lead
            && !titles.isEmpty()
            && !part(pageNo, page, classified, 0, titles.get(0)).labels().isEmpty();
    if (titles.size() < (cutLead ? 1 : 2)) {
      return List.of(whole);
    }
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    for (int t : cutLead ? titles : titles.subList(1, titles.size())) {
      // the footer printed just above the next sheet's title is that sheet's
      int cut = t;
      while (cut > cuts.get(cuts.size() - 1) && isFooterOrBlank(classified.get(cut - 1).kind())) {
        cut--;
      }
      cuts.add(cut);
    }
    cuts.add(page.size());
    List<Part> parts = new ArrayList<>();
    for (int c = 0; c + 1 < cuts.size(); c++) {
      Part part = part(pageNo, page, classified, cuts.get(c), cuts.get(c + 1));
      if (c == 0 && cutLead) {
        if (!part.noneTwice()) {
          return List.of(whole);
        }
        part =
            new Part(part.page(), part.lines(), part.labels(), part.title(), true, part.footer());
      } else if (!part.whole()) {
        return List.of(whole);
      }
      parts.add(part);
    }
    return parts;
  }

  private static boolean isFooterOrBlank(Kind k) {
    return k == Kind.BLANK || k == Kind.FOOTER;
  }

  private static Part part(
      int pageNo, List<SheetLine> page, List<SheetLabels.Classified> classified, int from, int to) {
    Map<String, Integer> labels = new TreeMap<>();
    String title = null;
    Integer footer = null;
    for (int i = from; i < to; i++) {
      SheetLabels.Classified c = classified.get(i);
      Kind k = c.kind();
      if (k == Kind.FOOTER && footer == null) {
        Matcher m = DIGITS.matcher(page.get(i).folded());
        footer = m.find() ? Integer.valueOf(m.group()) : null;
      }
      if (ONCE.contains(k)) {
        labels.merge(k.name(), 1, Integer::sum);
      }
      if (k == Kind.TITLE) {
        if (c.number() != null) {
          labels.merge(SHEET_NO, 1, Integer::sum); // シート番号 printed on the title's line
        }
        if (title == null) {
          // its text without a シート番号 printed on its line
          String printed = page.get(i).printed().strip();
          if (c.titleEnd() >= 0 && c.titleEnd() <= printed.length()) {
            printed = printed.substring(0, c.titleEnd());
          }
          title = FoldedText.tight(FoldedText.of(printed).folded());
        }
      }
      if (k == Kind.RESULT) {
        SheetLabels.Result r = c.result();
        if (r.achievement() != null) {
          labels.merge("RESULT.achievement", 1, Integer::sum);
        }
        if (r.grade() != null) {
          labels.merge("RESULT.grade", 1, Integer::sum);
        }
        if (r.progress() != null) {
          labels.merge("RESULT.progress", 1, Integer::sum);
        }
      }
    }
    return new Part(pageNo, page.subList(from, to), labels, title, false, footer);
  }
}
