package hyoka.transform.layout.strategyreport;

import hyoka.transform.layout.strategyreport.BlockReading.El;
import hyoka.transform.layout.strategyreport.BlockReading.Item;
import hyoka.transform.layout.strategyreport.BlockReading.LoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The repairs of the reading order, applied in this order after the {@link Placement} of every run
 * (see docs/report-format.md for the traps they handle). Each one fixes what position alone read
 * wrong, as a pattern of the block, never by project; where the order cannot tell whose a text is,
 * a repair leaves it to no one (it stays residue) rather than guess.
 */
enum Repair implements ReadingRule {
  /** Text glued to a head's `目的：` label is a 目的, whatever it reads like. */
  GLUED_PURPOSE {
    @Override
    void apply(BlockReading r) {
      for (Item it : r.items) {
        if (it.purpose.isEmpty()
            && it.overview.size() == 1
            && r.gluedToPurpose.contains(it.overview.get(0).get(0))) {
          r.put(it.purpose, it.overview.remove(0), this);
        }
      }
    }
  },

  /**
   * An item printed without its label ({@link Placement#TWO_PAIRS_UNDER_ONE_NAME}) takes a label of
   * the block's start (before its first name): one whose item has only a 実施内容 (the text was printed
   * away from its name and pair), else one whose item has nothing at all (an empty label); with
   * several, the block's first label. With none, the two pairs stay one item as read.
   */
  LABEL_FOR_TWO_PAIRS(
      "a lone line at the block start, before the labels: which label's text it is the order does not tell") {
    @Override
    void apply(BlockReading r) {
      int firstName = r.firstName();
      for (Item named : r.unlabelled) {
        Item only = null;
        for (boolean withImpl : new boolean[] {true, false}) {
          List<Item> candidates = new ArrayList<>();
          for (Map.Entry<El, Item> en : r.itemOfLabel.entrySet()) {
            Item it = en.getValue();
            boolean bare =
                it.overview.isEmpty()
                    || it.overview.size() == 1 && it.overview.get(0) == r.loneStart.get(it);
            if (r.els.indexOf(en.getKey()) < firstName
                && it.name == null
                && bare
                && it.purpose.isEmpty()
                && it.impl.isEmpty() != withImpl) {
              candidates.add(it);
            }
          }
          Item first = r.itemOfLabel.values().iterator().next();
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
          // one; which label's text it is the order does not tell, so it is set aside (as it is
          // when the summary stands between it and the label) for the rules that can tell
          if (!only.overview.isEmpty()) {
            r.setAside(only.overview.remove(0), this);
          }
          r.name(only, named.name, this);
          r.putAll(only.overview, named.overview, this);
          r.putAll(only.purpose, named.purpose, this);
        } else {
          Item second = null;
          for (Item it : r.items) {
            if (it.label == named.label) {
              second = it;
            }
          }
          r.name(second, named.name, this);
          List<List<Line>> ov = new ArrayList<>(named.overview);
          ov.addAll(named.purpose);
          ov.addAll(second.overview);
          second.overview.clear();
          r.putAll(second.overview, ov, this);
        }
      }
    }
  },

  /**
   * A name standing alone above a text ({@link Placement#TEXT_UNDER_NAME}): each is settled by the
   * first of the {@link NameAbove} rules that fits. Every project prints a 現状分析: with none found
   * elsewhere, the last such text is it (an item whose label had no text of its own is then left
   * without texts rather than given the 現状分析).
   */
  NAMES_ABOVE_TEXTS {
    @Override
    void apply(BlockReading r) {
      boolean statusElsewhere = !r.status.isEmpty();
      for (int k = 0; k < r.loneNames.size(); k++) {
        boolean lastChance = !statusElsewhere && k == r.loneNames.size() - 1;
        for (NameAbove rule : NameAbove.values()) {
          if (rule.settle(r, r.loneNames.get(k), lastChance)) {
            break;
          }
        }
      }
    }
  },

  /**
   * A 目的 printed right after another item's 《…実施内容》 label (whose own text is elsewhere), which says
   * so (…を目的とする。), goes to the item that has a 概要 but no 目的.
   */
  PURPOSE_AFTER_ANOTHER_LABEL {
    @Override
    void apply(BlockReading r) {
      for (Item it : r.items) {
        if (it.impl.size() != 1
            || !FLOATING_PURPOSE.matcher(Paragraphs.tightText(it.impl.get(0))).find()) {
          continue;
        }
        for (Item other : r.items) {
          if (other != it && other.lacksPurpose()) {
            r.put(other.purpose, it.impl.remove(0), this);
            it.labelTextGiven = true;
            break;
          }
        }
      }
    }
  },

  /**
   * The same for a lone label text that states an aim and a plan, when exactly one item lacks its
   * 目的 (a 実施内容 records what was done; this reads as what is to be done).
   */
  AIM_AND_PLAN_AFTER_ANOTHER_LABEL {
    @Override
    void apply(BlockReading r) {
      Item aimless = onlyOneLackingPurpose(r);
      if (aimless == null) {
        return;
      }
      for (Item it : r.items) {
        if (it != aimless
            && it.impl.size() == 1
            && AIM_AND_PLAN.matcher(Paragraphs.tightText(it.impl.get(0))).find()) {
          r.put(aimless.purpose, it.impl.remove(0), this);
          it.labelTextGiven = true;
          break;
        }
      }
    }
  },

  /**
   * The same, with the 目的 run on from a label text's own last line (a line as wide as the column
   * that ends without 。 looks wrapped): split it off when exactly one item lacks its 目的.
   */
  PURPOSE_RUN_ON_FROM_LABEL_TEXT {
    @Override
    void apply(BlockReading r) {
      Item lacking = onlyOneLackingPurpose(r);
      if (lacking == null) {
        return;
      }
      for (Item it : r.items) {
        if (it == lacking || it.impl.isEmpty() || it.purpose.isEmpty()) {
          continue;
        }
        List<Line> last = it.impl.get(it.impl.size() - 1);
        if (last.size() < 2) {
          continue;
        }
        Line tail = last.get(last.size() - 1);
        Line before = last.get(last.size() - 2);
        if (tail.tight().endsWith("。")
            && Paragraphs.endsAsPurpose(tail.tight())
            && !before.tight().endsWith("。")
            && !Paragraphs.endsAsPurpose(before.tight())) {
          List<Line> kept = List.copyOf(last.subList(0, last.size() - 1));
          it.impl.remove(it.impl.size() - 1);
          r.put(it.impl, kept, r.placedBy(last));
          r.put(lacking.purpose, List.of(tail), this);
          break;
        }
      }
    }
  },

  /** Names no rule gave an item go, in block order, to the items still without a name. */
  FREE_NAMES_IN_ORDER {
    @Override
    void apply(BlockReading r) {
      for (Item it : r.items) {
        List<El> free = r.freeNames();
        if (it.name == null && !free.isEmpty()) {
          r.name(it, free.get(0), this);
        }
      }
    }
  },

  /**
   * A name-like 概要 (…のための交付金) taken for the name while the real name stands elsewhere: an item with
   * a name and a 目的 but no 概要, while a name is left over.
   */
  NAME_LIKE_OVERVIEW {
    @Override
    void apply(BlockReading r) {
      for (Item it : r.items) {
        List<El> free = r.freeNames();
        if (!free.isEmpty() && it.name != null && it.overview.isEmpty() && !it.purpose.isEmpty()) {
          r.put(it.overview, it.name, this);
          r.name(it, free.get(0), this);
        }
      }
    }
  },

  /**
   * An item's own paragraphs after its first that say what the item is expected to bring about
   * (…が期待できる。) are part of its 目的, with the 目的 after them: a 概要 says what the item does, and only
   * the last paragraph before the label was taken for the 目的.
   */
  EXPECTED_EFFECTS_ARE_PART_OF_THE_PURPOSE {
    @Override
    void apply(BlockReading r) {
      for (Item it : r.items) {
        if (it.overview.size() < 2 || it.purpose.size() != 1) {
          continue;
        }
        for (int k = 1; k < it.overview.size(); k++) {
          if (Paragraphs.statesExpectedEffect(it.overview.get(k))) {
            List<List<Line>> aims = new ArrayList<>(it.overview.subList(k, it.overview.size()));
            it.overview.subList(k, it.overview.size()).clear();
            for (int a = 0; a < aims.size(); a++) {
              r.put(it.purpose, a, aims.get(a), this);
            }
            break;
          }
        }
      }
    }
  },

  /** Every 概要/目的 label pair of the head is an item, printed in the block or not. */
  ONE_ITEM_PER_PAIR {
    @Override
    void apply(BlockReading r) {
      while (r.items.size() < r.pairs) {
        r.items.add(new Item());
      }
    }
  },

  /**
   * A paragraph that ends by naming one of the project's KPIs in brackets (`…には至らなかった。（空き家
   * バンク登録件数）`) comments on that KPI: it is the 現状分析's, wherever it stands (after an item's 実施内容, in
   * the summary's run). A line that ends with such a name ends a comment, so a paragraph that runs
   * two of them together is two.
   */
  STATUS_NAMING_A_KPI {
    @Override
    void apply(BlockReading r) {
      if (r.kpiNames.isEmpty()) {
        return;
      }
      List<List<List<Line>>> slots = new ArrayList<>();
      for (Item it : r.items) {
        slots.add(it.impl);
      }
      slots.add(r.summary);
      for (List<List<Line>> slot : slots) {
        for (int k = 0; k < slot.size(); k++) {
          List<List<Line>> comments = kpiComments(r, slot.get(k));
          if (!comments.isEmpty()) {
            slot.remove(k--);
            r.putAll(r.status, comments, this);
          }
        }
      }
    }
  },

  /**
   * The 現状分析 stands after the KPI lines or between the summary and an item's name, never before the
   * ５年間の総括 label: a text at the block start right before that label is an item's text printed away
   * from its name, whose item the order does not tell (a `➭` glued to its first line is the
   * label's). A text at the block start before a name is where the 現状分析 stands when no summary is
   * printed, but it can as well be a displaced 実施内容 ({@link BlockReading#displaced}). Either stays
   * residue.
   */
  NO_STATUS_FROM_THE_BLOCK_START(
      "a text at the block start, where an item's 実施内容 printed away from its label can stand as well as the 現状分析 (or, right before the ５年間の総括 label, the summary's)") {
    @Override
    void apply(BlockReading r) {
      if (r.startBeforeSummary || r.displaced()) {
        for (List<Line> p : r.startRun) {
          if (r.status.removeIf(q -> q == p)) {
            r.setAside(p, this);
          }
        }
      }
    }
  },

  /**
   * The 現状分析 can stand inside the summary's run (between the summary and an item name), sometimes
   * as a repeat of the summary; with no 現状分析 elsewhere, take it from there: the repeated half, else
   * the one-line paragraphs after the summary's last wrapped one. Not while an item's 実施内容 is
   * displaced: a paragraph there can be that text as well.
   */
  STATUS_INSIDE_THE_SUMMARY_RUN {
    @Override
    void apply(BlockReading r) {
      List<List<Line>> summary = r.summary;
      if (!r.status.isEmpty() || summary.size() < 2 || r.displaced()) {
        return;
      }
      int half = summary.size() / 2;
      boolean repeated = summary.size() % 2 == 0;
      for (int k = 0; repeated && k < half; k++) {
        repeated =
            Paragraphs.tightText(summary.get(k))
                .equals(Paragraphs.tightText(summary.get(k + half)));
      }
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
      r.putAll(r.status, summary.subList(from, summary.size()), this);
      r.summary = new ArrayList<>(summary.subList(0, from));
    }
  },

  /**
   * While an item's 実施内容 is displaced, the one-line paragraphs after the summary's last wrapped one
   * stand where the 現状分析 can stand and can be that 実施内容 as well as the summary's own: the order
   * cannot tell, so they go to none of them. What is visibly the summary's stays: what goes on from
   * it (`しかし、…`), and what states a plan (`…制度を継続する。`), which a record of the year's work never
   * does.
   */
  SUMMARY_TAIL_WHILE_DISPLACED(
      "a one-line paragraph after the ５年間の総括: it can be the summary's as well as an item's 実施内容 printed away from its label") {
    @Override
    void apply(BlockReading r) {
      if (!r.displaced()) {
        return;
      }
      List<List<Line>> summary = r.summary;
      int k = summary.size();
      while (k > 0 && summary.get(k - 1).size() == 1) {
        k--;
      }
      while (k > 0
          && k < summary.size()
          && (Paragraphs.goesOn(summary.get(k)) || Paragraphs.statesAPlan(summary.get(k)))) {
        k++;
      }
      if (k > 0 && k < summary.size()) {
        for (List<Line> p : summary.subList(k, summary.size())) {
          r.setAside(p, this);
        }
        r.summary = new ArrayList<>(summary.subList(0, k));
      }
    }
  },

  /**
   * With no 現状分析 found yet and no summary printed, it stands between an implementation text and the
   * next item's name: the paragraphs after an item's 実施内容 and its list items (`・…`). Not while an
   * item's 実施内容 is displaced (see {@link #IMPLEMENTATION_RUN_ON_WHILE_DISPLACED}).
   */
  STATUS_AFTER_AN_IMPLEMENTATION {
    @Override
    void apply(BlockReading r) {
      if (!r.status.isEmpty() || r.displaced()) {
        return;
      }
      for (Item it : r.items) {
        int k = 1;
        while (k < it.impl.size() && it.impl.get(k).get(0).tight().startsWith("・")) {
          k++;
        }
        if (k < it.impl.size()) {
          r.putAll(r.status, it.impl.subList(k, it.impl.size()), this);
          it.impl.subList(k, it.impl.size()).clear();
          break;
        }
      }
    }
  },

  /**
   * While an item's 実施内容 is displaced, a paragraph run on after another item's 実施内容 (no label
   * between) may be that text as well as a second paragraph of the text before. The order cannot
   * tell which, so such a paragraph goes to neither item (it is reported as residue); only what
   * visibly goes on from the text before stays (a list item, a remark, a note).
   */
  IMPLEMENTATION_RUN_ON_WHILE_DISPLACED(
      "a paragraph run on after an item's 実施内容: it can be that item's as well as an item's 実施内容 printed away from its label") {
    @Override
    void apply(BlockReading r) {
      if (!r.displaced()) {
        return;
      }
      for (Item it : r.items) {
        int k = 1;
        while (k < it.impl.size() && Paragraphs.continuesText(it.impl.get(k))) {
          k++;
        }
        if (k < it.impl.size()) {
          List<List<Line>> cut = it.impl.subList(k, it.impl.size());
          for (List<Line> p : cut) {
            r.setAside(p, this);
          }
          cut.clear();
        }
      }
    }
  },

  /**
   * A paragraph set aside as no one's that records a subsidy or grant (`販路拡大支援補助金の交付：4件`,
   * `…補助金支出はなし。`) is the 実施内容 of the one displaced item that pays such a subsidy or grant (its
   * name, 概要 or 目的 says 補助 or 助成): no other item's 実施内容 can record one.
   */
  SUBSIDY_RECORD_OF_THE_SUBSIDY_ITEM {
    @Override
    void apply(BlockReading r) {
      for (List<Line> p : new ArrayList<>(r.setAside().keySet())) {
        if (Paragraphs.statesAPlan(p)) {
          continue;
        }
        String text = Paragraphs.tightText(p);
        for (String support : SUPPORT) {
          if (!text.contains(support)) {
            continue;
          }
          List<Item> paying = new ArrayList<>();
          for (Item it : displaced(r)) {
            if (ownText(it).contains(support)) {
              paying.add(it);
            }
          }
          if (paying.size() == 1) {
            r.setAside().remove(p);
            r.put(paying.get(0).impl, p, this);
            break;
          }
        }
      }
    }
  },

  /**
   * In a block where exactly one item's 実施内容 is displaced and exactly one paragraph was set aside
   * as no one's, and it records rather than plans, that paragraph is the text the label lacks: the
   * label says the item has one, and it is the only text of the block without a place.
   */
  THE_ONE_TEXT_FOR_THE_ONE_EMPTY_LABEL {
    @Override
    void apply(BlockReading r) {
      List<Item> displaced = displaced(r);
      if (displaced.size() != 1 || r.setAside().size() != 1) {
        return;
      }
      List<Line> p = r.setAside().keySet().iterator().next();
      if (!Paragraphs.statesAPlan(p)) {
        r.setAside().remove(p);
        r.put(displaced.get(0).impl, p, this);
      }
    }
  };

  /** Why a paragraph this rule sets aside is no one's; null for a rule that sets none aside. */
  private final String setAsideReason;

  Repair() {
    this(null);
  }

  Repair(String setAsideReason) {
    this.setAsideReason = setAsideReason;
  }

  @Override
  public String setAsideReason() {
    return setAsideReason;
  }

  abstract void apply(BlockReading r);

  /** The words of paying a subsidy (補助金, 補助する) or a grant (助成金, 助成を行った). */
  private static final List<String> SUPPORT = List.of("補助", "助成");

  /** The items whose label has no text of its own next to it. */
  static List<Item> displaced(BlockReading r) {
    List<Item> out = new ArrayList<>();
    for (Item it : r.items) {
      if (it.label != null && it.impl.isEmpty()) {
        out.add(it);
      }
    }
    return out;
  }

  /** An item's name, 概要 and 目的, tight. */
  private static String ownText(Item it) {
    StringBuilder b = new StringBuilder();
    if (it.name != null) {
      for (Line l : it.name) {
        b.append(l.tight());
      }
    }
    b.append(Paragraphs.joinedTight(it.overview)).append(Paragraphs.joinedTight(it.purpose));
    return b.toString();
  }

  /** `…を目的として開催。`: a label text that is a 目的. */
  private static final Pattern FLOATING_PURPOSE = Pattern.compile("目的と(する|して[^。]{0,8})。$");

  /** `観光客誘致促進のため、…を制作する。`: an aim and a plan, not a record of what was done. */
  private static final Pattern AIM_AND_PLAN = Pattern.compile("^[^、。]{1,20}のため、[^。]*する。$");

  /**
   * The paragraph cut after each line that ends a `(KPI name)` of the project, when its last line
   * does; else empty (the paragraph comments on no KPI).
   */
  private static List<List<Line>> kpiComments(BlockReading r, List<Line> paragraph) {
    List<List<Line>> out = new ArrayList<>();
    int from = 0;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < paragraph.size(); i++) {
      text.append(paragraph.get(i).tight());
      if (endsNamingAKpi(r, text.toString())) {
        out.add(List.copyOf(paragraph.subList(from, i + 1)));
        from = i + 1;
        text.setLength(0);
      }
    }
    return from == paragraph.size() ? out : List.of();
  }

  private static boolean endsNamingAKpi(BlockReading r, String tight) {
    if (!tight.endsWith(")")) {
      return false;
    }
    int open = tight.lastIndexOf('(');
    return open >= 0 && r.kpiNames.contains(tight.substring(open + 1, tight.length() - 1));
  }

  /** The one item with a 概要 but no 目的, or null when there is none or more than one. */
  private static Item onlyOneLackingPurpose(BlockReading r) {
    Item lacking = null;
    int count = 0;
    for (Item it : r.items) {
      if (it.lacksPurpose()) {
        lacking = it;
        count++;
      }
    }
    return count == 1 ? lacking : null;
  }

  /**
   * How a name standing alone above paragraphs ({@link Placement#TEXT_UNDER_NAME}) is settled: by
   * the first of these that fits.
   */
  enum NameAbove implements ReadingRule {
    /**
     * The same text printed twice: the item that already has it as its only text is this name's
     * item, and the two copies are its 概要 and 目的 (both printed, and printed the same).
     */
    SAME_TEXT_TWICE {
      @Override
      boolean settle(BlockReading r, LoneName n, boolean lastChance) {
        String text = Paragraphs.joinedTight(n.paras());
        for (Item it : r.items) {
          if (it.lacksPurpose() && Paragraphs.joinedTight(it.overview).equals(text)) {
            if (it.name == null) {
              r.name(it, n.name(), this);
            }
            r.putAll(it.purpose, it.overview, this);
            it.overview.clear();
            r.putAll(it.overview, n.paras(), this);
            return true;
          }
        }
        return false;
      }
    },

    /**
     * A lone 概要 under a name while no item is empty, and an unnamed item's 概要 was the summary's
     * last paragraph ({@link Placement#LABEL_TEXT_THEN_OWN_TEXTS}): that paragraph is the summary's
     * after all, and this one is the item's 概要.
     */
    SUMMARY_TAIL_WAS_NO_OVERVIEW {
      @Override
      boolean settle(BlockReading r, LoneName n, boolean lastChance) {
        if (emptyItem(r) != null
            || n.paras().size() != 1
            || Paragraphs.readsAsPurpose(n.paras().get(0))) {
          return false;
        }
        for (Map.Entry<Item, List<Line>> en : r.afterSummary.entrySet()) {
          Item it = en.getKey();
          if (it.name == null && it.overview.size() == 1 && it.overview.get(0) == en.getValue()) {
            r.put(r.summary, it.overview.remove(0), this);
            r.put(it.overview, n.paras().get(0), this);
            r.name(it, n.name(), this);
            return true;
          }
        }
        return false;
      }
    },

    /**
     * The texts of an item whose label had none (no name, no 概要), named by this name; not the last
     * name of a block with no 現状分析 elsewhere.
     */
    TEXTS_OF_AN_EMPTY_ITEM {
      @Override
      boolean settle(BlockReading r, LoneName n, boolean lastChance) {
        Item target = emptyItem(r);
        if (target == null || lastChance) {
          return false;
        }
        r.name(target, n.name(), this);
        if (!target.purpose.isEmpty()) {
          r.putAll(target.overview, n.paras(), this);
        } else {
          r.splitOwn(target, n.paras(), this);
        }
        return true;
      }
    },

    /** Else the name is an item's whose texts came first, and the text under it is the 現状分析. */
    STATUS_UNDER_A_NAME {
      @Override
      boolean settle(BlockReading r, LoneName n, boolean lastChance) {
        r.putAll(r.status, n.paras(), this);
        return true;
      }
    };

    abstract boolean settle(BlockReading r, LoneName n, boolean lastChance);

    /** The first item with no name and no 概要, or null. */
    private static Item emptyItem(BlockReading r) {
      for (Item it : r.items) {
        if (it.name == null && it.overview.isEmpty()) {
          return it;
        }
      }
      return null;
    }
  }
}
