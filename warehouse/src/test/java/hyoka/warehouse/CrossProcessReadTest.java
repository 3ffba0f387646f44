package hyoka.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.IngestedReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's file locks are per process, so only a second process shows that a publish never locks
 * readers out: a reader process keeps opening the warehouse while this one publishes.
 */
class CrossProcessReadTest {
  @TempDir Path tmp;

  @Test
  void anotherProcessKeepsReadingWhileARunIsPublished() throws Exception {
    Warehouse w = new Warehouse(tmp.resolve("data"));
    List<Path> shards = new ArrayList<>();
    String shas = "0123456789abcdef";
    for (int i = 0; i < shas.length(); i++) {
      IngestedReport r =
          HandReports.report(
              HandReports.sha(shas.charAt(i)),
              2015 + i % 5,
              "244",
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
      Path dir = tmp.resolve("shards").resolve(r.reportId());
      ReportShard.write(r, dir);
      shards.add(dir);
    }
    RunStats stats = new RunStats(Instant.parse("2026-01-01T00:00:00Z"), 0, List.of());
    w.publish(shards.subList(0, 1), stats);

    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process reader =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED",
                "-cp",
                classpath,
                ReaderProbe.class.getName(),
                w.dataDir().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> seen = new ArrayList<>();
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(reader.getOutputStream(), StandardCharsets.UTF_8)) {
      seen.add(out.readLine());
      assertThat(seen.get(0)).isEqualTo("1/1");
      PublishResult result = w.publish(shards, stats);
      assertThat(result.added()).isEqualTo(15);
      // the reader answers with the new run without being restarted
      String line;
      do {
        line = out.readLine();
        seen.add(line);
      } while (line != null && !line.equals("16/2"));
      in.write("stop\n");
      in.flush();
      while ((line = out.readLine()) != null) {
        seen.add(line);
      }
    } finally {
      assertThat(reader.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen)
        .allMatch(s -> s.equals("1/1") || s.equals("16/2"), "only whole runs, no errors");
    assertThat(seen).contains("16/2");
  }
}
