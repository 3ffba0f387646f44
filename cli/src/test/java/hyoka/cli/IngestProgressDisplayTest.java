package hyoka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/**
 * What the ingest's progress display shows, on a terminal and on plain stderr, with a fake clock.
 */
class IngestProgressDisplayTest {
  private final AtomicLong now = new AtomicLong();

  private void advance(double seconds) {
    now.addAndGet((long) (seconds * 1e9));
  }

  @Test
  void plainLinesComeAtEachStepAndThenEveryIntervalWithPaceAndTimeLeft() {
    StringWriter err = new StringWriter();
    try (IngestProgressDisplay d =
        IngestProgressDisplay.plain(new PrintWriter(err), Duration.ofSeconds(10), now::get)) {
      d.step("scan", 0);
      d.step("pipeline", 4);
      advance(2);
      d.fileDone(36); // within the interval: no line
      advance(9);
      d.fileDone(36); // 11 s after the last line: one
      d.fileDone(0);
      advance(1);
      d.fileDone(36);
      d.step("publish", 4);
      advance(3);
      d.step("index", 4);
    }
    assertThat(err.toString().lines())
        .containsExactly(
            "hyoka: ingest pipeline: 0 of 4 files",
            "hyoka: ingest pipeline: 2 of 4 files, 7 pages/s, about 11 s left",
            // pages per second over the pipeline's 12 s, frozen when it ends
            "hyoka: ingest publish: 4 of 4 files, 9 pages/s",
            "hyoka: ingest index: 4 of 4 files, 9 pages/s");
  }

  @Test
  void quietShowsNothing() {
    StringWriter err = new StringWriter();
    try (IngestProgressDisplay d = IngestProgressDisplay.open(new PrintWriter(err), true)) {
      d.step("pipeline", 2);
      d.fileDone(36);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aWriterThatIsNotTheProcessStderrGetsPlainLines() {
    StringWriter err = new StringWriter();
    try (IngestProgressDisplay d = IngestProgressDisplay.open(new PrintWriter(err), false)) {
      d.step("pipeline", 2);
    }
    assertThat(err.toString()).isEqualTo("hyoka: ingest pipeline: 0 of 2 files\n");
  }

  /** On a terminal (here JLine's, on a byte stream, 80 × 24): the status line in the last row. */
  @Test
  void onATerminalTheStatusLineHoldsTheLastRowAndGivesItBackAtTheEnd() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Terminal terminal =
        TerminalBuilder.builder()
            .system(false)
            .streams(InputStream.nullInputStream(), screen)
            .type("xterm")
            .size(Size.of(80, 24))
            .build();
    try (IngestProgressDisplay d = IngestProgressDisplay.onTerminal(terminal, now::get, false)) {
      d.step("pipeline", 2);
      advance(4);
      d.fileDone(36);
      assertThat(d.text()).isEqualTo("ingest pipeline: 1 of 2 files, 9 pages/s, about 4 s left");
    }
    String out = screen.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("\u001b[1;23r") // the scrolling region leaves the last row to the status
        .contains("ingest pipeline: 0 of 2 files")
        // JLine redraws only what changed: the count, and the pace and time left after it
        .contains(", 9 pages/s, about 4 s left")
        .endsWith("\u001b[1;24r\u001b8"); // and the whole screen scrolls again at the end
  }
}
