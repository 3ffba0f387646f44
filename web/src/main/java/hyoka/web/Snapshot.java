package hyoka.web;

import hyoka.search.Searcher;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;

/**
 * One published state: a read-only DuckDB instance of one warehouse file and a searcher on one
 * index commit, with the runs they hold. Requests {@link #retain} it for as long as they read, so a
 * newer publish can replace it while they finish; the last release closes it. DuckDB and Lucene
 * keep reading the files they opened even after a publish renamed or deleted them.
 */
final class Snapshot {
  private final DuckDBConnection base;
  private final Searcher searcher;
  private final long warehouseRun;
  private final long indexRun;
  private final String warehouseIdentity;
  private final String indexIdentity;

  /** The state's own reference plus one per request reading it; closed at zero. */
  private final AtomicInteger refs = new AtomicInteger(1);

  Snapshot(
      DuckDBConnection base,
      Searcher searcher,
      long warehouseRun,
      long indexRun,
      String warehouseIdentity,
      String indexIdentity) {
    this.base = base;
    this.searcher = searcher;
    this.warehouseRun = warehouseRun;
    this.indexRun = indexRun;
    this.warehouseIdentity = warehouseIdentity;
    this.indexIdentity = indexIdentity;
  }

  long warehouseRun() {
    return warehouseRun;
  }

  long indexRun() {
    return indexRun;
  }

  /** Whether the index commit is of the warehouse's run (the normal case, once an ingest ended). */
  boolean consistent() {
    return searcher != null && warehouseRun == indexRun;
  }

  String warehouseIdentity() {
    return warehouseIdentity;
  }

  String indexIdentity() {
    return indexIdentity;
  }

  /**
   * A new connection to this snapshot's database (DuckDB connections are not shared by threads).
   */
  Connection connect() {
    try {
      return base.duplicate();
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot open a connection to the warehouse: " + e, e);
    }
  }

  /**
   * The searcher of the index commit paired with this warehouse state.
   *
   * @throws HyokaException NO_WAREHOUSE when the data directory has no index yet
   */
  Searcher searcher() {
    if (searcher == null) {
      throw new HyokaException(
          ErrorCode.NO_WAREHOUSE, "the data directory has no search index yet: run hyoka ingest");
    }
    return searcher;
  }

  boolean retain() {
    while (true) {
      int n = refs.get();
      if (n == 0) {
        return false;
      }
      if (refs.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void release() {
    if (refs.decrementAndGet() == 0) {
      close();
    }
  }

  private void close() {
    try {
      base.close();
    } catch (SQLException e) {
      // Closing a read-only instance of a replaced file: nothing is lost if it fails.
    } finally {
      if (searcher != null) {
        searcher.close();
      }
    }
  }
}
