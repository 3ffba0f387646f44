package hyoka.ingest;

import static java.util.Objects.requireNonNull;

import hyoka.transform.IngestedReport;
import hyoka.transform.ParsedReport;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The counts of one ingested report that the per-file line shows ({@code FY2019, 62 projects, 73
 * KPI rows, …}). Workers write it beside the shard, so the driver needs neither the report objects
 * nor the warehouse schema to print it.
 *
 * @param scoreMismatches KPI rows whose printed score differs from hyoka's; null when the report
 *     prints no score (its layout grades instead)
 * @param gradeMismatches KPI rows whose printed grade differs from the document's legend; null when
 *     the report prints no grade
 * @param pages the report's page count
 */
public record ReportSummary(
    String reportId,
    String file,
    String sha256,
    int fiscalYear,
    int projects,
    long kpiRows,
    Long scoreMismatches,
    Long gradeMismatches,
    long unknownLines,
    int pages)
    implements Serializable {
  public ReportSummary {
    requireNonNull(reportId, "reportId is null");
    requireNonNull(file, "file is null");
    requireNonNull(sha256, "sha256 is null");
  }

  static ReportSummary of(IngestedReport r) {
    ParsedReport p = r.report();
    return new ReportSummary(
        r.reportId(),
        r.sourceFile(),
        r.sha256(),
        p.fiscalYear(),
        p.projects().size(),
        p.kpiCount(),
        p.printsScores() ? p.scoreMismatches() : null,
        p.printsGrades() ? p.gradeMismatches() : null,
        p.unknownResidue(),
        p.pageCount());
  }

  /**
   * {@code FY2019, 62 projects, 73 KPI rows, 0 score mismatches, 4 unknown lines}: the mismatches
   * of what the report prints, score mismatches for a report that scores (strategy-report), grade
   * mismatches for one that grades (kpi-sheet), both for one that does both.
   */
  public String counts() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT, "FY%d, %d projects, %d KPI rows", fiscalYear, projects, kpiRows));
    if (scoreMismatches != null) {
      b.append(String.format(Locale.ROOT, ", %d score mismatches", scoreMismatches));
    }
    if (gradeMismatches != null) {
      b.append(String.format(Locale.ROOT, ", %d grade mismatches", gradeMismatches));
    }
    return b.append(String.format(Locale.ROOT, ", %d unknown lines", unknownLines)).toString();
  }

  void writeTo(Path dir) {
    Properties p = new Properties();
    p.setProperty("report_id", reportId);
    p.setProperty("file", file);
    p.setProperty("sha256", sha256);
    p.setProperty("fiscal_year", Integer.toString(fiscalYear));
    p.setProperty("projects", Integer.toString(projects));
    p.setProperty("kpi_rows", Long.toString(kpiRows));
    if (scoreMismatches != null) {
      p.setProperty("score_mismatches", Long.toString(scoreMismatches));
    }
    if (gradeMismatches != null) {
      p.setProperty("grade_mismatches", Long.toString(gradeMismatches));
    }
    p.setProperty("unknown_lines", Long.toString(unknownLines));
    p.setProperty("pages", Integer.toString(pages));
    StagingDir.writeProperties(dir.resolve(reportId + ".properties"), p, "the summary of " + file);
  }

  static List<ReportSummary> readAll(Path dir) {
    List<ReportSummary> out = new ArrayList<>();
    for (Properties p : StagingDir.readAllProperties(dir)) {
      out.add(of(p));
    }
    return out;
  }

  /** The summary in {@code file}. */
  static ReportSummary read(Path file) {
    return of(StagingDir.readProperties(file));
  }

  private static ReportSummary of(Properties p) {
    return new ReportSummary(
        p.getProperty("report_id"),
        p.getProperty("file"),
        p.getProperty("sha256"),
        Integer.parseInt(p.getProperty("fiscal_year")),
        Integer.parseInt(p.getProperty("projects")),
        Long.parseLong(p.getProperty("kpi_rows")),
        optionalLong(p, "score_mismatches"),
        optionalLong(p, "grade_mismatches"),
        Long.parseLong(p.getProperty("unknown_lines")),
        Integer.parseInt(p.getProperty("pages", "0")));
  }

  private static Long optionalLong(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null ? null : Long.valueOf(v);
  }
}
