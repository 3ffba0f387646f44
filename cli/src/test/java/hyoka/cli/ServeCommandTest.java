package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    Pattern url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Matcher m = url.matcher(out.toString());
    while (System.nanoTime() < deadline && !m.find()) {
      Thread.sleep(50);
      m = url.matcher(out.toString());
    }
    assertThat(m.find(0)).as(out + " / " + err).isTrue();
    HttpResponse<String> status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "api/status")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(status.statusCode()).isEqualTo(200);
    // the samples are three files; the FY2019 report and sheets are two layouts, both current
    assertThat(status.body()).contains("\"reports\":3").contains("\"current_reports\":3");
    serving.interrupt();
    serving.join(30_000);
    assertThat(serving.isAlive()).isFalse();
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
