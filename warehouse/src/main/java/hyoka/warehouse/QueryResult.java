package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of a query: column names, their SQL types, and the rows. Values are Java objects
 * (String, Integer, Long, Double, BigDecimal, Boolean, java.time.LocalDateTime, …) or null.
 *
 * @param truncated the query had more rows than the cap it was read with ({@link QueryLimits}):
 *     {@code rows} are the first ones
 */
public record QueryResult(
    List<String> columns, List<String> types, List<List<Object>> rows, boolean truncated) {
  /** A complete result. */
  public QueryResult(List<String> columns, List<String> types, List<List<Object>> rows) {
    this(columns, types, rows, false);
  }

  public QueryResult {
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    types = List.copyOf(requireNonNull(types, "types is null"));
    if (columns.size() != types.size()) {
      throw new IllegalArgumentException(
          columns.size() + " columns but " + types.size() + " types");
    }
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : requireNonNull(rows, "rows is null")) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row has " + row.size() + " values for " + columns.size() + " columns");
      }
      // Rows may hold nulls, which List.copyOf refuses.
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** The value of {@code column} in row {@code row}. */
  public Object get(int row, String column) {
    int c = columns.indexOf(column);
    if (c < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
    return rows.get(row).get(c);
  }
}
