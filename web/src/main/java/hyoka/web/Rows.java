package hyoka.web;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.SqlValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages' own queries: parameters bound, each row a map of column label to its value as {@link
 * SqlValues#json} gives it, the conversion hyoka sql's JSON uses.
 */
final class Rows {
  private Rows() {}

  /**
   * {@code table.column} as a select item when the warehouse has the column, else NULL under its
   * name. A warehouse an older hyoka wrote gets the columns added since at its next ingest; until
   * then a read-only page shows them as unknown instead of failing.
   */
  static String columnOrNull(Connection c, String alias, String table, String column) {
    List<Map<String, Object>> found =
        query(
            c,
            "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND column_name = ?",
            table,
            column);
    return found.isEmpty() ? "NULL AS " + column : alias + "." + column;
  }

  static List<Map<String, Object>> query(Connection c, String sql, Object... params) {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        p.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), SqlValues.json(SqlValues.javaValue(rs.getObject(i))));
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR,
          "cannot read the warehouse: " + SqlRunner.explain(e.getMessage()),
          e);
    }
  }
}
