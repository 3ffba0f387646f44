package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.cli.CliTest.Run;
import hyoka.transform.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only commands write nothing into the data directory: after each of {@code sql} (a query,
 * and statements piped to its prompt, a temporary table among them), {@code search}, {@code export}
 * (into its own OUT_DIR, which then holds the tables alone), {@code serve} (every kind of page
 * answered) and {@code --help}, every file and folder of the data directory is there with its size,
 * modification time and bytes, and nothing was added. (What a command writes outside the data
 * directory was checked with strace: docs/reliability.md, "Read-only commands".)
 */
class ReadOnlyCommandsTest {
  @TempDir static Path tmp;
  static Path data;
  private List<String> before;

  @BeforeAll
  static void ingest() {
    data = tmp.resolve("data");
    Run r = CliTest.hyoka("ingest", "--data", data.toString(), Fixtures.samplesDir().toString());
    assertThat(r.code()).as(r.err()).isZero();
  }

  @BeforeEach
  void snapshot() throws Exception {
    before = state(data);
  }

  @AfterEach
  void theDataDirectoryIsAsItWas() throws Exception {
    assertThat(state(data)).isEqualTo(before);
  }

  /** Each entry's path, size, modification time (ns) and, for a file, sha256. */
  static List<String> state(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted().toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        String hash =
            a.isRegularFile() ? HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))) : "dir";
        out.add(
            dir.relativize(p)
                + " "
                + a.size()
                + " "
                + a.lastModifiedTime().toInstant()
                + " "
                + hash);
      }
    }
    return out;
  }

  private static Run ok(Run r) {
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  @Test
  void sqlWritesNothing() {
    assertThat(
            ok(CliTest.hyoka("sql", "--data", data.toString(), "SELECT count(*) FROM search('除雪')"))
                .out())
        .contains("17");
  }

  @Test
  void sqlStatementsFromAPipeWriteNothing() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String input =
        "SELECT count(*) AS n FROM kpis;\n"
            + "CREATE TEMP TABLE t AS SELECT 42 AS x;\n"
            + "SELECT x FROM t;\n"
            + ".tables\n"
            + ".schema reports\n";
    int code =
        HyokaCommand.commandLine(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute("sql", "--data", data.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("219", "42");
  }

  @Test
  void searchWritesNothing() {
    ok(CliTest.hyoka("search", "--data", data.toString(), "除雪"));
    ok(
        CliTest.hyoka(
            "search", "--data", data.toString(), "--format", "json", "--year", "2019", "除雪"));
  }

  @Test
  void exportWritesOnlyItsOutDir() throws Exception {
    for (String format : List.of("csv", "parquet")) {
      Path out = tmp.resolve("export-" + format);
      ok(CliTest.hyoka("export", "--data", data.toString(), "--format", format, out.toString()));
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .isNotEmpty()
            .allMatch(n -> n.endsWith("." + format), "a table's " + format + " file");
      }
    }
  }

  @Test
  void helpWritesNothing() {
    ok(CliTest.hyoka("--help"));
    ok(CliTest.hyoka("sql", "--help"));
    ok(CliTest.hyoka("serve", "--help"));
  }

  @Test
  void serveWritesNothing() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Thread serving =
        new Thread(
            () ->
                HyokaCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute("serve", "--data", data.toString(), "--port", "0"));
    serving.start();
    try {
      String base = ServeUrl.await(out, err);
      HttpClient client = HttpClient.newHttpClient();
      String report =
          get(client, base + "api/reports")
              .replaceAll("(?s).*?\"report_id\":\"([0-9a-f]+)\".*", "$1");
      for (String path :
          List.of(
              "",
              "api/status",
              "api/options",
              "api/search?q=" + enc("除雪"),
              "api/projects?series=samples&key=" + enc("除雪事業"),
              "api/reports/" + report,
              "api/reports/" + report + "/pages/5.png",
              "api/reports/" + report + "/pages/5/find?text=274.8",
              "api/sql?q=" + enc("SELECT count(*) FROM search('除雪')"),
              "api/sql?format=csv&q=" + enc("SELECT * FROM kpis"))) {
        get(client, base + path);
      }
    } finally {
      serving.interrupt();
      serving.join(30_000);
    }
    assertThat(serving.isAlive()).isFalse();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String get(HttpClient client, String url)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    return r.body();
  }
}
