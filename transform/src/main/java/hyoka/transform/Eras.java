package hyoka.transform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Japanese era years as printed in the reports (H31, R元, 平成31, 令和2) to Western years. */
final class Eras {
  private Eras() {}

  static final Pattern ERA_YEAR = Pattern.compile("(H|R|平成|令和)(\\d{1,2}|元)");

  /** The Western year of an era and its printed year number ("元" = 1). */
  static int western(String era, String year) {
    int y = year.equals("元") ? 1 : Integer.parseInt(year);
    return switch (era) {
      case "H", "平成" -> 1988 + y;
      case "R", "令和" -> 2018 + y;
      default -> throw new IllegalArgumentException("unknown era: " + era);
    };
  }

  /** The Western year of the first era year in a folded text, or null. */
  static Integer first(String folded) {
    Matcher m = ERA_YEAR.matcher(folded);
    return m.find() ? western(m.group(1), m.group(2)) : null;
  }
}
