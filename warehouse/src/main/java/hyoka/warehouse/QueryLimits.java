package hyoka.warehouse;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;

/**
 * How much of a query {@link Warehouse#query(java.sql.Statement, String, QueryLimits)} reads: at
 * most {@code maxRows} rows (a result with more comes back {@link QueryResult#truncated()
 * truncated}), and for at most {@code timeoutSeconds} (0: no limit), after which DuckDB's JDBC
 * driver cancels the statement itself ({@link java.sql.Statement#setQueryTimeout}).
 *
 * <p>Whole seconds because that is what JDBC and DuckDB's driver take. The result is materialised
 * by DuckDB while the statement executes (the driver's default, not streaming), so the time limit
 * covers all of DuckDB's work and the row cap only what is read from it; what bounds DuckDB's
 * memory is the connection's {@link MemoryLimit}.
 *
 * @param maxRows rows to read at most, 1 or more
 * @param timeoutSeconds time limit of the statement in seconds; 0 for none
 */
public record QueryLimits(int maxRows, int timeoutSeconds) {
  /** Every row, no time limit: what {@code hyoka sql} reads. */
  public static final QueryLimits NONE = new QueryLimits(Integer.MAX_VALUE, 0);

  public QueryLimits {
    if (maxRows < 1) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT, "a row cap must be 1 or more, not " + maxRows);
    }
    if (timeoutSeconds < 0) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT, "a time limit must be 0 (none) or more, not " + timeoutSeconds);
    }
  }
}
