package hyoka.transform.layout.strategyreport;

import hyoka.transform.Kpi;
import hyoka.transform.KpiValue;
import hyoka.transform.MatchEvidence;
import hyoka.transform.PrintedValue;
import hyoka.transform.Scores;
import hyoka.transform.ValueKind;
import hyoka.transform.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a project's KPIs from its value rows (page head) and its narrative block: decodes the rows
 * by the header's year columns, decides which name line belongs to which row (score rule, then
 * units, then the reverse printed order), and scores each row.
 */
final class KpiReader {
  /**
   * The null reason of an actual whose name line the block does not tell: the layout prints it, but
   * no line could be told to be it (docs/schema.md).
   */
  static final String NOT_FOUND = "not_found";

  private final KpiNameFinder finder = new KpiNameFinder();

  /**
   * The KPIs, the block lines used for them (name, value and basis lines) and, where a row got no
   * name line, the block lines that read like a KPI name and actual (with their basis) but were not
   * taken: they are left unplaced, never read as narrative text.
   */
  record Result(List<Kpi> kpis, Set<Line> used, Set<Line> unplaced) {}

  /**
   * @param reportYear the report's fiscal year, for the report-year column when the block shows
   *     none
   * @param reportTargetYear the target year most blocks print, for a block that prints none
   */
  Result read(ProjectHead head, Block block, int reportYear, Integer reportTargetYear) {
    KpiHeader header = KpiHeader.of(block == null ? List.of() : block.header());
    List<Line> body = block == null ? List.of() : block.body();
    Integer targetYear = null;
    Integer yearHead = null;
    for (Line l : body) {
      if (targetYear == null && l.is(LineKind.TARGET_HEAD)) {
        targetYear = KpiHeader.yearOf(l.tight());
      }
      if (yearHead == null && l.is(LineKind.YEAR_HEAD)) {
        yearHead = KpiHeader.yearOf(l.tight());
      }
    }
    if (targetYear == null) {
      targetYear = reportTargetYear;
    }
    Integer actualYear =
        header.reportYear() != null
            ? header.reportYear()
            : yearHead != null ? yearHead : Integer.valueOf(reportYear);

    List<Row> rows = new ArrayList<>();
    Set<String> units = new LinkedHashSet<>();
    // the columns a row should have: the header's years, else the project's other rows
    int columns = header.actualYears().isEmpty() ? -1 : header.actualYears().size() + 4;
    if (columns < 0) {
      for (ProjectHead.HeadRow hr : head.rows()) {
        if (hr.row().is(LineKind.VALUE_ROW)) {
          columns = Math.max(columns, Values.rowTokens(hr.row().text()).size());
        }
      }
    }
    for (ProjectHead.HeadRow hr : head.rows()) {
      Row r = Row.of(hr.row(), header.actualYears().isEmpty() ? -1 : columns, columns);
      rows.add(r);
      for (Values.Token t : r.tokens) {
        if (t.value().unit() != null) {
          units.add(t.value().unit());
        }
      }
    }
    List<KpiNameLine> names = finder.find(body, units);
    Set<Line> used = new LinkedHashSet<>();
    for (KpiNameLine n : names) {
      used.addAll(n.lines());
      used.addAll(n.basis());
    }
    Assignment a = assign(rows, names);
    // one basis printed for several rows (merged cell): every row without its own gets it
    List<String> bases = new ArrayList<>();
    Set<String> distinct = new LinkedHashSet<>();
    for (KpiNameLine n : a.names) {
      String basis = n == null ? null : n.basisText();
      bases.add(basis);
      if (basis != null) {
        distinct.add(basis);
      }
    }
    List<Integer> basisGroup = new ArrayList<>();
    if (rows.size() > 1 && distinct.size() == 1 && bases.contains(null)) {
      String only = distinct.iterator().next();
      for (int i = 0; i < bases.size(); i++) {
        bases.set(i, only);
        basisGroup.add(i);
      }
    }
    List<Kpi> kpis = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      ProjectHead.HeadRow hr = head.rows().get(i);
      KpiNameLine n = a.names.get(i);
      // the layout prints every KPI's name and report-year actual in its block: where no line of
      // the block could be told to be them, they are not found, which is not "not printed"
      PrintedValue actual = n == null ? PrintedValue.missing(null, null, NOT_FOUND) : n.actual();
      String basis = bases.get(i);
      r.confirm(actual, Scores.isMaintain(basis));
      Scores.Computed c =
          Scores.compute(r.baseline(), actual, r.target(), Scores.isMaintain(basis));
      Scores.Comparison cmp = Scores.compare(r.raw(), r.score(), c);
      List<KpiValue> values = new ArrayList<>();
      values.add(new KpiValue(header.baselineYear(), ValueKind.BASELINE, r.baseline()));
      List<PrintedValue> yearly = r.actuals();
      for (int y = 0; y < yearly.size(); y++) {
        Integer year = r.yearsKnown(header) ? header.actualYears().get(y) : null;
        values.add(new KpiValue(year, ValueKind.ACTUAL, yearly.get(y)));
      }
      values.add(new KpiValue(actualYear, ValueKind.ACTUAL, actual));
      values.add(new KpiValue(targetYear, ValueKind.TARGET, r.target()));
      String note = null;
      if (!hr.notes().isEmpty()) {
        StringBuilder b = new StringBuilder();
        for (Line l : hr.notes()) {
          if (b.length() > 0) {
            b.append(' ');
          }
          b.append(l.printed().strip());
        }
        note = b.toString();
      }
      Set<Integer> shared = new java.util.TreeSet<>();
      if (note != null) {
        for (int g : hr.noteGroup()) {
          if (g != i) {
            shared.add(g + 1);
          }
        }
      }
      for (int g : basisGroup) {
        if (g != i) {
          shared.add(g + 1);
        }
      }
      kpis.add(
          new Kpi(
              i + 1,
              n == null ? null : n.name(),
              unitOf(r, actual),
              header.baselineYear(),
              r.baseline(),
              actual,
              targetYear,
              r.target(),
              values,
              r.raw(),
              r.score(),
              c.raw(),
              c.score(),
              cmp.status(),
              c.rule(),
              cmp.note(),
              note,
              basis,
              List.copyOf(shared),
              a.evidence,
              hr.row().page(),
              null));
    }
    Set<Line> unplaced = a.names.contains(null) ? finder.lookalikes(body, used) : Set.<Line>of();
    return new Result(kpis, used, unplaced);
  }

  private static String unitOf(Row r, PrintedValue actual) {
    if (r.target().unit() != null) {
      return r.target().unit();
    }
    for (Values.Token t : r.tokens) {
      if (t.value().unit() != null) {
        return t.value().unit();
      }
    }
    return actual.unit();
  }

  /** Which name line goes with which row, and what decided it. */
  private record Assignment(List<KpiNameLine> names, MatchEvidence evidence) {}

  private static Assignment assign(List<Row> rows, List<KpiNameLine> names) {
    int n = rows.size();
    if (n == 1) {
      List<KpiNameLine> one = new ArrayList<>();
      one.add(names.isEmpty() ? null : names.get(names.size() - 1));
      return new Assignment(one, MatchEvidence.SINGLE);
    }
    if (names.size() != n) {
      // cannot match by evidence: reverse printed order as far as it goes
      List<KpiNameLine> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = names.size() - 1 - i;
        out.add(k >= 0 ? names.get(k) : null);
      }
      return new Assignment(out, MatchEvidence.ORDER_INFERRED);
    }
    List<int[]> perms = permutations(n);
    int bestScore = -1;
    List<int[]> best = new ArrayList<>();
    for (int[] p : perms) {
      int s = 0;
      for (int i = 0; i < n; i++) {
        if (reproduces(rows.get(i), names.get(p[i]))) {
          s++;
        }
      }
      if (s > bestScore) {
        bestScore = s;
        best.clear();
      }
      if (s == bestScore) {
        best.add(p);
      }
    }
    MatchEvidence evidence = MatchEvidence.SCORE_RULE;
    if (best.size() > 1) {
      int bestUnits = -1;
      List<int[]> byUnit = new ArrayList<>();
      for (int[] p : best) {
        int s = 0;
        for (int i = 0; i < n; i++) {
          if (sameUnit(rows.get(i), names.get(p[i]))) {
            s++;
          }
        }
        if (s > bestUnits) {
          bestUnits = s;
          byUnit.clear();
        }
        if (s == bestUnits) {
          byUnit.add(p);
        }
      }
      best = byUnit;
      evidence = MatchEvidence.UNIT;
    }
    int[] chosen = best.get(0);
    if (best.size() > 1) {
      evidence = MatchEvidence.ORDER_INFERRED;
      chosen = null;
      for (int[] p : best) {
        boolean reverse = true;
        for (int i = 0; i < n; i++) {
          reverse &= p[i] == n - 1 - i;
        }
        if (reverse) {
          chosen = p;
        }
      }
      if (chosen == null) {
        chosen = best.get(0);
      }
    } else if (bestScore == 0 && evidence == MatchEvidence.SCORE_RULE) {
      evidence = MatchEvidence.ORDER_INFERRED;
    }
    List<KpiNameLine> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(names.get(chosen[i]));
    }
    return new Assignment(out, evidence);
  }

  private static boolean reproduces(Row r, KpiNameLine n) {
    if (r.isPlacedByEvidence()) {
      // a row with an empty cell: whether some placement of its values gives its printed scores
      return r.confirmed(n.actual(), Scores.isMaintain(n.basisText())).size() > 0;
    }
    if (!r.raw().isKnown()) {
      return false;
    }
    Scores.Computed c =
        Scores.compute(r.baseline(), n.actual(), r.target(), Scores.isMaintain(n.basisText()));
    return c.raw() != null && c.raw().compareTo(r.raw().value()) == 0;
  }

  private static boolean sameUnit(Row r, KpiNameLine n) {
    String u = n.actual().unit();
    if (u == null) {
      return r.target().unit() == null || "%".equals(r.target().unit());
    }
    return u.equals(r.target().unit()) || u.equals(r.baseline().unit());
  }

  private static List<int[]> permutations(int n) {
    List<int[]> out = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, out);
    return out;
  }

  private static void permute(int[] p, boolean[] taken, int i, List<int[]> out) {
    if (i == p.length) {
      out.add(p.clone());
      return;
    }
    for (int k = 0; k < p.length; k++) {
      if (!taken[k]) {
        taken[k] = true;
        p[i] = k;
        permute(p, taken, i + 1, out);
        taken[k] = false;
      }
    }
  }

  /**
   * The null reason of a cell of a row that prints fewer cells than its header has columns (a cell
   * left empty) where which column the cell is cannot be told: every placement of the printed
   * values that the units and the score rule allow puts another value there (docs/schema.md). Its
   * printed text is the row as printed.
   */
  static final String COLUMN_UNKNOWN = "column_unknown";

  /**
   * A decoded value row: baseline, yearly actuals, raw score, score, target.
   *
   * <p>A row with as many values as its header has columns is read by position. A row with fewer (a
   * cell left empty, which the text shows as nothing) is placed instead: every way of leaving that
   * many columns empty is tried ({@link #placements}), keeping those the units allow (a value with
   * a unit is no score; where the row prints units on its values, a number without one is a score).
   * Where the score rule, with the name line's actual, reproduces a printed score for some
   * placements, only those are kept. A column that every kept placement fills with the same value
   * (or leaves empty: {@code not_printed}) has it; any other is NULL {@code column_unknown} with
   * the row as printed. A value is never put into a column that another allowed placement fills
   * otherwise. A row with more values than columns (a column added) cannot be placed: its baseline,
   * scores and target are NULL {@code unparseable} with the row as printed, and it has no yearly
   * values, as the sheet layout does with such a row. A header that names no year leaves the
   * layout's column order as the only guide (and the project's other rows the column count).
   */
  static final class Row {
    final List<Values.Token> tokens;
    private final String printed;
    private final int years;
    private final PrintedValue unfit;

    /** Each allowed placement: per column the token index, or -1 for an empty cell. */
    private List<int[]> placements;

    private PrintedValue baseline;
    private List<PrintedValue> actuals;
    private PrintedValue raw;
    private PrintedValue score;
    private PrintedValue target;

    private Row(List<Values.Token> tokens, String printed, int years, PrintedValue unfit) {
      this.tokens = tokens;
      this.printed = printed;
      this.years = years;
      this.unfit = unfit;
    }

    /**
     * @param headerColumns the number of columns the header names (its years + 4), or -1
     * @param rowsColumns the most cells a full row of the project prints, or -1
     */
    static Row of(Line line, int headerColumns, int rowsColumns) {
      List<Values.Token> tokens = Values.rowTokens(line.text());
      String printed = line.printed().strip();
      int n = tokens.size();
      int columns = headerColumns;
      if (columns < 0 && rowsColumns > n) {
        // no header years, but the project's other rows print more cells: one is left empty here
        columns = rowsColumns;
      }
      if (line.is(LineKind.VALUE_ROW) && (n == columns || columns < 0)) {
        // a full row (its score columns without unit), or no count known: the layout's column order
        Row r = new Row(tokens, printed, n - 4, null);
        r.placements = List.of(identity(n));
        r.settle(r.placements);
        return r;
      }
      if (columns < 0 || n > columns || columns - 4 < 0) {
        Row r = new Row(tokens, printed, 0, PrintedValue.missing(printed, null, "unparseable"));
        r.placements = List.of();
        return r;
      }
      Row r = new Row(tokens, printed, columns - 4, null);
      r.placements =
          ways(columns, columns - n) > MAX_PLACEMENTS ? List.of() : placements(tokens, columns);
      if (r.placements.isEmpty()) {
        Row u = new Row(tokens, printed, 0, PrintedValue.missing(printed, null, "unparseable"));
        u.placements = List.of();
        return u;
      }
      r.settle(r.placements);
      return r;
    }

    /**
     * The most ways of leaving cells empty that are tried: a row of the reports leaves one or two
     * of its eight to ten cells empty (at most 45 ways); a header of many years over a row of few
     * values (a hostile file) would give millions, and so many placements could place nothing.
     */
    static final int MAX_PLACEMENTS = 1000;

    /** C(n, k), stopping once past {@link #MAX_PLACEMENTS}. */
    private static long ways(int n, int k) {
      long w = 1;
      for (int i = 1; i <= k && w <= MAX_PLACEMENTS; i++) {
        w = w * (n - k + i) / i;
      }
      return w;
    }

    private static int[] identity(int n) {
      int[] p = new int[n];
      for (int i = 0; i < n; i++) {
        p[i] = i;
      }
      return p;
    }

    /** Every placement of the tokens, in order, into {@code columns} columns that units allow. */
    static List<int[]> placements(List<Values.Token> tokens, int columns) {
      int n = tokens.size();
      int withUnit = 0;
      for (Values.Token t : tokens) {
        if (t.value().unit() != null) {
          withUnit++;
        }
      }
      // units on more than one value: the row prints them on its baseline and actuals, so a bare
      // number is a score (a row with a unit on its target alone, 90%, prints bare actuals)
      boolean unitsPrinted = withUnit >= 2;
      List<int[]> out = new ArrayList<>();
      place(tokens, columns, unitsPrinted, 0, 0, new int[columns], columns - n, out);
      return out;
    }

    private static void place(
        List<Values.Token> tokens,
        int columns,
        boolean unitsPrinted,
        int col,
        int tok,
        int[] p,
        int empties,
        List<int[]> out) {
      if (col == columns) {
        if (tok == tokens.size()) {
          out.add(p.clone());
        }
        return;
      }
      if (empties > 0) {
        p[col] = -1;
        place(tokens, columns, unitsPrinted, col + 1, tok, p, empties - 1, out);
      }
      if (tok < tokens.size() && fits(tokens.get(tok).value(), col, columns, unitsPrinted)) {
        p[col] = tok;
        place(tokens, columns, unitsPrinted, col + 1, tok + 1, p, empties, out);
      }
    }

    private static boolean fits(PrintedValue v, int col, int columns, boolean unitsPrinted) {
      boolean scoreColumn = col == columns - 3 || col == columns - 2;
      if (scoreColumn) {
        return v.unit() == null;
      }
      return !(unitsPrinted && v.isKnown() && v.unit() == null);
    }

    /** Whether the row has fewer values than columns and was placed by the units. */
    boolean isPlacedByEvidence() {
      return unfit != null ? false : tokens.size() < years + 4;
    }

    /** Keeps the placements the score rule confirms, if any, and sets the columns from them. */
    void confirm(PrintedValue actual, boolean maintain) {
      if (unfit != null || placements.size() < 2) {
        return;
      }
      List<int[]> confirmed = confirmed(actual, maintain);
      if (!confirmed.isEmpty()) {
        settle(confirmed);
      }
    }

    /** The placements whose printed score(s) the score rule reproduces with this actual. */
    List<int[]> confirmed(PrintedValue actual, boolean maintain) {
      List<int[]> confirmed = new ArrayList<>();
      if (unfit != null) {
        return confirmed;
      }
      for (int[] p : placements) {
        PrintedValue r = cell(p, p.length - 3);
        PrintedValue s = cell(p, p.length - 2);
        Scores.Computed c = Scores.compute(cell(p, 0), actual, cell(p, p.length - 1), maintain);
        if (c.raw() == null || !r.isKnown() && !s.isKnown()) {
          continue;
        }
        boolean ok =
            (!r.isKnown() || r.value().compareTo(c.raw()) == 0)
                && (!s.isKnown() || s.value().compareTo(c.score()) == 0);
        if (ok) {
          confirmed.add(p);
        }
      }
      return confirmed;
    }

    private PrintedValue cell(int[] p, int col) {
      return p[col] < 0 ? PrintedValue.notPrinted() : tokens.get(p[col]).value();
    }

    private void settle(List<int[]> kept) {
      int columns = kept.get(0).length;
      PrintedValue[] cols = new PrintedValue[columns];
      for (int c = 0; c < columns; c++) {
        int at = kept.get(0)[c];
        boolean same = true;
        for (int[] p : kept) {
          same &= p[c] == at;
        }
        cols[c] = same ? cell(kept.get(0), c) : PrintedValue.missing(printed, null, COLUMN_UNKNOWN);
      }
      baseline = cols[0];
      actuals = new ArrayList<>(List.of(cols).subList(1, columns - 3));
      raw = cols[columns - 3];
      score = cols[columns - 2];
      target = cols[columns - 1];
    }

    PrintedValue baseline() {
      return unfit != null ? unfit : baseline;
    }

    List<PrintedValue> actuals() {
      return unfit != null ? List.of() : actuals;
    }

    PrintedValue raw() {
      return unfit != null ? unfit : raw;
    }

    PrintedValue score() {
      return unfit != null ? unfit : score;
    }

    PrintedValue target() {
      return unfit != null ? unfit : target;
    }

    /** The header's years name the row's actual columns only when the counts agree. */
    boolean yearsKnown(KpiHeader h) {
      return unfit == null && h.actualYears().size() == years;
    }
  }
}
