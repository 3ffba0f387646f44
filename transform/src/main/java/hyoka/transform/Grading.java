package hyoka.transform;

import static java.util.Objects.requireNonNull;

/**
 * A KPI's grade as a layout that grades KPIs prints it (評価, e.g. {@code Ａ}), the achievement it is
 * graded on (達成率), the progress label (進捗状況), and the grade hyoka derives from the document's own
 * legend ({@link GradeLegend}). Printed and derived grades are both kept, never overwritten. A
 * layout that prints no grade gives a KPI no Grading at all.
 *
 * @param achievement 達成率 as printed, its value in percent; missing with the reason where the
 *     document prints none for this KPI (e.g. {@code ―} when there is no actual)
 * @param gradePrinted the grade exactly as printed ({@code Ａ}, {@code －}); null when the cell is
 *     empty
 * @param grade the printed grade's symbol in the legend's folded form (NFKC: {@code A}, {@code -});
 *     null when nothing is printed
 * @param gradeByRule the symbol the document's legend gives for {@code achievement} (its no-actual
 *     symbol when there is no actual); null when it cannot be derived, {@code note} says why
 * @param status how {@code grade} and {@code gradeByRule} compare
 * @param note why the grade by rule is unknown, or what the mismatch is; null when they match
 * @param progress 進捗状況 as printed ({@code 順調}, {@code 概ね順調}, …); null when the document prints none
 *     or only a dash
 * @param page 1-based page the grade is printed on
 */
public record Grading(
    PrintedValue achievement,
    String gradePrinted,
    String grade,
    String gradeByRule,
    ScoreStatus status,
    String note,
    String progress,
    int page)
    implements java.io.Serializable {
  public Grading {
    requireNonNull(achievement, "achievement is null");
    requireNonNull(status, "status is null");
    if ((gradePrinted == null) != (grade == null)) {
      throw new IllegalArgumentException("a grade needs its printed form: " + gradePrinted);
    }
    if (status == ScoreStatus.MATCH && note != null) {
      throw new IllegalArgumentException("a matching grade with a note: " + note);
    }
  }
}
