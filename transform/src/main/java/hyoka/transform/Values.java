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
 *
 * <p>What other reports print in a value cell is read too, so that a row is not lost for one cell:
 * the accounting minus (`▲12`, `△12` = -12); an estimate or provisional figure (`約220件`, `概ね220件`,
 * `220件（見込）`, `220件見込み`, `220件（推計）`, `（暫定）220件`: the number, and its {@link Qualifier}); a bound
 * (`180件以上`: the number, the unit without 以上, the qualifier {@code at_least}); a figure still being
 * compiled (`未集計`, `集計中`, `調査中`: NULL, {@code pending}); a range (`170～190件`: NULL, {@code
 * unparseable}, never a number of its own making).
 */
public final class Values {
  private Values() {}

  /** ― (U+2015), - (from －), — (U+2014), ‐ (U+2010), ‒ (U+2012). */
  private static final String DASHES = "―\\-—‐‒";

  /** A figure still being compiled: the value is to come, as with （後日報告）. */
  private static final String PENDING_WORD = "未集計|集計中|調査中";

  /**
   * A target printed as a direction or a level to keep, not a number: a cell of a row of values
   * only ({@link #rowTokens}), since such a word alone on a line is text.
   */
  private static final String TARGET_WORD = "現状維持|維持|増加|減少|向上|上昇|低下|改善";

  /** A qualifier printed bare before the number: 約, 概ね, 推定値, 暫定値, … ({@link Qualifier}). */
  private static final String WORD_BEFORE = Qualifier.alternatives(Qualifier.Word::before);

  /** …of them those that never follow a unit: 約, 概ね, おおむね, およそ. */
  private static final String ONLY_BEFORE = Qualifier.alternatives(w -> w.before() && !w.after());

  /** A qualifier printed bare after the unit (or the number): 以上, 程度, 見込み, 暫定値, … */
  private static final String WORD_AFTER = Qualifier.alternatives(Qualifier.Word::after);

  /** A char a number starts with: a sign, the accounting minus, a digit. */
  private static final String NUM_START = "[+\\-▲△\\d]";

  /** A qualifier in parentheses: （見込）, （見込み）, （見込値）, （推計）, （推定）, （暫定）, （速報値）. */
  private static final String QUALIFIER_PAREN =
      "\\((?:" + Qualifier.alternatives(Qualifier.Word::inParentheses) + ")\\)";

  /** The qualifiers a value can start with (one or two), then its number. */
  private static final String QUALIFIED_NUM_START =
      "(?:(?:" + WORD_BEFORE + "|" + QUALIFIER_PAREN + ") ?){1,2}" + NUM_START;

  /**
   * A unit: no sign, no digit, no separator, and not the start of the next value (`5 未確定`, `81.40
   * ▲3.2`, `81.40 約3.2`, `81.40 暫定値3.2`: a producer's space before a unit would otherwise take it).
   * A word that stands before or after a number (暫定値) is the next value's when a number follows it,
   * as a qualifier in parentheses is ({@link #QUALIFIER_AFTER}), else the unit's.
   */
  private static final String UNIT =
      "(?!未確定|"
          + PENDING_WORD
          + "|"
          + TARGET_WORD
          + "|"
          + ONLY_BEFORE
          + "|"
          + QUALIFIED_NUM_START
          + ")[^\\s\\d.,+▲△"
          + DASHES
          + "()\\[\\]:/~]+";

  /** A unit, possibly split by a producer's space before Latin letters (`千 t`). */
  private static final String UNIT_SPACED = UNIT + "(?: [A-Za-z]+)?";

  /**
   * A value's unit, and a qualifier printed after it past a producer's space ({@code 180件 以上},
   * {@code 180件　以上}, {@code 220件 見込み}: one space, as between a number and its unit), which {@link
   * #NOT_UNIT} then takes off; not a word that starts the next value ({@code 220件 暫定値 230件}).
   */
  private static final String VALUE_UNIT =
      UNIT_SPACED + "(?: (?!" + QUALIFIED_NUM_START + ")(?:" + WORD_AFTER + ")+(?=[ (]|$))?";

  /**
   * A number as printed: a sign (the accounting minus marks ▲ and △ too, with a producer's space
   * after them), thousands separators, a decimal part.
   */
  private static final String NUM = "(?:[+\\-]|[▲△] ?)?\\d[\\d,]*(?:\\.\\d+)?";

  /**
   * An approximate, estimated or provisional figure is marked before the number: 約, 概ね, おおむね, およそ,
   * 推定値, 暫定値, 速報値, or {@link #QUALIFIER_PAREN}; two of them too ({@code （暫定）約220件}).
   */
  private static final String QUALIFIER_BEFORE =
      "(?<qb>(?:(?:" + WORD_BEFORE + "|" + QUALIFIER_PAREN + ") ?){1,2})";

  /**
   * …or after it, in parentheses (a bare 見込, 暫定値 after the unit is in {@link #NOT_UNIT}), and then
   * the cell ends: in {@code 244件 （暫定）220件} the （暫定） is the next cell's.
   */
  private static final String QUALIFIER_AFTER = "(?<qa> ?" + QUALIFIER_PAREN + "(?= |$))";

  /**
   * …or between the number and its unit ({@code 220（見込）件}, {@code 220(推計値)人}); only where a unit
   * follows, so that in {@code 121.21 （暫定）220件} the （暫定） stays the next cell's.
   */
  private static final String QUALIFIER_BEFORE_UNIT =
      "(?: ?(?<qm>" + QUALIFIER_PAREN + ")(?= ?" + UNIT + "))?";

  /**
   * Words and qualifiers that a greedy {@link #UNIT} takes in but that are no unit: a bound (以上,
   * 以下, 未満, 超), an approximate figure (程度) or an estimate or provisional figure printed after the
   * unit (見込み, 見込値, 推計, 暫定値, 速報値). What they say is kept as the value's {@link Qualifier}.
   */
  private static final Pattern NOT_UNIT = Pattern.compile("(?:" + WORD_AFTER + ")+$");

  private static final String RANGE = NUM + "(?: ?" + UNIT_SPACED + ")? ?~ ?" + NUM;

  /**
   * One value; {@code range} is the body of its range alternative. A range needs a ~, and most
   * lines have none: for them the alternative is {@code (?!)}, which fails at once, instead of
   * reading each number and unit a first time only to fail at the missing ~ (the same matches: the
   * range branch cannot match where no ~ follows).
   */
  private static String value(String range) {
    return "(?:(?<range>"
        + range
        + ")|(?<num>"
        + QUALIFIER_BEFORE
        + "?"
        + NUM
        + ")"
        + QUALIFIER_BEFORE_UNIT
        + "|(?<dash>["
        + DASHES
        + "])|(?<pend>\\(後日報告\\)|"
        + PENDING_WORD
        + ")"
        + "|(?<und>未確定))(?: ?(?<unit>"
        + VALUE_UNIT
        + "))?"
        + QUALIFIER_AFTER
        + "?";
  }

  /** Each pattern twice: for text with a ~ (ranges possible) and without one. */
  private record Forms(Pattern withRange, Pattern withoutRange) {
    Pattern of(String text, int from) {
      return text.indexOf('~', from) >= 0 ? withRange : withoutRange;
    }
  }

  private static Forms forms(java.util.function.UnaryOperator<String> around) {
    return new Forms(
        Pattern.compile(around.apply(value(RANGE))), Pattern.compile(around.apply(value("(?!)"))));
  }

  private static final Forms TOKEN = forms(v -> v);

  private static final Forms ROW_TOKEN =
      forms(v -> "(?:(?<word>" + TARGET_WORD + ")(?!\\S)|" + v + ")");

  private static final Forms NAME_AND_VALUE =
      forms(v -> "^(?<name>.*?\\S) +(?<tok>" + v.replaceAll("\\(\\?<[a-z]+>", "(?:") + ") *$");

  /**
   * One value found in a folded line.
   *
   * @param start its first char in the folded text
   * @param end the char after it in the folded text
   */
  public record Token(int start, int end, PrintedValue value) {}

  /** All values when the whole line is a sequence of values, else an empty list. */
  public static List<Token> tokens(FoldedText text) {
    return tokens(text, TOKEN);
  }

  /**
   * The cells of a row of values (a KPI table's row, a sheet's 実績値 row): {@link #tokens}, and a
   * target printed as a word (`増加`, `維持`, `現状維持`) is a cell too, NULL {@code unparseable} with the
   * word as its printed text, so that the row is not lost for it.
   */
  public static List<Token> rowTokens(FoldedText text) {
    return tokens(text, ROW_TOKEN);
  }

  private static List<Token> tokens(FoldedText text, Forms token) {
    String f = text.folded();
    int i = skipSpaces(f, 0);
    if (i < f.length() && !canStartToken(f.charAt(i))) {
      // most lines are text: no need for the pattern to find that out (a row starts with its
      // baseline, never with a target word)
      return List.of();
    }
    List<Token> out = new ArrayList<>();
    Matcher m = token.of(f, i).matcher(f);
    while (i < f.length()) {
      m.region(i, f.length());
      if (!m.lookingAt()) {
        return List.of();
      }
      int end = m.end();
      if (end < f.length() && f.charAt(end) != ' ') {
        return List.of();
      }
      PrintedValue v =
          token == ROW_TOKEN && m.group("word") != null
              ? PrintedValue.missing(text.printedOf(m.start(), end).strip(), null, "unparseable")
              : valueOf(m, text);
      out.add(new Token(m.start(), end, v));
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
    Matcher m = NAME_AND_VALUE.of(text.folded(), 0).matcher(text.folded());
    if (!m.matches()) {
      return null;
    }
    FoldedText tok = FoldedText.of(m.group("tok"));
    Matcher t = TOKEN.of(tok.folded(), 0).matcher(tok.folded());
    if (!t.matches()) {
      return null;
    }
    PrintedValue v = valueOf(t, tok);
    String printed = text.printedOf(m.start("tok"), m.end("tok")).strip();
    v = new PrintedValue(printed, v.value(), v.unit(), v.nullReason(), v.qualifier());
    return new NameValue(text.printedOf(0, m.end("name")).strip(), v);
  }

  /** A line read as a KPI name and the value printed after it. */
  public record NameValue(String name, PrintedValue value) {}

  private static PrintedValue valueOf(Matcher m, FoldedText text) {
    String printed = text.printedOf(m.start(), m.end()).strip();
    String unit = m.group("unit") == null ? null : m.group("unit").replace(" ", "");
    String afterUnit = null;
    if (unit != null) {
      Matcher not = NOT_UNIT.matcher(unit);
      if (not.find()) {
        afterUnit = not.group();
        unit = unit.substring(0, not.start());
      }
      if (unit.isEmpty()) {
        unit = null;
      }
    }
    if (m.group("num") != null) {
      return PrintedValue.of(
          printed,
          number(m.group("num")),
          unit,
          Qualifier.of(m.group("qb"), m.group("qm"), afterUnit, m.group("qa")));
    }
    if (m.group("range") != null) {
      // two numbers are no value: never a midpoint or an end of our choosing
      return PrintedValue.missing(printed, unit, "unparseable");
    }
    if (m.group("dash") != null) {
      return PrintedValue.missing(printed, unit, "dash");
    }
    if (m.group("pend") != null) {
      return PrintedValue.missing(printed, unit, "pending");
    }
    return PrintedValue.missing(printed, unit, "undetermined");
  }

  /** The number of a matched {@link #NUM}, with its qualifier before it dropped: ▲12 is -12. */
  private static BigDecimal number(String matched) {
    StringBuilder b = new StringBuilder(matched.length());
    for (int i = 0; i < matched.length(); i++) {
      char c = matched.charAt(i);
      if (c == '-' || c == '▲' || c == '△') {
        b.append('-');
      } else if (c >= '0' && c <= '9' || c == '.') {
        b.append(c);
      }
    }
    return new BigDecimal(b.toString());
  }

  private static boolean hasSpaceBeforeToken(String f) {
    for (int i = f.indexOf(' '); i >= 0 && i + 1 < f.length(); i = f.indexOf(' ', i + 1)) {
      if (canStartToken(f.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The chars other than a digit that a value can start with: a sign (▲, △), a dash, a qualifier
   * before the number (約, 概ね, おおむね, およそ, 推定, 暫定, 速報, （見込）), （後日報告）, 未確定, 未集計, 集計中, 調査中.
   */
  private static final String TOKEN_START =
      "+-" + DASHES.replace("\\", "") + "(未▲△集調" + Qualifier.firstChars(Qualifier.Word::before);

  /** Whether a value can start with c. */
  private static boolean canStartToken(char c) {
    return c >= '0' && c <= '9' || TOKEN_START.indexOf(c) >= 0;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
