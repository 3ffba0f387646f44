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
 * <p>{@code maxChars} bounds the rows read by their size, as the characters of their texts (a
 * number, date or other scalar counts 8, a list or map the sum of its items): a few rows of long
 * texts ({@code SELECT repeat('x', 100000000)}) are as much memory as millions of short ones, and
 * the row cap alone let the SQL page hold, encode and send 100 MB for one row. A result larger than
 * that is refused, not cut short: {@code the result holds more than N characters of text, …}. What
 * one value can hold before it is counted is DuckDB's memory limit's to bound.
 *
 * @param maxRows rows to read at most, 1 or more
 * @param timeoutSeconds time limit of the statement in seconds; 0 for none
 * @param maxChars characters of text the rows read may hold in all, 1 or more
 */
public record QueryLimits(int maxRows, int timeoutSeconds, long maxChars) {
  /** Every row, no time limit: what {@code hyoka sql} reads. */
  public static final QueryLimits NONE = new QueryLimits(Integer.MAX_VALUE, 0);

  /** No bound on the rows' size. */
  public QueryLimits(int maxRows, int timeoutSeconds) {
    this(maxRows, timeoutSeconds, Long.MAX_VALUE);
  }

  public QueryLimits {
    if (maxChars < 1) {
      throw new HyokaException(
          ErrorCode.BAD_ARGUMENT, "a size cap must be 1 character or more, not " + maxChars);
    }
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
