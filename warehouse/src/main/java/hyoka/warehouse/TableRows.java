package hyoka.warehouse;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one table, each built by column name: a value goes to the column it names, whatever
 * the column order of the {@link TableSpec}, and a row is only taken when every column was given
 * once with a value of the column's type. Positional {@code Object[]} rows let two swapped columns
 * of one type pass unnoticed; here they cannot.
 */
final class TableRows {
  private final TableSpec table;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<Object[]> rows = new ArrayList<>();

  TableRows(TableSpec table) {
    this.table = requireNonNull(table, "table is null");
    for (int i = 0; i < table.columns().size(); i++) {
      index.put(table.columns().get(i).name(), i);
    }
  }

  TableSpec table() {
    return table;
  }

  /** A new row; {@link Row#add} appends it. */
  Row row() {
    return new Row();
  }

  /** The rows added so far, in the column order of the table. */
  List<Object[]> rows() {
    return rows;
  }

  /** One row being built. */
  final class Row {
    private final Object[] values = new Object[table.columns().size()];
    private final boolean[] given = new boolean[values.length];

    private Row() {}

    /**
     * Sets {@code column} to {@code value} (null for SQL NULL).
     *
     * @throws IllegalArgumentException for a column the table lacks, one given twice, or a value of
     *     another type than the column's
     */
    Row set(String column, Object value) {
      Integer i = index.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no column " + column + " in " + table.name());
      }
      if (given[i]) {
        throw new IllegalArgumentException(table.name() + "." + column + " is given twice");
      }
      ColumnType type = table.columns().get(i).type();
      if (value != null && !javaType(type).isInstance(value)) {
        throw new IllegalArgumentException(
            table.name()
                + "."
                + column
                + " is "
                + type
                + ", not "
                + value.getClass().getSimpleName()
                + ": "
                + value);
      }
      values[i] = value;
      given[i] = true;
      return this;
    }

    /**
     * Appends the row to the table's rows.
     *
     * @throws IllegalArgumentException naming the first column that was not given
     */
    void add() {
      for (int i = 0; i < given.length; i++) {
        if (!given[i]) {
          throw new IllegalArgumentException(
              "no value given for " + table.name() + "." + table.columns().get(i).name());
        }
      }
      rows.add(values);
    }
  }

  /** The Java type {@link ArrowRows} takes for a column type. */
  static Class<?> javaType(ColumnType type) {
    return switch (type) {
      case VARCHAR -> String.class;
      case INTEGER -> Integer.class;
      case BIGINT -> Long.class;
      case DOUBLE -> Double.class;
      case TIMESTAMP -> Instant.class;
    };
  }
}
