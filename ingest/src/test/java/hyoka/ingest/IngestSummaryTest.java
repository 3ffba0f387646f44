package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary line counts the mismatches of what the run's reports print. */
class IngestSummaryTest {
  private static ReportSummary report(char c, Long scoreMismatches, Long gradeMismatches) {
    String sha = String.valueOf(c).repeat(64);
    return new ReportSummary(
        sha.substring(0, 16),
        c + ".pdf",
        sha,
        2019,
        62,
        73,
        scoreMismatches,
        gradeMismatches,
        4,
        36);
  }

  private static String line(ReportSummary... reports) {
    List<FileOutcome> files =
        java.util.Arrays.stream(reports).map(r -> FileOutcome.added(r, null, null)).toList();
    return new IngestSummary(files, 1, false, new StepTimes(List.of())).line();
  }

  @Test
  void reportsThatScoreCountScoreMismatchesOnly() {
    assertThat(line(report('a', 2L, null), report('b', 0L, null)))
        .isEqualTo(
            "2 files: 2 added (0 superseding), 0 unchanged, 0 duplicates, 0 rejected;"
                + " 124 projects, 146 KPI rows, 2 score mismatches, 8 unknown lines");
  }

  @Test
  void sheetsThatGradeCountGradeMismatchesOnly() {
    assertThat(line(report('a', null, 3L), report('b', null, 1L)))
        .isEqualTo(
            "2 files: 2 added (0 superseding), 0 unchanged, 0 duplicates, 0 rejected;"
                + " 124 projects, 146 KPI rows, 4 grade mismatches, 8 unknown lines");
  }

  @Test
  void aRunOfBothLayoutsCountsBoth() {
    assertThat(line(report('a', 2L, null), report('b', null, 3L)))
        .isEqualTo(
            "2 files: 2 added (0 superseding), 0 unchanged, 0 duplicates, 0 rejected;"
                + " 124 projects, 146 KPI rows, 2 score mismatches, 3 grade mismatches,"
                + " 8 unknown lines");
  }

  @Test
  void aRunThatAddsNothingReadsAsBefore() {
    assertThat(new IngestSummary(List.of(), 0, false, new StepTimes(List.of())).line())
        .isEqualTo(
            "0 files: 0 added (0 superseding), 0 unchanged, 0 duplicates, 0 rejected;"
                + " 0 projects, 0 KPI rows, 0 score mismatches, 0 unknown lines");
  }
}
