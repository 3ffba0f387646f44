package hyoka.transform.layout.kpisheet;

import hyoka.transform.FoldedText;
import hyoka.transform.PrintedValue;
import hyoka.transform.ResidueClass;
import hyoka.transform.ResidueLine;
import hyoka.transform.Values;
import hyoka.transform.layout.kpisheet.SheetLabels.CellRole;
import hyoka.transform.layout.kpisheet.SheetLabels.Classified;
import hyoka.transform.layout.kpisheet.SheetLabels.HeaderCell;
import hyoka.transform.layout.kpisheet.SheetLabels.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one page into a {@link Sheet}: which line holds which cell.
 *
 * <p>A producer writes a sheet's cells in an order of its own. A word processor's export reads row
 * by row, a label beside its value. A spreadsheet's export (LibreOffice Calc) draws the sheet in
 * passes: first the cells of one line of one script and the numbers, row by row, then, row by row
 * again, the wrapped and mixed-script cells, so a label and its value can be far apart (the bare
 * label {@code 個別施策} in the first pass, its value {@code 街路防犯灯LED化推進事業} in the second). Within each
 * pass the rows keep their top-to-bottom order, and that is what the reader relies on:
 *
 * <ol>
 *   <li>Every line is classified on its own ({@link SheetLabels}): a label with its value, a bare
 *       label, or text. Consecutive text lines of one paragraph (no blank line between, as Tika
 *       writes one paragraph per cell) are one block.
 *   <li>The labelled lines are cut into passes where their rows go back up the sheet.
 *   <li>A text block can be the value of a label printed bare on the page, and only of one whose
 *       row lies between the rows of the labelled lines around the block within its pass (or, for a
 *       block between two passes, after the one before or before the one after), and whose value
 *       looks right (a unit is short, a 実績値 row is values). Only where no such bare label is left
 *       can it be the value of a cell whose label is not printed at all (a cut sheet), by the same
 *       rows.
 *   <li>A block with one possible label gets it; that label is then taken for the others. A run of
 *       blocks within one pass (no labelled line between them) whose possible labels are as many as
 *       the blocks gets them in row order, when each block can be its label: a pass prints its
 *       cells top to bottom, one block to a cell.
 *   <li>A labelled line with its value, followed in its paragraph by text lines, continues on them
 *       (a wrapped cell in a word processor's table); only where blank lines show where paragraphs
 *       end.
 *   <li>Whatever is left is an unknown line of the residue: never guessed into a cell.
 * </ol>
 */
final class SheetReader {
  /** A labelled line (with the rest of a label cut over two lines) or a block of text lines. */
  private static final class Item {
    final Kind kind;
    final Classified classified;
    final List<SheetLine> lines = new ArrayList<>();

    /** Text lines that continue a labelled line's value in its paragraph (a wrapped cell). */
    final List<SheetLine> more = new ArrayList<>();

    int pass;
    Set<Kind> candidates = EnumSet.noneOf(Kind.class);
    Kind assigned;

    /** Whether a block stands between two passes (the labelled lines around it differ). */
    boolean betweenPasses;

    Item(Kind kind, Classified classified, SheetLine first) {
      this.kind = kind;
      this.classified = classified;
      lines.add(first);
    }

    boolean labelled() {
      return kind.row >= 0;
    }

    boolean free() {
      return kind == Kind.TEXT || kind == Kind.REFERENCE;
    }

    /**
     * The value printed after the label on its line and the lines continuing it; empty for a bare
     * label.
     */
    String value() {
      StringBuilder b = new StringBuilder(classified.value() == null ? "" : classified.value());
      for (SheetLine l : more) {
        b.append(l.printed().strip());
      }
      return b.toString();
    }

    List<SheetLine> allLines() {
      if (more.isEmpty()) {
        return lines;
      }
      List<SheetLine> all = new ArrayList<>(lines);
      all.addAll(more);
      return all;
    }

    boolean bare() {
      return labelled()
          && (classified.value() == null || classified.value().isEmpty())
          && more.isEmpty();
    }

    /** A block's text: its lines stripped and joined (wrapped lines of one cell). */
    String text() {
      StringBuilder b = new StringBuilder();
      for (SheetLine l : lines) {
        b.append(l.printed().strip());
      }
      return b.toString();
    }
  }

  Sheet read(int page, List<SheetLine> lines) {
    List<Item> items = items(lines);
    List<ResidueLine> residue = new ArrayList<>();
    List<SheetLine> legendLines = new ArrayList<>();
    boolean isSheet = false;
    int pass = 0;
    int lastRow = -1;
    for (Item it : items) {
      if (it.labelled()) {
        if (it.kind.row < lastRow) {
          pass++;
        }
        lastRow = it.kind.row;
        it.pass = pass;
      }
      switch (it.kind) {
        case SHEET_NO, KPI, ACTUALS, RESULT -> isSheet = true;
        case TITLE -> isSheet |= it.classified.number() != null;
        default -> {}
      }
    }
    // the first labelled line of each kind with its value; later ones are residue
    Map<Kind, Item> byKind = new EnumMap<>(Kind.class);
    Map<Kind, List<Item>> all = new EnumMap<>(Kind.class);
    for (Item it : items) {
      if (it.labelled()) {
        all.computeIfAbsent(it.kind, k -> new ArrayList<>()).add(it);
        Item first = byKind.get(it.kind);
        if (first == null || first.bare() && !it.bare()) {
          byKind.put(it.kind, it);
        }
      }
    }
    // the cells a text block can be the value of: those whose label is printed bare, else those
    // whose label is not printed at all (a cut sheet: the rows around the block still decide)
    Set<Kind> bare = EnumSet.noneOf(Kind.class);
    Set<Kind> absent = EnumSet.noneOf(Kind.class);
    for (Kind k : Kind.values()) {
      Item label = byKind.get(k);
      if (k.takesText() && label == null) {
        absent.add(k);
      } else if (k.takesText() && label.bare()) {
        bare.add(k);
      }
    }
    assign(items, bare, absent);
    Map<Kind, Item> filled = new EnumMap<>(Kind.class);
    for (Item it : items) {
      if (it.free() && it.assigned != null && it.kind == Kind.TEXT) {
        Item f = filled.get(it.assigned);
        if (f == null) {
          filled.put(it.assigned, it);
        } else {
          // the lines of one cell split into several blocks: join them in printed order
          f.lines.addAll(it.lines);
        }
      }
    }

    Set<SheetLine> used = new LinkedHashSet<>();
    Integer sheetProject = null;
    Integer sheetKpi = null;
    String title = null;
    Item head = byKind.get(Kind.SHEET_NO);
    Item titleItem = byKind.get(Kind.TITLE);
    for (Item t : all.getOrDefault(Kind.TITLE, List.of())) {
      // シート番号 on the title's line (a title printed again on a sheet's second page has none)
      if (head == null && t.classified.number() != null) {
        head = t;
      }
    }
    if (head != null) {
      sheetProject = head.classified.number();
      sheetKpi = head.classified.second();
      used.addAll(head.allLines());
    }
    if (titleItem != null) {
      title =
          titleItem.classified.titleEnd() >= 0
              ? titleItem
                  .lines
                  .get(0)
                  .printed()
                  .strip()
                  .substring(0, titleItem.classified.titleEnd())
              : titleItem.value();
    }
    Item kpi = byKind.get(Kind.KPI);
    Integer kpiOrdinal = kpi == null ? null : kpi.classified.number();

    String group = text(Kind.GROUP, byKind, filled, used);
    String project = text(Kind.PROJECT, byKind, filled, used);
    String kpiName = text(Kind.KPI, byKind, filled, used);
    String dept = text(Kind.DEPT, byKind, filled, used);
    String unit = text(Kind.UNIT, byKind, filled, used);
    if (unit == null && byKind.containsKey(Kind.UNIT)) {
      unit = "";
    }
    String basis = text(Kind.BASIS, byKind, filled, used);

    // the grid: header cells from every header line, values from the 実績値 row
    List<HeaderCell> header = new ArrayList<>();
    List<SheetLine> headerLines = new ArrayList<>();
    for (Item g : all.getOrDefault(Kind.GRID, List.of())) {
      header.addAll(g.classified.cells());
      headerLines.addAll(g.lines);
    }
    List<Values.Token> tokens = null;
    List<SheetLine> valueLines = List.of();
    Item actuals = byKind.get(Kind.ACTUALS);
    if (actuals != null && !actuals.bare()) {
      tokens = Values.rowTokens(FoldedText.of(actuals.value()));
      valueLines = actuals.allLines();
    } else if (filled.containsKey(Kind.ACTUALS)) {
      Item block = filled.get(Kind.ACTUALS);
      tokens = Values.rowTokens(FoldedText.of(block.text()));
      valueLines = block.lines;
    }
    List<Sheet.Column> grid = null;
    String gridProblem = null;
    if (tokens != null) {
      Grid g = Grid.of(header, tokens);
      grid = g.columns();
      gridProblem = g.problem();
    }
    Map<SheetLine, ResidueClass> placed = new java.util.HashMap<>();
    if (grid != null) {
      used.addAll(valueLines);
      used.addAll(headerLines);
    } else {
      // values that cannot be matched with their years are not guessed into a column
      for (SheetLine l : valueLines) {
        placed.put(l, ResidueClass.UNKNOWN);
      }
      for (SheetLine l : headerLines) {
        placed.put(l, tokens == null ? ResidueClass.SECTION_LABEL : ResidueClass.UNKNOWN);
      }
    }

    String achievement = null;
    String grade = null;
    String progress = null;
    Integer resultPage = null;
    for (Item r : all.getOrDefault(Kind.RESULT, List.of())) {
      SheetLabels.Result res = r.classified.result();
      if (res.achievement() != null && achievement == null) {
        achievement = res.achievement();
        resultPage = resultPage == null ? r.lines.get(0).page() : resultPage;
      }
      if (res.grade() != null && grade == null) {
        grade = res.grade();
        resultPage = r.lines.get(0).page(); // the page the grade is printed on
      }
      if (res.progress() != null && progress == null) {
        progress = res.progress();
      }
      used.addAll(r.allLines());
    }

    int before = used.size();
    Sheet.Narrative effect = narrative(Kind.EFFECT, byKind, filled, items, used);
    int effectPage = firstPageAdded(used, before, page);
    before = used.size();
    Sheet.Narrative future = narrative(Kind.FUTURE, byKind, filled, items, used);
    int futurePage = firstPageAdded(used, before, page);

    String legend = null;
    Item legendItem = byKind.get(Kind.LEGEND);
    if (legendItem != null) {
      legend = legendItem.value();
      legendLines.addAll(legendItem.allLines());
    }

    for (Item it : items) {
      for (SheetLine l : it.allLines()) {
        if (used.contains(l) || legendLines.contains(l)) {
          continue;
        }
        ResidueClass cls = placed.get(l);
        residue.add(l.residue(cls != null ? cls : residueClass(it)));
      }
    }
    return new Sheet(
        page,
        isSheet,
        sheetProject,
        sheetKpi,
        kpiOrdinal,
        title,
        group,
        project,
        kpiName,
        dept,
        grid,
        gridProblem,
        unit,
        achievement,
        grade,
        progress,
        basis,
        effect,
        future,
        legend,
        legendLines,
        List.copyOf(used),
        residue,
        valueLines.isEmpty() ? page : valueLines.get(0).page(),
        resultPage != null ? resultPage : page,
        effectPage,
        futurePage);
  }

  /**
   * The page of the first line added to {@code used} after its first {@code before} (a sheet over
   * two pages has its cells on either), or {@code page} where none was.
   */
  private static int firstPageAdded(Set<SheetLine> used, int before, int page) {
    int i = 0;
    for (SheetLine l : used) {
      if (i++ >= before) {
        return l.page();
      }
    }
    return page;
  }

  private static ResidueClass residueClass(Item it) {
    return switch (it.kind) {
      case FOOTER -> ResidueClass.PAGE_MARKER;
      case TEXT -> ResidueClass.UNKNOWN;
      case REFERENCE -> it.assigned != null ? ResidueClass.SECTION_LABEL : ResidueClass.UNKNOWN;
      // a labelled line whose value was taken is data; left here: a bare label, the title, or
      // a second line of a kind the sheet prints once (not data, but not this layout's either)
      default ->
          it.bare() || it.kind == Kind.TITLE || SheetLabels.isReference(it.value())
              ? ResidueClass.SECTION_LABEL
              : ResidueClass.UNKNOWN;
    };
  }

  /** The value of a text cell: after its label, or the block assigned to it; null when none. */
  private static String text(
      Kind kind, Map<Kind, Item> byKind, Map<Kind, Item> filled, Set<SheetLine> used) {
    Item label = byKind.get(kind);
    if (label != null && !label.bare()) {
      used.addAll(label.allLines());
      return label.value();
    }
    Item block = filled.get(kind);
    if (block != null) {
      used.addAll(block.lines);
      return block.text();
    }
    return null;
  }

  private static Sheet.Narrative narrative(
      Kind kind,
      Map<Kind, Item> byKind,
      Map<Kind, Item> filled,
      List<Item> items,
      Set<SheetLine> used) {
    for (Item it : items) {
      if (it.kind == Kind.REFERENCE && it.assigned == kind) {
        return new Sheet.Narrative(null, true);
      }
    }
    String t = text(kind, byKind, filled, used);
    if (t == null) {
      return null;
    }
    Item label = byKind.get(kind);
    if (label != null && !label.bare() && SheetLabels.isReference(t)) {
      // 今後の取組 （その1に記載） on one line: a reference too, and the line a label's
      used.removeAll(label.allLines());
      return new Sheet.Narrative(null, true);
    }
    return new Sheet.Narrative(t, false);
  }

  /** The page's lines as items: labelled lines, references, and blocks of text lines. */
  private static List<Item> items(List<SheetLine> lines) {
    boolean paragraphs = paragraphs(lines);
    List<Item> items = new ArrayList<>();
    Item block = null;
    Item label = null;
    for (int i = 0; i < lines.size(); i++) {
      SheetLine l = lines.get(i);
      Classified c = SheetLabels.classify(l);
      if (c.kind() == Kind.BLANK) {
        block = null;
        label = null;
        continue;
      }
      if (c.kind() == Kind.TEXT) {
        if (label != null) {
          // the next line of a value's paragraph: its cell wraps (only where blank lines show
          // where paragraphs end; without them a cell's end is unknown)
          label.more.add(l);
          continue;
        }
        if (block == null) {
          block = new Item(Kind.TEXT, c, l);
          items.add(block);
        } else {
          block.lines.add(l);
        }
        continue;
      }
      block = null;
      Item it = new Item(c.kind(), c, l);
      items.add(it);
      // 効果発現要因（総合 / 所見）: a label cut over two lines of its cell
      if (c.open() && i + 1 < lines.size() && SheetLabels.closesLabel(lines.get(i + 1))) {
        it.lines.add(lines.get(++i));
      }
      label = paragraphs && !it.bare() && c.kind().takesText() ? it : null;
    }
    return items;
  }

  /** Whether blank lines part the page's paragraphs (a blank line between two text lines). */
  private static boolean paragraphs(List<SheetLine> lines) {
    boolean text = false;
    boolean blankAfterText = false;
    for (SheetLine l : lines) {
      if (l.isBlank()) {
        blankAfterText |= text;
      } else if (blankAfterText) {
        return true;
      } else {
        text = true;
      }
    }
    return false;
  }

  /** Which bare label each text block is the value of (see the class comment). */
  private static void assign(List<Item> items, Set<Kind> bare, Set<Kind> absent) {
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (!it.free()) {
        continue;
      }
      Item prev = null;
      for (int j = i - 1; j >= 0 && prev == null; j--) {
        prev = items.get(j).labelled() ? items.get(j) : null;
      }
      Item next = null;
      for (int j = i + 1; j < items.size() && next == null; j++) {
        next = items.get(j).labelled() ? items.get(j) : null;
      }
      it.betweenPasses = prev != null && next != null && prev.pass != next.pass;
      candidates(it, prev, next, bare);
      if (it.candidates.isEmpty()) {
        candidates(it, prev, next, absent);
      }
    }
    Set<Kind> open = EnumSet.copyOf(bare);
    open.addAll(absent);
    settle(items, open);
  }

  /** The cells among {@code slots} whose rows lie where the block stands, and that it fits. */
  private static void candidates(Item it, Item prev, Item next, Set<Kind> slots) {
    for (Kind slot : slots) {
      boolean afterPrev =
          prev == null
              || slot.row > prev.kind.row
              || slot.row == prev.kind.row && prev.kind == slot && prev.bare();
      boolean beforeNext = next == null || slot.row < next.kind.row;
      boolean place =
          prev != null && next != null && prev.pass != next.pass
              ? afterPrev || beforeNext
              : afterPrev && beforeNext;
      if (place && fits(slot, it)) {
        it.candidates.add(slot);
      }
    }
  }

  /** Gives each block the cell it alone can be, then runs of blocks their cells in row order. */
  private static void settle(List<Item> items, Set<Kind> open) {
    Set<Kind> taken = EnumSet.noneOf(Kind.class);
    boolean changed = true;
    while (changed) {
      changed = false;
      // a label only one run of blocks can be the value of
      for (Kind slot : open) {
        if (taken.contains(slot)) {
          continue;
        }
        List<Integer> only = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          Item it = items.get(i);
          if (it.free() && it.assigned == null && remaining(it, taken).equals(EnumSet.of(slot))) {
            only.add(i);
          }
        }
        if (!only.isEmpty() && adjacent(only)) {
          for (int i : only) {
            items.get(i).assigned = slot;
          }
          taken.add(slot);
          changed = true;
        }
      }
      if (changed) {
        continue;
      }
      // a run of blocks within one pass with as many possible labels as blocks: the cells of a
      // pass come in row order, one block to a cell, so the k-th block is the k-th label's
      for (int i = 0; i < items.size(); ) {
        Item it = items.get(i);
        if (!it.free() || it.assigned != null) {
          i++;
          continue;
        }
        int j = i + 1;
        while (j < items.size() && items.get(j).free() && items.get(j).assigned == null) {
          j++;
        }
        Set<Kind> union = EnumSet.noneOf(Kind.class);
        boolean withinPass = true;
        for (int k = i; k < j; k++) {
          union.addAll(remaining(items.get(k), taken));
          withinPass &= !items.get(k).betweenPasses;
        }
        List<Kind> slots = new ArrayList<>(union);
        boolean fitsInOrder = withinPass && slots.size() >= 2 && slots.size() == j - i;
        for (int k = 0; fitsInOrder && k < slots.size(); k++) {
          fitsInOrder = remaining(items.get(i + k), taken).contains(slots.get(k));
        }
        if (fitsInOrder) {
          for (int k = 0; k < slots.size(); k++) {
            items.get(i + k).assigned = slots.get(k);
            taken.add(slots.get(k));
          }
          changed = true;
          break;
        }
        i = j;
      }
    }
  }

  private static Set<Kind> remaining(Item it, Set<Kind> taken) {
    Set<Kind> c = EnumSet.noneOf(Kind.class);
    for (Kind k : it.candidates) {
      if (!taken.contains(k)) {
        c.add(k);
      }
    }
    return c;
  }

  /** Whether the items at these indices follow one another with no other item between. */
  private static boolean adjacent(List<Integer> at) {
    return at.get(at.size() - 1) - at.get(0) == at.size() - 1;
  }

  /** Whether a block's content can be the value of a label. */
  private static boolean fits(Kind slot, Item block) {
    if (block.kind == Kind.REFERENCE) {
      return slot == Kind.EFFECT || slot == Kind.FUTURE;
    }
    FoldedText text = FoldedText.of(block.text());
    String tight = FoldedText.tight(text.folded());
    // a row of values (two or more): one number and a word is no row (1　あずましい暮らしプロジェクト)
    boolean values = Values.rowTokens(text).size() >= 2;
    return switch (slot) {
      case ACTUALS -> values && block.lines.size() == 1;
      case UNIT ->
          tight.length() <= 10
              && block.lines.size() == 1
              && tight.indexOf('、') < 0
              && tight.indexOf('。') < 0;
      case GROUP, DEPT -> block.lines.size() == 1 && !values;
      case PROJECT, KPI -> block.lines.size() <= 2 && !values;
      default -> true;
    };
  }

  /** The year grid: header cells matched with the 実績値 row's values. */
  record Grid(List<Sheet.Column> columns, String problem) {
    /**
     * The columns: 従前値 first, the years, 目標値 last, as the layout prints them. When the header lacks
     * the 従前値 or 目標値 cell (a cut sheet), the first and last values are still the baseline and the
     * target, without their years; when it names no year at all, the values between them are kept
     * without a year.
     */
    static Grid of(List<HeaderCell> header, List<Values.Token> values) {
      if (values.isEmpty()) {
        return new Grid(null, "the 実績値 row holds no value");
      }
      HeaderCell base = null;
      HeaderCell target = null;
      List<HeaderCell> years = new ArrayList<>();
      for (HeaderCell c : header) {
        switch (c.role()) {
          case BASELINE -> {
            if (base != null) {
              return new Grid(null, "two 従前値 cells in the grid header");
            }
            base = c;
          }
          case TARGET -> {
            if (target != null) {
              return new Grid(null, "two 目標値 cells in the grid header");
            }
            target = c;
          }
          case YEAR -> years.add(c);
        }
      }
      int n = values.size();
      if (n < 2 || !years.isEmpty() && n != years.size() + 2) {
        return new Grid(
            null,
            "the 実績値 row has "
                + n
                + " values for "
                + (years.size() + 2)
                + " columns (従前値, "
                + years.size()
                + " years, 目標値)");
      }
      List<Sheet.Column> out = new ArrayList<>();
      out.add(
          new Sheet.Column(
              CellRole.BASELINE, base == null ? null : base.year(), values.get(0).value()));
      for (int i = 1; i < n - 1; i++) {
        Integer year = years.isEmpty() ? null : years.get(i - 1).year();
        out.add(new Sheet.Column(CellRole.YEAR, year, values.get(i).value()));
      }
      PrintedValue t = values.get(n - 1).value();
      out.add(new Sheet.Column(CellRole.TARGET, target == null ? null : target.year(), t));
      return new Grid(out, null);
    }
  }
}
