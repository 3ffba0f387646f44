package hyoka.transform;

/**
 * One report layout: a way cities print their KPI evaluations (a multi-project report with score
 * tables, one evaluation sheet per KPI, …). A layout says whether it claims a file's text, with the
 * evidence, and parses the texts it claims. Layouts are found by {@link Layouts} through {@link
 * java.util.ServiceLoader} (a layout's jar lists its class in {@code
 * META-INF/services/hyoka.transform.Layout}); they never depend on one another.
 *
 * <p>Implementations are stateless and thread-safe, with a public no-argument constructor.
 */
public interface Layout extends ReportParser {
  /**
   * The layout's name: what {@code hyoka ingest --layout NAME} takes and {@code reports.layout}
   * stores. Lower-case ASCII words joined by {@code -}, never changed once published.
   */
  String name();

  /** What the layout reads, in one line (for {@code --help} and the docs). */
  String description();

  /**
   * Whether this layout reads {@code text}, decided from the labels and structures it prints and
   * without a full parse, so that every layout can be asked about every file. A claim's evidence
   * names what was found and what was missing, so that a file no layout claims can be rejected with
   * the closest layout and what it lacked.
   */
  LayoutClaim claim(ReportText text);
}
