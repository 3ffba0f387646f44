package hyoka.search;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the index holds from the warehouse tables over plain JDBC: the reports and, per
 * report, one {@link TextDoc} per narrative, budget-item text, KPI, project description and project
 * (its name with its budget items' names). The warehouse is the source of truth; this is the only
 * place that knows its column names.
 */
final class WarehouseTexts {
  private WarehouseTexts() {}

  /** A report row: what sync compares with the index's marker documents. */
  record ReportRow(String reportId, String series, int fiscalYear, String supersededBy) {
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

  /** One searchable text: a narrative, a budget-item text or a KPI name with its basis. */
  record TextDoc(
      ProjectRow project, String kind, Integer itemNo, String itemName, String text, int page) {
    TextDoc {
      requireNonNull(project, "project is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(text, "text is null");
    }
  }

  /** A budget_items row: its texts as (kind, text) pairs in printed order. */
  private record ItemRow(int projectNo, int itemNo, List<String[]> texts, int page) {}

  static Map<String, ReportRow> reports(Connection c) throws SQLException {
    Map<String, ReportRow> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT report_id, series, fiscal_year, superseded_by FROM reports ORDER BY report_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ReportRow r =
            new ReportRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4));
        out.put(r.reportId(), r);
      }
    }
    return out;
  }

  /**
   * The per-report queries, prepared once per sync: preparing a DuckDB statement costs
   * milliseconds, and a sync ran five per report. Not for concurrent use, like the connection.
   */
  static final class Queries implements AutoCloseable {
    final PreparedStatement items;
    final PreparedStatement narratives;
    final PreparedStatement kpiTexts;
    final PreparedStatement kpiScores;
    final PreparedStatement projects;
    private final List<PreparedStatement> open = new ArrayList<>();

    Queries(Connection c) throws SQLException {
      try {
        items =
            track(
                c.prepareStatement(
                    "SELECT project_no, item_no, name, overview, purpose, implementation, page"
                        + " FROM budget_items WHERE report_id = ? ORDER BY project_no, item_no"));
        narratives =
            track(
                c.prepareStatement(
                    "SELECT project_no, item_no, kind, text, page FROM narratives WHERE report_id = ?"
                        + " ORDER BY project_no, kind, item_no"));
        kpiTexts =
            track(
                c.prepareStatement(
                    "SELECT project_no, kpi_no, name, target_basis, page FROM kpis WHERE report_id = ?"
                        + " ORDER BY project_no, kpi_no"));
        kpiScores =
            track(
                c.prepareStatement(
                    "SELECT project_no, kpi_no, name, unit, score, raw_score, score_computed,"
                        + " raw_score_computed, score_status FROM kpis WHERE report_id = ?"
                        + " ORDER BY project_no, kpi_no"));
        projects =
            track(
                c.prepareStatement(
                    "SELECT project_no, group_no, group_name, name, department, section, description, page,"
                        + " project_key"
                        + " FROM projects WHERE report_id = ? ORDER BY project_no"));
      } catch (SQLException | RuntimeException e) {
        close();
        throw e;
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

  /** Every text of one report, in project order. */
  static List<TextDoc> texts(Queries q, String reportId) throws SQLException {
    Map<Integer, ProjectRow> projects = projects(q, reportId);
    // Keyed by (project, kind, item) so a budget-item text the narratives table already holds is
    // not indexed twice.
    Map<String, TextDoc> docs = new LinkedHashMap<>();
    Map<String, String> itemNames = new TreeMap<>();
    List<ItemRow> items = new ArrayList<>();
    {
      PreparedStatement ps = q.items;
      ps.setString(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int projectNo = rs.getInt(1);
          int itemNo = rs.getInt(2);
          itemNames.put(projectNo + "/" + itemNo, rs.getString(3));
          items.add(
              new ItemRow(
                  projectNo,
                  itemNo,
                  List.of(
                      new String[] {"overview", rs.getString(4)},
                      new String[] {"purpose", rs.getString(5)},
                      new String[] {"implementation", rs.getString(6)}),
                  rs.getInt(7)));
        }
      }
    }
    {
      PreparedStatement ps = q.narratives;
      ps.setString(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int projectNo = rs.getInt(1);
          Integer itemNo = intOrNull(rs, 2);
          String kind = rs.getString(3);
          ProjectRow p = projects.get(projectNo);
          if (p == null || blank(rs.getString(4))) {
            continue;
          }
          String itemName = itemNo == null ? null : itemNames.get(projectNo + "/" + itemNo);
          docs.putIfAbsent(
              key(projectNo, kind, itemNo),
              new TextDoc(p, kind, itemNo, itemName, rs.getString(4), rs.getInt(5)));
        }
      }
    }
    for (ItemRow it : items) {
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
    {
      PreparedStatement ps = q.kpiTexts;
      ps.setString(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ProjectRow p = projects.get(rs.getInt(1));
          String name = rs.getString(3);
          if (p == null || blank(name)) {
            continue;
          }
          String basis = rs.getString(4);
          String text = blank(basis) ? name : name + "\n" + basis;
          int kpiNo = rs.getInt(2);
          docs.putIfAbsent(
              key(p.projectNo(), "kpi", kpiNo),
              new TextDoc(p, "kpi", kpiNo, null, text, rs.getInt(5)));
        }
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

  private static Map<Integer, ProjectRow> projects(Queries q, String reportId) throws SQLException {
    Map<Integer, List<KpiScore>> kpis = new TreeMap<>();
    {
      PreparedStatement ps = q.kpiScores;
      ps.setString(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          kpis.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
              .add(
                  new KpiScore(
                      rs.getInt(2),
                      rs.getString(3) == null ? "" : rs.getString(3),
                      rs.getString(4),
                      decimal(rs.getObject(5)),
                      decimal(rs.getObject(6)),
                      decimal(rs.getObject(7)),
                      decimal(rs.getObject(8)),
                      rs.getString(9)));
        }
      }
    }
    Map<Integer, ProjectRow> out = new TreeMap<>();
    {
      PreparedStatement ps = q.projects;
      ps.setString(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int no = rs.getInt(1);
          out.put(
              no,
              new ProjectRow(
                  no,
                  intOrNull(rs, 2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getInt(8),
                  rs.getString(9),
                  kpis.getOrDefault(no, List.of())));
        }
      }
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
