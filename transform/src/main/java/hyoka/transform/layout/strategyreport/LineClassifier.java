package hyoka.transform.layout.strategyreport;

import hyoka.transform.FoldedText;
import hyoka.transform.Values;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells what a line is from its own text (folded, spaces removed), so that producer differences
 * (full-width forms, Kangxi radicals, inserted spaces) do not matter. Position-dependent kinds (the
 * page marker, chart titles) are decided by the page reader.
 */
final class LineClassifier {
  private static final Pattern IMPL =
      Pattern.compile("^《(?:平成|令和)(?:\\d+|元)年度(?:\\((?:令和)?元年度\\))?実施内容》");
  private static final Pattern SUMMARY_RANGE = Pattern.compile("^\\(H\\d+~(?:H|R)\\d+\\)$");
  private static final Pattern TARGET_HEAD =
      Pattern.compile("^目標値\\(" + KpiHeader.YEAR_FORM + "(?:年度)?\\)$");
  private static final Pattern YEAR_HEAD = Pattern.compile("^" + KpiHeader.YEAR_FORM + "年度$");

  /** `6 ＜生活環境部`: the project's number, then its department. */
  private static final Pattern DEPT = Pattern.compile("^(\\d{1,3})<.+");

  /**
   * A page marker (tight form): the number of the page's first project (` 6`; two-digit numbers
   * print as `#`), maybe with the heading of the project group that starts there (` # （２）…`: group
   * 1 its number, group 2 its name). A decimal never matches: that is a chart label.
   */
  static final Pattern PAGE_MARKER = Pattern.compile("^#?\\d{0,3}(?:\\((\\d)\\)(.+))?$");

  private static final Pattern HEADER_FRAGMENT =
      Pattern.compile(
          "^(?:基準値\\(.*|\\d{1,4}\\)|(?:"
              + KpiHeader.YEAR_FORM
              + "(?:年度)?実績値)+|\\d{1,4}\\)(?:"
              + KpiHeader.YEAR_FORM
              + "(?:年度)?実績値)+)$");
  private static final Pattern NUMBERS =
      Pattern.compile("^-?\\d+(?:\\.\\d+)?%?(?: +-?\\d+(?:\\.\\d+)?%?)*$");
  private static final Pattern AXIS = Pattern.compile("^(?:H\\d{2}){2,}$");

  Line classify(int page, int lineNo, String printed) {
    FoldedText text = FoldedText.of(printed);
    String tight = FoldedText.tight(text.folded());
    return new Line(page, lineNo, text, tight, kindOf(text, tight));
  }

  /**
   * @param text the line
   * @param t its folded form without spaces
   */
  static LineKind kindOf(FoldedText text, String t) {
    if (t.isEmpty()) {
      return LineKind.BLANK;
    }
    if (t.equals("補正前スコアスコア")) {
      return LineKind.SCORE_LABEL;
    }
    if (t.equals("[目標値]")) {
      return LineKind.TARGET_LABEL;
    }
    if (t.equals("《現状分析》")) {
      return LineKind.STATUS_LABEL;
    }
    if (t.startsWith("●個別事業")) {
      return LineKind.BUDGET_LABEL;
    }
    if (t.startsWith("概要:")) {
      return LineKind.OVERVIEW_LABEL;
    }
    if (t.startsWith("目的:")) {
      return LineKind.PURPOSE_LABEL;
    }
    // each pattern only where its first or last chars can match: most lines meet none
    char first = t.charAt(0);
    char last = t.charAt(t.length() - 1);
    if (first == '《' && IMPL.matcher(t).find()) {
      return LineKind.IMPL_LABEL;
    }
    if (t.contains("5年間の総括")) {
      return LineKind.SUMMARY_LABEL;
    }
    if (first == '(' && last == ')' && SUMMARY_RANGE.matcher(t).matches()) {
      return LineKind.SUMMARY_RANGE;
    }
    if (first == '目' && last == ')' && TARGET_HEAD.matcher(t).matches()) {
      return LineKind.TARGET_HEAD;
    }
    if (t.equals("実績値")) {
      return LineKind.ACTUAL_HEAD;
    }
    if (last == '度' && YEAR_HEAD.matcher(t).matches()) {
      return LineKind.YEAR_HEAD;
    }
    if (t.startsWith("施策KPI")) {
      return LineKind.KPI_HEADER;
    }
    if ((first == '基'
            || first == 'H'
            || first == 'R'
            || first == '平'
            || first == '令'
            || isDigit(first))
        && HEADER_FRAGMENT.matcher(t).matches()) {
      return LineKind.HEADER_FRAGMENT;
    }
    if (isDigit(first) && DEPT.matcher(t).matches()) {
      return LineKind.DEPT;
    }
    if (t.startsWith("※")) {
      return LineKind.NOTE;
    }
    if (t.equals("実績値目標値スコア")) {
      return LineKind.CHART_LEGEND;
    }
    if (first == 'H' && AXIS.matcher(t).matches()) {
      return LineKind.CHART_AXIS;
    }
    if (isValueRow(text)) {
      return LineKind.VALUE_ROW;
    }
    // the folded form has no whitespace but ' ' (FoldingTest), so strip() only drops spaces
    if (onlyNumberChars(t) && NUMBERS.matcher(text.folded().strip()).matches()) {
      return LineKind.NUMBERS;
    }
    return LineKind.TEXT;
  }

  /**
   * A KPI value row: six or more values (baseline, yearly actuals, raw score, score, target), the
   * two score columns before the target without a unit.
   */
  static boolean isValueRow(FoldedText text) {
    // six values need five spaces between them: most lines fail this before any pattern runs
    String f = text.folded();
    int spaces = 0;
    for (int i = 0; i < f.length() && spaces < 5; i++) {
      if (f.charAt(i) == ' ') {
        spaces++;
      }
    }
    if (spaces < 5) {
      return false;
    }
    List<Values.Token> t = Values.rowTokens(text);
    return t.size() >= 6
        && t.get(t.size() - 3).value().unit() == null
        && t.get(t.size() - 2).value().unit() == null;
  }

  /** The project number of a {@link LineKind#DEPT} line. */
  static int projectNo(Line dept) {
    Matcher m = DEPT.matcher(dept.tight());
    if (!dept.is(LineKind.DEPT) || !m.matches()) {
      throw new IllegalArgumentException("not a department line: " + dept);
    }
    return Integer.parseInt(m.group(1));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether t has only chars a NUMBERS line can have besides spaces. */
  private static boolean onlyNumberChars(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if ((c < '0' || c > '9') && c != '.' && c != '%' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** The text glued after a label (`目的： 男女共同…`), or "" when the label stands alone. */
  static String gluedText(Line line) {
    String f = line.folded();
    int colon = -1;
    switch (line.kind()) {
      case OVERVIEW_LABEL, PURPOSE_LABEL -> colon = f.indexOf(':');
      case IMPL_LABEL -> colon = f.indexOf('》');
      case SUMMARY_LABEL -> {
        int total = f.indexOf("総括");
        int c = f.indexOf(':', total);
        colon = c < 0 ? total + 1 : c;
        // the range (H27~H31) can follow on the same line
        int range = f.indexOf(')', colon);
        if (range > 0 && f.substring(colon, range).contains("~")) {
          colon = range;
        }
      }
      default -> {
        return "";
      }
    }
    if (colon < 0) {
      return "";
    }
    return line.text().printedOf(colon + 1, f.length()).strip();
  }
}
