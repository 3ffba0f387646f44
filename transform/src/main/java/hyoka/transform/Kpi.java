package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * One KPI value row of a project (施策ＫＰＩ), with everything printed about it and the score hyoka
 * computes from it. Printed and computed scores are both kept, never overwritten.
 *
 * @param kpiNo 1-based number of the value row within the project, in printed order
 * @param name KPI name as printed, wrapped lines joined
 * @param unit unit of the KPI (NFKC), from the values or the name line; null if none printed
 * @param baselineYear fiscal year of the baseline from the project's header; null if unreadable
 * @param baseline the baseline value (基準値)
 * @param actual the report year's actual value (from the KPI name line)
 * @param targetYear fiscal year of the target (目標値(H31) → 2019)
 * @param target the target value
 * @param values every printed value: baseline, each yearly actual with its year, target
 * @param rawScore printed 補正前スコア
 * @param score printed スコア
 * @param rawScoreComputed raw score computed by {@code scoreRule}; null when not computable
 * @param scoreComputed score computed by {@code scoreRule}; null when not computable
 * @param scoreStatus how printed and computed compare
 * @param scoreRule the rule used for the computed score
 * @param scoreNote why the score is not computable or what the mismatch is; null when matching
 * @param targetNote the {@code ※…} revision note printed under [目標値], or null
 * @param targetBasis the basis of the target (e.g. {@code +1世帯/年}), or null
 * @param sharedNoteWith kpi numbers of other rows of the project that received the same merged note
 *     or basis (empty when it is this row's own)
 * @param matchEvidence what decided which name line belongs to this value row
 * @param page 1-based page of the value row
 * @param grading the grade, achievement and progress the layout prints; null when the layout prints
 *     no grade (the strategy report scores instead)
 */
public record Kpi(
    int kpiNo,
    String name,
    String unit,
    Integer baselineYear,
    PrintedValue baseline,
    PrintedValue actual,
    Integer targetYear,
    PrintedValue target,
    List<KpiValue> values,
    PrintedValue rawScore,
    PrintedValue score,
    BigDecimal rawScoreComputed,
    BigDecimal scoreComputed,
    ScoreStatus scoreStatus,
    ScoreRule scoreRule,
    String scoreNote,
    String targetNote,
    String targetBasis,
    List<Integer> sharedNoteWith,
    MatchEvidence matchEvidence,
    int page,
    Grading grading)
    implements java.io.Serializable {
  public Kpi {
    if (kpiNo < 1) {
      throw new IllegalArgumentException("kpiNo must be >= 1: " + kpiNo);
    }
    requireNonNull(baseline, "baseline is null");
    requireNonNull(actual, "actual is null");
    requireNonNull(target, "target is null");
    values = List.copyOf(requireNonNull(values, "values is null"));
    requireNonNull(rawScore, "rawScore is null");
    requireNonNull(score, "score is null");
    requireNonNull(scoreStatus, "scoreStatus is null");
    requireNonNull(scoreRule, "scoreRule is null");
    sharedNoteWith = List.copyOf(requireNonNull(sharedNoteWith, "sharedNoteWith is null"));
    requireNonNull(matchEvidence, "matchEvidence is null");
  }
}
