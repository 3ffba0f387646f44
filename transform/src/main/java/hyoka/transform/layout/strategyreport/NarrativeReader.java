package hyoka.transform.layout.strategyreport;

import hyoka.transform.BudgetItem;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ResidueClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a project's budget items and commentary from its narrative block.
 *
 * <p>Each 《…実施内容》 label anchors one budget item: the paragraphs right before it are the item's 概要
 * and 目的 (the last one is the 目的), the text after it is the implementation. A name-like line
 * (ending in 費, 金, 事業, …) right before those paragraphs is the item's name. The reading order has
 * traps (see report-format.md), handled as patterns: a name standing alone above a text that is not
 * followed by a label (that text is the 現状分析, and the name belongs to an item whose texts came
 * before it), an item whose texts follow its name after its label, a label with no text. Text after
 * the ５年間の総括 label is the summary; text after the KPI lines is the 現状分析. Scrambled blocks add more:
 * two 概要/目的 pairs under one name before a label (the first pair's label stands at the block start),
 * a 目的 glued to the head's `目的：` label, a label text that is another item's 目的 (it says what is to
 * be done). Where the order cannot tell whose a 実施内容 is, it stays NULL and {@link
 * BudgetItem#note()} says why; a paragraph that could be that text, run on after another item's
 * 実施内容, is then neither item's and is left as residue.
 */
final class NarrativeReader {
  /** How an item's name ends (…事業費, …補助金, …業務). */
  private static final List<String> NAME_ENDS = List.of("費", "金", "事業", "業務");

  private static final int MAX_NAME = 40;
  private static final Pattern FLOATING_PURPOSE = Pattern.compile("目的と(する|して[^。]{0,8})。$");

  /** `観光客誘致促進のため、…を制作する。`: an aim and a plan, not a record of what was done. */
  private static final Pattern AIM_AND_PLAN = Pattern.compile("^[^、。]{1,20}のため、[^。]*する。$");

  /** How a lone paragraph that says it is a 目的 ends (…を目的とする。, …を図るため。). */
  private static final List<String> PURPOSE_ENDS = List.of("目的とする", "目的としている", "図る", "目指す", "ため");

  /**
   * How a 目的 ends, for telling two 概要/目的 pairs printed one after the other: also …に寄与する, which
   * alone would not tell a 目的 from a 概要 (an overview can say what it contributes to).
   */
  private static final List<String> PAIR_PURPOSE_ENDS =
      List.of("目的とする", "目的としている", "図る", "目指す", "ため", "寄与する");

  /** A paragraph that starts like this goes on from the one before it. */
  private static final List<String> GOES_ON = goesOn();

  private static List<String> goesOn() {
    List<String> words = new ArrayList<>(List.of("しかし", "一方"));
    words.addAll(Paragraphs.CONNECTIVES);
    return List.copyOf(words);
  }

  /**
   * The items and texts read, the lines they used, and the block's lines set aside as residue (in
   * block order, with their class).
   */
  record Result(
      List<BudgetItem> items,
      List<Narrative> narratives,
      Set<Line> used,
      Map<Line, ResidueClass> residue) {}

  private enum Type {
    TEXT,
    NAME,
    IMPL,
    SUMMARY,
    KPI,
    BOUNDARY
  }

  private record El(Type type, Line line) {}

  /** One budget item while it is being put together. */
  private static final class Item {
    Line name;
    final List<List<Line>> overview = new ArrayList<>();
    final List<List<Line>> purpose = new ArrayList<>();
    final List<List<Line>> impl = new ArrayList<>();
    Line label;

    /** The text after this item's label was another item's 目的. */
    boolean labelTextGiven;
  }

  /**
   * @param pairs the number of 概要/目的 label pairs of the project's head (its item count)
   * @param headPage the page of the project's head, for an item that prints nothing at all
   * @param gluedToPurpose the lines of text glued to a head's `目的：` label: a paragraph that starts
   *     with one is printed in a 目的 cell
   */
  Result read(
      List<Line> body, Set<Line> kpiUsed, int pairs, int headPage, Set<Line> gluedToPurpose) {
    Map<Line, ResidueClass> residue = new LinkedHashMap<>();
    List<El> els = elements(body, kpiUsed, residue);

    List<Item> items = new ArrayList<>();
    Map<El, Item> itemOfLabel = new LinkedHashMap<>();
    for (El e : els) {
      if (e.type() == Type.IMPL) {
        Item it = new Item();
        it.label = e.line();
        items.add(it);
        itemOfLabel.put(e, it);
      }
    }
    Set<El> claimedNames = new HashSet<>();
    List<List<Line>> summary = new ArrayList<>();
    List<List<Line>> status = new ArrayList<>();
    List<El> orphanNames = new ArrayList<>();
    List<List<List<Line>>> orphanTexts = new ArrayList<>();
    List<Item> unlabelled = new ArrayList<>();
    // the paragraphs printed at the very start of the block, before any label or name (taken for
    // the 現状分析 for now), and whether the ５年間の総括 label comes right after them
    List<List<Line>> startRun = List.of();
    boolean startBeforeSummary = false;
    // an item's 概要 taken from the end of the summary's run: it may be the summary's own last
    // paragraph (the item's 概要 then stands under its name elsewhere)
    Map<Item, List<Line>> afterSummary = new LinkedHashMap<>();
    // a lone one-line 概要 read from the very start of the block (before any label or name): an
    // item printed whole elsewhere can show it is not one
    Map<Item, List<Line>> loneStart = new LinkedHashMap<>();

    int i = 0;
    while (i < els.size()) {
      if (els.get(i).type() != Type.TEXT) {
        El e = els.get(i);
        // a label right after a name with no text between: the name is the label's item's
        if (e.type() == Type.IMPL && i > 0 && els.get(i - 1).type() == Type.NAME) {
          Item it = itemOfLabel.get(e);
          it.name = els.get(i - 1).line();
          claimedNames.add(els.get(i - 1));
        }
        i++;
        continue;
      }
      int start = i;
      while (i < els.size() && els.get(i).type() == Type.TEXT) {
        i++;
      }
      List<Line> run = new ArrayList<>();
      for (El e : els.subList(start, i)) {
        run.add(e.line());
      }
      List<List<Line>> paras = Paragraphs.split(run);
      El prev = start > 0 ? els.get(start - 1) : null;
      El next = i < els.size() ? els.get(i) : null;
      if (next != null && next.type() == Type.IMPL) {
        Item it = itemOfLabel.get(next);
        int j = paras.size();
        if (prev == null || prev.type() == Type.NAME) {
          if (prev != null && isTwoPairs(paras)) {
            // name, 概要, 目的, 概要, 目的, label: the name's pair is an item whose label (and
            // 実施内容) is printed elsewhere; the second pair is the label's item's
            Item named = new Item();
            named.name = prev.line();
            claimedNames.add(prev);
            named.overview.add(paras.get(0));
            named.purpose.add(paras.get(1));
            named.label = next.line();
            unlabelled.add(named);
            splitOwn(it, paras.subList(2, j));
          } else {
            if (prev != null) {
              it.name = prev.line();
              claimedNames.add(prev);
            }
            splitOwn(it, paras);
            if (prev == null
                && paras.size() == 1
                && paras.get(0).size() == 1
                && it.purpose.isEmpty()) {
              loneStart.put(it, paras.get(0));
            }
          }
        } else {
          // the first paragraphs are the text of the label before (implementation, summary,
          // 現状分析); the item's own 概要 and 目的 are the last two
          int own = j >= 3 ? 2 : j - 1;
          // a paragraph under a ＜item＞ sub-heading is the label's text, never an item's own
          int plain = 0;
          while (plain < own && !Paragraphs.isSubHeading(paras.get(j - 1 - plain).get(0))) {
            plain++;
          }
          own = plain;
          giveTo(prev, paras.subList(0, j - own), itemOfLabel, summary, status);
          if (own == 2) {
            // only a one-line paragraph after the summary's wrapped one can be its last line
            if (prev.type() == Type.SUMMARY
                && j >= 3
                && paras.get(j - 2).size() == 1
                && paras.get(j - 3).size() > 1) {
              afterSummary.put(it, paras.get(j - 2));
            }
            it.overview.add(paras.get(j - 2));
            it.purpose.add(paras.get(j - 1));
          } else if (own == 1) {
            splitOwn(it, paras.subList(j - 1, j));
          }
        }
      } else if (prev != null && prev.type() == Type.NAME) {
        orphanNames.add(prev);
        orphanTexts.add(paras);
      } else {
        if (prev == null) {
          startRun = paras;
          startBeforeSummary = next != null && next.type() == Type.SUMMARY;
        }
        giveTo(prev, paras, itemOfLabel, summary, status);
      }
    }

    // text glued to a head's `目的：` label is a 目的, whatever it reads like
    for (Item it : items) {
      if (it.purpose.isEmpty() && it.overview.size() == 1) {
        Line first = it.overview.get(0).get(0);
        if (gluedToPurpose.contains(first)) {
          it.purpose.add(it.overview.remove(0));
        }
      }
    }
    // an item printed without its label (two pairs under one name) takes a label of the block's
    // start (before its first name): one whose item has only a 実施内容 (the text was printed away
    // from its name and pair), else one whose item has nothing at all (an empty label); with
    // several, the block's first label. With none, the two pairs stay one item as read.
    int firstName = els.size();
    for (int k = 0; k < els.size() && firstName == els.size(); k++) {
      if (els.get(k).type() == Type.NAME) {
        firstName = k;
      }
    }
    for (Item named : unlabelled) {
      Item only = null;
      for (boolean withImpl : new boolean[] {true, false}) {
        List<Item> candidates = new ArrayList<>();
        for (Map.Entry<El, Item> en : itemOfLabel.entrySet()) {
          Item it = en.getValue();
          boolean bare =
              it.overview.isEmpty()
                  || it.overview.size() == 1 && it.overview.get(0) == loneStart.get(it);
          if (els.indexOf(en.getKey()) < firstName
              && it.name == null
              && bare
              && it.purpose.isEmpty()
              && it.impl.isEmpty() != withImpl) {
            candidates.add(it);
          }
        }
        Item first = itemOfLabel.values().iterator().next();
        if (candidates.size() == 1) {
          only = candidates.get(0);
        } else if (candidates.contains(first)) {
          only = first;
        }
        if (only != null) {
          break;
        }
      }
      if (only != null) {
        // the item's pair is printed whole under its name: a lone line read as its 概要 is not
        // one; which label's text it is cannot be told, so it stays with the 現状分析 (as it does
        // when the summary stands between it and the label)
        if (!only.overview.isEmpty()) {
          status.add(0, only.overview.remove(0));
        }
        only.name = named.name;
        only.overview.addAll(named.overview);
        only.purpose.addAll(named.purpose);
      } else {
        Item second = null;
        for (Item it : items) {
          if (it.label == named.label) {
            second = it;
          }
        }
        second.name = named.name;
        List<List<Line>> ov = new ArrayList<>(named.overview);
        ov.addAll(named.purpose);
        ov.addAll(second.overview);
        second.overview.clear();
        second.overview.addAll(ov);
      }
    }
    // a name standing alone above a text: the texts of an item whose label had none, else the
    // name of an item whose texts came first, with the 現状分析 under it. Every project prints a
    // 現状分析: with none found elsewhere, the last such text is it (an item whose label had no
    // text of its own is then left without texts rather than given the 現状分析)
    boolean statusElsewhere = !status.isEmpty();
    for (int k = 0; k < orphanNames.size(); k++) {
      El name = orphanNames.get(k);
      List<List<Line>> paras = orphanTexts.get(k);
      // the same text printed twice: the item that already has it is this name's item, and
      // the two copies are its 概要 and 目的 (both printed, and printed the same)
      String orphan = joinedTight(paras);
      Item twin = null;
      for (Item it : items) {
        if (it.purpose.isEmpty()
            && !it.overview.isEmpty()
            && joinedTight(it.overview).equals(orphan)) {
          twin = it;
          break;
        }
      }
      if (twin != null) {
        if (twin.name == null) {
          twin.name = name.line();
          claimedNames.add(name);
        }
        twin.purpose.addAll(twin.overview);
        twin.overview.clear();
        twin.overview.addAll(paras);
        continue;
      }
      Item target = null;
      for (Item it : items) {
        if (it.name == null && it.overview.isEmpty()) {
          target = it;
          break;
        }
      }
      boolean lastChance = !statusElsewhere && k == orphanNames.size() - 1;
      if (target == null && paras.size() == 1 && !readsAsPurpose(paras.get(0))) {
        // a lone 概要 under a name, while an unnamed item's 概要 was the summary's last paragraph
        for (Map.Entry<Item, List<Line>> en : afterSummary.entrySet()) {
          Item it = en.getKey();
          if (it.name == null && it.overview.size() == 1 && it.overview.get(0) == en.getValue()) {
            summary.add(it.overview.remove(0));
            it.overview.add(paras.get(0));
            it.name = name.line();
            claimedNames.add(name);
            target = it;
            break;
          }
        }
        if (target != null) {
          continue;
        }
      }
      if (target != null && !lastChance) {
        target.name = name.line();
        claimedNames.add(name);
        if (target.overview.isEmpty() && !target.purpose.isEmpty()) {
          target.overview.addAll(paras);
        } else {
          splitOwn(target, paras);
        }
      } else {
        status.addAll(paras);
      }
    }
    // a 目的 printed right after another item's 《…実施内容》 label (whose own text is elsewhere)
    // goes to the item that has a 概要 but no 目的
    for (Item it : items) {
      if (it.impl.size() != 1 || !FLOATING_PURPOSE.matcher(tightText(it.impl.get(0))).find()) {
        continue;
      }
      for (Item other : items) {
        if (other != it && other.purpose.isEmpty() && !other.overview.isEmpty()) {
          other.purpose.add(it.impl.remove(0));
          it.labelTextGiven = true;
          break;
        }
      }
    }
    // the same for a lone label text that states an aim and a plan, when exactly one item lacks
    // its 目的 (a 実施内容 records what was done; this reads as what is to be done)
    Item aimless = null;
    int aimlessCount = 0;
    for (Item other : items) {
      if (other.purpose.isEmpty() && !other.overview.isEmpty()) {
        aimless = other;
        aimlessCount++;
      }
    }
    for (Item it : items) {
      if (aimlessCount == 1
          && it != aimless
          && it.impl.size() == 1
          && AIM_AND_PLAN.matcher(tightText(it.impl.get(0))).find()) {
        aimless.purpose.add(it.impl.remove(0));
        it.labelTextGiven = true;
        break;
      }
    }
    // the same, with the 目的 run on from the label's own last line (a line as wide as the column
    // that ends without 。 looks wrapped): split it off when exactly one item lacks its 目的
    Item lacking = null;
    int lackingCount = 0;
    for (Item other : items) {
      if (other.purpose.isEmpty() && !other.overview.isEmpty()) {
        lacking = other;
        lackingCount++;
      }
    }
    for (Item it : items) {
      if (lackingCount != 1 || it == lacking || it.impl.isEmpty() || it.purpose.isEmpty()) {
        continue;
      }
      List<Line> last = it.impl.get(it.impl.size() - 1);
      if (last.size() < 2) {
        continue;
      }
      Line tail = last.get(last.size() - 1);
      Line before = last.get(last.size() - 2);
      if (tail.tight().endsWith("。")
          && endsAsPurpose(tail.tight())
          && !before.tight().endsWith("。")
          && !endsAsPurpose(before.tight())) {
        it.impl.set(it.impl.size() - 1, List.copyOf(last.subList(0, last.size() - 1)));
        lacking.purpose.add(List.of(tail));
        break;
      }
    }
    List<El> freeNames = new ArrayList<>();
    for (El e : els) {
      if (e.type() == Type.NAME && !claimedNames.contains(e)) {
        freeNames.add(e);
      }
    }
    for (Item it : items) {
      if (it.name == null && !freeNames.isEmpty()) {
        it.name = freeNames.remove(0).line();
      }
    }
    // a name-like 概要 (…のための交付金) taken for the name while the real name stands elsewhere
    for (Item it : items) {
      if (!freeNames.isEmpty()
          && it.name != null
          && it.overview.isEmpty()
          && !it.purpose.isEmpty()) {
        it.overview.add(List.of(it.name));
        it.name = freeNames.remove(0).line();
      }
    }
    while (items.size() < pairs) {
      items.add(new Item());
    }

    // an item whose 実施内容 is printed away from its label (the label had no text, or another
    // item's 目的): that text stands somewhere in the block
    boolean displaced = false;
    for (Item it : items) {
      displaced |= it.label != null && it.impl.isEmpty();
    }
    // the 現状分析 stands after the KPI lines or between the summary and an item's name, never
    // before the ５年間の総括 label: a text at the block start right before that label is an item's
    // text printed away from its name, whose item the order does not tell (a `➭` glued to its first
    // line is the label's). A text at the block start before a name is where the 現状分析 stands
    // when no summary is printed, but it can as well be a displaced 実施内容. Either stays residue.
    if (startBeforeSummary || displaced) {
      for (List<Line> p : startRun) {
        status.removeIf(q -> q == p);
      }
    }
    // the 現状分析 can stand inside the summary's run (between the summary and an item name),
    // sometimes as a repeat of the summary; with no 現状分析 elsewhere, take it from there. Not
    // while an item's 実施内容 is displaced: a paragraph there can be that text as well
    if (status.isEmpty() && summary.size() >= 2 && !displaced) {
      int half = summary.size() / 2;
      boolean repeated = summary.size() % 2 == 0;
      for (int k = 0; repeated && k < half; k++) {
        repeated = tightText(summary.get(k)).equals(tightText(summary.get(k + half)));
      }
      // else the 現状分析 is the run of one-line paragraphs after the summary's last wrapped one
      int from = summary.size() - 1;
      if (repeated) {
        from = half;
      } else {
        for (int k = summary.size() - 2; k >= 0; k--) {
          if (summary.get(k).size() > 1) {
            from = k + 1;
            break;
          }
        }
      }
      status.addAll(summary.subList(from, summary.size()));
      summary = new ArrayList<>(summary.subList(0, from));
    }
    // while an item's 実施内容 is displaced, the one-line paragraphs after the summary's last
    // wrapped one stand where the 現状分析 can stand and can be that 実施内容 as well as the
    // summary's own: the order cannot tell, so they go to none of them (only what visibly goes on
    // from the summary, `しかし、…`, stays)
    if (displaced) {
      int k = summary.size();
      while (k > 0 && summary.get(k - 1).size() == 1) {
        k--;
      }
      while (k > 0
          && k < summary.size()
          && Paragraphs.startsWithAny(summary.get(k).get(0).tight(), GOES_ON)) {
        k++;
      }
      if (k > 0 && k < summary.size()) {
        summary = new ArrayList<>(summary.subList(0, k));
      }
    }
    // likewise between an implementation text and the next item's name (no summary printed);
    // not while an item's 実施内容 is displaced (see below)
    if (status.isEmpty() && !displaced) {
      for (Item it : items) {
        int k = 1;
        while (k < it.impl.size() && it.impl.get(k).get(0).tight().startsWith("・")) {
          k++;
        }
        if (k < it.impl.size()) {
          status.addAll(it.impl.subList(k, it.impl.size()));
          it.impl.subList(k, it.impl.size()).clear();
          break;
        }
      }
    }
    // an item whose 実施内容 is printed away from its label (the label had no text, or another
    // item's 目的): that text stands somewhere in the block, and a paragraph run on after another
    // item's 実施内容 (no label between) may be it as well as a second paragraph of that text. The
    // order cannot tell which, so such a paragraph goes to neither item (it is reported as
    // residue); only what visibly goes on from the text before stays (a list item, a remark)
    if (displaced) {
      for (Item it : items) {
        int k = 1;
        while (k < it.impl.size() && continuesText(it.impl.get(k))) {
          k++;
        }
        if (k < it.impl.size()) {
          it.impl.subList(k, it.impl.size()).clear();
        }
      }
    }
    Set<Line> used = new HashSet<>();
    List<BudgetItem> budget = new ArrayList<>();
    List<Narrative> narratives = new ArrayList<>();
    for (int k = 0; k < items.size(); k++) {
      Item it = items.get(k);
      int no = k + 1;
      String ov = textOf(it.overview, used);
      String pu = textOf(it.purpose, used);
      String im = textOf(it.impl, used);
      if (it.name != null) {
        used.add(it.name);
      }
      int page = firstPage(it, headPage);
      budget.add(
          new BudgetItem(
              no,
              it.name == null ? null : it.name.printed().strip(),
              ov,
              pu,
              im,
              page,
              noteOf(it, im)));
      addNarrative(narratives, no, NarrativeKind.OVERVIEW, ov, it.overview);
      addNarrative(narratives, no, NarrativeKind.PURPOSE, pu, it.purpose);
      addNarrative(narratives, no, NarrativeKind.IMPLEMENTATION, im, it.impl);
    }
    String sum = textOf(summary, used);
    addNarrative(narratives, null, NarrativeKind.FIVE_YEAR_SUMMARY, sum, summary);
    String st = textOf(status, used);
    addNarrative(narratives, null, NarrativeKind.STATUS_ANALYSIS, st, status);
    return new Result(budget, narratives, used, residue);
  }

  /**
   * A paragraph that visibly goes on from the one before: a list item (`・…`), a remark in brackets
   * (`（…）`), a note (`※…`).
   */
  private static boolean continuesText(List<Line> paragraph) {
    String t = paragraph.get(0).tight();
    return t.startsWith("・") || t.startsWith("(") || t.startsWith("※");
  }

  /** Why an item's 実施内容 is null, where the block does not say whose text stands where. */
  private static String noteOf(Item it, String implementation) {
    if (implementation != null || it.label == null) {
      return null;
    }
    if (it.labelTextGiven) {
      return "実施内容 not attributed: the text after this item's 《実施内容》 label is another "
          + "item's 目的; its own text is printed elsewhere in the block or not at all";
    }
    return "実施内容 not attributed: this item's 《実施内容》 label has no text next to it; "
        + "the text is printed elsewhere in the block or not at all";
  }

  /**
   * An item's own paragraphs: the last is the 目的, the others the 概要; a lone paragraph is the 目的
   * when it says so (…を目的とする。), else the 概要.
   */
  private static void splitOwn(Item it, List<List<Line>> paras) {
    int j = paras.size();
    if (j == 0) {
      return;
    }
    if (j == 1) {
      List<Line> p = paras.get(0);
      String last = p.get(p.size() - 1).tight();
      if (Paragraphs.endsAsSentenceWith(last, PURPOSE_ENDS)) {
        it.purpose.add(p);
      } else {
        it.overview.add(p);
      }
      return;
    }
    it.overview.addAll(paras.subList(0, j - 1));
    it.purpose.add(paras.get(j - 1));
  }

  /**
   * Four or more paragraphs where the second and the last read as a 目的 and the first and third do
   * not: two 概要/目的 pairs (or more 概要 for the second), not one item with a long 概要.
   */
  private static boolean isTwoPairs(List<List<Line>> paras) {
    if (paras.size() < 4) {
      return false;
    }
    return !readsAsPurpose(paras.get(0))
        && readsAsPurpose(paras.get(1))
        && !readsAsPurpose(paras.get(2))
        && readsAsPurpose(paras.get(paras.size() - 1));
  }

  private static boolean readsAsPurpose(List<Line> p) {
    return endsAsPurpose(p.get(p.size() - 1).tight());
  }

  private static boolean endsAsPurpose(String tight) {
    return Paragraphs.endsAsSentenceWith(tight, PAIR_PURPOSE_ENDS);
  }

  private static void giveTo(
      El owner,
      List<List<Line>> paras,
      Map<El, Item> itemOfLabel,
      List<List<Line>> summary,
      List<List<Line>> status) {
    if (owner != null && owner.type() == Type.IMPL) {
      itemOfLabel.get(owner).impl.addAll(paras);
    } else if (owner != null && owner.type() == Type.SUMMARY) {
      summary.addAll(paras);
    } else {
      status.addAll(paras);
    }
  }

  private static String joinedTight(List<List<Line>> paras) {
    StringBuilder b = new StringBuilder();
    for (List<Line> p : paras) {
      b.append(tightText(p));
    }
    return b.toString();
  }

  private static String tightText(List<Line> paragraph) {
    StringBuilder b = new StringBuilder();
    for (Line l : paragraph) {
      b.append(l.tight());
    }
    return b.toString();
  }

  private static String textOf(List<List<Line>> paras, Set<Line> used) {
    if (paras.isEmpty()) {
      return null;
    }
    for (List<Line> p : paras) {
      used.addAll(p);
    }
    return Paragraphs.text(paras);
  }

  private static void addNarrative(
      List<Narrative> out,
      Integer itemNo,
      NarrativeKind kind,
      String text,
      List<List<Line>> paras) {
    if (text != null) {
      out.add(new Narrative(itemNo, kind, text, paras.get(0).get(0).page()));
    }
  }

  private static int firstPage(Item it, int headPage) {
    for (List<List<Line>> t : List.of(it.overview, it.purpose)) {
      if (!t.isEmpty()) {
        return t.get(0).get(0).page();
      }
    }
    if (it.name != null) {
      return it.name.page();
    }
    if (it.label != null) {
      return it.label.page();
    }
    return headPage;
  }

  /** The block as a sequence of texts, names and the labels and KPI lines between them. */
  private static List<El> elements(
      List<Line> body, Set<Line> kpiUsed, Map<Line, ResidueClass> residue) {
    List<El> els = new ArrayList<>();
    LineClassifier classifier = new LineClassifier();
    for (int i = 0; i < body.size(); i++) {
      Line l = body.get(i);
      if (kpiUsed.contains(l)) {
        if (els.isEmpty() || els.get(els.size() - 1).type() != Type.KPI) {
          els.add(new El(Type.KPI, l));
        }
        continue;
      }
      switch (l.kind()) {
        case NUMBERS, CHART_LEGEND, CHART_AXIS -> residue.put(l, ResidueClass.CHART_LABEL);
        case TARGET_HEAD, ACTUAL_HEAD, YEAR_HEAD -> {
          residue.put(l, ResidueClass.SECTION_LABEL);
          els.add(new El(Type.BOUNDARY, l));
        }
        case SUMMARY_RANGE -> residue.put(l, ResidueClass.SECTION_LABEL);
        case IMPL_LABEL, SUMMARY_LABEL -> {
          residue.put(l, ResidueClass.SECTION_LABEL);
          els.add(new El(l.is(LineKind.IMPL_LABEL) ? Type.IMPL : Type.SUMMARY, l));
          String glued = LineClassifier.gluedText(l);
          if (!glued.isEmpty()) {
            els.add(new El(Type.TEXT, classifier.classify(l.page(), l.lineNo(), glued)));
          }
        }
        case TEXT, NOTE -> {
          boolean chartTitle =
              i > 0
                  && i + 1 < body.size()
                  && body.get(i - 1).is(LineKind.CHART_AXIS)
                  && body.get(i + 1).is(LineKind.CHART_LEGEND);
          if (chartTitle) {
            residue.put(l, ResidueClass.CHART_LABEL);
          } else {
            // a name starts a paragraph and is not the second of two name-like lines
            Line before = i > 0 ? body.get(i - 1) : null;
            boolean afterBreak =
                before == null
                    || !before.is(LineKind.TEXT)
                    || Paragraphs.endsParagraph(before)
                    || before.tight().startsWith("・");
            boolean afterName =
                !els.isEmpty()
                    && els.get(els.size() - 1).type() == Type.NAME
                    && els.get(els.size() - 1).line() == before;
            els.add(new El(isName(l) && afterBreak && !afterName ? Type.NAME : Type.TEXT, l));
          }
        }
        default -> {
          residue.put(l, ResidueClass.UNKNOWN);
          els.add(new El(Type.BOUNDARY, l));
        }
      }
    }
    return els;
  }

  static boolean isName(Line l) {
    if (!l.is(LineKind.TEXT)) {
      return false;
    }
    String f = l.folded().strip();
    if (l.tight().length() > MAX_NAME
        || f.endsWith("。")
        || f.startsWith("・")
        || f.startsWith("<")
        || f.startsWith("(")
        || f.startsWith("+")
        || f.startsWith("➭")) {
      return false;
    }
    // a name can end with parenthesised parts: 防災関係経費(防災行政無線(同報系)整備事業)
    String t = l.tight();
    while (t.endsWith(")")) {
      int depth = 0;
      int open = -1;
      for (int k = t.length() - 1; k >= 0; k--) {
        char c = t.charAt(k);
        if (c == ')') {
          depth++;
        } else if (c == '(' && --depth == 0) {
          open = k;
          break;
        }
      }
      if (open <= 0) {
        return false;
      }
      t = t.substring(0, open);
    }
    return Paragraphs.endsWithAny(t, NAME_ENDS);
  }
}
