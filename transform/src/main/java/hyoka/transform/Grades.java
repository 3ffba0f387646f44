package hyoka.transform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grade legends read from a document's text, and a KPI's printed grade compared with the grade its
 * legend gives: the grading counterpart of {@link Scores}, for every layout that prints letter
 * grades. A legend is never assumed: {@link #legend} reads the bands a document prints, in the
 * spellings legends use ({@code Ａ＝達成率100％以上　Ｂ＝80％以上100％未満}, {@code A: 100%超}, {@code B=80～100%未満},
 * {@code D：50%以下}, {@code －＝実績なし}).
 */
public final class Grades {
  private Grades() {}

  /** The symbols legends grade with: a Latin letter, a mark, or a dash for "no actual". */
  private static final String SYMBOL = "[A-Za-z]|[◎○〇△▲▽×●■□◇◆]|-|ー";

  /** A symbol and the sign after it that starts its condition ({@code A=}, {@code B:}). */
  /** The dashes a printed grade or progress label may be: one ASCII {@code -} after folding. */
  private static final Pattern DASHES = Pattern.compile("[―‐‑‒–—－]");

  private static final Pattern ENTRY =
      Pattern.compile("(?<![A-Za-z0-9.%])(?<sym>" + SYMBOL + ") ?[=:] ?");

  /** The words before a legend's bands: 評価基準：, 【判定基準】, ※評価の基準 … */
  private static final Pattern HEAD =
      Pattern.compile("^[\\s※*【\\[(]*(?:評価|判定|評定)(?:の)?基準[】\\])]*\\s*[:=]?\\s*");

  /** "No actual" in the legends' words: 実績なし, 実績値なし, 実績無し, 実績が無い, 未実施. */
  private static final Pattern NO_ACTUAL =
      Pattern.compile("^(?:実績値?(?:が)?(?:な|無)し?い?|実績値?なし|未実施|実績未確定)$");

  /** A number in percent and what it says about the bound: 以上, 超, 以下, 未満, or nothing. */
  private static final Pattern BOUND =
      Pattern.compile("(?<num>[+-]?\\d+(?:\\.\\d+)?) ?%? ?(?<rel>以上|超え?|を超える|以下|未満)?");

  /**
   * The legend {@code printed} states.
   *
   * @param printed the legend's text as printed (one line, or its wrapped lines joined)
   * @param page 1-based page it is printed on
   * @throws IllegalArgumentException with the reason when the text is no legend this reads (no
   *     band, a band whose range cannot be read, two bands that overlap): a legend half read would
   *     grade wrongly, so none is returned
   */
  public static GradeLegend legend(String printed, int page) {
    String f = Texts.fold(printed).replaceAll("[\\s\u3000]+", " ").strip();
    f = foldDashes(f);
    Matcher head = HEAD.matcher(f);
    if (head.find()) {
      f = f.substring(head.end());
    }
    List<int[]> entries = new ArrayList<>();
    List<String> symbols = new ArrayList<>();
    Matcher m = ENTRY.matcher(f);
    while (m.find()) {
      entries.add(new int[] {m.start(), m.end()});
      symbols.add(symbol(m.group("sym")));
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("no band (symbol = range) in " + printed);
    }
    List<GradeLegend.Band> bands = new ArrayList<>();
    String noActual = null;
    for (int i = 0; i < entries.size(); i++) {
      int end = i + 1 < entries.size() ? entries.get(i + 1)[0] : f.length();
      String cond = f.substring(entries.get(i)[1], end).replaceAll("[ 、,，;/／。]+$", "").strip();
      String symbol = symbols.get(i);
      String tight = cond.replace(" ", "");
      if (NO_ACTUAL.matcher(tight).matches()) {
        if (noActual != null) {
          throw new IllegalArgumentException("two symbols for no actual in " + printed);
        }
        noActual = symbol;
        continue;
      }
      bands.add(band(symbol, cond, printed));
    }
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("no band with an achievement range in " + printed);
    }
    for (int i = 0; i < bands.size(); i++) {
      for (int j = i + 1; j < bands.size(); j++) {
        if (overlap(bands.get(i), bands.get(j))) {
          throw new IllegalArgumentException(
              "bands "
                  + bands.get(i).symbol()
                  + " and "
                  + bands.get(j).symbol()
                  + " overlap in "
                  + printed);
        }
      }
    }
    return new GradeLegend(printed, page, bands, noActual);
  }

  /**
   * One band's range: {@code 達成率100％以上}, {@code 80％以上100％未満}, {@code 80～100％未満} (the lower end of a
   * {@code ～} range is inclusive), {@code 50％未満}, {@code 100%超}, {@code 50%以下}.
   */
  private static GradeLegend.Band band(String symbol, String cond, String printed) {
    String c = cond.replaceFirst("^(?:達成率|達成度|進捗率)(?:が|は)? ?", "");
    c = c.replace(" ", "").replace("から", "~");
    // the bounds, each a number with its word, one after the other (a ～ between two)
    List<String[]> found = new ArrayList<>();
    Matcher b = BOUND.matcher(c);
    int at = 0;
    while (at < c.length() && found.size() < 3) {
      b.region(at, c.length());
      if (!b.lookingAt()) {
        break;
      }
      found.add(new String[] {b.group("num"), b.group("rel")});
      at = b.end();
      if (at < c.length() && c.charAt(at) == '~') {
        at++;
      }
    }
    if (at != c.length() || found.isEmpty() || found.size() > 2) {
      throw new IllegalArgumentException(
          "band " + symbol + " has no range this reads (" + cond + ") in " + printed);
    }
    BigDecimal lower = null;
    BigDecimal upper = null;
    boolean lowerOpen = false;
    boolean upperClosed = false;
    for (int i = 0; i < found.size(); i++) {
      BigDecimal n = new BigDecimal(found.get(i)[0]);
      String rel = found.get(i)[1];
      if (rel == null) {
        // only the first of two bounds may go without a word: the lower end of a ～ range
        if (found.size() == 2 && i == 0) {
          rel = "以上";
        } else {
          throw new IllegalArgumentException(
              "band " + symbol + " has a bound without 以上/超/以下/未満 (" + cond + ") in " + printed);
        }
      }
      if (rel.equals("以上") || rel.startsWith("超") || rel.equals("を超える")) {
        if (lower != null) {
          throw new IllegalArgumentException(
              "band " + symbol + " has two lower bounds (" + cond + ") in " + printed);
        }
        lower = n;
        lowerOpen = !rel.equals("以上");
      } else {
        if (upper != null) {
          throw new IllegalArgumentException(
              "band " + symbol + " has two upper bounds (" + cond + ") in " + printed);
        }
        upper = n;
        upperClosed = rel.equals("以下");
      }
    }
    try {
      return new GradeLegend.Band(symbol, lower, upper, lowerOpen, upperClosed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "band " + symbol + " is empty (" + cond + ") in " + printed, e);
    }
  }

  private static boolean overlap(GradeLegend.Band a, GradeLegend.Band b) {
    // the higher of the two lower ends against the lower of the two upper ends
    GradeLegend.Band lowFromHigher = higherLower(a, b);
    GradeLegend.Band upFromLower = lowerUpper(a, b);
    BigDecimal lo = lowFromHigher.atLeast();
    BigDecimal up = upFromLower.below();
    if (lo == null || up == null) {
      return true;
    }
    int c = lo.compareTo(up);
    return c < 0 || c == 0 && !lowFromHigher.lowerOpen() && upFromLower.upperClosed();
  }

  private static GradeLegend.Band higherLower(GradeLegend.Band a, GradeLegend.Band b) {
    if (a.atLeast() == null) {
      return b;
    }
    if (b.atLeast() == null) {
      return a;
    }
    int c = a.atLeast().compareTo(b.atLeast());
    return c > 0 || c == 0 && a.lowerOpen() ? a : b;
  }

  private static GradeLegend.Band lowerUpper(GradeLegend.Band a, GradeLegend.Band b) {
    if (a.below() == null) {
      return b;
    }
    if (b.below() == null) {
      return a;
    }
    int c = a.below().compareTo(b.below());
    return c < 0 || c == 0 && !a.upperClosed() ? a : b;
  }

  /**
   * A printed grade or legend symbol in the form legends are compared in: NFKC ({@code Ａ} → {@code
   * A}), upper case, every dash ({@code －}, {@code ―}, {@code ‐}, {@code —}) as {@code -}; null for
   * null or blank.
   */
  public static String symbol(String printed) {
    if (printed == null || printed.isBlank()) {
      return null;
    }
    return foldDashes(Texts.fold(printed).strip()).toUpperCase(java.util.Locale.ROOT);
  }

  /** Dashes as {@code -}; the long-vowel mark ー only alone (a symbol), never inside a word. */
  private static String foldDashes(String s) {
    String d = DASHES.matcher(s).replaceAll("-");
    return d.equals("ー") ? "-" : d;
  }

  /**
   * A KPI's grading: the printed grade next to the grade {@code legend} gives for the printed
   * achievement, never overwriting either.
   *
   * @param legend the legend printed beside the grade; null when the document prints none
   * @param noLegend why there is no legend (a sentence), when {@code legend} is null
   * @param achievement the printed 達成率 (missing with its reason where none is printed)
   * @param actual the year's printed actual, which tells "no actual" (the legend's no-actual
   *     symbol) from an achievement that is missing although there is an actual
   * @param gradePrinted the grade as printed; null when the cell is empty
   * @param progressPrinted the progress label as printed; null or a dash when none
   * @param page 1-based page of the grade
   */
  public static Grading grade(
      GradeLegend legend,
      String noLegend,
      PrintedValue achievement,
      PrintedValue actual,
      String gradePrinted,
      String progressPrinted,
      int page) {
    String printed = gradePrinted == null || gradePrinted.isBlank() ? null : gradePrinted.strip();
    String grade = symbol(printed);
    String byRule = null;
    String why = null;
    if (legend == null) {
      why = noLegend == null ? "no grade legend printed" : noLegend;
    } else if (achievement.isKnown()) {
      byRule = legend.symbolFor(achievement.value());
      if (byRule == null) {
        why = "no band of the legend contains " + achievement.value().toPlainString() + "%";
      }
    } else if (actual.isKnown()) {
      why =
          "no achievement printed ("
              + describe(achievement)
              + ") although the actual is "
              + actual.printed();
    } else {
      byRule = legend.noActualSymbol();
      if (byRule == null) {
        why = "the legend names no symbol for no actual (" + describe(actual) + ")";
      }
    }
    ScoreStatus status;
    String note;
    if (byRule == null) {
      status = ScoreStatus.NOT_COMPUTABLE;
      note = why;
    } else if (grade == null) {
      status = ScoreStatus.NOT_COMPUTABLE;
      note = "no grade printed; the legend gives " + byRule;
    } else if (grade.equals(byRule)) {
      status = ScoreStatus.MATCH;
      note = null;
    } else {
      status = ScoreStatus.MISMATCH;
      note =
          "printed "
              + printed
              + " but the legend gives "
              + byRule
              + " for "
              + (achievement.isKnown() ? achievement.printed() : "no actual");
    }
    return new Grading(
        achievement, printed, grade, byRule, status, note, progress(progressPrinted), page);
  }

  /** The progress label, or null where none or only a dash is printed. */
  private static String progress(String printed) {
    if (printed == null) {
      return null;
    }
    String p = printed.strip();
    return p.isEmpty() || "-".equals(symbol(p)) ? null : p;
  }

  private static String describe(PrintedValue v) {
    return v.printed() != null ? v.printed() : v.nullReason();
  }
}
