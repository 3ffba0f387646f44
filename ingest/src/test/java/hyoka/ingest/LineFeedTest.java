package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.transform.Fixtures;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-file lines come while the ingest runs, each as soon as it is final, and are the lines the
 * end of the run decides, in the same order. One log records, in the order they happened, every
 * line printed, every step the progress is told of and every file it hears is done.
 */
class LineFeedTest {
  @TempDir Path dir;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @Test
  void linesOfNewReportsAndRejectionsComeDuringThePipelineAndEqualTheFinalOnes() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("otaru-sogo-senryaku-h30.pdf"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("otaru-sogo-senryaku-h31.pdf"));
    Path scan = TestPdfs.scanned(dir.resolve("scan.pdf"), 1);

    IngestSummary s = ingest(dir.resolve("data"), List.of(otaru, scan));

    assertThat(steps()).containsExactly("scan", "pipeline", "publish", "index");
    assertThat(log)
        .filteredOn(e -> e.startsWith("done "))
        .containsExactlyInAnyOrder("done 36", "done 36", "done 0");
    int publish = log.indexOf("step publish");
    // each file's line came before the publish began, in the order of the inputs
    assertThat(lines().subList(0, 3))
        .containsExactly(outcomeLine(s, h30), outcomeLine(s, h31), outcomeLine(s, scan));
    for (String line : lines().subList(0, 3)) {
      assertThat(log.indexOf("line " + line)).as(line).isLessThan(publish);
    }
    assertThat(lines()).hasSize(4).last().isEqualTo(s.line());
    assertThat(lines().get(0)).startsWith("added " + h30 + " (FY2018, 62 projects");
    assertThat(lines().get(2)).startsWith("rejected " + scan + ": no text layer");
  }

  @Test
  void aLineThePublishMayChangeWaitsForItAndSoDoTheLinesAfterIt() throws Exception {
    Path data = dir.resolve("data");
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), dir.resolve("a-h31.pdf"));
    ingest(data, List.of(h31));
    log.clear();
    // a revised FY2019 report of the same series (the folder), and a new FY2018 one after it
    byte[] pdf = Files.readAllBytes(h31);
    byte[] revised = Arrays.copyOf(pdf, pdf.length + 11);
    System.arraycopy("% revised\n".getBytes(StandardCharsets.US_ASCII), 0, revised, pdf.length, 10);
    Path fixed = Files.write(dir.resolve("b-h31-revised.pdf"), revised);
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), dir.resolve("c-h30.pdf"));

    IngestSummary s = ingest(data, List.of(h31, fixed, h30));

    int publish = log.indexOf("step publish");
    assertThat(lines())
        .containsExactly("unchanged " + h31, outcomeLine(s, fixed), outcomeLine(s, h30), s.line());
    assertThat(lines().get(1)).startsWith("superseded " + h31 + " by " + fixed + " (FY2019");
    assertThat(log.indexOf("line unchanged " + h31)).isLessThan(log.indexOf("step pipeline"));
    // the superseding line is known only after the publish, and the next line waits behind it
    assertThat(log.indexOf("line " + lines().get(1))).isGreaterThan(publish);
    assertThat(log.indexOf("line " + lines().get(2))).isGreaterThan(publish);
  }

  private IngestSummary ingest(Path data, List<Path> inputs) {
    IngestProgress progress =
        new IngestProgress() {
          @Override
          public void step(String step, int files) {
            log.add("step " + step);
          }

          @Override
          public void fileDone(int pages) {
            log.add("done " + pages);
          }
        };
    Writer lines =
        new Writer() {
          private final StringBuilder pending = new StringBuilder();

          @Override
          public synchronized void write(char[] c, int off, int len) {
            for (int i = off; i < off + len; i++) {
              if (c[i] == '\n') {
                log.add("line " + pending);
                pending.setLength(0);
              } else {
                pending.append(c[i]);
              }
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    return new IngestRun(progress)
        .run(new IngestRequest(data, inputs, null, "direct", new PrintWriter(lines, true)));
  }

  private List<String> steps() {
    return log.stream().filter(e -> e.startsWith("step ")).map(e -> e.substring(5)).toList();
  }

  private List<String> lines() {
    return log.stream().filter(e -> e.startsWith("line ")).map(e -> e.substring(5)).toList();
  }

  private static String outcomeLine(IngestSummary s, Path file) {
    return s.files().stream()
        .filter(o -> o.file().equals(file.toString()))
        .findFirst()
        .orElseThrow()
        .line();
  }
}
