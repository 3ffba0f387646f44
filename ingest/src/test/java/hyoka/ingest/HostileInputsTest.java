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

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aFileChangedBetweenItsHashAndItsReadIsRejectedAndNothingIsFiledUnderTheOldHash()
      throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    // Each in a folder of its own (its own series), so none supersedes another.
    Path replaced = Corpus.copy(Fixtures.samplePdf("h31"), in.resolve("a/replaced.pdf"), 1);
    Path garbled = Corpus.copy(Fixtures.samplePdf("h31"), in.resolve("b/garbled.pdf"), 2);
    Path good = Corpus.copy(Fixtures.samplePdf("h30"), in.resolve("c/good.pdf"), 3);
    Path piped = Corpus.copy(Fixtures.samplePdf("h31"), in.resolve("d/piped.pdf"), 5);
    String pipedSha = IngestedReport.sha256Of(piped);
    String replacedSha = IngestedReport.sha256Of(replaced);
    String garbledSha = IngestedReport.sha256Of(garbled);
    byte[] garbledBytes = Files.readAllBytes(garbled);
    Path data = dir.resolve("data");

    // Hashed at the scan; by the time the pipeline reads them, one file holds another report (the
    // FY2018 one) and the other is no PDF any more: a sync or a download rewriting the folder.
    IngestProgress swap =
        new IngestProgress() {
          @Override
          public void step(String step, int files) {
            if (step.equals("pipeline")) {
              try {
                Corpus.copy(Fixtures.samplePdf("h30"), replaced, 4);
                Files.writeString(garbled, "<html>partial download</html>\n");
                // a FIFO in its place: reading it would block until the time bound
                Files.delete(piped);
                assertThat(new ProcessBuilder("mkfifo", piped.toString()).start().waitFor())
                    .isZero();
              } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }
          }
        };
    java.io.StringWriter text = new java.io.StringWriter();
    IngestSummary summary =
        new IngestRun(swap)
            .run(
                new IngestRequest(
                    data, List.of(in), null, "direct", new java.io.PrintWriter(text)));
    List<String> lines = text.toString().lines().toList();
    String changed =
        ": changed while hyoka read it \\(its \\d+ bytes now have sha256 [0-9a-f]{12}, not the %s"
            + " hashed when the run began\\): run hyoka ingest again once the file is complete";
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0))
        .matches(
            "rejected "
                + java.util.regex.Pattern.quote(replaced.toString())
                + String.format(changed, replacedSha.substring(0, 12)));
    assertThat(lines.get(1))
        .matches(
            "rejected "
                + java.util.regex.Pattern.quote(garbled.toString())
                + String.format(changed, garbledSha.substring(0, 12)));
    assertThat(lines.get(2)).startsWith("added " + good + " (FY2018, 62 projects");
    assertThat(lines.get(3))
        .isEqualTo(
            "rejected "
                + piped
                + ": changed while hyoka read it (it is no longer a regular file): run hyoka"
                + " ingest again once the file is complete");
    assertThat(summary.files())
        .extracting(FileOutcome::code)
        .containsExactly(
            ErrorCode.UNREADABLE_FILE, ErrorCode.UNREADABLE_FILE, null, ErrorCode.UNREADABLE_FILE);
    // The warehouse holds the good file alone: no report under a hash its bytes do not have.
    assertThat(Agreement.assertAgree(data)).hasSize(1);
    assertThat(IngestRunTest.sql(data, "SELECT count(*) FROM reports")).isEqualTo(1);
    // A file changing is of the moment, not of its content: nothing is remembered.
    assertThat(Files.exists(data.resolve(RejectedContent.FILE))).isFalse();

    // The old bytes back, as the user put them: both are read and added, neither "unchanged".
    Corpus.copy(Fixtures.samplePdf("h31"), replaced, 1);
    Files.write(garbled, garbledBytes);
    Files.delete(piped);
    Corpus.copy(Fixtures.samplePdf("h31"), piped, 5);
    assertThat(IngestedReport.sha256Of(piped)).isEqualTo(pipedSha);
    assertThat(IngestedReport.sha256Of(replaced)).isEqualTo(replacedSha);
    Run again = ingest(data, List.of(in), null);
    assertThat(again.lines())
        .hasSize(5)
        .anyMatch(l -> l.startsWith("added " + replaced + " (FY2019, 62 projects"))
        .anyMatch(l -> l.startsWith("added " + garbled + " (FY2019, 62 projects"))
        .anyMatch(l -> l.startsWith("added " + piped + " (FY2019, 62 projects"))
        .contains("unchanged " + good);
    assertThat(
            IngestRunTest.sql(
                data,
                "SELECT count(*) FROM reports WHERE fiscal_year = 2019 AND sha256 IN ('"
                    + replacedSha
                    + "', '"
                    + garbledSha
                    + "', '"
                    + pipedSha
                    + "')"))
        .isEqualTo(3);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aRepeatOfARejectedFileIsRejectedTooNotADuplicate() throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    // Rejected at the scan (empty, not a PDF) and by the reader (damaged): each twice.
    Path empty1 = Files.write(in.resolve("a-empty.pdf"), new byte[0]);
    Path empty2 = Files.write(in.resolve("b-empty.pdf"), new byte[0]);
    Path html1 = Files.writeString(in.resolve("c-page.pdf"), "<html>not found</html>\n");
    Path html2 = Files.copy(html1, in.resolve("d-page.pdf"));
    byte[] damaged =
        new PdfMutations(Files.readAllBytes(Fixtures.samplePdf("h31")))
            .apply(PdfMutations.Kind.STREAM_FLIP, 31)
            .bytes();
    Path damaged1 = Files.write(in.resolve("e-damaged.pdf"), damaged);
    Path damaged2 = Files.write(in.resolve("f-damaged.pdf"), damaged);
    // and a good report twice: its repeat stays a duplicate
    Path good1 = Files.copy(Fixtures.samplePdf("h30"), in.resolve("g-good.pdf"));
    Path good2 = Files.copy(Fixtures.samplePdf("h30"), in.resolve("h-good.pdf"));
    Path data = dir.resolve("data");

    Run run = ingest(data, List.of(in), null);
    String damagedReason =
        "damaged PDF (page 7: content stream (object 53 0) is corrupt (its checksum does not"
            + " match: the data were changed)): the file is corrupt";
    String htmlReason =
        "not a PDF (no %PDF- header in the first 1024 bytes; the content looks like text/html)";
    assertThat(run.lines())
        .containsExactly(
            "rejected " + empty1 + ": empty file (0 bytes)",
            "rejected "
                + empty2
                + ": same content as "
                + empty1
                + ", rejected: empty file (0 bytes)",
            "rejected " + html1 + ": " + htmlReason,
            "rejected " + html2 + ": same content as " + html1 + ", rejected: " + htmlReason,
            "rejected " + damaged1 + ": " + damagedReason,
            "rejected "
                + damaged2
                + ": same content as "
                + damaged1
                + ", rejected: "
                + damagedReason,
            run.lines().get(6),
            "duplicate " + good2 + ": same content as " + good1,
            run.summary().line());
    assertThat(run.lines().get(6)).startsWith("added " + good1 + " (FY2018, 62 projects");
    assertThat(run.summary().files())
        .extracting(FileOutcome::code)
        .containsExactly(
            ErrorCode.EMPTY_FILE,
            ErrorCode.EMPTY_FILE,
            ErrorCode.NOT_A_PDF,
            ErrorCode.NOT_A_PDF,
            ErrorCode.DAMAGED_PDF,
            ErrorCode.DAMAGED_PDF,
            null,
            null);
    assertThat(run.summary().line()).contains("1 duplicates, 6 rejected");
    // The run records every rejected file, the repeats too.
    assertThat(
            IngestRunTest.sql(
                data, "SELECT count(*) FROM rejections WHERE source_file LIKE '%-damaged.pdf'"))
        .isEqualTo(2);
    assertThat(Agreement.assertAgree(data)).hasSize(1);

    // Again: the damaged content is remembered, and its repeat says so too.
    Run again = ingest(data, List.of(in), null);
    assertThat(again.lines())
        .contains(
            "rejected "
                + damaged2
                + ": same content as "
                + damaged1
                + ", rejected: "
                + damagedReason
                + " (rejected before; not read again)",
            "unchanged " + good1,
            "unchanged " + good2);
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
