package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.search.SearchIndex;
import hyoka.search.SearchRequest;
import hyoka.search.SearchSnapshot;
import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRunTest {
  @TempDir Path dir;

  @Test
  void samplesAreIngestedThenUnchangedThenSupersededByARevisedFile() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("otaru-sogo-senryaku-h30.pdf"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("otaru-sogo-senryaku-h31.pdf"));
    Path data = dir.resolve("data");

    long t0 = System.nanoTime();
    Run first = ingest(data, List.of(otaru), null);
    long fullMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(first.lines().get(0)).startsWith("added " + h30 + " (FY2018, ");
    assertThat(first.lines().get(1))
        .startsWith("added " + h31 + " (FY2019, 62 projects, 73 KPI rows, ");
    assertThat(first.lines()).hasSize(3);
    assertThat(first.summary().added()).isEqualTo(2);
    assertThat(first.summary().runId()).isEqualTo(1);
    assertThat(first.lines().get(2))
        .isEqualTo(first.summary().line())
        .startsWith("2 files: 2 added (0 superseding), 0 unchanged, 0 duplicates, 0 rejected; ");
    String h31Id = IngestedReport.reportIdOf(IngestedReport.sha256Of(h31));
    assertThat(sql(data, "SELECT count(*) FROM projects WHERE report_id = '" + h31Id + "'"))
        .isEqualTo(62);
    assertThat(sql(data, "SELECT count(*) FROM kpis WHERE report_id = '" + h31Id + "'"))
        .isEqualTo(73);
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE series = 'otaru'")).isEqualTo(2);
    assertThat(Agreement.assertAgree(data)).hasSize(2);
    assertThat(data.resolve("staging")).doesNotExist();

    // A re-run over the same folder hashes and stops: no pipeline, nothing written.
    Map<String, FileState> before = snapshot(data);
    long t1 = System.nanoTime();
    Run again = ingest(data, List.of(otaru), null);
    long noopMs = (System.nanoTime() - t1) / 1_000_000;
    assertThat(again.lines())
        .containsExactly(
            "unchanged " + h30,
            "unchanged " + h31,
            "2 files: 0 added (0 superseding), 2 unchanged, 0 duplicates, 0 rejected;"
                + " 0 projects, 0 KPI rows, 0 score mismatches, 0 unknown lines");
    assertThat(again.summary().runId()).isZero();
    assertThat(snapshot(data)).isEqualTo(before);

    // A file that is plainly no PDF is rejected from its first bytes; a scanned one needs the
    // pipeline to tell, but a run that adds no report writes nothing either.
    Path junk =
        Files.writeString(dir.resolve("junk.pdf"), "<html></html>\n", StandardCharsets.UTF_8);
    Path scan = TestPdfs.scanned(dir.resolve("scan.pdf"), 1);
    Run withJunk = ingest(data, List.of(otaru, junk, scan), null);
    assertThat(withJunk.lines())
        .containsExactly(
            "unchanged " + h30,
            "unchanged " + h31,
            "rejected "
                + junk
                + ": not a PDF (no %PDF- header in the first 1024 bytes; the content looks like"
                + " text/html)",
            "rejected "
                + scan
                + ": no text layer (1 page, 0 characters): scanned or image-only PDF",
            withJunk.summary().line());
    assertThat(withJunk.summary().runId()).isZero();
    // The warehouse and index are untouched; only the scanned content is remembered as rejected.
    Map<String, FileState> afterJunk = snapshot(data);
    assertThat(afterJunk).containsAllEntriesOf(before);
    assertThat(afterJunk.keySet())
        .containsExactlyInAnyOrderElementsOf(union(before.keySet(), RejectedContent.FILE));

    // Re-running over the folder that still holds them reads neither again and writes nothing.
    Run junkAgain = ingest(data, List.of(otaru, junk, scan), null);
    assertThat(junkAgain.lines())
        .contains(
            "rejected "
                + scan
                + ": no text layer (1 page, 0 characters): scanned or image-only PDF"
                + " (rejected before; not read again)");
    assertThat(junkAgain.summary().rejected()).isEqualTo(2);
    assertThat(snapshot(data)).isEqualTo(afterJunk);
    System.out.printf("full ingest of 2 samples: %d ms; no-op re-run: %d ms%n", fullMs, noopMs);

    // A revised h31 (other bytes, same series and year) replaces the old one; the copy of the
    // revision under another name in the same run is a duplicate.
    byte[] revised = Files.readAllBytes(h31);
    byte[] withNote = Arrays.copyOf(revised, revised.length + 12);
    System.arraycopy(
        "% revised.\n".getBytes(StandardCharsets.US_ASCII), 0, withNote, revised.length, 11);
    Path fixed = Files.write(dir.resolve("h31-revised.pdf"), withNote);
    Path copy = Files.write(dir.resolve("h31-revised-copy.pdf"), withNote);
    Run third = ingest(data, List.of(fixed, copy), "otaru");
    assertThat(third.lines().get(0))
        .startsWith("superseded " + h31 + " by " + fixed + " (FY2019, 62 projects, 73 KPI rows, ");
    assertThat(third.lines().get(1)).isEqualTo("duplicate " + copy + ": same content as " + fixed);
    assertThat(third.summary().superseded()).isEqualTo(1);
    assertThat(sql(data, "SELECT count(*) FROM current_reports")).isEqualTo(2);
    Map<String, String> reports = Agreement.assertAgree(data);
    assertThat(reports)
        .hasSize(3)
        .containsEntry(h31Id, IngestedReport.reportIdOf(IngestedReport.sha256Of(fixed)));

    // An unreadable index (here: its commit point overwritten) is rebuilt from the warehouse.
    try (Stream<Path> files = Files.list(data.resolve("index"))) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
        Files.writeString(f, "garbage");
      }
    }
    Run rebuilt = ingest(data, List.of(fixed), "otaru");
    assertThat(rebuilt.lines().get(0))
        .startsWith("rebuilding search index: cannot read search index ");
    assertThat(rebuilt.lines().get(1)).isEqualTo("unchanged " + fixed);
    assertThat(Agreement.assertAgree(data)).isEqualTo(reports);
  }

  @Test
  void badFilesAreRejectedWithTheirReasonAndTheGoodFileIsStillIngested() throws Exception {
    Path in = Files.createDirectory(dir.resolve("mixed"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), in.resolve("a-report.pdf"));
    Path scan = TestPdfs.scanned(in.resolve("scan.pdf"), 2);
    Path memo = TestPdfs.text(in.resolve("memo.PDF"), List.of("Quarterly memo", "Budget: 100"));
    Path locked = TestPdfs.encrypted(in.resolve("locked.pdf"));
    Path empty = Files.write(in.resolve("empty.pdf"), new byte[0]);
    Path notes = Files.writeString(in.resolve("notes.pdf"), "not a pdf\n", StandardCharsets.UTF_8);
    Path half = in.resolve("sub").resolve("half.pdf");
    Files.createDirectories(half.getParent());
    Files.write(half, Arrays.copyOf(Files.readAllBytes(Fixtures.samplePdf("h30")), 4096));
    Files.writeString(
        in.resolve("README.txt"), "not picked up: not *.pdf\n", StandardCharsets.UTF_8);
    Path missing = dir.resolve("missing.pdf");
    Path named =
        Files.writeString(dir.resolve("named.txt"), "taken: named", StandardCharsets.UTF_8);
    Path data = dir.resolve("data");

    Run run = ingest(data, List.of(in, missing, named), null);
    assertThat(run.lines())
        .containsExactly(
            "added "
                + h31
                + " (FY2019, 62 projects, 73 KPI rows, "
                + run.summary().scoreMismatches()
                + " score mismatches, "
                + run.summary().unknownLines()
                + " unknown lines)",
            "rejected " + empty + ": empty file (0 bytes)",
            "rejected "
                + locked
                + ": password-protected PDF: hyoka cannot open encrypted reports;"
                + " save an unprotected copy",
            "rejected "
                + memo
                + ": not a KPI evaluation report of a known layout; closest: kpi-sheet, lacking ＫＰＩ"
                + " その{n} label, 達成率/評価 row, 評価基準 grade legend, 実績値 row of values",
            "rejected "
                + notes
                + ": not a PDF (no %PDF- header in the first 1024 bytes; the content looks"
                + " like text/plain)",
            "rejected "
                + scan
                + ": no text layer (2 pages, 0 characters): scanned or image-only PDF",
            "rejected "
                + half
                + ": truncated PDF (no %%EOF marker at the end of its 4096 bytes): the"
                + " file was cut off; copy or download it again",
            "rejected " + missing + ": no such file or folder",
            "rejected "
                + named
                + ": not a PDF (no %PDF- header in the first 1024 bytes; the content looks"
                + " like text/plain)",
            run.summary().line());
    assertThat(run.summary().rejected()).isEqualTo(8);
    assertThat(run.summary().added()).isEqualTo(1);
    assertThat(run.summary().files().get(1).code()).isEqualTo(ErrorCode.EMPTY_FILE);
    // Nothing of the rejected files is stored, but each rejection is, with its reason.
    assertThat(sql(data, "SELECT count(*) FROM reports")).isEqualTo(1);
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE source_file = '" + h31 + "'"))
        .isEqualTo(1);
    assertThat(sql(data, "SELECT count(*) FROM rejections")).isEqualTo(8);
    assertThat(
            sql(
                data,
                "SELECT count(*) FROM rejections WHERE source_file = '"
                    + scan
                    + "' AND reason = 'no text layer (2 pages, 0 characters): scanned or image-only"
                    + " PDF'"))
        .isEqualTo(1);
    assertThat(Agreement.assertAgree(data))
        .containsOnlyKeys(IngestedReport.reportIdOf(IngestedReport.sha256Of(h31)));
    assertThat(data.resolve("staging")).doesNotExist();
  }

  @Test
  void aSupersedingReportThatHoldsLessSaysWhatItLostAndSqlListsIt() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("h31.pdf"));
    Path data = dir.resolve("data");
    ingest(data, List.of(h31), null);
    // A well-formed later file for the same series and year whose page 12 has no text: nothing
    // about it is damaged, so it is taken, but not without saying what it lacks.
    Path later = Files.createDirectories(dir.resolve("later").resolve("otaru"));
    Path blank = TestPdfs.withBlankPage(h31, 12, later.resolve("h31-page-12-blank.pdf"));

    Run run = ingest(data, List.of(blank), null);
    String line = run.lines().get(0);
    assertThat(line)
        .startsWith("superseded " + h31 + " by " + blank + " (FY2019, ")
        .containsPattern(
            "\\); lost against the superseded report: (\\d+ [a-zA-Z ]+, )*\\d+ narratives?"
                + " \\(see the supersession_losses view\\)$");
    String oldId = IngestedReport.reportIdOf(IngestedReport.sha256Of(h31));
    String newId = IngestedReport.reportIdOf(IngestedReport.sha256Of(blank));
    long rows =
        sql(
            data,
            "SELECT count(*) FROM supersession_losses WHERE report_id = '"
                + newId
                + "' AND superseded_report_id = '"
                + oldId
                + "'");
    // The line's counts are the view's rows.
    long printed = 0;
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d+) [a-zA-Z ]+")
            .matcher(line.substring(line.indexOf("report: ")));
    while (m.find()) {
      printed += Long.parseLong(m.group(1));
    }
    assertThat(rows).isPositive().isEqualTo(printed);
    // What the view names was on page 12 of the old report.
    assertThat(
            sql(
                data,
                "SELECT count(*) FROM supersession_losses WHERE report_id = '"
                    + newId
                    + "' AND page <> 12"))
        .isZero();

    // A later file with the same data supersedes without a word about losses.
    Path same = later.resolve("h31-again.pdf");
    hyoka.ingest.bench.Corpus.copy(h31, same, 7);
    Run again = ingest(data, List.of(same), "otaru");
    assertThat(again.lines().get(0))
        .startsWith("superseded " + blank + " by " + same)
        .doesNotContain("lost");
  }

  /**
   * After an upgrade the index holds documents of another index schema; the warehouse is the same.
   * A re-run with no new file rebuilds the index from the warehouse (until then a search is refused
   * in one line, see search's IndexSchemaTest) and adds no run.
   */
  @Test
  void aReRunRebuildsAnIndexWrittenByAnotherVersionOfHyoka() throws Exception {
    Path h31 = Fixtures.samplePdf("h31");
    Path data = dir.resolve("data");
    Path index = data.resolve("index");
    ingest(data, List.of(h31), null);
    long hits;
    try (SearchSnapshot s = SearchSnapshot.open(new Warehouse(data)::openReadOnly, index)) {
      hits = s.search(SearchRequest.of("除雪")).total();
    }
    try (Directory d = FSDirectory.open(index);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
      Map<String, String> commit = new TreeMap<>();
      w.getLiveCommitData().forEach(e -> commit.put(e.getKey(), e.getValue()));
      commit.put("schema", "5");
      w.setLiveCommitData(commit.entrySet());
      w.commit();
    }
    assertThat(SearchIndex.lastCommit(index).schema()).isEqualTo("5");

    Run again = ingest(data, List.of(h31), null);
    assertThat(again.lines())
        .containsExactly(
            "rebuilding search index: it was written by another version of hyoka (index schema 5;"
                + " this one writes "
                + SearchIndex.SCHEMA
                + ")",
            "unchanged " + h31,
            "1 file: 0 added (0 superseding), 1 unchanged, 0 duplicates, 0 rejected;"
                + " 0 projects, 0 KPI rows, 0 score mismatches, 0 unknown lines");
    assertThat(again.summary().runId()).isZero();
    assertThat(SearchIndex.lastCommit(index).schema()).isEqualTo(SearchIndex.SCHEMA);
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(1);
    try (SearchSnapshot s = SearchSnapshot.open(new Warehouse(data)::openReadOnly, index)) {
      assertThat(s.search(SearchRequest.of("除雪")).total()).isEqualTo(hits).isPositive();
    }
  }

  @Test
  void aSecondIngestIntoALockedDataDirectoryIsRefused() throws IOException {
    Path data = Files.createDirectory(dir.resolve("hyoka-data"));
    try (DataDirLock held = DataDirLock.acquire(data, "held")) {
      assertThatThrownBy(() -> ingest(data, List.of(Fixtures.samplePdf("h31")), null))
          .isInstanceOfSatisfying(
              HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_DIR_LOCKED))
          .hasMessage("data directory " + data + " is in use by another hyoka ingest");
    }
    assertThat(new Warehouse(data).exists()).isFalse();
  }

  @Test
  void anUnknownRunnerOrOneNotInTheBuildIsRefusedBeforeAnythingIsWritten() {
    Path data = dir.resolve("hyoka-data");
    assertThatThrownBy(() -> ingest(data, List.of(Fixtures.samplePdf("h31")), null, "storm"))
        .isInstanceOfSatisfying(
            HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
        .hasMessage("unknown runner storm: use direct, flink or spark");
    assertThatThrownBy(() -> ingest(data, List.of(Fixtures.samplePdf("h31")), null, "flink"))
        .isInstanceOfSatisfying(
            HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
        .hasMessage("runner flink is not in this build (build hyoka with -Pflink)");
    assertThat(data).doesNotExist();
  }

  /**
   * A forced layout reads every file; that no layout claimed a file says nothing about a forced
   * one, so a file remembered as no report is read again with --layout, and what the forced layout
   * rejects is not remembered for the runs that choose by claim.
   */
  @Test
  void aForcedLayoutReadsEveryFileAndItsRejectionsAreItsOwn() throws Exception {
    Path in = Files.createDirectory(dir.resolve("forced"));
    Path memo = TestPdfs.text(in.resolve("memo.pdf"), List.of("Quarterly memo", "Budget: 100"));
    Path data = dir.resolve("forced-data");
    String noReport =
        ": not a KPI evaluation report of a known layout; closest: kpi-sheet, lacking ＫＰＩ"
            + " その{n} label, 達成率/評価 row, 評価基準 grade legend, 実績値 row of values";

    assertThat(ingest(data, List.of(memo), null).lines()).startsWith("rejected " + memo + noReport);
    Run forced = ingest(data, List.of(memo), null, "direct", "strategy-report");
    assertThat(forced.lines())
        .startsWith(
            "rejected "
                + memo
                + ": read with --layout strategy-report: not a KPI evaluation report: no project"
                + " with a 補正前ｽｺｱ スコア value table");
    assertThat(ingest(data, List.of(memo), null).lines())
        .startsWith("rejected " + memo + noReport + " (rejected before; not read again)");

    Path h30 = Files.copy(Fixtures.samplePdf("h30"), in.resolve("h30.pdf"));
    Run sample = ingest(data, List.of(h30), null, "direct", "strategy-report");
    assertThat(sample.lines().get(0)).startsWith("added " + h30 + " (FY2018, 62 projects");
    assertThat(sql(data, "SELECT count(*) FROM reports WHERE layout = 'strategy-report'"))
        .isEqualTo(1);
  }

  @Test
  void anUnknownLayoutIsRefusedBeforeAnythingIsWrittenNamingTheInstalledOnes() {
    Path data = dir.resolve("no-such-layout");
    assertThatThrownBy(
            () -> ingest(data, List.of(Fixtures.samplePdf("h31")), null, "direct", "sheets"))
        .isInstanceOfSatisfying(
            HyokaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
        .hasMessageStartingWith("unknown layout 'sheets' (installed: ")
        .hasMessageContaining("strategy-report");
    assertThat(data).doesNotExist();
  }

  @Test
  void aPublishThatFailsSaysTheFilesPrintedAsAddedWereNotPublished() throws Exception {
    Path data = dir.resolve("pubfail");
    Path h30 = Fixtures.samplePdf("h30");
    Path h31 = Fixtures.samplePdf("h31");
    ingest(data, List.of(h30), "otaru");
    Map<String, FileState> before = snapshot(data);
    // Where the publish writes its staging copy of the warehouse, a folder that is not empty: the
    // file system refuses to replace it, as a full disk refuses the copy.
    Path blocked = Files.createDirectories(data.resolve("warehouse.staging.duckdb").resolve("x"));

    StringWriter text = new StringWriter();
    assertThatThrownBy(
            () ->
                new IngestRun()
                    .run(
                        new IngestRequest(
                            data, List.of(h31), "otaru", "direct", new PrintWriter(text))))
        .isInstanceOf(HyokaException.class)
        .hasMessageStartingWith("cannot publish to " + data)
        .hasMessageEndingWith(
            "; this run was not published: the warehouse and what hyoka search finds are as"
                + " before it, without the files printed above as added (the next hyoka ingest"
                + " reads them again)");
    // The line was printed as soon as the file was read, before the publish failed.
    assertThat(text.toString().lines().toList())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("added " + h31 + " (FY2019");
    assertThat(sql(data, "SELECT count(*) FROM reports")).isEqualTo(1);
    assertThat(snapshot(data).get("warehouse.duckdb")).isEqualTo(before.get("warehouse.duckdb"));
    Agreement.assertAgree(data);
    // The failed run's shards are gone with it.
    assertThat(data.resolve("staging")).doesNotExist();

    StagingDir.deleteTree(blocked.getParent());
    Run again = ingest(data, List.of(h31), "otaru");
    assertThat(again.lines().get(0)).startsWith("added " + h31 + " (FY2019");
    assertThat(Agreement.assertAgree(data)).hasSize(2);
  }

  @Test
  void aDataDirectoryThatRefusesTheRunsFirstWriteGetsOneLineAndKeepsItsRun() throws Exception {
    Path data = dir.resolve("refuses");
    ingest(data, List.of(Fixtures.samplePdf("h30")), "otaru");
    Map<String, FileState> before = snapshot(data);
    // Where the run's staging directory goes, a file: the file system refuses the directory, as
    // an immutable data directory (chattr +i, where root is refused too) refuses a new entry.
    Files.writeString(data.resolve("staging"), "not a folder");

    StringWriter text = new StringWriter();
    assertThatThrownBy(
            () ->
                new IngestRun()
                    .run(
                        new IngestRequest(
                            data,
                            List.of(Fixtures.samplePdf("h31")),
                            "otaru",
                            "direct",
                            new PrintWriter(text))))
        .isInstanceOf(HyokaException.class)
        .hasMessageMatching(
            "cannot write the run's staging directory "
                + java.util.regex.Pattern.quote(data.resolve("staging").toString())
                + "/run-[0-9TZ.]+: [^/]+; nothing of this run was written");
    assertThat(text.toString()).isEmpty();
    before.put("staging", snapshot(data).get("staging"));
    assertThat(snapshot(data)).isEqualTo(before);
  }

  record Run(IngestSummary summary, List<String> lines) {}

  static Run ingest(Path data, List<Path> inputs, String series) {
    return ingest(data, inputs, series, "direct");
  }

  static Run ingest(Path data, List<Path> inputs, String series, String runner) {
    return ingest(data, inputs, series, runner, null);
  }

  static Run ingest(Path data, List<Path> inputs, String series, String runner, String layout) {
    StringWriter text = new StringWriter();
    IngestSummary summary =
        new IngestRun()
            .run(new IngestRequest(data, inputs, series, runner, layout, new PrintWriter(text)));
    return new Run(summary, text.toString().lines().toList());
  }

  static long sql(Path data, String query) throws SQLException {
    try (Connection c = new Warehouse(data).openReadOnly();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  record FileState(long size, FileTime modified, String sha256) {}

  /** Every file under {@code data} with its size, mtime and content hash. */
  private static java.util.Set<String> union(java.util.Set<String> keys, String more) {
    java.util.Set<String> all = new java.util.TreeSet<>(keys);
    all.add(more);
    return all;
  }

  static Map<String, FileState> snapshot(Path data) throws IOException {
    Map<String, FileState> out = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(data)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path f : files) {
      out.put(
          data.relativize(f).toString(),
          new FileState(Files.size(f), Files.getLastModifiedTime(f), IngestedReport.sha256Of(f)));
    }
    return out;
  }
}
