package hyoka.web;

import hyoka.search.SearchSnapshot;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.FileAccess;
import hyoka.warehouse.MemoryLimit;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The published run hyoka serve answers from: a {@link SearchSnapshot} (which pairs the warehouse
 * with the index commit of its run), replaced on its own when an ingest publishes, the old one
 * closed once the requests reading it are done. What this adds to the snapshot is only the server's
 * part: when to look for a new publish, and the reference counting of {@link Snapshot}.
 *
 * <p>A request looks at most every {@link #CHECK_NANOS} whether the published warehouse is still
 * the one held: its {@link Warehouse#lastRunId() last run} and its file (a data directory removed
 * and ingested anew starts again at run 1, in another file). When not, it opens the new snapshot
 * while the other requests go on answering from the one held.
 */
final class PublishedState implements AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(PublishedState.class);

  /** How often a request may look for a new publish (a stat and the warehouse's small cache). */
  static final long CHECK_NANOS = 200_000_000L;

  private final Warehouse warehouse;
  private final Path indexDir;
  private final MemoryLimit memoryLimit;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Snapshot current;
  private long lastCheck;

  /** The identity whose snapshot could not be opened, not to retry until the warehouse changes. */
  private String failed = "";

  private boolean closed;

  PublishedState(Path dataDir, MemoryLimit memoryLimit) {
    this.warehouse = new Warehouse(dataDir);
    this.indexDir = dataDir.resolve("index");
    this.memoryLimit = memoryLimit;
  }

  /** A lease on the current snapshot; close it when the request is done. */
  Lease acquire() {
    refresh(false);
    for (int attempt = 0; attempt < 100; attempt++) {
      Snapshot s = current;
      if (s == null) {
        throw new HyokaException(
            ErrorCode.NO_WAREHOUSE,
            "no warehouse in " + warehouse.dataDir() + " yet: run hyoka ingest first");
      }
      if (s.retain()) {
        return new Lease(s);
      }
      // Replaced and closed between the read and the retain: the next read sees the new one.
    }
    throw new HyokaException(ErrorCode.INTERNAL_ERROR, "could not take the published state");
  }

  /** Looks for a new publish now (tests; requests look at most every 200 ms). */
  void refreshNow() {
    refresh(true);
  }

  private void refresh(boolean force) {
    if (force || current == null) {
      lock.lock();
    } else if (!lock.tryLock()) {
      // Another request is opening a new publish: answer from the snapshot held meanwhile.
      return;
    }
    try {
      if (closed) {
        throw new HyokaException(ErrorCode.INTERNAL_ERROR, "the server is stopping");
      }
      Snapshot s = current;
      long now = System.nanoTime();
      if (!force && s != null && now - lastCheck < CHECK_NANOS) {
        return;
      }
      lastCheck = now;
      String published;
      try {
        published = identity();
      } catch (HyokaException e) {
        if (s == null) {
          throw e;
        }
        return; // the warehouse cannot be read now: keep answering from the snapshot held
      }
      if (s != null && (published.equals(s.identity()) || published.equals(failed))) {
        return;
      }
      Snapshot fresh;
      try {
        fresh = new Snapshot(SearchSnapshot.open(this::connect, indexDir), published);
      } catch (HyokaException e) {
        if (s == null) {
          throw e;
        }
        // Keep answering from the snapshot held; a later publish is tried again.
        failed = published;
        LOG.warn("hyoka serve: keeps answering from run {}: {}", s.runId(), e.getMessage());
        return;
      }
      current = fresh;
      failed = "";
      if (s != null) {
        s.release();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The published warehouse as it is now: its last run and its file. Read before a snapshot is
   * opened, so a publish in between makes the snapshot look older than it is (one reopen more),
   * never newer.
   */
  private String identity() {
    long run = warehouse.lastRunId();
    Object file;
    try {
      file = Files.readAttributes(warehouse.dbFile(), BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      file = "none";
    } catch (IOException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot read " + warehouse.dbFile() + ": " + e, e);
    }
    return run + "|" + file;
  }

  /** The warehouse module's locked-down read-only connection, with the server's memory limit. */
  private Connection connect() {
    return warehouse.openReadOnly(FileAccess.NONE, memoryLimit);
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      Snapshot s = current;
      current = null;
      if (s != null) {
        s.release();
      }
    } finally {
      lock.unlock();
    }
  }

  /** A request's hold on one snapshot. */
  static final class Lease implements AutoCloseable {
    private final Snapshot snapshot;
    private boolean released;

    Lease(Snapshot snapshot) {
      this.snapshot = snapshot;
    }

    Snapshot snapshot() {
      return snapshot;
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        snapshot.release();
      }
    }
  }
}
