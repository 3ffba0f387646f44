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
