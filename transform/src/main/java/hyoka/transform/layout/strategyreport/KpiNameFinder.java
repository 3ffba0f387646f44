package hyoka.transform.layout.strategyreport;

import hyoka.transform.FoldedText;
import hyoka.transform.PrintedValue;
import hyoka.transform.Texts;
import hyoka.transform.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the KPI name lines (name plus the report year's actual) in a project's narrative block. A
 * candidate must carry a value whose unit agrees with the project's value rows, so amounts in the
 * texts (`…修繕 423,500円` in a project counted in 人) are not taken for actuals.
 */
final class KpiNameFinder {
  /** A name longer than this is a sentence, not a KPI name. */
  private static final int MAX_NAME = 45;

  private static final int MIN_NAME = 4;

  /** A wrapped KPI name's lines are short; a longer line is text. */
  private static final int MAX_NAME_LINE = 25;

  private static final int MAX_BASIS_LINE = 80;

  List<KpiNameLine> find(List<Line> body, Set<String> rowUnits) {
    List<KpiNameLine> out = new ArrayList<>();
    Set<Line> used = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      Line l = body.get(i);
      if (!l.is(LineKind.TEXT) && !l.is(LineKind.NUMBERS)) {
        continue;
      }
      PrintedValue single = Values.single(l.text());
      PrintedValue bare = bareBesideAWord(l, single, rowUnits);
      if (bare == null) {
        bare = single;
      }
      if (bare != null) {
        if (!compatible(bare, rowUnits)) {
          continue;
        }
        List<Line> names = new ArrayList<>();
        for (int k = i - 1; k >= 0 && names.size() < 2; k--) {
          Line p = body.get(k);
          if (!isNamePart(p) || used.contains(p)) {
            break;
          }
          names.add(0, p);
        }
        if (names.isEmpty()) {
          continue;
        }
        StringBuilder name = new StringBuilder();
        for (Line n : names) {
          name.append(n.printed().strip());
        }
        List<Line> lines = new ArrayList<>(names);
        lines.add(l);
        used.addAll(lines);
        out.add(new KpiNameLine(name.toString(), bare, lines, basis(body, i + 1)));
        continue;
      }
      if (!l.is(LineKind.TEXT)) {
        continue;
      }
      Values.NameValue nv = Values.nameAndValue(l.text());
      Values.NameValue worded = besideAWord(l, nv, rowUnits);
      if (worded != null) {
        used.add(l);
        out.add(new KpiNameLine(worded.name(), worded.value(), List.of(l), basis(body, i + 1)));
        continue;
      }
      if (nv == null && isNameWithoutValue(body, i)) {
        // the report year's actual cell left empty: the name still stands under 実績値; or the
        // actual printed glued to the name (交通事故件数173件): the name before it, the actual NULL
        Values.NameValue glued = Values.nameAndGluedValue(l.text());
        used.add(l);
        PrintedValue g = glued == null ? null : inRowUnit(glued.value(), rowUnits);
        if (g != null && isNounPhrase(FoldedText.tight(Texts.fold(glued.name())), MAX_NAME)) {
          out.add(new KpiNameLine(glued.name(), g, List.of(l), basis(body, i + 1)));
        } else {
          out.add(
              new KpiNameLine(
                  l.printed().strip(), PrintedValue.notPrinted(), List.of(l), basis(body, i + 1)));
        }
        continue;
      }
      if (nv == null || !compatible(nv.value(), rowUnits)) {
        continue;
      }
      if (!isNounPhrase(FoldedText.tight(Texts.fold(nv.name())), MAX_NAME)) {
        continue;
      }
      used.add(l);
      out.add(new KpiNameLine(nv.name(), nv.value(), List.of(l), basis(body, i + 1)));
    }
    return out;
  }

  /**
   * A value alone on its line under the name with a word hyoka does not know touching its number
   * ({@code たぶん81.40}, {@code 81.40たぶん}, {@link Values#singleAfterAWord}, {@link
   * Values#withoutWordAfterUnit}): NULL {@code unparseable} with its printed text, where its unit
   * is the rows' as a number's would be; else null. {@code read} is the line's {@link
   * Values#single}.
   */
  private static PrintedValue bareBesideAWord(Line l, PrintedValue read, Set<String> rowUnits) {
    PrintedValue v = Values.singleAfterAWord(l.text());
    if (v == null) {
      if (read == null || !read.isKnown() || compatible(read, rowUnits)) {
        return null;
      }
      v = Values.withoutWordAfterUnit(read, rowUnits);
    }
    return v == null ? null : inRowUnit(v, rowUnits);
  }

  /**
   * A NULL value with the unit a number of the rows' would print: its own, or the rows' unit its
   * unit starts with when a word of hiragana follows it ({@code 件たぶん}); null when it has none.
   */
  private static PrintedValue inRowUnit(PrintedValue v, Set<String> rowUnits) {
    String unit = v.unit();
    if (unit != null && !rowUnits.contains(unit)) {
      // a word after the number too (たぶん173件たぶん): the unit took it in
      unit = Values.rowUnitBeforeWord(unit, rowUnits);
      if (unit == null) {
        return null;
      }
      v = PrintedValue.missing(v.printed(), unit, v.nullReason());
    }
    return unitFits(unit, rowUnits) ? v : null;
  }

  /** Whether a number of this unit could be the actual of the rows'. */
  private static boolean unitFits(String unit, Set<String> rowUnits) {
    return unit != null
        ? rowUnits.contains(unit)
        : rowUnits.isEmpty() || rowUnits.equals(Set.of("%"));
  }

  /**
   * A name line whose value prints a word hyoka does not know touching its number ({@code 交通事故件数
   * たぶん173件}, {@code 交通事故件数 173件たぶん}, {@link Values#nameAndValueBesideAWord}): the name up to the
   * word, the value NULL {@code unparseable} with its printed text and the rows' unit; null when
   * the line is no such one. Its unit must be the rows' as a number's would be (a line of another
   * unit is text, as it is with a number), and the name a noun phrase.
   */
  private static Values.NameValue besideAWord(Line l, Values.NameValue read, Set<String> rowUnits) {
    Values.NameValue nv = Values.nameAndValueBesideAWord(l.text(), read);
    if (nv == null
        && read != null
        && read.value().isKnown()
        && !compatible(read.value(), rowUnits)) {
      PrintedValue w = Values.withoutWordAfterUnit(read.value(), rowUnits);
      nv = w == null ? null : new Values.NameValue(read.name(), w);
    }
    if (nv == null) {
      return null;
    }
    PrintedValue v = inRowUnit(nv.value(), rowUnits);
    if (v == null || !isNounPhrase(FoldedText.tight(Texts.fold(nv.name())), MAX_NAME)) {
      return null;
    }
    return new Values.NameValue(nv.name(), v);
  }

  /**
   * A KPI name printed with its actual cell empty: the first line under the block's 実績値 head, a
   * noun phrase (as a name with a value is), with no value of its own and none on the two lines
   * after (a name wrapped before its value, or a percentage's bare value under its name).
   */
  private static boolean isNameWithoutValue(List<Line> body, int i) {
    if (i == 0 || !body.get(i - 1).is(LineKind.ACTUAL_HEAD)) {
      return false;
    }
    Line l = body.get(i);
    if (!isNounPhrase(l.tight(), MAX_NAME_LINE) || Values.single(l.text()) != null) {
      return false;
    }
    // a wrapped name goes on on the next lines, up to its value
    for (int k = i + 1; k < body.size() && k <= i + 2; k++) {
      Line next = body.get(k);
      if (Values.single(next.text()) != null || Values.singleAfterAWord(next.text()) != null) {
        return false;
      }
      Values.NameValue nv = Values.nameAndValue(next.text());
      if (nv != null || Values.nameAndValueBesideAWord(next.text(), nv) != null) {
        return false;
      }
    }
    return true;
  }

  /** A KPI name is a noun phrase: not a sentence, not a bullet, not a two-char word (延べ). */
  private static boolean isNounPhrase(String tight, int maxLength) {
    return tight.length() <= maxLength
        && tight.length() >= MIN_NAME
        && !tight.contains("。")
        && !tight.startsWith("・");
  }

  private static boolean isNamePart(Line l) {
    if (!l.is(LineKind.TEXT)) {
      return false;
    }
    String t = l.tight();
    return t.length() <= MAX_NAME_LINE && !t.endsWith("。") && !t.startsWith("・");
  }

  /**
   * The lines of {@code body} not in {@code taken} that read like a KPI name and its actual
   * whatever the unit (a noun phrase and a value), with the basis lines after them: where a row got
   * no name line, one of these may be it.
   */
  Set<Line> lookalikes(List<Line> body, Set<Line> taken) {
    Set<Line> out = new java.util.LinkedHashSet<>();
    for (int i = 0; i < body.size(); i++) {
      Line l = body.get(i);
      if (!l.is(LineKind.TEXT) || taken.contains(l)) {
        continue;
      }
      Values.NameValue nv = Values.nameAndValue(l.text());
      if (nv == null || !nv.value().isKnown()) {
        continue;
      }
      if (!isNounPhrase(FoldedText.tight(Texts.fold(nv.name())), MAX_NAME)) {
        continue;
      }
      out.add(l);
      for (Line b : basis(body, i + 1)) {
        if (!taken.contains(b)) {
          out.add(b);
        }
      }
    }
    return out;
  }

  /** The basis of the target: the line after the value, and a second one it continues into. */
  private static List<Line> basis(List<Line> body, int from) {
    if (from >= body.size()) {
      return List.of();
    }
    Line first = body.get(from);
    if (!first.is(LineKind.TEXT) && !first.is(LineKind.NOTE)) {
      return List.of();
    }
    String f = first.folded();
    if (first.tight().endsWith("。") || first.tight().length() > MAX_BASIS_LINE) {
      return List.of();
    }
    List<Line> out = new ArrayList<>();
    out.add(first);
    // a basis printed in two columns ends its first line with a run of spaces or a '~'; a
    // wrapped one leaves a parenthesis open (`5事業(…、海外販路` / `拡大支援事業:90)の計 ～ …`)
    if (from + 1 < body.size()
        && (f.endsWith("   ") || f.strip().endsWith("~") || count(f, '(') > count(f, ')'))) {
      Line second = body.get(from + 1);
      if (second.is(LineKind.TEXT) && !second.folded().strip().endsWith("。")) {
        out.add(second);
      }
    }
    return out;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  static boolean compatible(PrintedValue v, Set<String> rowUnits) {
    if (v.unit() != null) {
      return rowUnits.contains(v.unit()) || !v.isKnown() && rowUnits.isEmpty();
    }
    if (!v.isKnown()) {
      return true;
    }
    return rowUnits.isEmpty() || rowUnits.equals(Set.of("%"));
  }
}
