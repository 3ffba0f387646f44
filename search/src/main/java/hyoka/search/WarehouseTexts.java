package hyoka.search;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the index holds from the warehouse tables over plain JDBC: the reports and, per
 * report, one {@link TextDoc} per narrative (of either layout), budget-item text, KPI name, KPI
 * target basis, project description and project (its name with its budget items' names). The
 * warehouse is the source of truth; this is the only place that knows its column names.
 */
final class WarehouseTexts {
  private WarehouseTexts() {}

  /**
   * A report row: what sync compares with the index's marker documents.
   *
   * @param runId the run that read the report ({@code reports.run_id}): a report re-parsed by
   *     another hyoka version keeps its report_id but not its run, and is indexed again
   */
  record ReportRow(
      String reportId, String series, int fiscalYear, String supersededBy, long runId) {
    ReportRow {
      requireNonNull(reportId, "reportId is null");
      requireNonNull(series, "series is null");
    }

    boolean current() {
      return supersededBy == null;
    }
  }

  /** One project row with its KPIs. */
  record ProjectRow(
      int projectNo,
      Integer groupNo,
      String groupName,
      String name,
      String department,
      String section,
      String description,
      int page,
      String projectKey,
      List<KpiScore> kpis) {
    ProjectRow {
      requireNonNull(name, "name is null");
      kpis = List.copyOf(kpis);
    }
  }

  /** One searchable text: a narrative, a budget-item text, a KPI name or a KPI's target basis. */
  record TextDoc(
      ProjectRow project, String kind, Integer itemNo, String itemName, String text, int page) {
    TextDoc {
      requireNonNull(project, "project is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(text, "text is null");
    }
  }

  /** A budget_items row: its name and its texts as (kind, text) pairs in printed order. */
  private record ItemRow(int projectNo, int itemNo, String name, List<String[]> texts, int page) {}

  static Map<String, ReportRow> reports(Connection c) throws SQLException {
    Map<String, ReportRow> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT report_id, series, fiscal_year, superseded_by, run_id FROM reports"
                    + " ORDER BY report_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ReportRow r =
            new ReportRow(
                rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getLong(5));
        out.put(r.reportId(), r);
      }
    }
    return out;
  }

  /**
   * The text queries, prepared once per sync. Each reads the rows of up to {@link #BATCH} reports
   * at once: a DuckDB statement costs about a millisecond to run whatever it returns, and one per
   * table and report made reading the texts back a sixth of a sync's CPU. Not for concurrent use,
   * like the connection.
   */
  static final class Queries implements AutoCloseable {
    /** Reports read per statement; a short batch repeats its last id (harmless in an IN list). */
    static final int BATCH = 32;

    final PreparedStatement items;
    final PreparedStatement narratives;
    final PreparedStatement kpis;
    final PreparedStatement projects;
    private final List<PreparedStatement> open = new ArrayList<>();

    Queries(Connection c) throws SQLException {
      String in = " WHERE report_id IN (?" + ", ?".repeat(BATCH - 1) + ")";
      try {
        items =
            track(
                c.prepareStatement(
                    "SELECT report_id, project_no, item_no, name, overview, purpose, implementation,"
                        + " page FROM budget_items"
                        + in
                        + " ORDER BY report_id, project_no, item_no"));
        narratives =
            track(
                c.prepareStatement(
                    "SELECT report_id, project_no, item_no, kind, text, page FROM narratives"
                        + in
                        + " ORDER BY report_id, project_no, kind, item_no"));
        kpis =
            track(
                c.prepareStatement(
                    "SELECT report_id, project_no, kpi_no, name, target_basis, page, unit, score,"
                        + " raw_score, score_computed, raw_score_computed, score_status, "
                        + gradeColumns(c)
                        + " FROM kpis"
                        + in
                        + " ORDER BY report_id, project_no, kpi_no"));
        projects =
            track(
                c.prepareStatement(
                    "SELECT report_id, project_no, group_no, group_name, name, department, section,"
                        + " description, page, project_key FROM projects"
                        + in
                        + " ORDER BY report_id, project_no"));
      } catch (SQLException | RuntimeException e) {
        close();
        throw e;
      }
    }

    /**
     * The grade columns of {@code kpis}, or NULLs for a warehouse written before they existed: an
     * index repair can run on such a warehouse before the next publish adds them.
     */
    private static String gradeColumns(Connection c) throws SQLException {
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM information_schema.columns WHERE table_name = 'kpis'"
                      + " AND table_schema = current_schema() AND column_name = 'grade'");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0
            ? "achievement, grade, grade_by_rule, progress"
            : "NULL AS achievement, NULL AS grade, NULL AS grade_by_rule, NULL AS progress";
      }
    }

    private PreparedStatement track(PreparedStatement ps) {
      open.add(ps);
      return ps;
    }

    @Override
    public void close() throws SQLException {
      SQLException first = null;
      for (PreparedStatement ps : open) {
        try {
          ps.close();
        } catch (SQLException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      open.clear();
      if (first != null) {
        throw first;
      }
    }
  }

  /** The rows of one report, as the four queries return them (each in its ORDER BY order). */
  private static final class ReportRows {
    final List<ItemRow> items = new ArrayList<>();
    final List<NarrativeRow> narratives = new ArrayList<>();
    final List<KpiRow> kpis = new ArrayList<>();
    final List<ProjectRow> projects = new ArrayList<>();
    private Map<Integer, List<KpiScore>> scoresByProject;

    /** The KPI scores of one project, in kpi_no order; once every KPI row is read. */
    List<KpiScore> kpiScores(int projectNo) {
      if (scoresByProject == null) {
        scoresByProject = new HashMap<>();
        for (KpiRow k : kpis) {
          scoresByProject.computeIfAbsent(k.projectNo(), n -> new ArrayList<>()).add(k.score());
        }
      }
      return scoresByProject.getOrDefault(projectNo, List.of());
    }
  }

  private record NarrativeRow(int projectNo, Integer itemNo, String kind, String text, int page) {}

  private record KpiRow(
      int projectNo, int kpiNo, String name, String basis, int page, KpiScore score) {}

  /**
   * Every text of each of {@code reportIds} (at most {@link Queries#BATCH}), in project order,
   * keyed by report id in the order given; a report without rows maps to an empty list.
   */
  static Map<String, List<TextDoc>> texts(Queries q, List<String> reportIds) throws SQLException {
    if (reportIds.isEmpty() || reportIds.size() > Queries.BATCH) {
      throw new IllegalArgumentException(
          "1 to " + Queries.BATCH + " reports, not " + reportIds.size());
    }
    Map<String, ReportRows> rows = new LinkedHashMap<>();
    for (String id : reportIds) {
      rows.put(id, new ReportRows());
    }
    try (ResultSet rs = run(q.items, reportIds)) {
      while (rs.next()) {
        rows.get(rs.getString(1))
            .items
            .add(
                new ItemRow(
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getString(4),
                    List.of(
                        new String[] {"overview", rs.getString(5)},
                        new String[] {"purpose", rs.getString(6)},
                        new String[] {"implementation", rs.getString(7)}),
                    rs.getInt(8)));
      }
    }
    try (ResultSet rs = run(q.narratives, reportIds)) {
      while (rs.next()) {
        rows.get(rs.getString(1))
            .narratives
            .add(
                new NarrativeRow(
                    rs.getInt(2),
                    intOrNull(rs, 3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6)));
      }
    }
    try (ResultSet rs = run(q.kpis, reportIds)) {
      while (rs.next()) {
        String name = rs.getString("name");
        rows.get(rs.getString("report_id"))
            .kpis
            .add(
                new KpiRow(
                    rs.getInt("project_no"),
                    rs.getInt("kpi_no"),
                    name,
                    rs.getString("target_basis"),
                    rs.getInt("page"),
                    new KpiScore(
                        rs.getInt("kpi_no"),
                        name == null ? "" : name,
                        rs.getString("unit"),
                        decimal(rs.getObject("score")),
                        decimal(rs.getObject("raw_score")),
                        decimal(rs.getObject("score_computed")),
                        decimal(rs.getObject("raw_score_computed")),
                        rs.getString("score_status"),
                        decimal(rs.getObject("achievement")),
                        rs.getString("grade"),
                        rs.getString("grade_by_rule"),
                        rs.getString("progress"))));
      }
    }
    try (ResultSet rs = run(q.projects, reportIds)) {
      while (rs.next()) {
        ReportRows r = rows.get(rs.getString(1));
        // The kpis query ran before this one, so the project's KPI scores are all read.
        r.projects.add(
            new ProjectRow(
                rs.getInt(2),
                intOrNull(rs, 3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getInt(9),
                rs.getString(10),
                r.kpiScores(rs.getInt(2))));
      }
    }
    Map<String, List<TextDoc>> out = new LinkedHashMap<>();
    for (Map.Entry<String, ReportRows> e : rows.entrySet()) {
      out.put(e.getKey(), texts(e.getValue()));
    }
    return out;
  }

  private static ResultSet run(PreparedStatement ps, List<String> reportIds) throws SQLException {
    for (int i = 0; i < Queries.BATCH; i++) {
      ps.setString(i + 1, reportIds.get(Math.min(i, reportIds.size() - 1)));
    }
    return ps.executeQuery();
  }

  /** Every text of one report, in project order. */
  private static List<TextDoc> texts(ReportRows rows) {
    Map<Integer, ProjectRow> projects = projects(rows);
    // Keyed by (project, kind, item) so a budget-item text the narratives table already holds is
    // not indexed twice.
    Map<String, TextDoc> docs = new LinkedHashMap<>();
    Map<String, String> itemNames = new TreeMap<>();
    for (ItemRow it : rows.items) {
      itemNames.put(it.projectNo() + "/" + it.itemNo(), it.name());
    }
    for (NarrativeRow n : rows.narratives) {
      ProjectRow p = projects.get(n.projectNo());
      if (p == null || blank(n.text())) {
        continue;
      }
      Integer itemNo = n.itemNo();
      String itemName = itemNo == null ? null : itemNames.get(n.projectNo() + "/" + itemNo);
      docs.putIfAbsent(
          key(n.projectNo(), n.kind(), itemNo),
          new TextDoc(p, n.kind(), itemNo, itemName, n.text(), n.page()));
    }
    for (ItemRow it : rows.items) {
      ProjectRow p = projects.get(it.projectNo());
      if (p == null) {
        continue;
      }
      String name = itemNames.get(it.projectNo() + "/" + it.itemNo());
      for (String[] kindText : it.texts()) {
        if (!blank(kindText[1])) {
          docs.putIfAbsent(
              key(it.projectNo(), kindText[0], it.itemNo()),
              new TextDoc(p, kindText[0], it.itemNo(), name, kindText[1], it.page()));
        }
      }
    }
    // A KPI's name and the basis of its target (設定根拠) are two texts of two kinds: the basis is
    // commentary of its own (a plan, a formula), in both layouts, and a search for it should say
    // so. The basis names its KPI as its item name.
    for (KpiRow k : rows.kpis) {
      ProjectRow p = projects.get(k.projectNo());
      if (p == null) {
        continue;
      }
      String name = k.name();
      if (!blank(name)) {
        docs.putIfAbsent(
            key(p.projectNo(), "kpi", k.kpiNo()),
            new TextDoc(p, "kpi", k.kpiNo(), null, name, k.page()));
      }
      if (!blank(k.basis())) {
        docs.putIfAbsent(
            key(p.projectNo(), "target_basis", k.kpiNo()),
            new TextDoc(p, "target_basis", k.kpiNo(), name, k.basis(), k.page()));
      }
    }
    // The names say what a project is about (こんにちは赤ちゃん事業 is never repeated in its texts):
    // one document per project with its name and its budget items' names.
    for (ProjectRow p : projects.values()) {
      java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
      names.add(p.name().strip());
      itemNames.entrySet().stream()
          .filter(e -> e.getKey().startsWith(p.projectNo() + "/") && !blank(e.getValue()))
          .sorted(
              java.util.Comparator.comparingInt(
                  e -> Integer.parseInt(e.getKey().substring(e.getKey().indexOf('/') + 1))))
          .forEach(e -> names.add(e.getValue().strip()));
      docs.putIfAbsent(
          key(p.projectNo(), "name", null),
          new TextDoc(p, "name", null, null, String.join("\n", names), p.page()));
    }
    // The project's one-line description says what the project is about: findable too.
    for (ProjectRow p : projects.values()) {
      if (!blank(p.description())) {
        docs.putIfAbsent(
            key(p.projectNo(), "description", null),
            new TextDoc(p, "description", null, null, p.description(), p.page()));
      }
    }
    List<TextDoc> out = new ArrayList<>(docs.values());
    out.sort(
        java.util.Comparator.comparingInt((TextDoc d) -> d.project().projectNo())
            .thenComparing(TextDoc::kind)
            .thenComparing(d -> d.itemNo() == null ? 0 : d.itemNo()));
    return out;
  }

  /** The report's projects by number. */
  private static Map<Integer, ProjectRow> projects(ReportRows rows) {
    Map<Integer, ProjectRow> out = new TreeMap<>();
    for (ProjectRow p : rows.projects) {
      out.put(p.projectNo(), p);
    }
    return out;
  }

  private static String key(int projectNo, String kind, Integer itemNo) {
    return projectNo + "/" + kind + "/" + (itemNo == null ? "" : itemNo);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Integer intOrNull(ResultSet rs, int col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  /** Scores may be DECIMAL, DOUBLE or (printed) text columns; unparseable text is unknown. */
  static BigDecimal decimal(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof BigDecimal d) {
      return d;
    }
    if (o instanceof Number n) {
      double v = n.doubleValue();
      return Double.isFinite(v) ? new BigDecimal(n.toString()) : null;
    }
    try {
      return new BigDecimal(hyoka.transform.Texts.fold(o.toString()).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
