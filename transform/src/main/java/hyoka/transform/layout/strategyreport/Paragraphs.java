package hyoka.transform.layout.strategyreport;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run of text lines into paragraphs without relying on blank lines (producers differ on
 * them): a line wrapped by the layout is long and does not end a sentence, so a paragraph ends at a
 * line that ends with 。 or is short, unless the next line carries on with a connective (また、なお、…).
 */
final class Paragraphs {
  private Paragraphs() {}

  /** A line shorter than this (folded, in chars) was not wrapped by the layout. */
  static final int SHORT = 40;

  /** The connectives that open a line going on from the one before (また、なお、…). */
  static final List<String> CONNECTIVES = List.of("また", "なお", "さらに", "併せて", "あわせて", "ただし", "加えて");

  static List<List<Line>> split(List<Line> run) {
    List<List<Line>> out = new ArrayList<>();
    List<Line> cur = new ArrayList<>();
    for (int i = 0; i < run.size(); i++) {
      Line l = run.get(i);
      cur.add(l);
      boolean last = i == run.size() - 1;
      Line next = last ? null : run.get(i + 1);
      boolean ends =
          last
              || (endsParagraph(l) || endsWithoutStop(l, next))
                  && !startsWithAny(next.tight(), CONNECTIVES);
      if (ends) {
        out.add(cur);
        cur = new ArrayList<>();
      }
    }
    return out;
  }

  static boolean endsParagraph(Line l) {
    // a ＜item＞ sub-heading belongs to the paragraph under it
    if (isSubHeading(l)) {
      return false;
    }
    // lengths without spaces: producers differ on the spaces they insert
    return l.tight().endsWith("。") || l.tight().length() < SHORT;
  }

  private static final List<String> NOUN_ENDS = List.of("事業", "もの", "ため");
  private static final List<String> PARTICLES =
      List.of("を", "に", "の", "は", "が", "と", "で", "や", "へ", "及び", "等", "、");

  /** A paragraph can end without 。 on a noun (…につなげる事業) when the next line does not go on. */
  private static boolean endsWithoutStop(Line l, Line next) {
    return endsWithAny(l.tight(), NOUN_ENDS) && !startsWithAny(next.tight(), PARTICLES);
  }

  /** Whether t starts with one of the words. */
  static boolean startsWithAny(String t, List<String> words) {
    for (String w : words) {
      if (t.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether t ends with one of the words. */
  static boolean endsWithAny(String t, List<String> words) {
    for (String w : words) {
      if (t.endsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /** Whether t ends with one of the words, or with one of them and 。. */
  static boolean endsAsSentenceWith(String t, List<String> words) {
    return endsWithAny(t, words)
        || t.endsWith("。") && endsWithAny(t.substring(0, t.length() - 1), words);
  }

  /** How a lone paragraph that says it is a 目的 ends (…を目的とする。, …を図るため。). */
  private static final List<String> PURPOSE_ENDS = List.of("目的とする", "目的としている", "図る", "目指す", "ため");

  /**
   * How a 目的 ends, for telling two 概要/目的 pairs printed one after the other: also …に寄与する, which
   * alone would not tell a 目的 from a 概要 (an overview can say what it contributes to).
   */
  private static final List<String> PAIR_PURPOSE_ENDS =
      List.of("目的とする", "目的としている", "図る", "目指す", "ため", "寄与する");

  /** A paragraph that starts like this goes on from the one before it: the connectives and more. */
  private static final List<String> GOES_ON = goesOnWords();

  private static List<String> goesOnWords() {
    List<String> words = new ArrayList<>(List.of("しかし", "一方"));
    words.addAll(CONNECTIVES);
    return List.copyOf(words);
  }

  /** A paragraph that says it is a 目的 (…を目的とする。): a lone one is an item's 目的, not its 概要. */
  static boolean statesPurpose(List<Line> paragraph) {
    return endsAsSentenceWith(paragraph.get(paragraph.size() - 1).tight(), PURPOSE_ENDS);
  }

  private static final List<String> EXPECTATIONS = List.of("期待できる。", "期待される。");

  /** A paragraph that ends by saying what is expected to come of it (…の高揚が期待できる。). */
  static boolean statesExpectedEffect(List<Line> paragraph) {
    return endsWithAny(paragraph.get(paragraph.size() - 1).tight(), EXPECTATIONS);
  }

  /** How a sentence that says what will be done ends: …を継続する。, …していく。 (not …した。). */
  private static final List<String> PLAN_ENDS = List.of("する。", "していく。");

  /** A paragraph that ends by saying what will be done: a plan, not a record of what was. */
  static boolean statesAPlan(List<Line> paragraph) {
    return endsWithAny(paragraph.get(paragraph.size() - 1).tight(), PLAN_ENDS);
  }

  /** A paragraph that ends the way a 目的 does. */
  static boolean readsAsPurpose(List<Line> paragraph) {
    return endsAsPurpose(paragraph.get(paragraph.size() - 1).tight());
  }

  /** A line (tight form) that ends the way a 目的 does (…を図る。, …に寄与する。). */
  static boolean endsAsPurpose(String tight) {
    return endsAsSentenceWith(tight, PAIR_PURPOSE_ENDS);
  }

  /**
   * Four or more paragraphs where the second and the last read as a 目的 and the first and third do
   * not: two 概要/目的 pairs (or more 概要 for the second), not one item with a long 概要.
   */
  static boolean isTwoPairs(List<List<Line>> paras) {
    if (paras.size() < 4) {
      return false;
    }
    return !readsAsPurpose(paras.get(0))
        && readsAsPurpose(paras.get(1))
        && !readsAsPurpose(paras.get(2))
        && readsAsPurpose(paras.get(paras.size() - 1));
  }

  /** A paragraph that starts by going on from the one before (しかし、…, また、…). */
  static boolean goesOn(List<Line> paragraph) {
    return startsWithAny(paragraph.get(0).tight(), GOES_ON);
  }

  /**
   * A paragraph that visibly goes on from the one before: a list item (`・…`), a remark in brackets
   * (`（…）`), a note (`※…`).
   */
  static boolean continuesText(List<Line> paragraph) {
    String t = paragraph.get(0).tight();
    return t.startsWith("・") || t.startsWith("(") || t.startsWith("※");
  }

  /** A paragraph's lines in tight form, joined: to compare texts however they were wrapped. */
  static String tightText(List<Line> paragraph) {
    StringBuilder b = new StringBuilder();
    for (Line l : paragraph) {
      b.append(l.tight());
    }
    return b.toString();
  }

  /** Paragraphs in tight form, joined. */
  static String joinedTight(List<List<Line>> paras) {
    StringBuilder b = new StringBuilder();
    for (List<Line> p : paras) {
      b.append(tightText(p));
    }
    return b.toString();
  }

  /** `＜海外販路拡大支援事業＞`: an item's heading inside a summary or 現状分析. */
  static boolean isSubHeading(Line l) {
    String t = l.tight();
    return t.startsWith("<") && t.endsWith(">");
  }

  /** Wrapped lines joined as printed; paragraphs separated by a newline. */
  static String text(List<List<Line>> paragraphs) {
    StringBuilder b = new StringBuilder();
    for (List<Line> p : paragraphs) {
      if (b.length() > 0) {
        b.append('\n');
      }
      for (Line l : p) {
        String s = l.printed().strip();
        if (s.startsWith("➭")) {
          s = s.substring(1).strip();
        }
        b.append(s);
        if (isSubHeading(l)) {
          b.append('\n');
        }
      }
    }
    return b.toString();
  }
}
