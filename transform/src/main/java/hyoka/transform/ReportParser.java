package hyoka.transform;

/**
 * Reads the projects, KPIs, budget items, narratives and residue of one evaluation report from its
 * extracted text. Plain Java: no I/O.
 */
public interface ReportParser {
  /**
   * Parses the report.
   *
   * @throws HyokaException with {@link ErrorCode#NOT_A_REPORT} when the text is not such a report
   *     (a one-line message that says what was missing)
   */
  ParsedReport parse(ReportText text);
}
