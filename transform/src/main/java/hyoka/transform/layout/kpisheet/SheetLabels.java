package hyoka.transform.layout.kpisheet;

import hyoka.transform.Eras;
import hyoka.transform.FoldedText;
import hyoka.transform.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a line of a sheet is, from its own text: a label of the sheet (with the value printed after
 * it on the same line, if any), a footer, the title, the legend, a "see sheet 1" reference, or text
 * that belongs to some cell. Labels are matched on the folded form with any spaces between their
 * characters (a word processor's {@code ＫＰＩ その 1}), in the spellings cities use: 従前値/基準値/策定時,
 * 指標担当部課等/担当課/所管課, 実績値/実績, 目標値/目標, 達成率/達成度, 評価/評定, …
 *
 * <p>Stateless and thread-safe.
 */
final class SheetLabels {
  private SheetLabels() {}

  /** What a line is. The row is the kind's place in the sheet's table, top to bottom. */
  enum Kind {
    BLANK(-1),
    FOOTER(-1),
    TITLE(0),
    SHEET_NO(0),
    GROUP(1),
    PROJECT(2),
    KPI(3),
    DEPT(4),
    GRID(5),
    ACTUALS(6),
    UNIT(7),
    RESULT(8),
    BASIS(9),
    EFFECT(10),
    FUTURE(11),
    LEGEND(12),
    REFERENCE(-1),
    TEXT(-1);

    final int row;

    Kind(int row) {
      this.row = row;
    }

    /** Whether the kind's value can stand in a cell apart from its label (another line). */
    boolean takesText() {
      return switch (this) {
        case GROUP, PROJECT, KPI, DEPT, ACTUALS, UNIT, BASIS, EFFECT, FUTURE -> true;
        default -> false;
      };
    }
  }

  /**
   * A classified line.
   *
   * @param value the printed text after the label (stripped; empty for a bare label), the whole
   *     line for text, null where it means nothing
   * @param open whether the label is cut before its closing parenthesis ({@code 効果発現要因（総合}), its
   *     rest being on the next line
   * @param number the KPI's ordinal of {@code ＫＰＩ その1}, the project of {@code シート番号 1-2}; null
   *     otherwise
   * @param second the KPI of {@code シート番号 1-2}; null otherwise
   * @param titleEnd for a title with the sheet number on its line, where the title's printed text
   *     ends; -1 otherwise
   * @param result a result row's cells, as {@link #result} read them to classify the line; null for
   *     any other kind
   * @param cells a grid header's cells, as {@link #gridCells} read them to classify the line; null
   *     for any other kind
   */
  record Classified(
      Kind kind,
      String value,
      boolean open,
      Integer number,
      Integer second,
      int titleEnd,
      Result result,
      List<HeaderCell> cells) {
    static Classified of(Kind kind, String value) {
      return new Classified(kind, value, false, null, null, -1, null, null);
    }

    Classified(Kind kind, String value, boolean open, Integer number, Integer second, int end) {
      this(kind, value, open, number, second, end, null, null);
    }
  }

  private static final String[] GROUP = {"基本目標", "政策目標", "基本方針"};
  private static final String[] PROJECT = {"個別施策", "具体的な施策", "具体的施策", "施策名", "事業名"};
  private static final String[] DEPT = {
    "指標担当部課等", "指標担当部課", "指標担当課", "担当部課等", "担当部課", "担当課等", "担当課", "所管部課等", "所管部課", "所管課", "担当部署",
    "所管部署", "担当部局", "所管部局"
  };
  private static final String[] GRID_LEAD = {"区分", "年度", "項目"};
  private static final String[] ACTUALS = {"実績値", "実績"};
  private static final String[] UNIT = {"単位"};
  private static final String[] BASIS = {
    "目標値の設定根拠", "目標値設定根拠", "目標の設定根拠", "目標設定根拠", "設定根拠", "目標設定の考え方", "設定の考え方"
  };
  private static final String[] FUTURE = {
    "今後の取組方針", "今後の取り組み", "今後の取組み", "今後の取組", "今後の方向性", "今後の展開", "今後の方針"
  };

  /** The result row's three labels (達成率, 評価, 進捗状況) in their spellings. */
  enum ResultLabel {
    ACHIEVEMENT("達成率", "達成度", "進捗率"),
    GRADE("評価", "評定", "判定"),
    PROGRESS("進捗状況", "進捗");

    final String[] spellings;

    ResultLabel(String... spellings) {
      this.spellings = spellings;
    }
  }

  private static final Pattern GROUP_P = label(GROUP);
  private static final Pattern PROJECT_P = label(PROJECT);
  private static final Pattern DEPT_P = label(DEPT);
  private static final Pattern GRID_P = label(GRID_LEAD);
  private static final Pattern ACTUALS_P = label(ACTUALS);
  private static final Pattern UNIT_P = label(UNIT);
  private static final Pattern BASIS_P = label(BASIS);

  /**
   * 効果発現要因（総合所見）, also cut anywhere inside its parentheses where the cell wraps it ({@code
   * 効果発現要因（総合} / {@code 所見）}, {@code 効果発現要因（総合所} / {@code 見）}), or 総合所見 alone.
   */
  private static final Pattern EFFECT_P =
      Pattern.compile(
          "^ *(?:"
              + spaced("効果発現要因")
              + "(?: *\\((?: *総(?: *合(?: *所(?: *見)?)?)?)?(?: *\\))?)?|"
              + spaced("総合所見")
              + ")(?: *:)?");

  private static final Pattern FUTURE_P = label(FUTURE);

  /**
   * ＫＰＩ その1, KPI1, KPI（その1）, 重要業績評価指標, 成果指標, 指標名. Numbers here and in {@link #SHEET_NO_P} have at
   * most four digits: a longer one is no sheet's (and would not fit an int).
   */
  private static final Pattern KPI_P =
      Pattern.compile(
          "^ *(?:K *P *I(?: *\\( *そ *の *(?<a>\\d{1,4}) *\\)| *そ *の *(?<b>\\d{1,4})|(?<c>\\d{1,4})(?!\\d)| *名)?"
              + "|重 *要 *業 *績 *評 *価 *指 *標(?: *\\( *K *P *I *\\))?"
              + "|成 *果 *指 *標|指 *標 *名)(?: *:)?");

  private static final Pattern LEGEND_P =
      Pattern.compile("^[ ※*【\\[(]*(?:評 *価|判 *定|評 *定) *(?:の *)?基 *準");

  /** シート番号 1-2, シートNo.1-2, シート№1－2. */
  private static final Pattern SHEET_NO_P =
      Pattern.compile(
          "シ *ー *ト *(?:番 *号|N *o *\\.?) *:? *(?<p>\\d{1,4}) *[-‐‑‒–—―－ー] *(?<k>\\d{1,4})(?!\\d)");

  private static final Pattern FOOTER_P =
      Pattern.compile("^ *(?:[-‐‑‒–—―－] *\\d+ *[-‐‑‒–—―－]|\\d+ */ *\\d+|P *\\. *\\d+) *$");

  private static final Pattern REFERENCE_P =
      Pattern.compile("^\\(?(?:KPI)?その\\d+(?:に記載|を参照|参照|のとおり|と同じ)\\)?$|^同上$");

  /**
   * A label pattern: any of the spellings at the line's start, with spaces allowed between their
   * characters, and an optional colon; the longest spelling first.
   */
  private static Pattern label(String... spellings) {
    String[] s = spellings.clone();
    Arrays.sort(s, Comparator.comparingInt(String::length).reversed());
    List<String> alts = new ArrayList<>();
    for (String w : s) {
      alts.add(spaced(w));
    }
    return Pattern.compile("^ *(?:" + String.join("|", alts) + ")(?: *:)?");
  }

  /** A word as a pattern that allows spaces between its characters. */
  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (s.indexOf(chars.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  static String spaced(String word) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      if (i > 0) {
        b.append(" *");
      }
      b.append(Pattern.quote(String.valueOf(word.charAt(i))));
    }
    return b.toString();
  }

  /** What a line is. */
  static Classified classify(SheetLine line) {
    String f = line.folded();
    if (f.isBlank()) {
      return Classified.of(Kind.BLANK, null);
    }
    String tight = line.tight();
    if (FOOTER_P.matcher(f).matches()) {
      return Classified.of(Kind.FOOTER, null);
    }
    if (LEGEND_P.matcher(f).find()) {
      return Classified.of(Kind.LEGEND, line.printed().strip());
    }
    if (REFERENCE_P.matcher(tight).matches()) {
      return Classified.of(Kind.REFERENCE, null);
    }
    Matcher sheetNo = SHEET_NO_P.matcher(f);
    // every line of every file passes here in the layouts' claims: the pattern's first char first
    boolean hasSheetNo = f.indexOf('シ') >= 0 && sheetNo.find();
    if (isTitle(tight)) {
      if (hasSheetNo) {
        return new Classified(
            Kind.TITLE,
            rest(line, sheetNo.end()),
            false,
            Integer.valueOf(sheetNo.group("p")),
            Integer.valueOf(sheetNo.group("k")),
            line.text().printedOf(0, sheetNo.start()).strip().length());
      }
      return Classified.of(Kind.TITLE, line.printed().strip());
    }
    if (hasSheetNo && f.substring(0, sheetNo.start()).isBlank()) {
      return new Classified(
          Kind.SHEET_NO,
          rest(line, sheetNo.end()),
          false,
          Integer.valueOf(sheetNo.group("p")),
          Integer.valueOf(sheetNo.group("k")),
          -1);
    }
    Classified c = labelled(line, Kind.EFFECT, EFFECT_P);
    if (c != null) {
      return c;
    }
    for (Object[] k :
        new Object[][] {
          {Kind.FUTURE, FUTURE_P}, {Kind.BASIS, BASIS_P},
        }) {
      c = labelled(line, (Kind) k[0], (Pattern) k[1]);
      if (c != null) {
        return c;
      }
    }
    Result result = result(line.text());
    if (result != null) {
      return new Classified(
          Kind.RESULT, line.printed().strip(), false, null, null, -1, result, null);
    }
    c = labelled(line, Kind.ACTUALS, ACTUALS_P);
    if (c != null) {
      // 実績値については… is text: the label is the row's only when values follow it
      return c.value().isEmpty() || !Values.rowTokens(FoldedText.of(c.value())).isEmpty()
          ? c
          : Classified.of(Kind.TEXT, line.printed());
    }
    c = labelled(line, Kind.UNIT, UNIT_P);
    if (c != null) {
      String u = FoldedText.tight(FoldedText.of(c.value()).folded());
      return u.length() <= 10 && !u.matches(".*[、。,].*")
          ? c
          : Classified.of(Kind.TEXT, line.printed());
    }
    List<HeaderCell> cells = gridCells(f);
    if (cells != null) {
      return new Classified(
          Kind.GRID, line.printed().strip(), false, null, null, -1, null, List.copyOf(cells));
    }
    Matcher kpi = KPI_P.matcher(f);
    if (kpi.lookingAt() && separated(f, kpi.end())) {
      String n = kpi.group("a") != null ? kpi.group("a") : kpi.group("b");
      n = n != null ? n : kpi.group("c");
      return new Classified(
          Kind.KPI, rest(line, kpi.end()), false, n == null ? null : Integer.valueOf(n), null, -1);
    }
    for (Object[] k :
        new Object[][] {
          {Kind.DEPT, DEPT_P}, {Kind.GROUP, GROUP_P}, {Kind.PROJECT, PROJECT_P},
        }) {
      c = labelled(line, (Kind) k[0], (Pattern) k[1]);
      if (c != null) {
        return c;
      }
    }
    return Classified.of(Kind.TEXT, line.printed());
  }

  /** The sheet's title: 実績評価シート, 評価シート, 評価調書 on a line that is no sentence. */
  private static boolean isTitle(String tight) {
    return (tight.contains("評価シート") || tight.contains("評価調書"))
        && !tight.contains("。")
        && tight.length() <= 120;
  }

  private static Classified labelled(SheetLine line, Kind kind, Pattern p) {
    String f = line.folded();
    Matcher m = p.matcher(f);
    if (!m.lookingAt() || !separated(f, m.end())) {
      return null;
    }
    String label = f.substring(0, m.end());
    boolean open = label.indexOf('(') >= 0 && label.indexOf(')') < 0;
    return new Classified(kind, rest(line, m.end()), open, null, null, -1);
  }

  /** A label ends at a space, a colon, an opening parenthesis cut at the line's end, or the end. */
  private static boolean separated(String folded, int end) {
    return end >= folded.length()
        || folded.charAt(end) == ' '
        || folded.charAt(end - 1) == ':'
        || folded.charAt(end - 1) == '(';
  }

  /** The printed text after folded position {@code end}, stripped. */
  private static String rest(SheetLine line, int end) {
    return line.text().printedOf(end, line.folded().length()).strip();
  }

  /** Whether a text is a reference to the project's first sheet ({@code （その1に記載）}). */
  static boolean isReference(String printed) {
    return REFERENCE_P.matcher(FoldedText.tight(FoldedText.of(printed).folded())).matches();
  }

  /** Whether a line closes an open label: {@code 所見）}, {@code ）}. */
  static boolean closesLabel(SheetLine line) {
    String t = line.tight();
    return t.length() <= 6 && t.endsWith(")") && !t.contains("(");
  }

  // --- the grid header -------------------------------------------------------------------------

  /** One header cell: the baseline (従前値), a year's actual, or the target (目標値). */
  enum CellRole {
    BASELINE,
    YEAR,
    TARGET
  }

  /**
   * A grid header cell.
   *
   * @param year the Western year the cell names; null where it names none ({@code 従前値})
   * @param printed the cell as printed (folded)
   */
  record HeaderCell(CellRole role, Integer year, String printed) {}

  private static final String ERA = "(?:(?:H|R|平成|令和) *(?:\\d{1,2}|元)(?!\\d)|(?:19|20)\\d\\d)";

  private static final Pattern CELL =
      Pattern.compile(
          " *(?:(?<base>"
              + String.join("|", spacedAll("従前値", "基準値", "策定時", "当初値", "現状値", "基準年"))
              + ")(?: *\\( *(?<by>"
              + ERA
              + ") *(?:年 *度?)? *\\))?"
              + "|(?<tgt>"
              + String.join("|", spacedAll("最終目標値", "目標値", "目標"))
              + ")(?: *\\( *(?<ty>"
              + ERA
              + ") *(?:年 *度?)? *\\))?"
              + "|(?<yr>"
              + ERA
              + ")(?: *年 *度?)?(?: *実 *績(?: *値)?)?)(?= |$)");

  private static String[] spacedAll(String... words) {
    String[] out = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      out[i] = spaced(words[i]);
    }
    return out;
  }

  /**
   * The header cells of a grid header line ({@code 区分 H27 H28}, {@code 従前値（H26） 目標値（H31）}, {@code
   * 区分 従前値 H27 … 目標値（H31）}), or null when the line is not one.
   */
  static List<HeaderCell> gridCells(String folded) {
    String f = folded;
    Matcher lead = GRID_P.matcher(f);
    boolean led = lead.lookingAt() && separated(f, lead.end());
    int at = led ? lead.end() : 0;
    List<HeaderCell> out = new ArrayList<>();
    Matcher m = CELL.matcher(f);
    while (at < f.length()) {
      if (f.substring(at).isBlank()) {
        break;
      }
      m.region(at, f.length());
      if (!m.lookingAt()) {
        return null;
      }
      String cell = m.group().strip();
      if (m.group("base") != null) {
        out.add(new HeaderCell(CellRole.BASELINE, year(m.group("by")), cell));
      } else if (m.group("tgt") != null) {
        out.add(new HeaderCell(CellRole.TARGET, year(m.group("ty")), cell));
      } else {
        out.add(new HeaderCell(CellRole.YEAR, year(m.group("yr")), cell));
      }
      at = m.end();
    }
    // a line of era years alone (H27 H28 …) is a header only with two or more of them, or led by 区分
    if (out.isEmpty() || !led && out.size() < 2 && out.get(0).role() == CellRole.YEAR) {
      return null;
    }
    return out;
  }

  private static Integer year(String era) {
    if (era == null) {
      return null;
    }
    String t = era.replace(" ", "");
    if (t.matches("(?:19|20)\\d\\d")) {
      return Integer.valueOf(t);
    }
    List<Eras.EraYear> y = Eras.all(t);
    return y.isEmpty() ? null : y.get(0).year();
  }

  // --- the result row --------------------------------------------------------------------------

  /** The three cells of a result row, each null where its label is not on the line. */
  record Result(String achievement, String grade, String progress) {}

  private static final Pattern RESULT_LABEL;

  /** The first chars of the result labels' spellings: a line with none of them holds no label. */
  private static final String RESULT_FIRST_CHARS;

  static {
    List<String> alts = new ArrayList<>();
    StringBuilder first = new StringBuilder();
    for (ResultLabel l : ResultLabel.values()) {
      for (String s : l.spellings) {
        alts.add(s);
        if (first.indexOf(s.substring(0, 1)) < 0) {
          first.append(s.charAt(0));
        }
      }
    }
    RESULT_FIRST_CHARS = first.toString();
    alts.sort(Comparator.comparingInt(String::length).reversed());
    List<String> spacedAlts = new ArrayList<>();
    for (String a : alts) {
      spacedAlts.add(spaced(a));
    }
    RESULT_LABEL =
        // a label starts the line or follows a space or, where a producer writes no space after
        // a right-aligned cell, the value before it (99.6％評定 Ｂ)
        Pattern.compile(
            "(?<=^|[ %0-9―\\-])(?:" + String.join("|", spacedAlts) + ")(?: *:)?(?= |$)");
  }

  /**
   * The result row's cells ({@code 達成率 60.0％ 評価 Ｃ 進捗状況 やや遅れ}, or any of its labels alone on a line
   * with its value), or null when the line is not one: it must start with one of the labels, name
   * each at most once, and every value must be short (a percent, a grade, a progress word). The
   * values are returned as printed.
   */
  static Result result(FoldedText text) {
    String folded = text.folded();
    if (!containsAny(folded, RESULT_FIRST_CHARS)) {
      return null; // most lines: RESULT_LABEL, unanchored, would be tried at every position
    }
    Matcher m = RESULT_LABEL.matcher(folded);
    List<int[]> spans = new ArrayList<>();
    List<ResultLabel> labels = new ArrayList<>();
    while (m.find()) {
      String w = m.group().replace(" ", "").replace(":", "");
      ResultLabel which = null;
      for (ResultLabel l : ResultLabel.values()) {
        if (Arrays.asList(l.spellings).contains(w)) {
          which = l;
        }
      }
      if (which == null || labels.contains(which)) {
        return null;
      }
      labels.add(which);
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty() || !folded.substring(0, spans.get(0)[0]).isBlank()) {
      return null;
    }
    Map<ResultLabel, String> v = new EnumMap<>(ResultLabel.class);
    for (int i = 0; i < spans.size(); i++) {
      int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : folded.length();
      String value = folded.substring(spans.get(i)[1], end).strip();
      if (value.length() > 12 || value.matches(".*[、。].*")) {
        return null;
      }
      v.put(labels.get(i), text.printedOf(spans.get(i)[1], end).strip());
    }
    String achievement = v.get(ResultLabel.ACHIEVEMENT);
    if (achievement != null
        && !achievement.isEmpty()
        && Values.single(FoldedText.of(achievement)) == null) {
      return null;
    }
    return new Result(achievement, v.get(ResultLabel.GRADE), v.get(ResultLabel.PROGRESS));
  }
}
