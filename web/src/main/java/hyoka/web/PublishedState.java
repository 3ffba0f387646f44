package hyoka.web;

import hyoka.search.SearchIndex;
import hyoka.search.Searcher;
import hyoka.transform.ErrorCode;
import hyoka.transform.HyokaException;
import hyoka.warehouse.FileAccess;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * "Open the current published state" for hyoka serve: the warehouse file of the last publish and
 * the index commit of the same run, reopened on its own when an ingest publishes, the old state
 * closed once the requests reading it are done.
 *
 * <p>A publish renames a new warehouse file into place and then commits the index for that run, so
 * for a while the warehouse is one run ahead of the index. A new state is taken only when both
 * agree (or when the state held disagrees too, as after a crashed ingest): every answer comes from
 * one run, never a mix. A change is noticed by the warehouse file's identity (file key, size,
 * modification time) and the index's commit files, checked at most every {@link #CHECK_NANOS}.
 *
 * <p>This is meant to give way to the reader snapshot API of the search/warehouse modules (branch
 * {@code index}) once that is on main.
 */
final class PublishedState implements AutoCloseable {
  /** How often a request may look for a new publish (a stat and a directory listing). */
  static final long CHECK_NANOS = 200_000_000L;

  private final Path dataDir;
  private final Path indexDir;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Snapshot current;
  private long lastCheck;
  private boolean checkedOnce;

  /** The (warehouse, index) identities last opened and found inconsistent, not to reopen. */
  private String rejected = "";

  private boolean closed;

  PublishedState(Path dataDir) {
    this.dataDir = dataDir;
    this.indexDir = dataDir.resolve("index");
  }

  /** A lease on the current state; close it when the request is done. */
  Lease acquire() {
    refresh(false);
    for (int attempt = 0; attempt < 100; attempt++) {
      Snapshot s = current;
      if (s == null) {
        throw new HyokaException(
            ErrorCode.NO_WAREHOUSE, "no warehouse in " + dataDir + " yet: run hyoka ingest first");
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
      // Another request is opening a new publish: answer from the state held meanwhile.
      return;
    }
    try {
      if (closed) {
        throw new HyokaException(ErrorCode.INTERNAL_ERROR, "the server is stopping");
      }
      long now = System.nanoTime();
      if (!force && checkedOnce && now - lastCheck < CHECK_NANOS) {
        return;
      }
      checkedOnce = true;
      lastCheck = now;
      String wid = warehouseIdentity();
      if (wid == null) {
        return; // nothing published yet (or the file is between two renames: keep what we have)
      }
      String iid = indexIdentity();
      Snapshot s = current;
      if (s != null && wid.equals(s.warehouseIdentity()) && iid.equals(s.indexIdentity())) {
        return;
      }
      if ((wid + "\n" + iid).equals(rejected)) {
        return;
      }
      Snapshot candidate;
      try {
        candidate = open(wid, iid);
      } catch (HyokaException e) {
        if (s == null) {
          throw e;
        }
        // Keep answering from the state held; the next check tries the new files again.
        return;
      }
      if (s == null || candidate.consistent() || !s.consistent()) {
        current = candidate;
        rejected = "";
        if (s != null) {
          s.release();
        }
      } else {
        // The warehouse is published, its index not yet: keep answering from the old pair.
        rejected = wid + "\n" + iid;
        candidate.release();
      }
    } finally {
      lock.unlock();
    }
  }

  private Snapshot open(String wid, String iid) {
    Path db = dataDir.resolve(Warehouse.DB_FILE);
    DuckDBConnection base;
    try {
      // The warehouse module's locked-down read-only connection (no file access, no SET): the
      // per-request connections duplicate its database instance and so its settings.
      base = new Warehouse(dataDir).openReadOnly(FileAccess.NONE).unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot open " + db + " read-only: " + firstLine(e), e);
    }
    try {
      long run;
      try (Statement st = base.createStatement();
          ResultSet rs = st.executeQuery("SELECT coalesce(max(run_id), 0) FROM runs")) {
        rs.next();
        run = rs.getLong(1);
      }
      Searcher searcher = null;
      long indexRun = 0;
      // The index run read before and after opening: equal, the searcher holds that commit.
      for (int attempt = 0; attempt < 5 && Files.isDirectory(indexDir); attempt++) {
        long before = SearchIndex.indexedRun(indexDir);
        if (before == 0) {
          break;
        }
        Searcher opened = new Searcher(indexDir);
        long after = SearchIndex.indexedRun(indexDir);
        if (before == after) {
          searcher = opened;
          indexRun = after;
          break;
        }
        opened.close();
      }
      return new Snapshot(base, searcher, run, indexRun, wid, iid);
    } catch (SQLException | RuntimeException e) {
      try {
        base.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof HyokaException h) {
        throw h;
      }
      throw new HyokaException(
          ErrorCode.WAREHOUSE_ERROR, "cannot read the runs of " + db + ": " + firstLine(e), e);
    }
  }

  private String warehouseIdentity() {
    Path db = dataDir.resolve(Warehouse.DB_FILE);
    try {
      BasicFileAttributes a = Files.readAttributes(db, BasicFileAttributes.class);
      return a.fileKey() + "|" + a.size() + "|" + a.lastModifiedTime().toMillis();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new HyokaException(ErrorCode.WAREHOUSE_ERROR, "cannot read " + db + ": " + e, e);
    }
  }

  /** The names of the index's commit points: a new commit adds a segments_N file. */
  private String indexIdentity() {
    if (!Files.isDirectory(indexDir)) {
      return "";
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(indexDir, "segments_*")) {
      for (Path f : files) {
        names.add(f.getFileName().toString());
      }
    } catch (IOException e) {
      return "unreadable";
    }
    names.sort(null);
    return String.join(",", names);
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
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
