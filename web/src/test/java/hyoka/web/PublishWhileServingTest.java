package hyoka.web;

import static hyoka.web.Http.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import hyoka.search.SearchIndex;
import hyoka.transform.Fixtures;
import hyoka.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest publishing beside the server: every answer of a query loop is the old state or the new
 * one, never an error or a mix of the warehouse of one run and the index of another.
 */
class PublishWhileServingTest {
  @TempDir Path tmp;

  /** Warehouse and index in one answer: the reports held and the search hits of 除雪 (index). */
  private static final String BOTH =
      "SELECT (SELECT count(*) FROM reports) AS reports,"
          + " (SELECT count(*) FROM search('除雪')) AS hits,"
          + " (SELECT max(run_id) FROM runs) AS run";

  @Test
  void everyAnswerIsTheOldOrTheNewStateNeverAnErrorOrAMix() throws Exception {
    Path data = tmp.resolve("data");
    TestData.ingest(data, Fixtures.samplePdf("h30"));
    try (WebServer server = WebServer.start(ServeOptions.of(data).withPort(0))) {
      Http http = new Http(server);
      String old = answer(http);
      assertThat(old).isEqualTo("[[1,6,1]]");
      List<String> seen = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      CompletableFuture<String> ingest =
          CompletableFuture.supplyAsync(() -> TestData.ingest(data, Fixtures.samplePdf("h31")));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      int afterIngest = 0;
      int betweenPublishAndIndex = 0;
      // Until the ingest has ended and the new state has been answered a few times.
      while (afterIngest < 20 && System.nanoTime() < deadline) {
        boolean done = ingest.isDone();
        // The window this test is about: the new warehouse published, its index not yet.
        boolean between =
            new Warehouse(data).lastRunId() == 2
                && SearchIndex.indexedRun(data.resolve("index")) == 1;
        Http.Answer a = http.get("/api/sql?q=" + enc(BOTH));
        if (a.status() != 200) {
          failures.add(a.status() + " " + a.body());
        } else {
          seen.add(a.json().getAsJsonObject().getAsJsonArray("rows").toString());
        }
        Http.Answer s = http.get("/api/search?q=" + enc("除雪") + "&size=1");
        if (s.status() != 200) {
          failures.add(s.status() + " " + s.body());
        } else {
          long total = s.json().getAsJsonObject().get("total").getAsLong();
          seen.add("search " + total + " run " + s.header("x-hyoka-run"));
        }
        if (between) {
          betweenPublishAndIndex++;
        }
        if (done) {
          afterIngest++;
          Thread.sleep(50);
        }
      }
      assertThat(ingest.get()).contains("1 added");
      assertThat(failures).isEmpty();
      assertThat(betweenPublishAndIndex)
          .as("queries while the index lagged the warehouse")
          .isPositive();
      assertThat(seen).contains("[[1,6,1]]");
      Set<String> distinct = new TreeSet<>(seen);
      assertThat(distinct)
          .isSubsetOf("[[1,6,1]]", "[[2,13,2]]", "search 6 run 1/1", "search 13 run 2/2")
          .contains("[[2,13,2]]", "search 13 run 2/2");
      // It switched once and never went back.
      int firstNew = seen.indexOf("[[2,13,2]]");
      assertThat(seen.subList(firstNew, seen.size())).doesNotContain("[[1,6,1]]");
      JsonArray hits =
          http.get("/api/search?q=" + enc("除雪")).json().getAsJsonObject().getAsJsonArray("hits");
      assertThat(hits).hasSize(13);
    }
  }

  private static String answer(Http http) {
    Http.Answer a = http.get("/api/sql?q=" + enc(BOTH));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().getAsJsonObject().getAsJsonArray("rows").toString();
  }
}
