package hyoka.search;

import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a reader sees of one published run: a read-only warehouse connection and a searcher on the
 * index commit recorded for that connection's run, so that SQL, {@code search()} in SQL and the
 * search hits always come from the same run, however an ingest runs beside it. The one entry point
 * for readers (the CLI's sql and search, notebooks, a server): open one, read, close it; to see a
 * newer publish, open a new one (and close the old one when its last reader is done: both are safe
 * for concurrent reads).
 *
 * <pre>
 * try (SearchSnapshot s = SearchSnapshot.open(() -> new Warehouse(dataDir).openReadOnly(), dataDir.resolve("index"))) {
 *   SearchResponse hits = s.search(SearchRequest.of("除雪"));
 *   String sql = s.prepareSql("SELECT count(*) FROM search('除雪')"); // then run it on s.connection()
 * }
 * </pre>
 *
 * <p>Why it is consistent: an ingest commits the index of its run (built from the staging
 * warehouse) before it renames the warehouse into place, and the index keeps the commits of the
 * last runs ({@link RunCommitsPolicy}). A reader that opened the warehouse of run N therefore finds
 * run N's commit, and once the searcher is open its files stay readable whatever later syncs
 * delete.
 */
public final class SearchSnapshot implements AutoCloseable {
  /**
   * Opens of a newer warehouse to try when a run's commit is gone (a reader slower than ingests).
   */
  static final int ATTEMPTS = 5;

  private final Connection connection;
  private final Searcher searcher;
  private final long runId;

  private SearchSnapshot(Connection connection, Searcher searcher, long runId) {
    this.connection = connection;
    this.searcher = searcher;
    this.runId = runId;
  }

  /**
   * Opens a connection from {@code warehouse} and the index commit of its run in {@code indexDir}.
   * Should the commit be gone (several ingests published between the two opens), it opens a new
   * connection, which then reads a newer run, and tries again.
   *
   * @param warehouse opens a new read-only connection to the live warehouse on each call (such as
   *     {@code Warehouse::openReadOnly}); the snapshot owns and closes it
   * @throws HyokaException NO_WAREHOUSE when there is no index; INDEX_ERROR when the index holds no
   *     commit for the warehouse's run (an interrupted ingest: the next ingest repairs it)
   */
  public static SearchSnapshot open(Supplier<Connection> warehouse, Path indexDir) {
    HyokaException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Connection c = warehouse.get();
      try {
        long run = runOf(c);
        return new SearchSnapshot(c, Searcher.forRun(indexDir, run), run);
      } catch (HyokaException e) {
        closeQuietly(c, e);
        if (e.code() != ErrorCode.INDEX_ERROR) {
          throw e;
        }
        last = e;
      } catch (RuntimeException | Error e) {
        closeQuietly(c, e);
        throw e;
      }
    }
    throw last;
  }

  /**
   * A searcher on the index commit of the live warehouse's run, for a reader that only searches
   * ({@code hyoka search}): the same commit {@link #open} would give, found without starting DuckDB
   * when it can be. An ingest records in each run's commit the {@link WarehouseFileId} of the
   * warehouse file it then renames into place; the newest commit that records the live file's id is
   * that run's. When none does (an index synced before ids were recorded, a data directory copied
   * elsewhere, a warehouse file changed since), it is {@link #open}'s searcher, whose connection is
   * closed again.
   *
   * <p>The live file is only read (its first 12 KiB) and stat'ed, so this works even while another
   * process holds the warehouse open for writing, which DuckDB would refuse.
   *
   * @param warehouseFile the live warehouse file ({@code warehouse.duckdb})
   * @param warehouse opens a new read-only connection to it (such as {@code
   *     Warehouse::openReadOnly}); only called when the file's id matches no commit
   * @throws HyokaException as {@link #open}
   */
  public static Searcher openSearcher(
      Path warehouseFile, Supplier<Connection> warehouse, Path indexDir) {
    Optional<WarehouseFileId> id = WarehouseFileId.of(warehouseFile);
    if (id.isPresent()) {
      try {
        return Searcher.forWarehouseFile(indexDir, id.get());
      } catch (HyokaException e) {
        if (e.code() != ErrorCode.INDEX_ERROR) {
          throw e;
        }
        // no commit records this file, or it went while it was opened: ask the warehouse
      }
    }
    return open(warehouse, indexDir).keepOnlySearcher();
  }

  /**
   * Closes the connection and hands the searcher over to the caller, who closes it: the snapshot is
   * done with.
   */
  private Searcher keepOnlySearcher() {
    try {
      connection.close();
    } catch (SQLException e) {
      HyokaException failure =
          new HyokaException(
              ErrorCode.WAREHOUSE_ERROR,
              "cannot close the warehouse: " + SearchIndex.oneLine(e),
              e);
      try {
        searcher.close();
      } catch (RuntimeException suppressed) {
        failure.addSuppressed(suppressed);
      }
      throw failure;
    }
    return searcher;
  }

  /** The run a warehouse connection reads: its last published run (0 when none). */
  static long runOf(Connection warehouse) {
    try (Statement s = warehouse.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(run_id), 0) FROM runs")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR,
          "cannot read the warehouse's run: " + SearchIndex.oneLine(e),
          e);
    }
  }

  /** The warehouse run both halves show. */
  public long runId() {
    return runId;
  }

  /** The read-only warehouse connection of the run; owned by the snapshot. */
  public Connection connection() {
    return connection;
  }

  /** The searcher on the run's index commit; owned by the snapshot. */
  public Searcher searcher() {
    return searcher;
  }

  public SearchResponse search(SearchRequest request) {
    return searcher.search(request);
  }

  /**
   * Rewrites the {@code search(…)} calls of {@code sql} into temporary tables of this snapshot's
   * hits on {@link #connection()} (see {@link SearchSql}); run the result on that connection.
   */
  public String prepareSql(String sql) {
    return SearchSql.prepare(connection, searcher, sql);
  }

  @Override
  public void close() {
    // the connection is closed even when closing the searcher fails
    try (Searcher s = searcher) {
      connection.close();
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot close the warehouse: " + SearchIndex.oneLine(e), e);
    }
  }

  private static void closeQuietly(Connection c, Throwable cause) {
    try {
      c.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
