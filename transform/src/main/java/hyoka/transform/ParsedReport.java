package hyoka.transform;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything the parser read from one report.
 *
 * @param layout the name of the {@link Layout} that read the report
 * @param fiscalYear the report year (Western), from the text (e.g. H31年度 → 2019)
 * @param title the report's title when the text prints one, else null
 * @param residue every non-blank line that is not data, with its class
 * @param gradeLegend the grade legend the document prints; null when it prints none
 */
public record ParsedReport(
    String sourceFile,
    String layout,
    int fiscalYear,
    String title,
    int pageCount,
    List<Project> projects,
    List<ResidueLine> residue,
    GradeLegend gradeLegend)
    implements java.io.Serializable {
  public ParsedReport {
    requireNonNull(sourceFile, "sourceFile is null");
    requireNonNull(layout, "layout is null");
    projects = List.copyOf(requireNonNull(projects, "projects is null"));
    residue = List.copyOf(requireNonNull(residue, "residue is null"));
  }

  public long kpiCount() {
    return projects.stream().mapToLong(p -> p.kpis().size()).sum();
  }

  public long scoreMismatches() {
    return projects.stream()
        .flatMap(p -> p.kpis().stream())
        .filter(k -> k.scoreStatus() == ScoreStatus.MISMATCH)
        .count();
  }

  /** KPI rows whose printed grade differs from the grade the document's legend gives. */
  public long gradeMismatches() {
    return projects.stream()
        .flatMap(p -> p.kpis().stream())
        .filter(k -> k.grading() != null && k.grading().status() == ScoreStatus.MISMATCH)
        .count();
  }

  /**
   * Whether the report prints scores (a KPI prints a スコア or 補正前スコア). A layout that prints none has
   * no score mismatches to count: the warehouse stores NULL, not 0, and the ingest line leaves them
   * out.
   */
  public boolean printsScores() {
    return projects.stream()
        .flatMap(p -> p.kpis().stream())
        .anyMatch(k -> k.score().printed() != null || k.rawScore().printed() != null);
  }

  /** Whether the report grades its KPIs: it prints a grade legend or a KPI has a grading. */
  public boolean printsGrades() {
    return gradeLegend != null
        || projects.stream().flatMap(p -> p.kpis().stream()).anyMatch(k -> k.grading() != null);
  }

  public long unknownResidue() {
    return residue.stream().filter(r -> r.cls() == ResidueClass.UNKNOWN).count();
  }
}
