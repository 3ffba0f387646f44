package hyoka.warehouse;

import java.io.IOException;
import java.util.List;

/**
 * Where the rows of a query go as they are read ({@link Warehouse#stream}): the columns first, then
 * each row, then the end; nothing after a failure. A {@link ResultFormat#writer format's writer}
 * writes each row as it comes, so that what it holds does not grow with the row count.
 */
public interface RowSink {
  /**
   * The columns of the result, before any row: their names and SQL types; both empty for a
   * statement that returns no rows (a {@code CREATE TEMP TABLE}).
   */
  void columns(List<String> names, List<String> types) throws IOException;

  /**
   * One row: a value per column as {@link SqlValues#javaValue} reads it, nulls included. The list
   * is the sink's to keep.
   */
  void row(List<Object> values) throws IOException;

  /** After the last row. */
  void end() throws IOException;
}
