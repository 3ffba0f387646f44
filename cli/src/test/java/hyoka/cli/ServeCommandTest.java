package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import hyoka.warehouse.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hyoka serve} as the command line runs it: prints its URL, answers, stops. */
class ServeCommandTest {
  @TempDir Path tmp;

  @Test
  void servePrintsItsUrlAnswersAndStops() throws Exception {
    Path data = tmp.resolve("data");
    assertThat(
            CliTest.hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString())
                .code())
        .isZero();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] code = {-1};
    Thread serving =
        new Thread(
            () ->
                code[0] =
                    HyokaCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                        .execute("serve", "--data", data.toString(), "--port", "0"));
    serving.start();
    String base = ServeUrl.await(out, err);
    HttpResponse<String> status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "api/status")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(status.statusCode()).isEqualTo(200);
    // What the server says it holds is what the ingest put in the warehouse: one report per PDF
    // of samples/, however many the samples are.
    long reports;
    try (Connection c = new Warehouse(data).openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM reports")) {
      rs.next();
      reports = rs.getLong(1);
    }
    long pdfs;
    try (Stream<Path> files = Files.list(Fixtures.samplesDir())) {
      pdfs = files.filter(f -> f.getFileName().toString().endsWith(".pdf")).count();
    }
    assertThat(reports).isEqualTo(pdfs).isPositive();
    // and every one is current: the FY2019 report and the FY2019 sheets are two layouts, and a
    // file supersedes only a report of its own layout
    assertThat(status.body())
        .contains("\"reports\":" + reports + ",", "\"current_reports\":" + reports, "\"run\":1");
    serving.interrupt();
    serving.join(30_000);
    assertThat(serving.isAlive()).isFalse();
  }

  /** A --bind that is no address of this machine said "null (is another server on that port?". */
  @Test
  void aBindThatIsNoAddressHereIsAUsageErrorSayingSo() {
    CliTest.Run unresolved =
        CliTest.hyoka("serve", "--data", tmp.toString(), "--port", "0", "--bind", "999.1.1.1");
    assertThat(unresolved.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unresolved.err())
        .isEqualTo(
            "hyoka: cannot listen on 999.1.1.1:0: '999.1.1.1' is neither an address nor a host name"
                + " that resolves (--bind takes an address of this machine, such as 127.0.0.1)\n");
    // a documentation address (RFC 5737), never one of this machine's
    CliTest.Run foreign =
        CliTest.hyoka("serve", "--data", tmp.toString(), "--port", "0", "--bind", "192.0.2.1");
    assertThat(foreign.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(foreign.err())
        .startsWith("hyoka: cannot listen on 192.0.2.1:0: ")
        .endsWith(" (--bind takes an address of this machine, such as 127.0.0.1)\n")
        .doesNotContain("null", "try --port");
  }

  @Test
  void aPortInUseIsAUsageErrorWithOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliTest.Run r =
          CliTest.hyoka(
              "serve", "--data", tmp.toString(), "--port", Integer.toString(taken.getLocalPort()));
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).startsWith("hyoka: cannot listen on 127.0.0.1:").contains("--port");
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
  }
}
