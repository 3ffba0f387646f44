package hyoka.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexDeletionPolicy;

/**
 * Keeps the newest index commit of each of the last {@link #KEEP_RUNS} warehouse runs, so a reader
 * that has opened the warehouse of one run finds that run's commit even while an ingest has already
 * committed the index of the next run and not yet made its warehouse live (the index of a run is
 * committed before its warehouse is renamed into place), or just after. A reader holds the commit
 * it opened for as long as it needs it: its open files stay readable when a later sync deletes
 * them. Older commits, and older commits of the same run, are deleted.
 */
final class RunCommitsPolicy extends IndexDeletionPolicy {
  /** The live run, the run being published, and one more for a reader slow to open the index. */
  static final int KEEP_RUNS = 3;

  @Override
  public void onInit(List<? extends IndexCommit> commits) {
    onCommit(commits);
  }

  @Override
  public void onCommit(List<? extends IndexCommit> commits) {
    Set<String> runs = new HashSet<>();
    // newest first; the newest commit is never deleted
    for (int i = commits.size() - 1; i >= 0; i--) {
      IndexCommit c = commits.get(i);
      String run = runOf(c);
      if (i < commits.size() - 1 && (runs.contains(run) || runs.size() >= KEEP_RUNS)) {
        c.delete();
      } else {
        runs.add(run);
      }
    }
  }

  static String runOf(IndexCommit c) {
    try {
      String run = c.getUserData().get(IndexFields.COMMIT_RUN);
      return run == null ? "" : run;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
