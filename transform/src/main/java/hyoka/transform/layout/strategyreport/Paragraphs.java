package hyoka.transform.layout.strategyreport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a run of text lines into paragraphs without relying on blank lines (producers differ on
 * them): a line wrapped by the layout is long and does not end a sentence, so a paragraph ends at a
 * line that ends with 。 or is short, unless the next line carries on with a connective (また、なお、…).
 */
final class Paragraphs {
  private Paragraphs() {}

  /** A line shorter than this (folded, in chars) was not wrapped by the layout. */
  static final int SHORT = 40;

  private static final Pattern CONTINUES = Pattern.compile("^(また|なお|さらに|併せて|あわせて|ただし|加えて)");

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
                  && !(startsWithOneOf(next.tight(), "まなさ併あた加")
                      && CONTINUES.matcher(next.tight()).find());
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

  private static final Pattern NOUN_END = Pattern.compile("(事業|もの|ため)$");
  private static final Pattern PARTICLE_START = Pattern.compile("^(を|に|の|は|が|と|で|や|へ|及び|等|、)");

  /** A paragraph can end without 。 on a noun (…につなげる事業) when the next line does not go on. */
  private static boolean endsWithoutStop(Line l, Line next) {
    return endsNear(l.tight(), 3, "業のめ")
        && NOUN_END.matcher(l.tight()).find()
        && !(startsWithOneOf(next.tight(), "をにのはがとでやへ及等、")
            && PARTICLE_START.matcher(next.tight()).find());
  }

  /**
   * Whether t starts with one of chars: a pattern anchored at the start can only match then, and
   * most lines fail this cheaper test.
   */
  static boolean startsWithOneOf(String t, String chars) {
    return !t.isEmpty() && chars.indexOf(t.charAt(0)) >= 0;
  }

  /**
   * Whether one of the last n chars of t is one of chars: a pattern anchored at the end (where $
   * also matches before a final line break) can only match then, and most lines fail this cheaper
   * test.
   */
  static boolean endsNear(String t, int n, String chars) {
    for (int i = Math.max(0, t.length() - n); i < t.length(); i++) {
      if (chars.indexOf(t.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
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
