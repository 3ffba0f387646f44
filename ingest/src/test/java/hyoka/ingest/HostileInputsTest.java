package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import hyoka.ingest.IngestRunTest.Run;
import hyoka.ingest.bench.Corpus;
import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.IngestedReport;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a hostile or unlucky user passes: file names no terminal line can hold, files that are no
 * files, files too large, a decompression bomb, a PDF reader that dies. Each gets its one line, in
 * bounded time, and the good file beside it is still ingested. Every fixture is made here.
 */
class HostileInputsTest {
  @TempDir Path dir;

  @Test
  void everyFileNameWorksAndPrintsOnOneLine() throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    List<String> names =
        new ArrayList<>(
            List.of(
                "carriage\rreturn.pdf",
                "new\nline.pdf",
                "tab\there.pdf",
                "-leading-dash.pdf",
                "\u001b[31mred.pdf",
                "評価 報告.pdf"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      // One folder (so one series) per file: else the six copies would supersede each other.
      Path folder = Files.createDirectory(in.resolve("s" + i));
      files.add(Corpus.copy(Fixtures.samplePdf("h30"), folder.resolve(names.get(i)), i));
    }
    // A name that is not UTF-8 (byte 0xff), where the file system takes it: Java cannot spell it,
    // so the shell makes it.
    Path folder = Files.createDirectory(in.resolve("s-bytes"));
    Corpus.copy(Fixtures.samplePdf("h30"), folder.resolve("source.pdf"), 99);
    Process mv =
        new ProcessBuilder(
                "sh",
                "-c",
                "cd \"$1\" && mv source.pdf \"$(printf 'bad\\377.pdf')\"",
                "sh",
                folder.toString())
            .inheritIO()
            .start();
    assertThat(mv.waitFor()).isZero();
    Path data = dir.resolve("data");

    Run run = IngestRunTest.ingest(data, List.of(in), null);
    // One line per file and the summary: no name splits its line.
    assertThat(run.lines()).hasSize(names.size() + 2);
    assertThat(run.summary().added()).isEqualTo(names.size() + 1);
    for (Path f : files) {
      assertThat(run.lines()).anyMatch(l -> l.startsWith("added " + Printable.of(f.toString())));
    }
    assertThat(run.lines())
        .contains(run.summary().line())
        .anyMatch(l -> l.startsWith("added " + folder + "/bad\ufffd.pdf (FY2018, "))
        .anyMatch(l -> l.contains("carriage\\rreturn.pdf (FY2018"))
        .anyMatch(l -> l.contains("new\\nline.pdf (FY2018"))
        .anyMatch(l -> l.contains("tab\\there.pdf (FY2018"))
        .anyMatch(l -> l.contains("/\\x1b[31mred.pdf (FY2018"))
        .anyMatch(l -> l.contains("/評価 報告.pdf (FY2018"))
        .noneMatch(l -> l.contains("\u001b"));
    // The warehouse keeps each name as it is.
    for (Path f : files) {
      assertThat(reportsFrom(data, f.toString())).as(f.toString()).isEqualTo(1);
    }
    assertThat(Agreement.assertAgree(data)).hasSize(names.size() + 1);

    Run again = IngestRunTest.ingest(data, List.of(in), null);
    assertThat(again.summary().unchanged()).isEqualTo(names.size() + 1);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void specialAndHugeFilesAreRejectedBeforeAnythingOfThemIsRead() throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Path good = Files.copy(Fixtures.samplePdf("h31"), in.resolve("good.pdf"));
    // A sparse file over 2 GiB: it takes no disk, but one array cannot hold it.
    Path huge = in.resolve("huge.pdf");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength((2L << 30) + 1);
    }
    Path fifo = in.resolve("fifo.pdf");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    Path zero = Path.of("/dev/zero");
    Path named = dir.resolve("named-fifo");
    assertThat(new ProcessBuilder("mkfifo", named.toString()).start().waitFor()).isZero();
    Path data = dir.resolve("data");

    Run run = IngestRunTest.ingest(data, List.of(in, zero, named), null);
    assertThat(run.lines())
        .containsExactly(
            "rejected " + fifo + ": not a regular file (a FIFO): hyoka reads only files",
            "added "
                + good
                + " (FY2019, 62 projects, 73 KPI rows, "
                + run.summary().scoreMismatches()
                + " score mismatches, "
                + run.summary().unknownLines()
                + " unknown lines)",
            "rejected " + huge + ": too large (2.0 GiB): hyoka reads files of up to 256 MiB",
            "rejected /dev/zero: not a regular file (a character device): hyoka reads only files",
            "rejected " + named + ": not a regular file (a FIFO): hyoka reads only files",
            run.summary().line());
    assertThat(run.summary().files())
        .filteredOn(f -> f.file().equals(huge.toString()))
        .extracting(FileOutcome::code)
        .containsExactly(ErrorCode.FILE_TOO_LARGE);
    assertThat(Agreement.assertAgree(data)).hasSize(1);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aDecompressionBombIsRejectedAtABoundAndRememberedAndTheGoodFileIsIngested()
      throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Path good = Files.copy(Fixtures.samplePdf("h31"), in.resolve("good.pdf"));
    Path bomb = TestPdfs.bomb(in.resolve("bomb.pdf"), 1L << 30);
    assertThat(Files.size(bomb)).isLessThan(8L << 20);
    // The default bounds but a smaller heap, so that the test takes seconds, not a minute.
    ExtractLimits limits = new ExtractLimits(ExtractLimits.DEFAULT_MAX_FILE_BYTES, 120_000, 256);
    Path data = dir.resolve("data");

    long t0 = System.nanoTime();
    Run run = ingest(data, List.of(in), limits);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    assertThat(run.lines().get(0))
        .matches(
            "rejected "
                + java.util.regex.Pattern.quote(bomb.toString())
                + ": (memory bound exceeded: reading it needs more than 256 MB of heap"
                + "|time bound exceeded: no text after 120 s)"
                + " \\(a decompression bomb or a PDF too complex to read\\)");
    assertThat(run.lines().get(1)).startsWith("added " + good + " (FY2019, 62 projects");
    assertThat(run.summary().files().get(0).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    assertThat(Agreement.assertAgree(data)).hasSize(1);
    assertThat(Files.readString(data.resolve(RejectedContent.FILE), StandardCharsets.UTF_8))
        .contains(IngestedReport.sha256Of(bomb) + "\tLIMIT_EXCEEDED\t");
    System.out.printf("ingest of a 1 GiB bomb and a report: %d s%n", seconds);

    // The same folder again: the bomb is not read again (nothing is: the report is held).
    long t1 = System.nanoTime();
    Run again = ingest(data, List.of(in), limits);
    assertThat(again.lines())
        .containsExactly(
            run.lines().get(0) + " (rejected before; not read again)",
            "unchanged " + good,
            again.summary().line());
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t1)).isLessThan(30);
    // Other bounds may read it: a run with them does not take the remembered rejection.
    assertThat(
            RejectedContent.load(data, ParserVersion.current())
                .get(IngestedReport.sha256Of(bomb), new ExtractLimits(1 << 30, 120_000, 4096)))
        .isEmpty();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aReaderProcessThatDiesCostsOnlyItsFileAndIsReplaced() throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Path good = Files.copy(Fixtures.samplePdf("h30"), in.resolve("a-good.pdf"));
    Path fatal = Corpus.copy(Fixtures.samplePdf("h31"), in.resolve("b-fatal.pdf"), 1);
    // Limits of this test alone, so the pool is fresh and its readers get the test's property.
    ExtractLimits limits = new ExtractLimits(ExtractLimits.DEFAULT_MAX_FILE_BYTES, 120_000, 320);
    System.setProperty(CrashPoints.READER_HALT_ON, "b-fatal.pdf");
    Run run;
    try {
      run = ingest(dir.resolve("data"), List.of(in), limits);
    } finally {
      System.clearProperty(CrashPoints.READER_HALT_ON);
    }
    assertThat(run.lines())
        .containsExactly(
            run.lines().get(0),
            "rejected " + fatal + ": the PDF reader process stopped (exit code 134)",
            run.summary().line());
    assertThat(run.lines().get(0)).startsWith("added " + good + " (FY2018");
    PdfReaders readers = PdfReaders.shared(limits);
    int before = readers.started();
    // The next file gets a live reader: the dead one was replaced.
    assertThat(
            readers
                .extract(
                    new ChangedFile(
                        ChangedFile.pathString(good),
                        "a-good.pdf",
                        IngestedReport.sha256Of(good),
                        "in"))
                .pages())
        .hasSize(36);
    assertThat(readers.started()).isBetween(before, before + 1);
    // What the readers spend is counted with this JVM's CPU (the step timings and the benchmark).
    assertThat(PdfReaders.cpuNanos()).isPositive();
    // A crash is not the file's fault for sure: it is not remembered.
    assertThat(Files.exists(dir.resolve("data").resolve(RejectedContent.FILE))).isFalse();
  }

  private static Run ingest(Path data, List<Path> inputs, ExtractLimits limits) {
    java.io.StringWriter text = new java.io.StringWriter();
    IngestSummary summary =
        new IngestRun()
            .run(
                new IngestRequest(
                    data, inputs, null, "direct", new java.io.PrintWriter(text), limits));
    return new Run(summary, text.toString().lines().toList());
  }

  private static long reportsFrom(Path data, String sourceFile) throws Exception {
    try (Connection c = new hyoka.warehouse.Warehouse(data).openReadOnly();
        PreparedStatement p =
            c.prepareStatement("SELECT count(*) FROM reports WHERE source_file = ?")) {
      p.setString(1, sourceFile);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
