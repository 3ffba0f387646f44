package hyoka.search;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One KPI of a hit's project as the index stores it beside every text of the project: the printed
 * and the computed scores (never one in place of the other) and whether the target was reached, or,
 * for a layout that grades its KPIs instead (kpi-sheet), the printed achievement and grade and the
 * grade by the document's legend.
 *
 * @param score printed スコア, null when the report prints none
 * @param rawScore printed 補正前スコア, null when not printed
 * @param scoreComputed hyoka's score, null when not computable
 * @param rawScoreComputed hyoka's raw score, null when not computable
 * @param scoreStatus match, mismatch or not_computable (as the warehouse has it), or null
 * @param achievement printed 達成率 in percent, null when not printed (every strategy report)
 * @param grade printed grade, folded ({@code A}), null when none is printed
 * @param gradeByRule the grade the document's legend gives, null when not derivable or not graded
 * @param progress printed 進捗状況, or null
 */
public record KpiScore(
    int kpiNo,
    String name,
    String unit,
    BigDecimal score,
    BigDecimal rawScore,
    BigDecimal scoreComputed,
    BigDecimal rawScoreComputed,
    String scoreStatus,
    BigDecimal achievement,
    String grade,
    String gradeByRule,
    String progress) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final String SEP = "\t";

  public KpiScore {
    requireNonNull(name, "name is null");
  }

  /** The printed score, else the computed one; null when neither is known. */
  public BigDecimal effectiveScore() {
    return score != null ? score : scoreComputed;
  }

  /**
   * Whether the target was reached: raw score (printed, else computed) at least 100. Null when no
   * raw score is known; the clamped score cannot tell 100 from 129.
   */
  public Boolean achieved() {
    BigDecimal raw = rawScore != null ? rawScore : rawScoreComputed;
    return raw == null ? null : raw.compareTo(HUNDRED) >= 0;
  }

  /**
   * The printed grade, else the grade by the document's legend; null when the KPI is not graded.
   * What {@code --grade} filters on and the grade facet counts, as the effective score is for
   * scores.
   */
  public String effectiveGrade() {
    return grade != null ? grade : gradeByRule;
  }

  String encode() {
    return String.join(
        SEP,
        Integer.toString(kpiNo),
        clean(name),
        text(unit),
        str(score),
        str(rawScore),
        str(scoreComputed),
        str(rawScoreComputed),
        text(scoreStatus),
        str(achievement),
        text(grade),
        text(gradeByRule),
        text(progress));
  }

  static KpiScore decode(String s) {
    String[] f = s.split(SEP, -1);
    if (f.length != 12) {
      throw new IllegalArgumentException("bad stored kpi: " + s);
    }
    return new KpiScore(
        Integer.parseInt(f[0]),
        f[1],
        orNull(f[2]),
        num(f[3]),
        num(f[4]),
        num(f[5]),
        num(f[6]),
        orNull(f[7]),
        num(f[8]),
        orNull(f[9]),
        orNull(f[10]),
        orNull(f[11]));
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }

  private static String text(String s) {
    return s == null ? "" : clean(s);
  }

  private static String orNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static String str(BigDecimal d) {
    return d == null ? "" : d.toPlainString();
  }

  private static BigDecimal num(String s) {
    return s.isEmpty() ? null : new BigDecimal(s);
  }
}
