package hyoka.web;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pages' own queries: parameters bound, each row a map of column label to JSON-ready value. */
final class Rows {
  private Rows() {}

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
            row.put(md.getColumnLabel(i), json(rs.getObject(i)));
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

  /** A value as the JSON API writes it: numbers and booleans as such, the rest as text. */
  static Object json(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
      if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
        return d.toString();
      }
      return v;
    }
    if (v instanceof Timestamp t) {
      return t.toLocalDateTime().toString().replace('T', ' ');
    }
    if (v instanceof java.time.LocalDateTime t) {
      return t.toString().replace('T', ' ');
    }
    if (v instanceof java.sql.Array a) {
      try {
        Object items = a.getArray();
        if (items instanceof Object[] array) {
          List<Object> list = new ArrayList<>();
          for (Object item : array) {
            list.add(json(item));
          }
          return list;
        }
      } catch (SQLException e) {
        return String.valueOf(v);
      }
    }
    return String.valueOf(v);
  }
}
