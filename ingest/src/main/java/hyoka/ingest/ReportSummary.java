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
 */
public record ReportSummary(
    String reportId,
    String file,
    String sha256,
    int fiscalYear,
    int projects,
    long kpiRows,
    long scoreMismatches,
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
        p.scoreMismatches(),
        p.unknownResidue(),
        p.pageCount());
  }

  /** {@code FY2019, 62 projects, 73 KPI rows, 0 score mismatches, 4 unknown lines}. */
  public String counts() {
    return String.format(
        Locale.ROOT,
        "FY%d, %d projects, %d KPI rows, %d score mismatches, %d unknown lines",
        fiscalYear,
        projects,
        kpiRows,
        scoreMismatches,
        unknownLines);
  }

  void writeTo(Path dir) {
    Properties p = new Properties();
    p.setProperty("report_id", reportId);
    p.setProperty("file", file);
    p.setProperty("sha256", sha256);
    p.setProperty("fiscal_year", Integer.toString(fiscalYear));
    p.setProperty("projects", Integer.toString(projects));
    p.setProperty("kpi_rows", Long.toString(kpiRows));
    p.setProperty("score_mismatches", Long.toString(scoreMismatches));
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
        Long.parseLong(p.getProperty("score_mismatches")),
        Long.parseLong(p.getProperty("unknown_lines")),
        Integer.parseInt(p.getProperty("pages", "0")));
  }
}
