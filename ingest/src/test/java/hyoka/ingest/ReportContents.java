package hyoka.ingest;

import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the warehouse holds for one report, table by table, for tests that compare two reads. */
final class ReportContents {
  private static final List<String> TABLES =
      List.of(
          "reports",
          "projects",
          "kpis",
          "kpi_values",
          "budget_items",
          "narratives",
          "residue",
          "text_repairs");

  private ReportContents() {}

  /**
   * Every row of every table with a report's rows, sorted, without the columns named in {@code
   * leftOut} (those that may differ between the two reads being compared).
   */
  static Map<String, List<List<Object>>> of(Path data, String reportId, Set<String> leftOut)
      throws SQLException {
    Map<String, List<List<Object>>> out = new TreeMap<>();
    try (Connection c = new Warehouse(data).openReadOnly()) {
      for (String table : TABLES) {
        List<String> columns = new ArrayList<>();
        for (List<Object> row :
            Warehouse.query(
                    c,
                    "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                        + table
                        + "' ORDER BY ordinal_position")
                .rows()) {
          if (!leftOut.contains((String) row.get(0))) {
            columns.add('"' + (String) row.get(0) + '"');
          }
        }
        out.put(
            table,
            Warehouse.query(
                    c,
                    "SELECT "
                        + String.join(", ", columns)
                        + " FROM "
                        + table
                        + " WHERE report_id = '"
                        + reportId
                        + "' ORDER BY ALL")
                .rows());
      }
    }
    return out;
  }
}
