package hyoka.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
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

  /** Hiragana, katakana (with ー), the CJK ideographs and 々 ({@link #isJapaneseLetter}). */
  private static final String JAPANESE_LETTER = "[\\u3040-\\u30ff\\u4e00-\\u9fff々]";

  /**
   * A unit: no sign, no digit, no separator, and not the start of the next value (`5 未確定`, `81.40
   * ▲3.2`, `81.40 約3.2`, `81.40 暫定値3.2`: a producer's space before a unit would otherwise take it).
   * A word that stands before or after a number (暫定値) is the next value's when a number follows it,
   * as a qualifier in parentheses is ({@link #QUALIFIER_AFTER}), else the unit's. A word glued
   * before a number is never a unit (`121.21 目標180件`: a cell of its own, {@link #rowTokens}).
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
          + "|"
          + JAPANESE_LETTER
          + "+[\\d▲△])[^\\s\\d.,+▲△"
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
   *
   * <p>So is one cell of a word hyoka does not know glued before a number ({@code たぶん220件}), in a
   * row of at least two other numbers: the cell is NULL {@code unparseable} with its printed text
   * and the unit it prints, never the number (the word may say anything of it), never a qualifier.
   * Glued, the word and the number are one cell, so no value moves to another column. Past a
   * producer's space ({@code 244件 たぶん 220件}) only after a cell that prints its unit: after a bare
   * number ({@code 121.21 たぶん 180件}) or at the start of the row the word could be that number's
   * unit or a label, and that row is still not read.
   */
  public static List<Token> rowTokens(FoldedText text) {
    return tokens(text, ROW_TOKEN);
  }

  /** The most cells of an unknown word before a number that a row may have. */
  private static final int MAX_UNKNOWN_WORD_CELLS = 1;

  /** The fewest numbers a row must read besides such a cell. */
  private static final int MIN_NUMBERS_BESIDE_UNKNOWN_WORD = 2;

  private static List<Token> tokens(FoldedText text, Forms token) {
    String f = text.folded();
    boolean row = token == ROW_TOKEN;
    int i = skipSpaces(f, 0);
    if (i < f.length()
        && !canStartToken(f.charAt(i))
        && !(row && numberAfterWord(f, i, false) > i)) {
      // most lines are text: no need for the pattern to find that out (a row starts with its
      // baseline, never with a target word)
      return List.of();
    }
    List<Token> out = new ArrayList<>();
    Matcher m = token.of(f, i).matcher(f);
    int unknownWords = 0;
    int numbers = 0;
    while (i < f.length()) {
      m.region(i, f.length());
      int start = i;
      boolean unknownWord = false;
      if (!m.lookingAt()) {
        // a producer's space between the word and the number only after a cell with its unit
        // printed, where the word cannot be that cell's unit (121.21 たぶん 180件: 121.21's)
        boolean spaced = !out.isEmpty() && out.get(out.size() - 1).value().unit() != null;
        int n = row && unknownWords < MAX_UNKNOWN_WORD_CELLS ? numberAfterWord(f, i, spaced) : i;
        if (n == i) {
          return List.of();
        }
        m.region(n, f.length());
        if (!m.lookingAt() || m.group("num") == null && m.group("range") == null) {
          return List.of();
        }
        unknownWord = true;
        unknownWords++;
      }
      int end = m.end();
      if (end < f.length() && f.charAt(end) != ' ') {
        return List.of();
      }
      PrintedValue v;
      if (unknownWord) {
        v = unparseable(text, start, end, unitOf(m));
      } else if (row && m.group("word") != null) {
        v = unparseable(text, m.start(), end, null);
      } else {
        v = valueOf(m, text);
      }
      if (v.isKnown()) {
        numbers++;
      }
      out.add(new Token(start, end, v));
      i = skipSpaces(f, end);
    }
    if (unknownWords > 0 && numbers < MIN_NUMBERS_BESIDE_UNKNOWN_WORD) {
      return List.of();
    }
    return row ? withoutWordsAfterTheRowsUnit(withoutHiraganaUnits(f, out)) : out;
  }

  /**
   * A unit of two or more hiragana is a word, not a unit (the counters are kanji or katakana: 件,
   * か所, ポイント): glued to a bare number ({@code 87.20たぶん} in a row without units) the cell is NULL
   * {@code unparseable} with its printed text; past a space ({@code 75.85 たぶん 79.90}) the word may
   * be either number's, and both cells are NULL {@code unparseable} (each with its printed text,
   * the columns kept: a row not read loses its project's page).
   */
  private static List<Token> withoutHiraganaUnits(String f, List<Token> cells) {
    List<Token> out = cells;
    for (int i = 0; i < cells.size(); i++) {
      Token t = cells.get(i);
      String u = t.value().unit();
      if (!t.value().isKnown() || u == null || u.length() < 2 || !allHiragana(u)) {
        continue;
      }
      if (out == cells) {
        out = new ArrayList<>(cells);
      }
      out.set(i, unparseable(t));
      if (f.substring(t.start(), t.end()).indexOf(' ') >= 0
          && i + 1 < cells.size()
          && cells.get(i + 1).value().isKnown()) {
        out.set(i + 1, unparseable(cells.get(i + 1)));
      }
    }
    return out;
  }

  private static Token unparseable(Token t) {
    return new Token(
        t.start(), t.end(), PrintedValue.missing(t.value().printed(), null, "unparseable"));
  }

  private static boolean allHiragana(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isHiragana(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHiragana(char c) {
    return c >= '\u3041' && c <= '\u309f';
  }

  /**
   * A cell whose unit is the row's unit (that of two other cells at least) followed by a word that
   * is no qualifier ({@code 220件たぶん} among {@code 件} cells) prints a word hyoka does not know after
   * its number: NULL {@code unparseable} with its printed text and the row's unit, as with a word
   * before it. Elsewhere the unit is open (ポイント, 千円) and such a word stays in it.
   */
  private static List<Token> withoutWordsAfterTheRowsUnit(List<Token> cells) {
    List<Token> out = cells;
    for (int i = 0; i < cells.size(); i++) {
      PrintedValue v = cells.get(i).value();
      String u = v.unit();
      if (!v.isKnown() || u == null || u.length() < 2) {
        continue;
      }
      for (int j = 0; j < cells.size(); j++) {
        String r = cells.get(j).value().unit();
        if (r == null
            || r.length() >= u.length()
            || !u.startsWith(r)
            || !allJapaneseLetters(u, r.length())
            || printing(cells, r) < 2) {
          continue;
        }
        if (out == cells) {
          out = new ArrayList<>(cells);
        }
        Token t = cells.get(i);
        out.set(
            i, new Token(t.start(), t.end(), PrintedValue.missing(v.printed(), r, "unparseable")));
        break;
      }
    }
    return out;
  }

  private static int printing(List<Token> cells, String unit) {
    int n = 0;
    for (Token t : cells) {
      if (unit.equals(t.value().unit())) {
        n++;
      }
    }
    return n;
  }

  private static boolean allJapaneseLetters(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!isJapaneseLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the number starts when f at i prints a word of Japanese letters before a digit (or the
   * accounting minus), glued to it or, if {@code spaced}, past one space; else i.
   */
  private static int numberAfterWord(String f, int i, boolean spaced) {
    int k = i;
    while (k < f.length() && isJapaneseLetter(f.charAt(k))) {
      k++;
    }
    if (spaced && k > i && k + 1 < f.length() && f.charAt(k) == ' ') {
      k++;
    }
    if (k == i || k == f.length()) {
      return i;
    }
    char c = f.charAt(k);
    return c >= '0' && c <= '9' || c == '▲' || c == '△' ? k : i;
  }

  /** Hiragana, katakana (with ー), the CJK ideographs and 々. */
  private static boolean isJapaneseLetter(char c) {
    return c >= '\u3040' && c <= '\u30ff' || c >= '\u4e00' && c <= '\u9fff' || c == '々';
  }

  /** A single value standing alone on a line (`9世帯`, `81.40`, `―`), or null. */
  public static PrintedValue single(FoldedText text) {
    List<Token> t = tokens(text);
    return t.size() == 1 ? t.get(0).value() : null;
  }

  /**
   * A value standing alone on a line after a word of two or more hiragana, glued or past a space
   * ({@code たぶん81.40}, {@code たぶん 81.40}: a percentage's actual under its name): NULL {@code
   * unparseable} with its printed text and unit, never the number; null when the line is no such
   * one. Only hiragana: a short line of kanji and a number ({@code 第2期}) is text of the block.
   */
  public static PrintedValue singleAfterAWord(FoldedText text) {
    String f = text.folded();
    int i = skipSpaces(f, 0);
    int k = i;
    while (k < f.length() && isHiragana(f.charAt(k))) {
      k++;
    }
    if (k - i < 2) {
      return null;
    }
    int n = k < f.length() && f.charAt(k) == ' ' ? k + 1 : k;
    if (n >= f.length() || f.charAt(n) < '0' || f.charAt(n) > '9') {
      return null;
    }
    List<Token> t = tokens(FoldedText.of(f.substring(n)));
    if (t.size() != 1 || !t.get(0).value().isKnown()) {
      return null;
    }
    return unparseable(text, i, f.length(), t.get(0).value().unit());
  }

  /**
   * A line that ends with a value glued to the text before it ({@code 交通事故件数173件}, {@code
   * 交通事故件数たぶん173件}): the text before the number and the value NULL {@code unparseable} with its
   * printed text and unit, never the number: where the name ends and what touches the number cannot
   * be told. A qualifier of the vocabulary and a word of two or more hiragana after a kanji or
   * katakana just before the number go with the value's printed text, not the name. Null when the
   * line does not end with a number glued to a Japanese letter or a closing parenthesis.
   */
  public static NameValue nameAndGluedValue(FoldedText text) {
    String f = text.folded();
    for (int p = 1; p < f.length(); p++) {
      char c = f.charAt(p);
      char before = f.charAt(p - 1);
      if (c < '0' || c > '9' || !(isJapaneseLetter(before) || before == ')')) {
        continue;
      }
      List<Token> t = tokens(FoldedText.of(f.substring(p)));
      if (t.size() != 1 || !t.get(0).value().isKnown()) {
        continue;
      }
      int from = p;
      Matcher q = GLUED_QUALIFIER.matcher(f.substring(0, p));
      if (q.find()) {
        from = q.start();
      }
      // a word of two or more hiragana after the name's last kanji or katakana is no name's end
      // (names are nouns), as past a space (hiraganaWordBefore)
      int h = from;
      while (h > 0 && isHiragana(f.charAt(h - 1))) {
        h--;
      }
      if (from - h >= 2 && h > 0 && isJapaneseLetter(f.charAt(h - 1))) {
        from = h;
      }
      String name = text.printedOf(0, from).strip();
      if (name.isEmpty()) {
        return null;
      }
      return new NameValue(name, unparseable(text, from, f.length(), t.get(0).value().unit()));
    }
    return null;
  }

  /** A qualifier of the vocabulary printed before a number, at the end of the text before it. */
  private static final Pattern GLUED_QUALIFIER = Pattern.compile("(?:" + WORD_BEFORE + ")$");

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

  /**
   * A value that cannot be read, NULL {@code unparseable}, with what {@code text} prints from
   * {@code start} to {@code end} (folded offsets) and {@code unit} when the cell's unit is known.
   */
  private static PrintedValue unparseable(FoldedText text, int start, int end, String unit) {
    return PrintedValue.missing(text.printedOf(start, end).strip(), unit, "unparseable");
  }

  /** A value pattern without its group names, to be matched again alone. */
  private static String unnamed(String v) {
    return v.replaceAll("\\(\\?<[a-z]+>", "(?:");
  }

  /** A name, then a word glued before the value's number ({@code 交通事故件数 たぶん173件}). */
  private static final Forms NAME_WORD_VALUE =
      forms(
          v -> "^(?<name>.*?\\S) +(?<word>" + JAPANESE_LETTER + "+)(?<tok>" + unnamed(v) + ") *$");

  /**
   * A name, a value, then a word of two or more hiragana past a space ({@code 交通事故件数 173件 たぶん});
   * kanji there may be the label of a column printed beside the value.
   */
  private static final Forms NAME_VALUE_WORD =
      forms(v -> "^(?<name>.*?\\S) +(?<tok>" + unnamed(v) + ") +(?<word>[\\u3041-\\u309f]{2,}) *$");

  /**
   * A KPI name line whose value is printed with a word hyoka does not know touching its number: the
   * name as printed up to the word, and the value NULL {@code unparseable} with its printed text
   * (the word in it) and the unit it prints, never the number (the word may say anything of it),
   * never a qualifier; null when the line prints no such word (a qualifier of the vocabulary is
   * read by {@link #nameAndValue}) or is no name and value.
   *
   * <ul>
   *   <li>glued before the number: {@code 交通事故件数 たぶん173件};
   *   <li>past a space after the value: {@code 交通事故件数 173件 たぶん};
   *   <li>of two or more hiragana past a space before the number ({@code 交通事故件数 たぶん 173件}, what a
   *       producer's space makes of the first): no name ends in such a word (names are nouns, of
   *       kanji and katakana), while a word of kanji there ({@code 年間 173件}) may be the name's and
   *       stays in it.
   * </ul>
   *
   * A word glued after the unit ({@code 173件たぶん}) is read by {@link #nameAndValue} as a unit, which
   * only the project's rows can tell is not one ({@link #withoutWordAfterUnit}).
   */
  public static NameValue nameAndValueBesideAWord(FoldedText text) {
    return nameAndValueBesideAWord(text, nameAndValue(text));
  }

  /**
   * {@link #nameAndValueBesideAWord(FoldedText)} of a line whose {@link #nameAndValue} the caller
   * has read already ({@code read}, null for none).
   */
  public static NameValue nameAndValueBesideAWord(FoldedText text, NameValue read) {
    String f = text.folded();
    if (read != null) {
      return read.value().isKnown() ? hiraganaWordBefore(text, read) : null;
    }
    Matcher m = null;
    if (hasWordGluedBeforeNumber(f)) {
      m = NAME_WORD_VALUE.of(f, 0).matcher(f);
      if (!m.matches()) {
        m = null;
      }
    }
    if (m == null && endsWithWord(f)) {
      m = NAME_VALUE_WORD.of(f, 0).matcher(f);
      if (!m.matches()) {
        m = null;
      }
    }
    if (m == null) {
      return null;
    }
    FoldedText tok = FoldedText.of(m.group("tok"));
    Matcher t = TOKEN.of(tok.folded(), 0).matcher(tok.folded());
    if (!t.matches() || t.group("num") == null) {
      return null;
    }
    int from = Math.min(m.start("word"), m.start("tok"));
    int to = Math.max(m.end("word"), m.end("tok"));
    return new NameValue(
        text.printedOf(0, m.end("name")).strip(), unparseable(text, from, to, unitOf(t)));
  }

  /**
   * The name and value {@code read} with a last word of the name of two or more hiragana past a
   * space before the number ({@code 交通事故件数 たぶん 173件}) taken out of the name into the value, NULL
   * {@code unparseable}; null when the name ends otherwise.
   */
  private static NameValue hiraganaWordBefore(FoldedText text, NameValue read) {
    String f = text.folded();
    Matcher m = NAME_AND_VALUE.of(f, 0).matcher(f);
    if (!m.matches()) {
      return null;
    }
    int end = m.end("name");
    int space = f.lastIndexOf(' ', end - 1);
    if (space < 0 || end - space - 1 < 2 || !allHiragana(f.substring(space + 1, end))) {
      return null;
    }
    String name = text.printedOf(0, space).strip();
    if (name.isEmpty()) {
      return null;
    }
    return new NameValue(name, unparseable(text, space + 1, m.end("tok"), read.value().unit()));
  }

  /**
   * A value read with a word hyoka does not know glued after its unit, which the greedy unit took
   * in: the unit of the project's rows ({@code units}) followed by two or more hiragana ({@code
   * 173件たぶん} where the rows print 件), or two or more hiragana, which no unit is ({@code 81.40たぶん}):
   * NULL {@code unparseable} with its printed text and the rows' unit (none for hiragana); null
   * when the value is no such one. A value whose unit is the rows' or another unit is left to its
   * reader.
   */
  public static PrintedValue withoutWordAfterUnit(PrintedValue v, Collection<String> units) {
    String u = v.unit();
    if (u == null || units.contains(u)) {
      return null;
    }
    String unit = rowUnitBeforeWord(u, units);
    if (unit == null && !(u.length() >= 2 && allHiragana(u))) {
      return null;
    }
    return PrintedValue.missing(v.printed(), unit, "unparseable");
  }

  /** Two or more hiragana, maybe after qualifiers of the vocabulary ({@code 以上たぶん}). */
  private static final Pattern WORD_AFTER_UNIT =
      Pattern.compile("(?:" + WORD_AFTER + ")*[\\u3041-\\u309f]{2,}");

  /**
   * The longest of {@code units} that {@code u} starts with, two or more hiragana after it (maybe
   * after a qualifier of the vocabulary: {@code 件以上たぶん}); or null. Hiragana only: on a name line,
   * among the texts of the block, kanji after a unit are more often a longer unit or the text going
   * on ({@code 9 日間}, {@code 310 灯改良} where the rows print 日, 灯).
   */
  public static String rowUnitBeforeWord(String u, Collection<String> units) {
    String best = null;
    for (String r : units) {
      if (r.length() + 2 <= u.length()
          && u.startsWith(r)
          && WORD_AFTER_UNIT.matcher(u.substring(r.length())).matches()
          && (best == null || r.length() > best.length())) {
        best = r;
      }
    }
    return best;
  }

  /** Whether f prints a space, then Japanese letters glued to a digit (a cheap test first). */
  private static boolean hasWordGluedBeforeNumber(String f) {
    for (int i = 1; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c >= '0' && c <= '9' && isJapaneseLetter(f.charAt(i - 1))) {
        int k = i - 1;
        while (k > 0 && isJapaneseLetter(f.charAt(k - 1))) {
          k--;
        }
        if (k > 0 && f.charAt(k - 1) == ' ') {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether f ends with Japanese letters past a space, a digit before them. */
  private static boolean endsWithWord(String f) {
    int e = f.length();
    while (e > 0 && f.charAt(e - 1) == ' ') {
      e--;
    }
    int k = e;
    while (k > 0 && isJapaneseLetter(f.charAt(k - 1))) {
      k--;
    }
    if (k == e || k == 0 || f.charAt(k - 1) != ' ') {
      return false;
    }
    for (int i = 0; i < k; i++) {
      char c = f.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /**
   * A matched value's unit group split into the unit (null when none) and the qualifier words a
   * greedy {@link #UNIT} took in after it ({@link #NOT_UNIT}; null when none).
   */
  private record UnitWords(String unit, String words) {
    static UnitWords of(Matcher m) {
      String unit = m.group("unit") == null ? null : m.group("unit").replace(" ", "");
      String words = null;
      if (unit != null) {
        Matcher not = NOT_UNIT.matcher(unit);
        if (not.find()) {
          words = not.group();
          unit = unit.substring(0, not.start());
        }
      }
      return new UnitWords(unit == null || unit.isEmpty() ? null : unit, words);
    }
  }

  /** The unit of a matched value, without the qualifier words after it; null when none. */
  private static String unitOf(Matcher m) {
    return UnitWords.of(m).unit();
  }

  private static PrintedValue valueOf(Matcher m, FoldedText text) {
    String printed = text.printedOf(m.start(), m.end()).strip();
    UnitWords uw = UnitWords.of(m);
    String unit = uw.unit();
    if (m.group("num") != null) {
      return PrintedValue.of(
          printed,
          number(m.group("num")),
          unit,
          Qualifier.of(m.group("qb"), m.group("qm"), uw.words(), m.group("qa")));
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
