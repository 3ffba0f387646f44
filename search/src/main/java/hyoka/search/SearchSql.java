package hyoka.search;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes search hits usable in SQL: every {@code search('query')} or {@code search('query', n)}
 * in a query is run against the index and replaced by a temporary table of its hits on the same
 * DuckDB connection, so hits can be counted, grouped and joined with the warehouse tables:
 *
 * <pre>SELECT k.name, k.score FROM search('除雪') s JOIN kpis k USING (report_id, project_no)</pre>
 *
 * The hits table has the columns report_id, project_no, item_no, kind, fiscal_year, series,
 * score (BM25 relevance), snippet, page, rank (1 = best), project_name, department. Without a
 * limit it holds every matching text of current reports. Quotes inside the query are doubled
 * as in any SQL string ({@code search('市''s')}).
 */
public final class SearchSql {
  private SearchSql() {}

  /** No limit given: every match. */
  static final int ALL = Integer.MAX_VALUE;

  private static final Pattern CALL =
      Pattern.compile(
          "(?i)(?<![\\w.\"])search\\s*\\(\\s*'((?:[^']|'')*)'\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  /**
   * Runs the {@code search(…)} calls of {@code sql} and returns the SQL to execute instead.
   * Returns {@code sql} unchanged when it has none (no index is needed then).
   *
   * @throws HyokaException BAD_QUERY for a query text Lucene cannot parse
   */
  public static String prepare(Connection duckdb, Path indexDir, String sql) {
    Matcher m = CALL.matcher(sql);
    if (!m.find()) {
      return sql;
    }
    m.reset();
    StringBuilder out = new StringBuilder(sql.length() + 64);
    try (Searcher searcher = new Searcher(indexDir)) {
      while (m.find()) {
        String query = m.group(1).replace("''", "'");
        int limit = m.group(2) == null ? ALL : parseLimit(m.group(2));
        SearchResponse r = searcher.search(new SearchRequest(query, SearchFilters.NONE, limit, false));
        String table = "hyoka_search_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        register(duckdb, table, r);
        m.appendReplacement(out, Matcher.quoteReplacement(table));
      }
      m.appendTail(out);
      return out.toString();
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot register search hits: " + SearchIndex.oneLine(e), e);
    }
  }

  private static int parseLimit(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new HyokaException(ErrorCode.BAD_QUERY, "search() limit is too large: " + s);
    }
  }

  private static void register(Connection c, String table, SearchResponse r) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE "
              + table
              + " (report_id VARCHAR, project_no INTEGER, item_no INTEGER, kind VARCHAR,"
              + " fiscal_year INTEGER, series VARCHAR, score DOUBLE, snippet VARCHAR, page INTEGER,"
              + " rank INTEGER, project_name VARCHAR, department VARCHAR)");
    }
    if (r.hits().isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int rank = 0;
      for (SearchHit h : r.hits()) {
        ps.setString(1, h.reportId());
        ps.setInt(2, h.projectNo());
        if (h.itemNo() == null) {
          ps.setNull(3, Types.INTEGER);
        } else {
          ps.setInt(3, h.itemNo());
        }
        ps.setString(4, h.kind());
        ps.setInt(5, h.fiscalYear());
        ps.setString(6, h.series());
        ps.setDouble(7, h.relevance());
        ps.setString(8, h.snippet());
        ps.setInt(9, h.page());
        ps.setInt(10, ++rank);
        ps.setString(11, h.projectName());
        ps.setString(12, h.department());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
