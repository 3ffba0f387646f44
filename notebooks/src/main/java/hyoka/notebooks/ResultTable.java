package hyoka.notebooks;

import static java.util.Objects.requireNonNull;

import hyoka.warehouse.SqlValues;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of one cell's result, held in memory so a later {@code %chart} can draw them. Values are
 * JDBC objects (null stays null); {@code truncated} says rows beyond {@link #MAX_ROWS} were not
 * read.
 *
 * @param numeric per column, whether its SQL type is a number (charts need that for the y axis)
 */
public record ResultTable(
    List<String> columns, List<Boolean> numeric, List<List<Object>> rows, boolean truncated) {
  /** Rows kept per result; a notebook table or chart of more rows is unreadable anyway. */
  public static final int MAX_ROWS = 10_000;

  public ResultTable {
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    numeric = List.copyOf(requireNonNull(numeric, "numeric is null"));
    if (numeric.size() != columns.size()) {
      throw new IllegalArgumentException(
          "numeric has " + numeric.size() + " entries for " + columns.size() + " columns");
    }
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : requireNonNull(rows, "rows is null")) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " values for " + columns.size() + " columns");
      }
      // List.copyOf rejects nulls, and SQL NULLs are values here.
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** Reads a whole result set (up to {@link #MAX_ROWS} rows). */
  public static ResultTable read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> columns = new ArrayList<>(n);
    List<Boolean> numeric = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(md.getColumnLabel(i));
      numeric.add(isNumeric(md.getColumnType(i)));
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == MAX_ROWS) {
        truncated = true;
        break;
      }
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        Object v = rs.getObject(i);
        // the driver's BLOB object prints only its buffer's state: the text DuckDB prints instead
        row.add(v instanceof java.sql.Blob blob ? SqlValues.blobText(blob) : v);
      }
      rows.add(row);
    }
    return new ResultTable(columns, numeric, rows, truncated);
  }

  private static boolean isNumeric(int sqlType) {
    return switch (sqlType) {
      case Types.TINYINT,
          Types.SMALLINT,
          Types.INTEGER,
          Types.BIGINT,
          Types.FLOAT,
          Types.REAL,
          Types.DOUBLE,
          Types.NUMERIC,
          Types.DECIMAL ->
          true;
      default -> false;
    };
  }

  /** Index of a column by name (case-insensitive, as SQL names are), or an error naming them. */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "no column " + name + " in the result; columns: " + String.join(", ", columns));
  }

  /** A value as a number for charts: numbers as they are, numeric text parsed, else null. */
  static Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim()).doubleValue();
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
