package hyoka.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import hyoka.notebooks.KernelClient.Msg;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel over the real Jupyter wire protocol (ZeroMQ, HMAC-signed): it runs in-process through
 * {@link HyokaKernel#run}, and {@link KernelClient} plays jupyter_client.
 */
class KernelProtocolTest {
  private static final Duration T = Duration.ofSeconds(20);

  @TempDir Path tmp;
  private KernelClient client;
  private ExecutorService kernelThread;
  private Future<?> kernel;

  @BeforeEach
  void start() throws Exception {
    Path data = TestWarehouse.create(java.nio.file.Files.createDirectories(tmp.resolve("data")));
    client = new KernelClient(tmp);
    kernelThread = Executors.newSingleThreadExecutor();
    kernel =
        kernelThread.submit(
            () -> {
              HyokaKernel.run(client.connectionFile, data);
              return null;
            });
    Msg info = client.awaitReady(T);
    assertThat(info.type()).isEqualTo("kernel_info_reply");
    assertThat(info.content().getAsJsonObject("language_info").get("name").getAsString())
        .isEqualTo("sql");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (!kernel.isDone()) {
        JsonObject c = new JsonObject();
        c.addProperty("restart", false);
        client.control("shutdown_request", c);
        kernel.get(20, TimeUnit.SECONDS);
      }
    } finally {
      kernelThread.shutdownNow();
      client.close();
    }
  }

  @Test
  void sqlCellIsAnExecuteResultWithHtmlAndText() {
    String id =
        client.execute(
            "SELECT fiscal_year, value FROM kpi_series WHERE kind = 'actual' ORDER BY 1");
    List<Msg> io = client.iopubUntilIdle(id, T);
    Msg result = only(io, "execute_result");
    JsonObject data = result.content().getAsJsonObject("data");
    assertThat(data.get("text/html").getAsString())
        .contains("<table", "<th>fiscal_year</th>", ">2019</td>", ">173</td>", "5 rows");
    assertThat(data.get("text/plain").getAsString())
        .contains("fiscal_year | value")
        .contains("2019 |   173")
        .contains("5 rows");
    assertThat(client.reply(false, id, T).content().get("status").getAsString()).isEqualTo("ok");
  }

  @Test
  void chartCellIsAPngDrawnFromThePreviousResult() {
    String q =
        client.execute(
            "SELECT fiscal_year, value FROM kpi_series WHERE kind <> 'target' ORDER BY 1");
    client.iopubUntilIdle(q, T);
    String id = client.execute("%chart line x=fiscal_year y=value title=\"交通事故件数\"");
    Msg result = only(client.iopubUntilIdle(id, T), "execute_result");
    JsonObject data = result.content().getAsJsonObject("data");
    byte[] png = Base64.getDecoder().decode(data.get("image/png").getAsString());
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(data.get("text/plain").getAsString())
        .isEqualTo("line chart \"交通事故件数\": x=fiscal_year, 1 series, 6 points: value");
  }

  @Test
  void aFailingCellIsAJupyterErrorAndTheKernelGoesOn() {
    String bad = client.execute("SELECT * FROM no_such_table");
    Msg error = only(client.iopubUntilIdle(bad, T), "error");
    assertThat(error.content().get("ename").getAsString()).isEqualTo("SqlError");
    assertThat(error.content().get("evalue").getAsString())
        .startsWith("Catalog Error: Table with name no_such_table does not exist");
    assertThat(error.content().getAsJsonArray("traceback").get(0).getAsString())
        .startsWith("SqlError: Catalog Error:");
    Msg reply = client.reply(false, bad, T);
    assertThat(reply.content().get("status").getAsString()).isEqualTo("error");

    String magic = client.execute("%nonsense");
    assertThat(only(client.iopubUntilIdle(magic, T), "error").content().get("evalue").getAsString())
        .startsWith("unknown magic %nonsense");

    String good = client.execute("SELECT count(*) AS n FROM kpi_series");
    Msg result = only(client.iopubUntilIdle(good, T), "execute_result");
    assertThat(result.content().getAsJsonObject("data").get("text/plain").getAsString())
        .isEqualTo("n\n-\n7\n1 row\n");
  }

  @Test
  void interruptCancelsALongQueryAndTheKernelGoesOn() throws Exception {
    String slow = client.execute("SELECT count(*) FROM range(100000000) a, range(100000000) b");
    // Interrupt until it lands: one sent before the query has started would find nothing to stop.
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread interrupter =
        new Thread(
            () -> {
              while (!done.get()) {
                client.control("interrupt_request", new JsonObject());
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    interrupter.start();
    List<Msg> io;
    try {
      io = client.iopubUntilIdle(slow, T);
    } finally {
      done.set(true);
      interrupter.join();
    }
    Msg error = only(io, "error");
    assertThat(error.content().get("evalue").getAsString()).containsIgnoringCase("interrupt");

    String good = client.execute("SELECT max(value) AS m FROM kpi_series");
    Msg result = only(client.iopubUntilIdle(good, T), "execute_result");
    assertThat(result.content().getAsJsonObject("data").get("text/plain").getAsString())
        .contains("244");
  }

  @Test
  void completeRequestOffersWarehouseNames() {
    JsonObject c = new JsonObject();
    c.addProperty("code", "SELECT * FROM kpi_s");
    c.addProperty("cursor_pos", 19);
    Msg reply = client.reply(false, client.shell("complete_request", c), T);
    assertThat(reply.type()).isEqualTo("complete_reply");
    assertThat(reply.content().getAsJsonArray("matches").toString()).isEqualTo("[\"kpi_series\"]");
    assertThat(reply.content().get("cursor_start").getAsInt()).isEqualTo(14);
    assertThat(reply.content().get("cursor_end").getAsInt()).isEqualTo(19);
  }

  @Test
  void shutdownRequestEndsRun() throws Exception {
    JsonObject c = new JsonObject();
    c.addProperty("restart", false);
    String id = client.control("shutdown_request", c);
    assertThat(client.reply(true, id, T).type()).isEqualTo("shutdown_reply");
    kernel.get(20, TimeUnit.SECONDS);
    assertThat(kernel.isDone()).isTrue();
  }

  private static Msg only(List<Msg> io, String type) {
    List<Msg> found = io.stream().filter(m -> m.type().equals(type)).toList();
    assertThat(found).as("%s messages in %s", type, io).hasSize(1);
    return found.get(0);
  }
}
