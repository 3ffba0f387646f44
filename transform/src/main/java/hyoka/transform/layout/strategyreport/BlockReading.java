package hyoka.transform.layout.strategyreport;

import hyoka.transform.FoldedText;
import hyoka.transform.ResidueClass;
import hyoka.transform.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One project's narrative block while the reading rules ({@link Placement}, {@link Repair}) work on
 * it: the block as elements (texts, names, labels, KPI lines), the budget items being put together,
 * the summary and 現状分析 paragraphs, and what the first rules left for the later ones to decide.
 * Every paragraph and name a rule places is recorded with that rule, so a reading can say which
 * rule decided each text ({@link NarrativeReader.Decision}).
 *
 * <p>Made and used by one {@link NarrativeReader#read} call.
 */
final class BlockReading {
  /** What an element of the block is. */
  enum ElType {
    /** A line of text. */
    TEXT,
    /** A line that reads as a budget item's name (…事業費, …補助金) and starts a paragraph. */
    NAME,
    /** A 《…実施内容》 label: one budget item each. */
    IMPL,
    /** The ５年間の総括 label. */
    SUMMARY,
    /** The KPI name and basis lines (one element for a stretch of them). */
    KPI,
    /** Any other line that separates texts (目標値(H31), 実績値, H31年度, …). */
    BOUNDARY
  }

  /**
   * One element of the block: a line and what it is.
   *
   * @param lines the element's lines: the line itself, and for a name wrapped before its
   *     parenthesised part (`…事業費` / `（Ｈ31年度：…）`) that part too
   */
  record El(ElType type, Line line, List<Line> lines) {
    El {
      lines = List.copyOf(lines);
    }

    El(ElType type, Line line) {
      this(type, line, List.of(line));
    }

    boolean is(ElType t) {
      return type == t;
    }
  }

  /** One budget item while it is being put together. */
  static final class Item {
    /** The name's lines (one, or two for a name wrapped before its parenthesised part); null. */
    List<Line> name;

    final List<List<Line>> overview = new ArrayList<>();
    final List<List<Line>> purpose = new ArrayList<>();
    final List<List<Line>> impl = new ArrayList<>();
    Line label;

    /** The text after this item's label was another item's 目的. */
    boolean labelTextGiven;

    /** Has a 概要 but no 目的: the item a 目的 printed elsewhere can belong to. */
    boolean lacksPurpose() {
      return purpose.isEmpty() && !overview.isEmpty();
    }
  }

  /**
   * The paragraphs between two elements of the block (none when the elements stand next to each
   * other).
   *
   * @param prev the element before, null at the block start
   * @param next the element after, null at the block end
   */
  record Run(El prev, List<List<Line>> paras, El next) {
    boolean after(ElType t) {
      return prev != null && prev.is(t);
    }

    boolean before(ElType t) {
      return next != null && next.is(t);
    }
  }

  /**
   * A name standing alone above paragraphs that no label follows: whose they are is decided later.
   */
  record LoneName(El name, List<List<Line>> paras) {}

  final List<El> els;
  final int pairs;
  final Set<Line> gluedToPurpose;

  /** The project's KPI names, tight (folded, no spaces). */
  final Set<String> kpiNames = new HashSet<>();

  /** The block's lines set aside while reading its elements (labels, chart lines), in order. */
  final Map<Line, ResidueClass> residue;

  /** One item per 《…実施内容》 label, in block order; more are added for label pairs without one. */
  final List<Item> items = new ArrayList<>();

  final Map<El, Item> itemOfLabel = new LinkedHashMap<>();
  final Set<El> claimedNames = new HashSet<>();
  List<List<Line>> summary = new ArrayList<>();
  final List<List<Line>> status = new ArrayList<>();

  /** Names standing alone above a text, in block order ({@link Placement#TEXT_UNDER_NAME}). */
  final List<LoneName> loneNames = new ArrayList<>();

  /** Items read as two pairs under one name, still without a label of their own. */
  final List<Item> unlabelled = new ArrayList<>();

  /**
   * The paragraphs at the very start of the block, before any label or name (taken for the 現状分析).
   */
  List<List<Line>> startRun = List.of();

  /** Whether the ５年間の総括 label comes right after {@link #startRun}. */
  boolean startBeforeSummary;

  /**
   * An item's 概要 taken from the end of the summary's run: it may be the summary's own last
   * paragraph (the item's 概要 then stands under its name elsewhere).
   */
  final Map<Item, List<Line>> afterSummary = new LinkedHashMap<>();

  /**
   * A lone one-line 概要 read from the very start of the block (before any label or name): an item
   * printed whole elsewhere can show it is not one.
   */
  final Map<Item, List<Line>> loneStart = new LinkedHashMap<>();

  private final IdentityHashMap<Object, ReadingRule> placedBy = new IdentityHashMap<>();
  private final Map<List<Line>, ReadingRule> setAside = new LinkedHashMap<>();

  BlockReading(List<El> els, NarrativeReader.Context context, Map<Line, ResidueClass> residue) {
    this.els = els;
    this.pairs = context.pairs();
    this.gluedToPurpose = context.gluedToPurpose();
    this.residue = residue;
    for (String name : context.kpiNames()) {
      kpiNames.add(FoldedText.tight(Texts.fold(name)));
    }
    for (El e : els) {
      if (e.is(ElType.IMPL)) {
        Item it = new Item();
        it.label = e.line();
        items.add(it);
        itemOfLabel.put(e, it);
      }
    }
  }

  Item itemOf(El label) {
    return itemOfLabel.get(label);
  }

  /** The runs of paragraphs between the block's elements, in block order. */
  List<Run> runs() {
    List<Run> out = new ArrayList<>();
    int i = 0;
    while (i < els.size()) {
      if (!els.get(i).is(ElType.TEXT)) {
        if (i > 0 && !els.get(i - 1).is(ElType.TEXT)) {
          out.add(new Run(els.get(i - 1), List.of(), els.get(i)));
        }
        i++;
        continue;
      }
      int start = i;
      while (i < els.size() && els.get(i).is(ElType.TEXT)) {
        i++;
      }
      List<Line> run = new ArrayList<>();
      for (El e : els.subList(start, i)) {
        run.add(e.line());
      }
      out.add(
          new Run(
              start > 0 ? els.get(start - 1) : null,
              Paragraphs.split(run),
              i < els.size() ? els.get(i) : null));
    }
    return out;
  }

  /** The name elements no item has taken yet, in block order. */
  List<El> freeNames() {
    List<El> out = new ArrayList<>();
    for (El e : els) {
      if (e.is(ElType.NAME) && !claimedNames.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The index of the block's first name element, or the element count when there is none. */
  int firstName() {
    for (int k = 0; k < els.size(); k++) {
      if (els.get(k).is(ElType.NAME)) {
        return k;
      }
    }
    return els.size();
  }

  /**
   * Whether an item's 実施内容 is printed away from its label (the label had no text, or another item's
   * 目的): that text then stands somewhere in the block, and paragraphs that could be it are no
   * one's.
   */
  boolean displaced() {
    for (Item it : items) {
      if (it.label != null && it.impl.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** {@code name} names {@code item} (and no other item). */
  void name(Item item, El name, ReadingRule by) {
    claimedNames.add(name);
    name(item, name.lines(), by);
  }

  void name(Item item, List<Line> name, ReadingRule by) {
    item.name = name;
    placedBy.put(name, by);
  }

  void put(List<List<Line>> slot, List<Line> para, ReadingRule by) {
    slot.add(para);
    placedBy.put(para, by);
  }

  void put(List<List<Line>> slot, int index, List<Line> para, ReadingRule by) {
    slot.add(index, para);
    placedBy.put(para, by);
  }

  void putAll(List<List<Line>> slot, List<List<Line>> paras, ReadingRule by) {
    for (List<Line> p : paras) {
      put(slot, p, by);
    }
  }

  /** A paragraph that was placed and is no one's after all: it is left as residue. */
  void setAside(List<Line> para, ReadingRule by) {
    setAside.put(para, by);
  }

  ReadingRule placedBy(Object paraOrName) {
    return placedBy.get(paraOrName);
  }

  Map<List<Line>, ReadingRule> setAside() {
    return setAside;
  }

  /**
   * An item's own paragraphs: the last is the 目的, the others the 概要; a lone paragraph is the 目的
   * when it says so (…を目的とする。), else the 概要.
   */
  void splitOwn(Item it, List<List<Line>> paras, ReadingRule by) {
    int j = paras.size();
    if (j == 0) {
      return;
    }
    if (j == 1) {
      List<Line> p = paras.get(0);
      put(Paragraphs.statesPurpose(p) ? it.purpose : it.overview, p, by);
      return;
    }
    putAll(it.overview, paras.subList(0, j - 1), by);
    put(it.purpose, paras.get(j - 1), by);
  }

  /** Paragraphs after a label are that label's text: an item's 実施内容, the summary, else the 現状分析. */
  void giveTo(El owner, List<List<Line>> paras, ReadingRule by) {
    if (owner != null && owner.is(ElType.IMPL)) {
      putAll(itemOf(owner).impl, paras, by);
    } else if (owner != null && owner.is(ElType.SUMMARY)) {
      putAll(summary, paras, by);
    } else {
      putAll(status, paras, by);
    }
  }
}
