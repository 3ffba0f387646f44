package hyoka.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese era years as printed in the reports (H31, R元, 平成31, 令和2) to Western years: 平成 (H) year +
 * 1988, 令和 (R) year + 2018, {@code 元} is year 1 (H31 = R元 = 2019). Layout-independent: every layout
 * reads its years through here.
 */
public final class Eras {
  private Eras() {}

  /** An era year; {@link #first} finds its first match without a matcher (ErasTest). */
  public static final Pattern ERA_YEAR = Pattern.compile("(H|R|平成|令和)(\\d{1,2}|元)");

  /**
   * The Western year of an era and its printed year number ("元" = 1).
   *
   * @param era {@code H}, {@code R}, {@code 平成} or {@code 令和} (folded form)
   * @throws IllegalArgumentException for any other era
   */
  public static int western(String era, String year) {
    int y = year.equals("元") ? 1 : Integer.parseInt(year);
    return switch (era) {
      case "H", "平成" -> 1988 + y;
      case "R", "令和" -> 2018 + y;
      default -> throw new IllegalArgumentException("unknown era: " + era);
    };
  }

  /**
   * The Western year of the first era year in a folded text (see {@link Texts#fold}), or null when
   * it holds none. {@code 目標値(H31)} gives 2019.
   */
  public static Integer first(String folded) {
    // what ERA_YEAR.matcher(folded).find() finds, without a matcher per call
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      int era;
      if (c == 'H' || c == 'R') {
        era = 1;
      } else if (folded.startsWith("平成", i) || folded.startsWith("令和", i)) {
        era = 2;
      } else {
        continue;
      }
      int base = c == 'H' || c == '平' ? 1988 : 2018;
      int j = i + era;
      if (j < folded.length() && isDigit(folded.charAt(j))) {
        int year = folded.charAt(j) - '0';
        if (j + 1 < folded.length() && isDigit(folded.charAt(j + 1))) {
          year = year * 10 + folded.charAt(j + 1) - '0';
        }
        return base + year;
      }
      if (j < folded.length() && folded.charAt(j) == '元') {
        return base + 1;
      }
    }
    return null;
  }

  /**
   * An era year as producers print it in headers and titles, in folded form: {@code H31}, {@code
   * R元}, {@code 令和元}, {@code 平成 31} (a word processor's space between era and number), {@code Ｈ３１}
   * once folded. A number of three or more digits is no year ({@code H123}), unlike {@link
   * #ERA_YEAR}, which the strategy report's lines are matched with.
   */
  private static final Pattern SPACED_ERA_YEAR =
      Pattern.compile("(H|R|平成|令和) ?(\\d{1,2}|元)(?!\\d)");

  /**
   * One era year found in a text.
   *
   * @param start its first char in the folded text
   * @param end the char after it
   * @param year the Western year
   */
  public record EraYear(int start, int end, int year) {}

  /**
   * Every era year of a folded text (see {@link Texts#fold}) in printed order, read as {@link
   * #SPACED_ERA_YEAR} says: {@code 区分 H 27 H 28} gives 2015 and 2016.
   */
  public static List<EraYear> all(String folded) {
    List<EraYear> out = new ArrayList<>();
    Matcher m = SPACED_ERA_YEAR.matcher(folded);
    while (m.find()) {
      out.add(new EraYear(m.start(), m.end(), western(m.group(1), m.group(2))));
    }
    return out;
  }

  /**
   * The Western year of the first era year of a printed text, folded here: {@code 令和元年度} and {@code
   * 平成 31 年度} give 2019, {@code 令和２年度} 2020; null when it holds none.
   */
  public static Integer firstPrinted(String printed) {
    List<EraYear> years = all(FoldedText.of(printed).folded());
    return years.isEmpty() ? null : years.get(0).year();
  }

  private static final Pattern TYPED_WESTERN_YEAR = Pattern.compile("\\d{4}");

  /**
   * The fiscal year a person typed, as a filter: {@code 2019}, {@code 2019年度}, {@code FY2019},
   * {@code 令和元}, {@code 令和元年度}, {@code R1}, {@code 平成31}, {@code H31}, full-width digits and spaces
   * allowed ({@code ２０１９}, {@code 令和 元 年度}), any case. The era years give the Western year in which
   * the fiscal year starts (令和元年度 = 2019), as the reports' own era years do.
   *
   * @throws IllegalArgumentException naming what was typed and the forms it takes, for anything
   *     else
   */
  public static int fiscalYear(String typed) {
    String s = Texts.fold(typed == null ? "" : typed).replaceAll("\\s+", "");
    s = s.toUpperCase(java.util.Locale.ROOT);
    if (s.startsWith("FY")) {
      s = s.substring(2);
    }
    if (s.endsWith("年度")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("年")) {
      s = s.substring(0, s.length() - 1);
    }
    if (TYPED_WESTERN_YEAR.matcher(s).matches()) {
      return Integer.parseInt(s);
    }
    Matcher m = ERA_YEAR.matcher(s);
    // an era starts with its year 1 (元年): R0 and 令和00 are no year
    if (!m.matches() || m.group(2).matches("0+")) {
      throw notAFiscalYear(typed);
    }
    return western(m.group(1), m.group(2));
  }

  private static IllegalArgumentException notAFiscalYear(String typed) {
    return new IllegalArgumentException(
        "'" + typed + "' is not a fiscal year: write it as 2019, 2019年度, 令和元 (R1) or 平成31 (H31)");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
