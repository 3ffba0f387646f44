package hyoka.search;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Makes search hits usable in SQL: every {@code search('query')}, {@code search('query', n)} or
 * call with named filters ({@code search('除雪', year := 2019, department := '建設')}, see {@link
 * SearchCall}) in a query is run against the index and replaced by a temporary table of its hits on
 * the same DuckDB connection, so hits can be counted, grouped and joined with the warehouse tables:
 *
 * <pre>SELECT k.name, k.score FROM search('除雪') s JOIN kpis k USING (report_id, project_no)</pre>
 *
 * The hits table has the columns report_id, project_no, item_no, kind, fiscal_year, series, score
 * (BM25 relevance), snippet, page, rank (1 = best), project_name, department. Without a limit it
 * holds every matching text of current reports ({@code all_reports := true}: of superseded ones
 * too). The snippet column is NULL when the statement never reads it (see {@link #needsSnippets}).
 * Quotes inside the query are doubled as in any SQL string ({@code search('市''s')}).
 */
public final class SearchSql {
  private SearchSql() {}

  /** No limit given: every match. */
  static final int ALL = Integer.MAX_VALUE;

  /**
   * Runs the {@code search(…)} calls of {@code sql} and returns the SQL to execute instead. Returns
   * {@code sql} unchanged when it has none (no index is needed then). Every call is parsed before
   * any search runs, so a bad filter stops the statement at once.
   *
   * <p>The hits come from the index commit recorded for the run {@code duckdb} reads (its {@code
   * runs} table), never from another run's.
   *
   * @throws HyokaException BAD_QUERY for a query text Lucene cannot parse, or arguments or filter
   *     values that do not parse (see {@link SearchCall}); INDEX_ERROR when the index has no commit
   *     for the connection's run
   */
  public static String prepare(Connection duckdb, Path indexDir, String sql) {
    List<SearchCall> calls = SearchCall.find(sql);
    if (calls.isEmpty()) {
      return sql;
    }
    // the index commit of the run this connection reads: hits and tables of one run
    try (Searcher searcher = Searcher.forRun(indexDir, SearchSnapshot.runOf(duckdb))) {
      return rewrite(duckdb, searcher, sql, calls);
    }
  }

  /**
   * As {@link #prepare(Connection, Path, String)}, with an open searcher: a reader that pairs a
   * warehouse connection with the index commit of the same run (hyoka serve, {@link
   * SearchSnapshot}) must search that commit, not whatever the index directory holds by now.
   */
  public static String prepare(Connection duckdb, Searcher searcher, String sql) {
    List<SearchCall> calls = SearchCall.find(sql);
    return calls.isEmpty() ? sql : rewrite(duckdb, searcher, sql, calls);
  }

  /** {@code sql} with each of its {@code calls} (found in it once) replaced by the hits' table. */
  private static String rewrite(
      Connection duckdb, Searcher searcher, String sql, List<SearchCall> calls) {
    boolean snippets = needsSnippets(sql);
    StringBuilder out = new StringBuilder(sql.length() + 64);
    int last = 0;
    try {
      for (SearchCall call : calls) {
        SearchResponse r = searcher.search(call.request(snippets));
        String table =
            "hyoka_search_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        register(duckdb, table, r);
        out.append(sql, last, call.start()).append(table);
        last = call.end();
      }
      out.append(sql, last, sql.length());
      return out.toString();
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot register search hits: " + SearchIndex.oneLine(e), e);
    }
  }

  /**
   * Drops the hit tables that {@link #prepare} left on {@code duckdb}, so that a long session (a
   * prompt, a notebook) does not grow with every search.
   */
  public static void dropHitTables(Connection duckdb) throws SQLException {
    List<String> names = new java.util.ArrayList<>();
    try (Statement st = duckdb.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT table_name FROM duckdb_tables() WHERE temporary"
                    + " AND table_name LIKE 'hyoka\\_search\\_%' ESCAPE '\\'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    try (Statement st = duckdb.createStatement()) {
      for (String n : names) {
        st.execute("DROP TABLE IF EXISTS temp.main.\"" + n + "\"");
      }
    }
  }

  private static final Pattern SNIPPET_USE =
      Pattern.compile(
          "(?i)\\bsnippet\\b|(?:\\bselect|,)\\s*(?:distinct\\s+)?(?:\\w+\\.)?\\*|\\bcolumns\\s*\\(");

  /**
   * Whether the statement may read the snippet column: it names it, selects {@code *} or {@code
   * s.*}, or uses COLUMNS(). Highlighting every hit is most of the cost of a search('…') with
   * thousands of hits, and {@code SELECT count(*) …} does not need it. When the snippets are
   * skipped the column holds NULL.
   */
  static boolean needsSnippets(String sql) {
    return SNIPPET_USE.matcher(sql).find();
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
    if (c.isWrapperFor(DuckDBConnection.class)) {
      append(c.unwrap(DuckDBConnection.class), table, r);
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
        ps.setString(8, h.snippet().isEmpty() ? null : h.snippet());
        ps.setInt(9, h.page());
        ps.setInt(10, ++rank);
        ps.setString(11, h.projectName());
        ps.setString(12, h.department());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** DuckDB's appender: the batch insert costs about a millisecond a row, this a microsecond. */
  private static void append(DuckDBConnection c, String table, SearchResponse r)
      throws SQLException {
    try (DuckDBAppender a = c.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, table)) {
      int rank = 0;
      for (SearchHit h : r.hits()) {
        a.beginRow();
        a.append(h.reportId());
        a.append(h.projectNo());
        if (h.itemNo() == null) {
          a.appendNull();
        } else {
          a.append(h.itemNo().intValue());
        }
        a.append(h.kind());
        a.append(h.fiscalYear());
        a.append(h.series());
        a.append((double) h.relevance());
        if (h.snippet().isEmpty()) {
          a.appendNull();
        } else {
          a.append(h.snippet());
        }
        a.append(h.page());
        a.append(++rank);
        a.append(h.projectName());
        if (h.department() == null) {
          a.appendNull();
        } else {
          a.append(h.department());
        }
        a.endRow();
      }
    }
  }
}
