package hyoka.web;

import static hyoka.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestProgress;
import hyoka.search.SearchIndex;
import hyoka.transform.Fixtures;
import hyoka.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest publishing beside the server: every answer of two query loops, running through the
 * whole ingest, is the old state or the new one, never an error or a mix of the warehouse of one
 * run and the index of another. The ingest is held at three points until the loops have answered
 * there: as it begins to publish (the staging copy is made next), with the staging copy loaded and
 * the index not yet built, and with the index of the new run committed and the warehouse not yet
 * renamed into place; it then goes on, with the loops still running, through the rename.
 */
class PublishWhileServingTest {
  @TempDir Path tmp;

  /** Warehouse and index in one answer: the reports held and the search hits of 除雪 (index). */
  private static final String BOTH =
      "SELECT (SELECT count(*) FROM reports) AS reports,"
          + " (SELECT count(*) FROM search('除雪')) AS hits,"
          + " (SELECT max(run_id) FROM runs) AS run";

  private static final String OLD_SQL = "sql [[1,6,1]] run 1";
  private static final String NEW_SQL = "sql [[2,13,2]] run 2";
  private static final String OLD_SEARCH = "search 6 run 1";
  private static final String NEW_SEARCH = "search 13 run 2";

  /** Answers each loop must have given, start to end, while the ingest was held at a point. */
  private static final int PER_HOLD = 5;

  /** Where the ingest is; answers are recorded with it as it was when they began and ended. */
  private volatile String phase = "before";

  private final Map<String, Integer> answeredIn = new ConcurrentHashMap<>();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

  /** One answer of one loop and the phases it began and ended in. */
  record Answer(String phaseBefore, String phaseAfter, String state) {}

  @Test
  void everyAnswerIsTheOldOrTheNewStateNeverAnErrorOrAMix() throws Exception {
    Path data = tmp.resolve("data");
    TestData.ingest(data, Fixtures.samplePdf("h30"));
    try (WebServer server = WebServer.start(ServeOptions.of(data).withPort(0))) {
      Http http = new Http(server);
      assertThat(sqlState(http)).isEqualTo(OLD_SQL);
      assertThat(searchState(http)).isEqualTo(OLD_SEARCH);
      AtomicBoolean stop = new AtomicBoolean();
      List<List<Answer>> loops =
          List.of(
              Collections.synchronizedList(new ArrayList<>()),
              Collections.synchronizedList(new ArrayList<>()));
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < loops.size(); i++) {
        List<Answer> answers = loops.get(i);
        String name = "loop" + i;
        Thread t =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    record(http, name, answers, true);
                    record(http, name, answers, false);
                  }
                },
                "query-" + name);
        threads.add(t);
        t.start();
      }
      Held held = new Held(data, loops.size());
      CompletableFuture<String> ingest =
          CompletableFuture.supplyAsync(
              () -> TestData.ingest(data, held, Fixtures.samplePdf("h31")));
      String summary = ingest.get(5, TimeUnit.MINUTES);
      phase = "after";
      // The loops go on until each has seen the new state a few times after the ingest.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (System.nanoTime() < deadline
          && loops.stream().anyMatch(l -> countIn(l, "after", NEW_SQL) < 3)) {
        Thread.sleep(50);
      }
      stop.set(true);
      for (Thread t : threads) {
        t.join(TimeUnit.MINUTES.toMillis(1));
      }

      assertThat(summary).contains("1 added");
      assertThat(failures).isEmpty();
      assertThat(held.checks).containsExactly("publish", "index", "live");
      assertThat(held.problems).isEmpty();
      for (List<Answer> answers : loops) {
        // Nothing but the two states, ever.
        assertThat(answers)
            .extracting(Answer::state)
            .isSubsetOf(OLD_SQL, OLD_SEARCH, NEW_SQL, NEW_SEARCH)
            .contains(OLD_SQL, OLD_SEARCH, NEW_SQL, NEW_SEARCH);
        // Held before the rename: the old state only, however far the staging copy and the index
        // were; each hold waited for these answers, so they ran with the ingest there.
        for (String hold : List.of("publish held", "index held", "live held")) {
          List<Answer> there =
              answers.stream()
                  .filter(a -> a.phaseBefore().equals(hold) && a.phaseAfter().equals(hold))
                  .toList();
          assertThat(there).as(hold).hasSizeGreaterThanOrEqualTo(PER_HOLD);
          assertThat(there).extracting(Answer::state).as(hold).isSubsetOf(OLD_SQL, OLD_SEARCH);
        }
        // It switched once and never went back.
        int firstNew = -1;
        for (int i = 0; i < answers.size() && firstNew < 0; i++) {
          if (answers.get(i).state().contains("run 2")) {
            firstNew = i;
          }
        }
        assertThat(answers.subList(firstNew, answers.size()))
            .extracting(Answer::state)
            .doesNotContain(OLD_SQL, OLD_SEARCH);
        assertThat(answers.get(answers.size() - 1).phaseAfter()).isEqualTo("after");
      }
      assertThat(sqlState(http)).isEqualTo(NEW_SQL);
    }
  }

  /**
   * The ingest's progress: at each of the three points it waits until every loop has answered there
   * {@link #PER_HOLD} times, checking meanwhile what the data directory holds then. Held on the
   * ingest's own thread, so the ingest is truly there.
   */
  private final class Held implements IngestProgress {
    final Path data;
    final int loops;
    final List<String> checks = Collections.synchronizedList(new ArrayList<>());
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    Held(Path data, int loops) {
      this.data = data;
      this.loops = loops;
    }

    @Override
    public void step(String step, int files) {
      if (step.equals("publish")) {
        // The pipeline has written its shards; the staging copy of the warehouse comes next.
        hold("publish", 1, 1);
      } else if (step.equals("index")) {
        expect(Files.isRegularFile(data.resolve("warehouse.staging.duckdb")), "no staging copy");
        hold("index", 1, 1);
      }
      phase = step;
    }

    @Override
    public void goingLive(long runId) {
      // The new run's index is committed, the live warehouse still the old run's.
      hold("live", 1, 2);
      // A server that starts now opens the old warehouse with its own commit, not the newest.
      try (WebServer late = WebServer.start(ServeOptions.of(data).withPort(0))) {
        Http http = new Http(late);
        expect(sqlState(http).equals(OLD_SQL), "a new server answered " + sqlState(http));
        expect(searchState(http).equals(OLD_SEARCH), "a new server found " + searchState(http));
      }
      phase = "live";
    }

    private void hold(String where, long warehouseRun, long indexRun) {
      checks.add(where);
      expect(new Warehouse(data).lastRunId() == warehouseRun, where + ": warehouse run");
      expect(SearchIndex.indexedRun(data.resolve("index")) == indexRun, where + ": index run");
      String key = where + " held";
      phase = key;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline) {
        boolean enough = true;
        for (int i = 0; i < loops; i++) {
          enough &= answeredIn.getOrDefault("loop" + i + " " + key, 0) >= PER_HOLD;
        }
        if (enough) {
          return;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      problems.add(where + ": the loops did not answer in 2 minutes");
    }

    private void expect(boolean ok, String problem) {
      if (!ok) {
        problems.add(problem);
      }
    }
  }

  private void record(Http http, String loop, List<Answer> answers, boolean sql) {
    String before = phase;
    String state;
    try {
      state = sql ? sqlState(http) : searchState(http);
    } catch (RuntimeException | AssertionError e) {
      failures.add(loop + " in " + before + ": " + e.getMessage());
      return;
    }
    String after = phase;
    answers.add(new Answer(before, after, state));
    if (before.equals(after)) {
      answeredIn.merge(loop + " " + before, 1, Integer::sum);
    }
  }

  private static String sqlState(Http http) {
    Http.Answer a = http.get("/api/sql?q=" + enc(BOTH));
    if (a.status() != 200) {
      throw new AssertionError(a.status() + " " + a.body());
    }
    return "sql "
        + a.json().getAsJsonObject().getAsJsonArray("rows")
        + " run "
        + a.header("x-hyoka-run");
  }

  private static String searchState(Http http) {
    Http.Answer a = http.get("/api/search?q=" + enc("除雪") + "&size=1");
    if (a.status() != 200) {
      throw new AssertionError(a.status() + " " + a.body());
    }
    return "search "
        + a.json().getAsJsonObject().get("total").getAsLong()
        + " run "
        + a.header("x-hyoka-run");
  }

  private static long countIn(List<Answer> answers, String phase, String state) {
    synchronized (answers) {
      return answers.stream()
          .filter(a -> a.phaseBefore().equals(phase) && a.state().equals(state))
          .count();
    }
  }
}
