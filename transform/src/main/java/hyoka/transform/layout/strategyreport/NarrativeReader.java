package hyoka.transform.layout.strategyreport;

import hyoka.transform.BudgetItem;
import hyoka.transform.Narrative;
import hyoka.transform.NarrativeKind;
import hyoka.transform.ResidueClass;
import hyoka.transform.layout.strategyreport.BlockReading.El;
import hyoka.transform.layout.strategyreport.BlockReading.ElType;
import hyoka.transform.layout.strategyreport.BlockReading.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a project's budget items and commentary from its narrative block.
 *
 * <p>Each 《…実施内容》 label anchors one budget item: the paragraphs right before it are the item's 概要
 * and 目的 (the last one is the 目的), the text after it is the implementation. A name-like line
 * (ending in 費, 金, 事業, …) right before those paragraphs is the item's name. Text after the ５年間の総括
 * label is the summary; text after the KPI lines is the 現状分析. That is the {@link Placement} of each
 * run of text by where it stands. The reading order has traps (docs/report-format.md), each handled
 * by a named {@link Repair} as a pattern, in a fixed order. Where the order cannot tell whose a
 * 実施内容 is, it stays NULL and {@link BudgetItem#note()} says why; a paragraph that could be that
 * text is then no one's and is left as residue. Every text read comes with the rule that decided it
 * ({@link Result#decisions()}).
 */
final class NarrativeReader {
  /** How an item's name ends (…事業費, …補助金, …業務). */
  private static final List<String> NAME_ENDS = List.of("費", "金", "事業", "業務");

  private static final int MAX_NAME = 40;

  /**
   * The items and texts read, the lines they used, the block's lines set aside as residue (in block
   * order, with their class), which rule decided each text, and why each line of a paragraph that
   * no rule could attribute is no one's (the note of its residue line).
   */
  record Result(
      List<BudgetItem> items,
      List<Narrative> narratives,
      Set<Line> used,
      Map<Line, ResidueClass> residue,
      List<Decision> decisions,
      Map<Line, String> unattributed) {}

  /**
   * Where a rule put one paragraph or name.
   *
   * @param slot {@code N NAME}, {@code N OVERVIEW}, {@code N PURPOSE}, {@code N IMPLEMENTATION} for
   *     budget item N, {@code FIVE_YEAR_SUMMARY}, {@code STATUS_ANALYSIS}, or {@code RESIDUE} for a
   *     paragraph set aside as no one's
   * @param text the paragraph or name as {@link Narrative#text()} prints it
   * @param rule the rule that put it there last
   */
  record Decision(String slot, String text, ReadingRule rule) {}

  /**
   * What the rest of the report says about the block's project.
   *
   * @param kpiLines the block's lines the KPI reader took (KPI names, values, bases)
   * @param kpiNames the project's KPI names as printed
   * @param pairs the number of 概要/目的 label pairs of the project's head (its item count)
   * @param headPage the page of the project's head, for an item that prints nothing at all
   * @param gluedToPurpose the lines of text glued to a head's `目的：` label: a paragraph that starts
   *     with one is printed in a 目的 cell
   */
  record Context(
      Set<Line> kpiLines,
      List<String> kpiNames,
      int pairs,
      int headPage,
      Set<Line> gluedToPurpose) {
    Context {
      kpiNames = List.copyOf(kpiNames);
    }
  }

  Result read(List<Line> body, Context context) {
    Map<Line, ResidueClass> residue = new LinkedHashMap<>();
    BlockReading r =
        new BlockReading(elements(body, context.kpiLines(), residue), context, residue);
    Placement.placeAll(r);
    for (Repair repair : Repair.values()) {
      repair.apply(r);
    }
    return result(r, context.headPage());
  }

  private static Result result(BlockReading r, int headPage) {
    Set<Line> used = new HashSet<>();
    List<BudgetItem> budget = new ArrayList<>();
    List<Narrative> narratives = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    for (int k = 0; k < r.items.size(); k++) {
      Item it = r.items.get(k);
      int no = k + 1;
      String ov = textOf(it.overview, used);
      String pu = textOf(it.purpose, used);
      String im = textOf(it.impl, used);
      String name = it.name == null ? null : joined(it.name);
      if (it.name != null) {
        used.addAll(it.name);
        decisions.add(new Decision(no + " NAME", name, r.placedBy(it.name)));
      }
      int page = firstPage(it, headPage);
      budget.add(new BudgetItem(no, name, ov, pu, im, page, noteOf(it, im)));
      addNarrative(narratives, no, NarrativeKind.OVERVIEW, ov, it.overview);
      addNarrative(narratives, no, NarrativeKind.PURPOSE, pu, it.purpose);
      addNarrative(narratives, no, NarrativeKind.IMPLEMENTATION, im, it.impl);
      decide(decisions, r, no + " " + NarrativeKind.OVERVIEW, it.overview);
      decide(decisions, r, no + " " + NarrativeKind.PURPOSE, it.purpose);
      decide(decisions, r, no + " " + NarrativeKind.IMPLEMENTATION, it.impl);
    }
    String sum = textOf(r.summary, used);
    addNarrative(narratives, null, NarrativeKind.FIVE_YEAR_SUMMARY, sum, r.summary);
    decide(decisions, r, NarrativeKind.FIVE_YEAR_SUMMARY.name(), r.summary);
    String st = textOf(r.status, used);
    addNarrative(narratives, null, NarrativeKind.STATUS_ANALYSIS, st, r.status);
    decide(decisions, r, NarrativeKind.STATUS_ANALYSIS.name(), r.status);
    Map<Line, String> unattributed = new LinkedHashMap<>();
    List<String> lacking = new ArrayList<>();
    for (Item it : Repair.displaced(r)) {
      lacking.add(it.name == null ? "item " + (r.items.indexOf(it) + 1) : joined(it.name));
    }
    for (Map.Entry<List<Line>, ReadingRule> e : r.setAside().entrySet()) {
      decisions.add(new Decision("RESIDUE", Paragraphs.text(List.of(e.getKey())), e.getValue()));
      String why =
          "not attributed: "
              + e.getValue().setAsideReason()
              + (lacking.isEmpty()
                  ? ""
                  : "; items without their 実施内容: " + String.join(", ", lacking));
      for (Line l : e.getKey()) {
        unattributed.put(l, why);
      }
    }
    return new Result(budget, narratives, used, r.residue, decisions, unattributed);
  }

  private static void decide(
      List<Decision> out, BlockReading r, String slot, List<List<Line>> paras) {
    for (List<Line> p : paras) {
      out.add(new Decision(slot, Paragraphs.text(List.of(p)), r.placedBy(p)));
    }
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

  /** A name's lines as printed, joined. */
  private static String joined(List<Line> name) {
    StringBuilder b = new StringBuilder();
    for (Line l : name) {
      b.append(l.printed().strip());
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
      return it.name.get(0).page();
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
        if (els.isEmpty() || !els.get(els.size() - 1).is(ElType.KPI)) {
          els.add(new El(ElType.KPI, l));
        }
        continue;
      }
      switch (l.kind()) {
        case NUMBERS, CHART_LEGEND, CHART_AXIS -> residue.put(l, ResidueClass.CHART_LABEL);
        case TARGET_HEAD, ACTUAL_HEAD, YEAR_HEAD -> {
          residue.put(l, ResidueClass.SECTION_LABEL);
          els.add(new El(ElType.BOUNDARY, l));
        }
        case SUMMARY_RANGE -> residue.put(l, ResidueClass.SECTION_LABEL);
        case IMPL_LABEL, SUMMARY_LABEL -> {
          residue.put(l, ResidueClass.SECTION_LABEL);
          els.add(new El(l.is(LineKind.IMPL_LABEL) ? ElType.IMPL : ElType.SUMMARY, l));
          String glued = LineClassifier.gluedText(l);
          if (!glued.isEmpty()) {
            els.add(new El(ElType.TEXT, classifier.classify(l.page(), l.lineNo(), glued)));
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
                    && els.get(els.size() - 1).is(ElType.NAME)
                    && els.get(els.size() - 1).line() == before;
            if (isName(l) && afterBreak && !afterName) {
              // a name wraps before its parenthesised part, as project names do in the head:
              // 小樽産品商品力・販売力向上事業費 / （Ｈ31年度：稼ぐ力向上実践事業）
              Line next = i + 1 < body.size() ? body.get(i + 1) : null;
              if (next != null && !kpiUsed.contains(next) && isParenthesisedPart(next)) {
                els.add(new El(ElType.NAME, l, List.of(l, next)));
                i++;
              } else {
                els.add(new El(ElType.NAME, l));
              }
            } else {
              els.add(new El(ElType.TEXT, l));
            }
          }
        }
        default -> {
          residue.put(l, ResidueClass.UNKNOWN);
          els.add(new El(ElType.BOUNDARY, l));
        }
      }
    }
    return els;
  }

  /** A text line that is one parenthesised part and nothing else: `（Ｈ31年度：稼ぐ力向上実践事業）`. */
  static boolean isParenthesisedPart(Line l) {
    String t = l.tight();
    if (!l.is(LineKind.TEXT) || t.length() < 2 || t.charAt(0) != '(') {
      return false;
    }
    int depth = 0;
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0 && k < t.length() - 1) {
        return false;
      }
    }
    return depth == 0;
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
