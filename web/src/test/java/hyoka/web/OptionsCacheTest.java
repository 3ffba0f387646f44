package hyoka.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import hyoka.transform.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/options is computed once per published run, and anew after an ingest publishes one. */
class OptionsCacheTest {
  @TempDir Path tmp;

  @Test
  void optionsAreReusedWithinARunAndRecomputedForTheNextOne() throws Exception {
    Path data = tmp.resolve("data");
    TestData.ingest(data, Fixtures.samplePdf("h30"));
    try (PublishedState state = new PublishedState(data, null);
        WebServer server = WebServer.start(ServeOptions.of(data).withPort(0))) {
      Http http = new Http(server);
      Map<String, Object> first;
      try (PublishedState.Lease lease = state.acquire()) {
        first = Api.options(lease.snapshot());
        // the same answer, not a second one computed alike
        assertThat(Api.options(lease.snapshot())).isSameAs(first);
      }
      try (PublishedState.Lease lease = state.acquire()) {
        assertThat(Api.options(lease.snapshot())).isSameAs(first);
      }
      assertThat(first.get("years")).isEqualTo(List.of(2018));
      assertThat(years(http)).isEqualTo("[2018]");

      TestData.ingest(data, Fixtures.samplePdf("h31"));
      state.refreshNow();
      server.refreshNow();
      Map<String, Object> second;
      try (PublishedState.Lease lease = state.acquire()) {
        assertThat(lease.snapshot().runId()).isEqualTo(2);
        second = Api.options(lease.snapshot());
      }
      assertThat(second).isNotSameAs(first);
      assertThat(second.get("years")).isEqualTo(List.of(2019, 2018));
      // the server's own cache too: the new run's years, from the new run's snapshot
      Http.Answer a = http.get("/api/options");
      assertThat(a.header("x-hyoka-run")).isEqualTo("2");
      assertThat(years(http)).isEqualTo("[2019,2018]");
    }
  }

  private static String years(Http http) {
    JsonObject o = http.get("/api/options").json().getAsJsonObject();
    return o.getAsJsonArray("years").toString();
  }
}
