package hyoka.web;

import hyoka.search.SearchSql;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.QueryResult;
import hyoka.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the SQL page's statements as {@code hyoka sql} does ({@code search('…')} included) on a
 * snapshot's locked-down connection, with a row cap and a time limit: a statement still running at
 * the limit is cancelled (DuckDB interrupts it), and one with more rows than the cap returns the
 * first ones marked truncated.
 */
final class SqlRunner implements AutoCloseable {
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "hyoka-sql-timer");
            t.setDaemon(true);
            return t;
          });

  /** The rows of one statement; {@code truncated} when it had more than were read. */
  record Result(QueryResult table, boolean truncated, long millis) {}

  Result run(Snapshot snapshot, String sql, int maxRows, Duration timeout) {
    if (sql == null || sql.isBlank()) {
      throw new HyokaException(ErrorCode.BAD_QUERY, "the SQL query is empty");
    }
    long started = System.nanoTime();
    try (Connection c = snapshot.connect()) {
      String prepared =
          sql.toLowerCase(Locale.ROOT).contains("search")
              ? SearchSql.prepare(c, snapshot.searcher(), sql)
              : sql;
      try (Statement s = c.createStatement()) {
        ScheduledFuture<?> stop =
            timer.schedule(() -> cancel(s), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
          QueryResult table;
          boolean truncated = false;
          if (!s.execute(prepared)) {
            table = new QueryResult(List.of(), List.of(), List.of());
          } else {
            try (ResultSet rs = s.getResultSet()) {
              ResultSetMetaData md = rs.getMetaData();
              List<String> columns = new ArrayList<>();
              List<String> types = new ArrayList<>();
              for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i));
                types.add(md.getColumnTypeName(i));
              }
              List<List<Object>> rows = new ArrayList<>();
              while (rs.next()) {
                if (rows.size() == maxRows) {
                  truncated = true;
                  break;
                }
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                  row.add(Warehouse.javaValue(rs.getObject(i)));
                }
                rows.add(row);
              }
              table = new QueryResult(columns, types, rows);
            }
          }
          return new Result(table, truncated, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
          if (stop.isDone() && !stop.isCancelled() || e instanceof SQLTimeoutException) {
            throw new HyokaException(
                ErrorCode.BAD_QUERY,
                String.format(
                    Locale.ROOT,
                    "the query was stopped after %s s, the time limit of the SQL page: narrow it, or"
                        + " run it with hyoka sql",
                    seconds(timeout)),
                e);
          }
          throw new HyokaException(ErrorCode.BAD_QUERY, explain(e), e);
        } finally {
          stop.cancel(false);
        }
      }
    } catch (SQLException e) {
      throw new HyokaException(ErrorCode.BAD_QUERY, explain(e), e);
    }
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0
        ? Long.toString(ms / 1000)
        : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
  }

  private static void cancel(Statement s) {
    try {
      s.cancel();
    } catch (SQLException e) {
      // The statement ended on its own in the meantime.
    }
  }

  /** DuckDB's first line, and what it means here when it is the file-access lock. */
  static String explain(SQLException e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl).strip();
    if (m.contains("disabled by configuration") || m.contains("disabled through configuration")) {
      return "refused: the SQL page has no file access (it reads only the warehouse): " + m;
    }
    if (m.contains("configuration has been locked")) {
      return "refused: the SQL page's settings cannot be changed: " + m;
    }
    if (m.contains("read-only mode")) {
      return "refused: the warehouse is read-only here: " + m;
    }
    return m;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
