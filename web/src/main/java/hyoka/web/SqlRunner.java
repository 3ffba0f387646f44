package hyoka.web;

import hyoka.search.SearchSql;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.QueryLimits;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.SqlRefusal;
import hyoka.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the SQL page's statements as {@code hyoka sql} does ({@code search('…')} included) on a
 * snapshot's locked-down connection, through the warehouse's capped query ({@link
 * Warehouse#query(Statement, String, QueryLimits)}: the row cap, the "more rows" flag and the time
 * limit are its), and words DuckDB's refusals for the page.
 */
final class SqlRunner {
  private SqlRunner() {}

  /** The rows of one statement and how long it took. */
  record Result(QueryResult table, long millis) {}

  static Result run(Snapshot snapshot, String sql, QueryLimits limits) {
    if (sql == null || sql.isBlank()) {
      throw new HyokaException(ErrorCode.BAD_QUERY, "the SQL query is empty");
    }
    long started = System.nanoTime();
    try (Connection c = snapshot.connect()) {
      String prepared = SearchSql.prepare(c, snapshot.searcher(), sql);
      try (Statement s = c.createStatement()) {
        QueryResult table = Warehouse.query(s, prepared, limits);
        return new Result(table, (System.nanoTime() - started) / 1_000_000);
      } catch (HyokaException e) {
        throw e.code() == ErrorCode.BAD_QUERY
            ? new HyokaException(ErrorCode.BAD_QUERY, explain(e.getMessage()), e)
            : e;
      }
    } catch (SQLException e) {
      throw new HyokaException(ErrorCode.BAD_QUERY, explain(e.getMessage()), e);
    }
  }

  /**
   * DuckDB's first line, and what it means here: a refusal of the locked-down connection is worded
   * as hyoka sql words it ({@link SqlRefusal}), an out-of-memory error names the server's limit.
   */
  static String explain(String message) {
    String m = SqlRefusal.explain(message, SqlRefusal.SQL_PAGE);
    if (m.startsWith("Out of Memory Error")) {
      return m + " (the server's memory limit for DuckDB, --sql-memory-limit: narrow the query)";
    }
    return m;
  }
}
