package hyoka.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads printed KPI values (`1,199件`, `87.30%`, `―件`, `（後日報告）人`, `未確定`) from the folded form of a
 * line, keeping each value's exact printed text. Spaces a producer inserts between a number and its
 * unit are allowed; spaces between values separate them.
 */
public final class Values {
  private Values() {}

  /** ― (U+2015), - (from －), — (U+2014), ‐ (U+2010), ‒ (U+2012). */
  private static final String DASHES = "―\\-—‐‒";

  private static final String UNIT = "[^\\s\\d.,+" + DASHES + "()\\[\\]:/~]+";

  /** A unit, possibly split by a producer's space before Latin letters (`千 t`). */
  private static final String UNIT_SPACED = UNIT + "(?: [A-Za-z]+)?";

  private static final Pattern TOKEN =
      Pattern.compile(
          "(?:(?<num>[+\\-]?\\d[\\d,]*(?:\\.\\d+)?)|(?<dash>["
              + DASHES
              + "])|(?<pend>\\(後日報告\\))"
              + "|(?<und>未確定))(?: ?(?<unit>"
              + UNIT_SPACED
              + "))?");
  private static final Pattern NAME_AND_VALUE =
      Pattern.compile(
          "^(?<name>.*?\\S) +(?<tok>(?:[+\\-]?\\d[\\d,]*(?:\\.\\d+)?|["
              + DASHES
              + "]|\\(後日報告\\)|未確定)"
              + "(?: ?"
              + UNIT_SPACED
              + ")?) *$");

  /**
   * One value found in a folded line.
   *
   * @param start its first char in the folded text
   * @param end the char after it in the folded text
   */
  public record Token(int start, int end, PrintedValue value) {}

  /** All values when the whole line is a sequence of values, else an empty list. */
  public static List<Token> tokens(FoldedText text) {
    String f = text.folded();
    int i = skipSpaces(f, 0);
    if (i < f.length() && !canStartToken(f.charAt(i))) {
      // most lines are text: no need for the pattern to find that out
      return List.of();
    }
    List<Token> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(f);
    while (i < f.length()) {
      m.region(i, f.length());
      if (!m.lookingAt()) {
        return List.of();
      }
      int end = m.end();
      if (end < f.length() && f.charAt(end) != ' ') {
        return List.of();
      }
      out.add(new Token(m.start(), end, valueOf(m, text)));
      i = skipSpaces(f, end);
    }
    return out;
  }

  /** A single value standing alone on a line (`9世帯`, `81.40`, `―`), or null. */
  public static PrintedValue single(FoldedText text) {
    List<Token> t = tokens(text);
    return t.size() == 1 ? t.get(0).value() : null;
  }

  /** A name followed by a value (`交通事故件数 173件`), or null when the line does not end so. */
  public static NameValue nameAndValue(FoldedText text) {
    if (!hasSpaceBeforeToken(text.folded())) {
      // the value follows a space: without one, no need for the (backtracking) pattern
      return null;
    }
    Matcher m = NAME_AND_VALUE.matcher(text.folded());
    if (!m.matches()) {
      return null;
    }
    FoldedText tok = FoldedText.of(m.group("tok"));
    Matcher t = TOKEN.matcher(tok.folded());
    if (!t.matches()) {
      return null;
    }
    PrintedValue v = valueOf(t, tok);
    String printed = text.printedOf(m.start("tok"), m.end("tok")).strip();
    v = new PrintedValue(printed, v.value(), v.unit(), v.nullReason());
    return new NameValue(text.printedOf(0, m.end("name")).strip(), v);
  }

  /** A line read as a KPI name and the value printed after it. */
  public record NameValue(String name, PrintedValue value) {}

  private static PrintedValue valueOf(Matcher m, FoldedText text) {
    String printed = text.printedOf(m.start(), m.end()).strip();
    String unit = m.group("unit") == null ? null : m.group("unit").replace(" ", "");
    if (m.group("num") != null) {
      String n = m.group("num").replace(",", "");
      if (n.startsWith("+")) {
        n = n.substring(1);
      }
      return PrintedValue.of(printed, new BigDecimal(n), unit);
    }
    if (m.group("dash") != null) {
      return PrintedValue.missing(printed, unit, "dash");
    }
    if (m.group("pend") != null) {
      return PrintedValue.missing(printed, unit, "pending");
    }
    return PrintedValue.missing(printed, unit, "undetermined");
  }

  private static boolean hasSpaceBeforeToken(String f) {
    for (int i = f.indexOf(' '); i >= 0 && i + 1 < f.length(); i = f.indexOf(' ', i + 1)) {
      if (canStartToken(f.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a value can start with c: a digit or sign, a dash, （後日報告） or 未確定. */
  private static boolean canStartToken(char c) {
    return c >= '0' && c <= '9'
        || c == '+'
        || c == '-'
        || c == '―'
        || c == '—'
        || c == '‐'
        || c == '‒'
        || c == '('
        || c == '未';
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
