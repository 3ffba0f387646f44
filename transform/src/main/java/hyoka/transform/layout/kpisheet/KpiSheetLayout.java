package hyoka.transform.layout.kpisheet;

import hyoka.transform.ErrorCode;
import hyoka.transform.FoldedText;
import hyoka.transform.GradeLegend;
import hyoka.transform.Grades;
import hyoka.transform.HyokaException;
import hyoka.transform.Layout;
import hyoka.transform.LayoutClaim;
import hyoka.transform.ParsedReport;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLedger;
import hyoka.transform.layout.kpisheet.SheetLabels.Kind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layout of per-KPI evaluation sheets ({@code kpi-sheet}): one bordered sheet (one page) per
 * KPI, as cities such as つくば市 and 石巻市 publish them from a spreadsheet. Each sheet prints its
 * project group (基本目標), project (個別施策), KPI (ＫＰＩ その{n}), department (指標担当部課等), a year grid (従前値
 * with its year, yearly 実績値, 目標値 with its year, 単位), the printed achievement (達成率), a letter grade
 * (評価), a progress label (進捗状況), the target's basis (設定根拠), the project's 効果発現要因（総合所見） and 今後の取組,
 * and the grade legend (評価基準) every grade is recomputed by.
 *
 * <p>How a page's lines become a sheet's cells is {@link SheetReader}'s; this class puts the sheets
 * together into projects ({@link SheetAssembler}). Stateless: one instance serves any number of
 * threads.
 */
public final class KpiSheetLayout implements Layout {
  /** The layout's name in {@code --layout} and {@code reports.layout}. */
  public static final String NAME = "kpi-sheet";

  public KpiSheetLayout() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "per-KPI evaluation sheets: one page per KPI with a year grid, 達成率, a letter grade (評価)"
        + " and the grade legend (評価基準)";
  }

  /**
   * Claims a text that prints a sheet's marks: a KPI label ({@code ＫＰＩ その{n}}), a result row with
   * an achievement and a grade ({@code 達成率 … 評価 …}), the grade legend ({@code 評価基準：…}) and a {@code
   * 実績値} row of values.
   */
  @Override
  public LayoutClaim claim(ReportText text) {
    String[] names = {"ＫＰＩ その{n} label", "達成率/評価 row", "評価基準 grade legend", "実績値 row of values"};
    int[] firstPage = new int[names.length];
    int left = names.length;
    for (int p = 0; p < text.pages().size() && left > 0; p++) {
      List<String> lines = ReportText.lines(text.pages().get(p));
      for (int i = 0; i < lines.size() && left > 0; i++) {
        SheetLine line = new SheetLine(p + 1, i + 1, FoldedText.of(lines.get(i)));
        int mark = mark(line);
        if (mark >= 0 && firstPage[mark] == 0) {
          firstPage[mark] = p + 1;
          left--;
        }
      }
    }
    List<String> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int m = 0; m < names.length; m++) {
      if (firstPage[m] > 0) {
        found.add(names[m] + " (page " + firstPage[m] + ")");
      } else {
        missing.add(names[m]);
      }
    }
    return LayoutClaim.of(NAME, found, missing);
  }

  /** Which of the claim's marks a line is, or -1. */
  private static int mark(SheetLine line) {
    SheetLabels.Classified c = SheetLabels.classify(line);
    return switch (c.kind()) {
      case KPI -> 0;
      case RESULT -> {
        SheetLabels.Result r = c.result();
        yield r.achievement() != null && r.grade() != null ? 1 : -1;
      }
      case LEGEND -> 2;
      case ACTUALS -> c.value().isEmpty() ? -1 : 3;
      default -> -1;
    };
  }

  @Override
  public ParsedReport parse(ReportText text) {
    List<List<SheetLine>> pages = pages(text);
    // one sheet's lines: a page's, or one of two sheets printed on it, or a sheet over two pages
    List<SheetPages.Lines> parts = SheetPages.sheets(pages);
    SheetReader reader = new SheetReader();
    List<Sheet> sheets = new ArrayList<>();
    for (SheetPages.Lines part : parts) {
      sheets.add(reader.read(part.page(), part.lines()));
    }
    if (sheets.stream().noneMatch(Sheet::isSheet)) {
      throw notAReport(text.sourceFile(), "no sheet (no シート番号, ＫＰＩ その{n}, 実績値 or 達成率 row)");
    }
    rejectRepeatedNumbers(text.sourceFile(), sheets);
    int fiscalYear = fiscalYear(text.sourceFile(), sheets);
    String title =
        sheets.stream().map(Sheet::title).filter(t -> t != null).findFirst().orElse(null);

    // the legend printed with each sheet; the document's is the first that reads
    IdentityHashMap<Sheet, GradeLegend> legends = new IdentityHashMap<>();
    IdentityHashMap<Sheet, String> legendProblems = new IdentityHashMap<>();
    GradeLegend legend = null;
    ResidueLedger residue = new ResidueLedger();
    for (Sheet s : sheets) {
      if (s.legend() == null) {
        continue;
      }
      ResidueClass cls = ResidueClass.SECTION_LABEL;
      int legendPage = s.legendLines().isEmpty() ? s.page() : s.legendLines().get(0).page();
      try {
        GradeLegend l = Grades.legend(s.legend(), legendPage);
        legends.put(s, l);
        legend = legend == null ? l : legend;
      } catch (IllegalArgumentException e) {
        legendProblems.put(
            s, "the legend on page " + legendPage + " does not read: " + e.getMessage());
        cls = ResidueClass.UNKNOWN;
      }
      for (SheetLine l : s.legendLines()) {
        residue.residue(l.residue(cls));
      }
    }

    SheetAssembler.Result assembled =
        new SheetAssembler(fiscalYear, legend, legends, legendProblems).assemble(sheets);
    for (int i = 0; i < sheets.size(); i++) {
      Sheet s = sheets.get(i);
      if (assembled.placed().contains(s)) {
        s.residue().forEach(residue::residue);
      } else {
        // a page that is no sheet, or a sheet whose project cannot be told: nothing of it is data
        for (SheetLine l : parts.get(i).lines()) {
          SheetLabels.Classified c = SheetLabels.classify(l);
          if (c.kind() == Kind.BLANK || c.kind() == Kind.LEGEND && s.legend() != null) {
            continue;
          }
          residue.residue(
              l.residue(c.kind() == Kind.FOOTER ? ResidueClass.PAGE_MARKER : ResidueClass.UNKNOWN));
        }
      }
    }
    return new ParsedReport(
        text.sourceFile(),
        NAME,
        fiscalYear,
        title,
        pages.size(),
        assembled.projects(),
        residue.lines(),
        legend);
  }

  /**
   * The text's pages as lines. A text without page breaks (a plain extraction) is cut at its
   * footers ({@code - 1 -}): before each when the text starts with one, after each otherwise; its
   * lines are then numbered within each of those pages.
   */
  static List<List<SheetLine>> pages(ReportText text) {
    List<List<SheetLine>> pages = new ArrayList<>();
    if (text.pages().size() > 1) {
      for (int p = 0; p < text.pages().size(); p++) {
        pages.add(lines(p + 1, ReportText.lines(text.pages().get(p))));
      }
      return pages;
    }
    List<String> all = text.pages().isEmpty() ? List.of() : ReportText.lines(text.pages().get(0));
    List<Integer> footers = new ArrayList<>();
    int firstText = -1;
    for (int i = 0; i < all.size(); i++) {
      SheetLine l = new SheetLine(1, i + 1, FoldedText.of(all.get(i)));
      Kind k = SheetLabels.classify(l).kind();
      if (k == Kind.FOOTER) {
        footers.add(i);
      }
      if (firstText < 0 && k != Kind.BLANK) {
        firstText = i;
      }
    }
    if (footers.size() < 2) {
      pages.add(lines(1, all));
      return pages;
    }
    boolean footerFirst = footers.get(0) == firstText;
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    for (int i = footerFirst ? 1 : 0; i < footers.size(); i++) {
      cuts.add(footerFirst ? footers.get(i) : footers.get(i) + 1);
    }
    cuts.add(all.size());
    for (int c = 0; c + 1 < cuts.size(); c++) {
      if (cuts.get(c) < cuts.get(c + 1)) {
        pages.add(lines(pages.size() + 1, all.subList(cuts.get(c), cuts.get(c + 1))));
      }
    }
    return pages;
  }

  private static List<SheetLine> lines(int page, List<String> raw) {
    List<SheetLine> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      out.add(new SheetLine(page, i + 1, FoldedText.of(raw.get(i))));
    }
    return out;
  }

  /**
   * The report year: the year of the sheets' titles (令和元年度 → 2019, 平成30年度 → 2018), the most
   * frequent one when they differ.
   */
  private static int fiscalYear(String source, List<Sheet> sheets) {
    Map<Integer, Integer> votes = new TreeMap<>();
    for (Sheet s : sheets) {
      if (s.title() != null) {
        Integer y = hyoka.transform.Eras.firstPrinted(s.title());
        if (y != null) {
          votes.merge(y, 1, Integer::sum);
        }
      }
    }
    if (votes.isEmpty()) {
      throw notAReport(source, "no fiscal year (no sheet title with its 年度)");
    }
    return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /**
   * Rejects a file in which one {@code シート番号 n-k} is printed on more than one page: a sheet is in
   * the file twice (a copy, or another version with other values, or a misnumbered sheet), and
   * which page is KPI n-k no rule can tell.
   */
  private static void rejectRepeatedNumbers(String source, List<Sheet> sheets) {
    Map<String, List<Integer>> pages = new LinkedHashMap<>();
    for (Sheet s : sheets) {
      if (s.isSheet() && s.sheetProject() != null && s.sheetKpi() != null) {
        pages
            .computeIfAbsent(s.sheetProject() + "-" + s.sheetKpi(), k -> new ArrayList<>())
            .add(s.page());
      }
    }
    List<String> repeats = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : pages.entrySet()) {
      if (e.getValue().size() > 1) {
        repeats.add(
            e.getKey()
                + " on pages "
                + String.join(", ", e.getValue().stream().map(String::valueOf).toList()));
      }
    }
    if (!repeats.isEmpty()) {
      throw new HyokaException(
          ErrorCode.NOT_A_REPORT,
          source
              + ": sheet numbers repeat (シート番号 "
              + String.join("; ", repeats)
              + "): a sheet is in the file more than once, and which page to read no rule can"
              + " tell");
    }
  }

  private static HyokaException notAReport(String source, String what) {
    return new HyokaException(
        ErrorCode.NOT_A_REPORT, source + ": not a KPI evaluation sheet file: " + what);
  }
}
