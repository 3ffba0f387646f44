package hyoka.web;

import hyoka.search.SearchSnapshot;
import hyoka.search.Searcher;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;

/**
 * One published run as the server reads it: a {@link SearchSnapshot} (the warehouse and the index
 * commit of one run) shared by the requests. Requests {@link #retain} it for as long as they read,
 * so a newer publish can replace it while they finish; the last release closes it. DuckDB and
 * Lucene keep reading the files they opened even after a publish renamed or deleted them.
 */
final class Snapshot {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Snapshot.class);

  private final SearchSnapshot snapshot;
  private final DuckDBConnection base;

  /** What the warehouse file was when this was opened ({@link PublishedState}). */
  private final String identity;

  /** What is computed once per published run ({@link #once}), by name. */
  private final ConcurrentHashMap<String, Object> once = new ConcurrentHashMap<>();

  /** The state's own reference plus one per request reading it; closed at zero. */
  private final AtomicInteger refs = new AtomicInteger(1);

  Snapshot(SearchSnapshot snapshot, String identity) {
    this.snapshot = snapshot;
    this.identity = identity;
    try {
      this.base = snapshot.connection().unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      snapshot.close();
      throw new HyokaException(
          ErrorCode.INTERNAL_ERROR, "the warehouse connection is not DuckDB's: " + e, e);
    }
  }

  /** The run both the warehouse and the index show. */
  long runId() {
    return snapshot.runId();
  }

  String identity() {
    return identity;
  }

  /**
   * A new connection to this snapshot's database instance, with its locked settings (a DuckDB
   * connection is for one thread at a time, the instance for many).
   */
  Connection connect() {
    try {
      return base.duplicate();
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot open a connection to the warehouse: " + e, e);
    }
  }

  /** The searcher of this run's index commit (safe for concurrent searches). */
  Searcher searcher() {
    return snapshot.searcher();
  }

  /**
   * {@code compute}'s answer, computed by the first request that asks for {@code name} on this
   * snapshot and handed to every later one: an answer that only the warehouse decides is the same
   * until a publish, which brings a new snapshot. Requests asking while it is computed wait for it.
   * The answer is shared: it must not be changed.
   */
  @SuppressWarnings("unchecked")
  <T> T once(String name, Supplier<T> compute) {
    return (T) once.computeIfAbsent(name, n -> compute.get());
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
      try {
        snapshot.close();
      } catch (HyokaException e) {
        // A read-only instance of a replaced file: nothing is lost, but say so.
        LOG.warn("closing the snapshot of run {} failed: {}", runId(), e.getMessage());
      }
    }
  }
}
