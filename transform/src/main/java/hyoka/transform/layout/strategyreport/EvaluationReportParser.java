package hyoka.transform.layout.strategyreport;

import hyoka.transform.Eras;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.transform.Kpi;
import hyoka.transform.Layout;
import hyoka.transform.LayoutClaim;
import hyoka.transform.ParsedReport;
import hyoka.transform.Project;
import hyoka.transform.ReportText;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The parser of the まち・ひと・しごと創生総合戦略 KPI evaluation reports (see docs/report-format.md): page heads
 * with the projects' value rows, then one narrative block per project. Stateless: one instance can
 * be shared by any number of threads.
 */
public final class EvaluationReportParser implements Layout {
  /** The layout's name in {@code --layout} and {@code reports.layout}. */
  public static final String NAME = "strategy-report";

  private final LineClassifier classifier = new LineClassifier();

  public EvaluationReportParser() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "総合戦略 evaluation report: pages of projects with 施策ＫＰＩ value tables, 補正前スコア/スコア"
        + " and narrative blocks (Otaru)";
  }

  /**
   * Claims a text that prints the marks the parser needs: the {@code 補正前ｽｺｱ スコア} label of a
   * project's value table, the {@code 施策ＫＰＩ} header and a project's {@code N ＜部} line.
   */
  @Override
  public LayoutClaim claim(ReportText text) {
    LineKind[] marks = {LineKind.SCORE_LABEL, LineKind.KPI_HEADER, LineKind.DEPT};
    String[] names = {"補正前ｽｺｱ スコア label", "施策ＫＰＩ header", "project department line (N ＜部)"};
    int[] firstPage = new int[marks.length];
    int left = marks.length;
    for (int p = 0; p < text.pages().size() && left > 0; p++) {
      for (String raw : ReportText.lines(text.pages().get(p))) {
        LineKind kind = classifier.classify(p + 1, 1, raw).kind();
        for (int m = 0; m < marks.length; m++) {
          if (firstPage[m] == 0 && kind == marks[m]) {
            firstPage[m] = p + 1;
            left--;
          }
        }
      }
    }
    List<String> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int m = 0; m < marks.length; m++) {
      if (firstPage[m] > 0) {
        found.add(names[m] + " (page " + firstPage[m] + ")");
      } else {
        missing.add(names[m]);
      }
    }
    return LayoutClaim.of(NAME, found, missing);
  }

  @Override
  public ParsedReport parse(ReportText text) {
    List<List<Line>> pages = new ArrayList<>();
    for (int p = 0; p < text.pages().size(); p++) {
      List<String> raw = ReportText.lines(text.pages().get(p));
      List<Line> lines = new ArrayList<>(raw.size());
      for (int i = 0; i < raw.size(); i++) {
        lines.add(classifier.classify(p + 1, i + 1, raw.get(i)));
      }
      pages.add(lines);
    }
    PhysicalPages onFile = null;
    if (pages.size() == 1) {
      // no form feeds: find the pages by their heads
      pages = VirtualPages.split(pages.get(0));
    } else {
      // a page of the file may print two of the report's (two pages per sheet)
      onFile = PhysicalPages.of(pages);
      pages = onFile.pages();
    }
    rejectRepeatedNumbers(text.sourceFile(), pages);
    PhysicalPages filePages = onFile;
    pages =
        PageOrder.readingOrder(
            text.sourceFile(), pages, filePages == null ? p -> p : filePages::of);
    Map<Integer, Integer> position = PageOrder.positions(pages);
    PageReader.Result paged = new PageReader().read(pages);
    if (paged.heads().isEmpty()) {
      throw notAReport(text.sourceFile(), "no project with a 補正前ｽｺｱ スコア value table");
    }
    int fiscalYear = fiscalYear(text.sourceFile(), pages);
    BlockSplitter.Result split = new BlockSplitter().split(paged.narrative());
    if (split.blocks().isEmpty()) {
      throw notAReport(text.sourceFile(), "no project number and department line (N ＜部)");
    }
    // a block whose body holds a 施策ＫＰＩ header holds the block before it too, whose N ＜部 line
    // prints no number: those lines are no one's that the text tells
    List<Line> unnumbered = new ArrayList<>();
    List<Block> splitBlocks = new ArrayList<>();
    for (Block b : split.blocks()) {
      int cut = unnumberedEnd(b.body());
      if (cut == 0) {
        splitBlocks.add(b);
        continue;
      }
      unnumbered.addAll(b.body().subList(0, cut));
      splitBlocks.add(
          new Block(
              b.projectNo(),
              b.departments(),
              b.sections(),
              b.description(),
              b.header(),
              b.frame(),
              b.body().subList(cut, b.body().size())));
    }
    Map<Integer, Block> blocks = new HashMap<>();
    for (Block b : splitBlocks) {
      blocks.putIfAbsent(b.projectNo(), b);
    }
    List<Integer> numbers = new ArrayList<>(new TreeSet<>(blocks.keySet()));

    Integer targetYear = mostFrequentYear(pages, LineKind.TARGET_HEAD);
    ResidueLedger ledger = new ResidueLedger();
    paged.residue().forEach(ledger::residue);
    Set<Line> used = new HashSet<>();
    List<Project> projects = new ArrayList<>();
    KpiReader kpiReader = new KpiReader();
    NarrativeReader narrativeReader = new NarrativeReader();
    // the block lines the narrative reader made residue (labels, chart lines); the block lines no
    // reader took are residue too
    Set<Line> readerResidue = new HashSet<>();
    // why a line no rule could attribute is no one's
    Map<Line, String> unattributed = new HashMap<>();
    // the heads come in project order and every project has one block with its number; where
    // their counts differ, a head gets the block its pages tell (never the next one by position)
    Integer[] numberOf = numberHeads(paged.heads(), blocks, numbers, position);
    Set<Integer> matched = new HashSet<>();
    for (int i = 0; i < paged.heads().size(); i++) {
      ProjectHead head = paged.heads().get(i);
      if (numberOf[i] == null) {
        String note =
            "a project's name and value rows whose number and narrative block the pages do not"
                + " tell (the report has "
                + paged.heads().size()
                + " such heads and "
                + numbers.size()
                + " numbered blocks)";
        for (Line l : head.nameLines()) {
          ledger.residue(PageReader.residue(l, ResidueClass.UNKNOWN, note));
        }
        for (ProjectHead.HeadRow r : head.rows()) {
          ledger.residue(PageReader.residue(r.row(), ResidueClass.UNKNOWN, note));
          r.notes().forEach(n -> ledger.residue(PageReader.residue(n, ResidueClass.UNKNOWN, note)));
        }
        for (Line l : head.labels()) {
          ledger.residue(PageReader.residue(l, ResidueClass.SECTION_LABEL));
        }
        continue;
      }
      int no = numberOf[i];
      Block block = blocks.get(no);
      if (block != null) {
        matched.add(no);
      }
      for (Line l : head.labels()) {
        ledger.residue(PageReader.residue(l, ResidueClass.SECTION_LABEL));
      }
      KpiReader.Result kr = kpiReader.read(head, block, fiscalYear, targetYear);
      used.addAll(kr.used());
      Set<Line> notText = kr.used();
      if (!kr.unplaced().isEmpty()) {
        notText = new HashSet<>(kr.used());
        notText.addAll(kr.unplaced());
        for (Line l : kr.unplaced()) {
          unattributed.put(
              l,
              "reads like a KPI name and actual (or its target basis), and project "
                  + no
                  + " has a KPI row its block gives no name line: not read as text, not taken as"
                  + " the row's (its value or unit does not fit the row)");
        }
      }
      NarrativeReader.Result nr =
          narrativeReader.read(
              block == null ? List.of() : block.body(),
              new NarrativeReader.Context(
                  notText,
                  kr.kpis().stream().map(Kpi::name).filter(Objects::nonNull).toList(),
                  head.budgetPairs(),
                  head.page(),
                  paged.gluedToPurpose()));
      used.addAll(nr.used());
      unattributed.putAll(nr.unattributed());
      nr.residue()
          .forEach(
              (l, cls) -> {
                ledger.residue(PageReader.residue(l, cls));
                readerResidue.add(l);
              });
      projects.add(
          new Project(
              no,
              head.groupNo(),
              head.groupName(),
              head.name(),
              block == null ? null : String.join("・", block.departments()),
              block == null ? null : String.join("・", block.sections()),
              block == null ? null : joined(block.description()),
              head.page(),
              kr.kpis(),
              nr.items(),
              nr.narratives()));
    }
    for (Block b : splitBlocks) {
      String orphan =
          matched.contains(b.projectNo())
              ? null
              : "in the narrative block of project "
                  + b.projectNo()
                  + ", for which no page prints a name and value rows that the pages tell are its";
      for (Line l : b.body()) {
        if (!used.contains(l) && !readerResidue.contains(l)) {
          String note = unattributed.get(l);
          ledger.residue(
              PageReader.residue(
                  l,
                  orphan != null ? ResidueClass.UNKNOWN : residueClass(l),
                  orphan != null ? orphan : note));
        }
      }
    }
    for (Line l : unnumbered) {
      if (!l.is(LineKind.BLANK)) {
        ledger.residue(
            PageReader.residue(
                l,
                ResidueClass.UNKNOWN,
                "in a narrative block whose N ＜部 line prints no number it can be read by: whose"
                    + " block it is the text does not tell"));
      }
    }
    for (Line l : split.leftover()) {
      ledger.residue(PageReader.residue(l, residueClass(l)));
    }
    // every line is data or residue: whatever no step placed is reported, never dropped
    List<Line> data = new ArrayList<>(used);
    for (ProjectHead h : paged.heads()) {
      data.addAll(h.nameLines());
      for (ProjectHead.HeadRow r : h.rows()) {
        data.add(r.row());
        data.addAll(r.notes());
      }
    }
    for (Block b : splitBlocks) {
      data.addAll(b.frame());
      data.addAll(b.description());
    }
    for (Line l : data) {
      ledger.data(l.page(), l.lineNo());
    }
    for (List<Line> page : pages) {
      for (Line l : page) {
        ledger.unknownUnlessAccounted(l.page(), l.lineNo(), l.printed());
      }
    }
    // the report prints no title (its first line is a project group's heading)
    ParsedReport parsed =
        new ParsedReport(
            text.sourceFile(),
            NAME,
            fiscalYear,
            null,
            pages.size(),
            projects,
            ledger.lines(),
            null);
    return onFile == null ? parsed : onFile.onFilePages(parsed);
  }

  /**
   * Each head's project number, or null where it cannot be told. With as many heads as numbered
   * blocks, the i-th head is the i-th number. Otherwise heads and blocks are aligned in order so
   * that as many as possible pair where the block ends on the head's page or the next (a block runs
   * over at most one page break), and of those pairings the one with the most blocks ending on
   * their head's own page. A head left unpaired has no number (its lines are unknown residue): the
   * number after its predecessor's would be a guess, and without its block its KPIs' names and
   * actuals, which the block prints, would be stored as not printed.
   */
  private static Integer[] numberHeads(
      List<ProjectHead> heads,
      Map<Integer, Block> blocks,
      List<Integer> numbers,
      Map<Integer, Integer> position) {
    int n = heads.size();
    int m = numbers.size();
    Integer[] out = new Integer[n];
    if (n == m) {
      for (int i = 0; i < n; i++) {
        out[i] = numbers.get(i);
      }
      return out;
    }
    // longest order-preserving pairing of compatible head and block; of those, the one with the
    // most blocks that end on their head's own page (a block runs on to the next page only for the
    // page's first project, so a pairing shifted by one, each head taking the next page's block,
    // pairs as many but fewer on their own page)
    long[][] best = new long[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        long w = weight(heads.get(i), blocks.get(numbers.get(j)), position);
        long pair = w > 0 ? w + best[i + 1][j + 1] : -1;
        best[i][j] = Math.max(pair, Math.max(best[i + 1][j], best[i][j + 1]));
      }
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      long w = weight(heads.get(i), blocks.get(numbers.get(j)), position);
      if (w > 0 && best[i][j] == w + best[i + 1][j + 1]) {
        out[i] = numbers.get(j);
        i++;
        j++;
      } else if (best[i][j] == best[i + 1][j]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  /**
   * Where the lines of a block with an unreadable number end in {@code body}: 0 when the body holds
   * no 施策ＫＰＩ header, else after its last header (with its wrapped part), and where an {@code ＜部}
   * line without a number follows, after that line, its section lines and the lines after them on
   * the same page (the description, when that block ends its page).
   */
  private static int unnumberedEnd(List<Line> body) {
    int h = -1;
    for (int k = 0; k < body.size(); k++) {
      if (body.get(k).is(LineKind.KPI_HEADER)) {
        h = k;
      }
    }
    if (h < 0) {
      return 0;
    }
    int end = h + 1;
    while (end < body.size()
        && (body.get(end).is(LineKind.BLANK)
            || body.get(end).is(LineKind.YEAR_HEAD)
            || body.get(end).is(LineKind.HEADER_FRAGMENT))) {
      end++;
    }
    if (end < body.size() && body.get(end).tight().startsWith("<")) {
      int page = body.get(end).page();
      int k = end;
      while (k < body.size() && k < end + 4 && !body.get(k).tight().endsWith(">")) {
        k++;
      }
      end = Math.min(k + 1, body.size());
      while (end < body.size() && body.get(end).page() == page) {
        end++;
      }
    }
    return end;
  }

  /**
   * What pairing a head with a block is worth: 0 where the block cannot be the head's, else a pair
   * (1000) and one more where the block ends on the head's own page.
   */
  private static long weight(ProjectHead head, Block block, Map<Integer, Integer> position) {
    if (!fits(head, block, position)) {
      return 0;
    }
    return position.get(block.frame().get(0).page()).equals(position.get(head.page()))
        ? 1001
        : 1000;
  }

  /**
   * Whether a block can be a head's: its department line is on the head's page or the next (in
   * reading order, see {@link PageOrder}).
   */
  private static boolean fits(ProjectHead head, Block block, Map<Integer, Integer> position) {
    if (block.frame().isEmpty()) {
      return false;
    }
    int end = position.get(block.frame().get(0).page());
    int at = position.get(head.page());
    return end == at || end == at + 1;
  }

  /**
   * Rejects a text in which a project number's {@code N ＜部} line is printed more than once: the
   * report (or some of its pages) is in the file twice, and which copy is the report no rule can
   * tell (docs/report-format.md).
   */
  private static void rejectRepeatedNumbers(String source, List<List<Line>> pages) {
    Map<Integer, Integer> times = new TreeMap<>();
    for (List<Line> page : pages) {
      for (Line l : page) {
        if (l.is(LineKind.DEPT)) {
          times.merge(LineClassifier.projectNo(l), 1, Integer::sum);
        }
      }
    }
    List<String> runs = new ArrayList<>();
    int from = -1;
    int to = -1;
    int count = 0;
    for (Map.Entry<Integer, Integer> e : times.entrySet()) {
      if (e.getValue() < 2) {
        continue;
      }
      if (from >= 0 && e.getKey() == to + 1 && e.getValue() == count) {
        to = e.getKey();
        continue;
      }
      if (from >= 0) {
        runs.add(run(from, to, count));
      }
      from = e.getKey();
      to = from;
      count = e.getValue();
    }
    if (from < 0) {
      return;
    }
    runs.add(run(from, to, count));
    throw new HyokaException(
        ErrorCode.NOT_A_REPORT,
        source
            + ": project numbers repeat ("
            + String.join(", ", runs)
            + "): the file holds the report, or some of its pages, more than once, and which copy"
            + " to read no rule can tell");
  }

  private static String run(int from, int to, int count) {
    String times = count == 2 ? "twice" : count + " times";
    return from == to
        ? "P" + from + " appears " + times
        : "P" + from + "–P" + to + " appear " + times;
  }

  private static ResidueClass residueClass(Line l) {
    return switch (l.kind()) {
      case NUMBERS, CHART_LEGEND, CHART_AXIS -> ResidueClass.CHART_LABEL;
      case TEXT, VALUE_ROW, NOTE, DEPT, BLANK -> ResidueClass.UNKNOWN;
      case SCORE_LABEL,
          TARGET_LABEL,
          STATUS_LABEL,
          BUDGET_LABEL,
          OVERVIEW_LABEL,
          PURPOSE_LABEL,
          IMPL_LABEL,
          SUMMARY_LABEL,
          SUMMARY_RANGE,
          TARGET_HEAD,
          ACTUAL_HEAD,
          YEAR_HEAD,
          KPI_HEADER,
          HEADER_FRAGMENT ->
          ResidueClass.SECTION_LABEL;
    };
  }

  static String joined(List<Line> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Line l : lines) {
      b.append(l.printed().strip());
    }
    return b.toString();
  }

  /**
   * The report year: the year of the 《…年度実施内容》 labels, else of the report-year column of the KPI
   * headers (`H31年度`); the most frequent one wins.
   */
  private static int fiscalYear(String source, List<List<Line>> pages) {
    Map<Integer, Integer> impl = new TreeMap<>();
    Map<Integer, Integer> head = new TreeMap<>();
    for (List<Line> page : pages) {
      for (Line l : page) {
        if (l.is(LineKind.IMPL_LABEL)) {
          Integer y = Eras.first(l.tight());
          if (y != null) {
            impl.merge(y, 1, Integer::sum);
          }
        } else if (l.is(LineKind.YEAR_HEAD)) {
          Integer y = KpiHeader.yearOf(l.tight());
          if (y != null) {
            head.merge(y, 1, Integer::sum);
          }
        }
      }
    }
    Map<Integer, Integer> votes = impl.isEmpty() ? head : impl;
    if (votes.isEmpty()) {
      throw notAReport(source, "no fiscal year (no 《…年度実施内容》 label and no H..年度 column)");
    }
    return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static Integer mostFrequentYear(List<List<Line>> pages, LineKind kind) {
    Map<Integer, Integer> votes = new TreeMap<>();
    for (List<Line> page : pages) {
      for (Line l : page) {
        if (l.is(kind)) {
          Integer y = KpiHeader.yearOf(l.tight());
          if (y != null) {
            votes.merge(y, 1, Integer::sum);
          }
        }
      }
    }
    return votes.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  private static HyokaException notAReport(String source, String what) {
    return new HyokaException(
        ErrorCode.NOT_A_REPORT, source + ": not a KPI evaluation report: " + what);
  }
}
