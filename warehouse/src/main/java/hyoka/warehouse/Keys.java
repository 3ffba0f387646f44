package hyoka.warehouse;

import hyoka.transform.Texts;
import java.util.Locale;

/**
 * The stable keys that identify a project and a KPI across annual reports, whose project numbers
 * shift and whose names wrap differently from year to year.
 *
 * <p>A name is normalised by NFKC ({@link Texts#fold}), removing every whitespace character (a
 * wrapped line is joined with or without a space depending on the extractor) and lower-casing Latin
 * letters. {@code project_key} is the normalised project name; {@code kpi_key} is {@code
 * project_key + "|" + normalised KPI name}. Should two projects (or two KPIs of one project) of one
 * report normalise to the same key, the later ones get {@code #2}, {@code #3} in printed order so
 * that keys stay unique within a report.
 */
public final class Keys {
  private Keys() {}

  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String folded = Texts.fold(name);
    StringBuilder b = new StringBuilder(folded.length());
    folded
        .codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
        .forEach(b::appendCodePoint);
    return b.toString().toLowerCase(Locale.ROOT);
  }

  public static String projectKey(String projectName) {
    return normalize(projectName);
  }

  public static String kpiKey(String projectKey, String kpiName) {
    return projectKey + "|" + normalize(kpiName);
  }
}
