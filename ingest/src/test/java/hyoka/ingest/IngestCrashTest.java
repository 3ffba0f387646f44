package hyoka.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hyoka.search.SearchHit;
import hyoka.search.SearchIndex;
import hyoka.search.SearchRequest;
import hyoka.search.SearchSnapshot;
import hyoka.search.Searcher;
import hyoka.transform.ErrorCode;
import hyoka.transform.Fixtures;
import hyoka.transform.HyokaException;
import hyoka.transform.IngestedReport;
import hyoka.warehouse.Warehouse;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills forked ingests ({@link IngestMain}, halted like kill -9 by {@link CrashPoints}) at every
 * point between the pipeline and the end of the run, each time followed by an ingest that must
 * leave the warehouse and the index agreeing with nothing lost or duplicated. Then checks that the
 * data directory lock works across processes and does not lock readers out. One scenario in one
 * method: each forked JVM costs seconds of start-up, so every fork does double duty.
 */
class IngestCrashTest {
  @TempDir Path dir;

  @Test
  void killedIngestsAreRepairedByTheNextOne() throws Exception {
    Path otaru = Files.createDirectory(dir.resolve("otaru"));
    Path h30 = Files.copy(Fixtures.samplePdf("h30"), otaru.resolve("h30.pdf"));
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), otaru.resolve("h31.pdf"));
    Path data = dir.resolve("data");
    Warehouse warehouse = new Warehouse(data);
    Path index = data.resolve("index");

    // Killed after the shards were written: nothing was published.
    Forked a = fork(data, "-Dhyoka.test.haltAt=after-shards", h30);
    assertThat(a.exit()).isEqualTo(137);
    assertThat(warehouse.exists()).isFalse();
    assertThat(StagingDir.entries(data.resolve("staging"))).hasSize(1);

    // Killed after the index of the run was committed, before its warehouse went live: the index
    // is one run ahead of a data directory that has no warehouse yet.
    Forked b = fork(data, "-Dhyoka.test.haltAt=after-index", h30);
    assertThat(b.exit()).isEqualTo(137);
    assertThat(b.out()).contains("removing staging directory of an interrupted ingest: run-");
    assertThat(warehouse.exists()).isFalse();
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(1);

    IngestRunTest.Run c = IngestRunTest.ingest(data, List.of(h30), null);
    assertThat(c.lines())
        .startsWith(
            "removing staging directory of an interrupted ingest: " + b.staging(),
            "removing search index of warehouse run 1: the data directory has no warehouse")
        .anyMatch(l -> l.startsWith("added " + h30));
    assertThat(c.summary().indexRepaired()).isTrue();
    assertThat(Agreement.assertAgree(data)).containsOnlyKeys(id(h30));

    // Killed while the index writer had written documents but not committed them: neither the
    // index nor the warehouse has the run.
    Forked d = fork(data, "-Dhyoka.test.haltAt=during-index-write", h30, h31);
    assertThat(d.exit()).isEqualTo(137);
    assertThat(warehouse.lastRunId()).isEqualTo(1);
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(1);
    assertThat(Agreement.assertAgree(data)).containsOnlyKeys(id(h30));

    // Killed between the index commit and the rename, now with a warehouse: readers still see
    // run 1 whole (its commit is kept), and the next ingest repairs the index first.
    Forked d2 = fork(data, "-Dhyoka.test.haltAt=after-index", h30, h31);
    assertThat(d2.exit()).isEqualTo(137);
    assertThat(warehouse.lastRunId()).isEqualTo(1);
    assertThat(SearchIndex.indexedRun(index)).isEqualTo(2);
    try (SearchSnapshot s = SearchSnapshot.open(warehouse::openReadOnly, index)) {
      assertThat(s.runId()).isEqualTo(1);
      assertThat(s.search(SearchRequest.of("除雪").withLimit(1000)).hits())
          .extracting(SearchHit::reportId)
          .containsOnly(id(h30));
    }
    // so does hyoka search's way, by the live file's id (the supplier would fail if asked)
    try (Searcher s =
        SearchSnapshot.openSearcher(
            warehouse.dbFile(),
            () -> {
              throw new AssertionError("the warehouse was opened");
            },
            index)) {
      assertThat(s.search(SearchRequest.of("除雪").withLimit(1000)).hits())
          .extracting(SearchHit::reportId)
          .containsOnly(id(h30));
    }

    IngestRunTest.Run e1 = IngestRunTest.ingest(data, List.of(otaru), null);
    assertThat(e1.lines())
        .startsWith(
            "removing staging directory of an interrupted ingest: " + d2.staging(),
            "repairing search index: it matches warehouse run 2 but the warehouse is at run 1"
                + " (an earlier ingest was interrupted)",
            "unchanged " + h30)
        .anyMatch(l -> l.startsWith("added " + h31));
    assertThat(Agreement.assertAgree(data)).containsOnlyKeys(id(h30), id(h31));

    // A revised h31 supersedes the old one: the index gets the new report once and the old one's
    // superseded state.
    Path later = Files.createDirectories(dir.resolve("later").resolve("otaru"));
    Path revised = Files.write(later.resolve("h31-revised.pdf"), revisedBytes(h31));
    IngestRunTest.Run e = IngestRunTest.ingest(data, List.of(otaru, revised), null);
    assertThat(e.lines())
        .hasSize(4)
        .startsWith("unchanged " + h30, "unchanged " + h31)
        .element(2, org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("superseded " + h31 + " by " + revised + " (FY2019, 62 projects, 73 KPI rows");
    Map<String, String> reports = Agreement.assertAgree(data);
    assertThat(reports)
        .containsOnlyKeys(id(h30), id(h31), id(revised))
        .containsEntry(id(h31), id(revised))
        .containsEntry(id(revised), "");
    assertThat(IngestRunTest.sql(data, "SELECT count(*) FROM projects")).isEqualTo(3 * 62);
    assertThat(data.resolve("staging")).doesNotExist();

    // An ingest paused while holding the lock: a second one is refused, readers are not. When
    // let go, it publishes and indexes, and is killed before removing its staging directory.
    Path h30revised = Files.write(later.resolve("h30-revised.pdf"), revisedBytes(h30));
    ProcessBuilder pb =
        command(
            data,
            List.of("-Dhyoka.test.pauseAt=after-lock", "-Dhyoka.test.haltAt=after-publish"),
            h30revised);
    Path err = dir.resolve("paused.err");
    pb.redirectError(err.toFile()).redirectOutput(dir.resolve("paused.out").toFile());
    Process paused = pb.start();
    String staged;
    try {
      waitFor(err, "paused at after-lock", paused);
      assertThatThrownBy(() -> IngestRunTest.ingest(data, List.of(h30revised), null))
          .isInstanceOfSatisfying(
              HyokaException.class, x -> assertThat(x.code()).isEqualTo(ErrorCode.DATA_DIR_LOCKED))
          .hasMessage("data directory " + data + " is in use by another hyoka ingest");
      assertThat(warehouse.knownSha256()).hasSize(3);
      paused.getOutputStream().close();
      // Read while the paused ingest publishes: every read sees the old or the new state whole.
      int reads = 0;
      int duringPublish = 0;
      while (paused.isAlive()) {
        boolean staging = Files.exists(data.resolve("warehouse.staging.duckdb"));
        assertThat(warehouse.knownSha256().size()).isIn(3, 4);
        reads++;
        duringPublish += staging ? 1 : 0;
      }
      System.out.printf(
          "reader: %d reads, %d while the publish was staging%n", reads, duringPublish);
      assertThat(paused.waitFor()).isEqualTo(137);
      assertThat(reads).isPositive();
      staged = StagingDir.entries(data.resolve("staging")).get(0).getFileName().toString();
    } finally {
      paused.destroyForcibly();
    }
    assertThat(Agreement.assertAgree(data)).hasSize(4).containsEntry(id(h30), id(h30revised));
    assertThat(StagingDir.entries(data.resolve("staging"))).hasSize(1);
    IngestRunTest.Run g = IngestRunTest.ingest(data, List.of(h30revised), null);
    assertThat(g.lines())
        .containsExactly(
            "removing staging directory of an interrupted ingest: " + staged,
            "unchanged " + h30revised,
            g.summary().line());
    assertThat(data.resolve("staging")).doesNotExist();
    assertThat(Agreement.assertAgree(data)).hasSize(4);
  }

  private static String id(Path file) throws IOException {
    return IngestedReport.reportIdOf(IngestedReport.sha256Of(file));
  }

  /** The same report with other bytes: a comment after the end marker. */
  private static byte[] revisedBytes(Path pdf) throws IOException {
    byte[] bytes = Files.readAllBytes(pdf);
    byte[] note = "% revised\n".getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(bytes, bytes.length + note.length);
    System.arraycopy(note, 0, out, bytes.length, note.length);
    return out;
  }

  /**
   * An ingest after an upgrade killed between its index commit and the rename: the warehouse keeps
   * the old reports, made by the old version, whole; the next run of the new version repairs the
   * index and re-parses them, once.
   */
  @Test
  void aReparseKilledBeforeGoingLiveLeavesTheOldReportsAndIsRedone() throws Exception {
    Path h31 = Files.copy(Fixtures.samplePdf("h31"), dir.resolve("h31.pdf"));
    Path data = dir.resolve("data");
    Warehouse warehouse = new Warehouse(data);
    assertThat(IngestRunTest.ingest(data, List.of(h31), "otaru").summary().added()).isEqualTo(1);
    String built = ParserVersion.current();

    Forked killed =
        fork(
            data,
            List.of(
                "-D" + ParserVersion.TEST_PROPERTY + "=upgraded",
                "-Dhyoka.test.haltAt=after-index"),
            h31);
    assertThat(killed.exit()).isEqualTo(137);
    assertThat(warehouse.lastRunId()).isEqualTo(1);
    assertThat(SearchIndex.indexedRun(data.resolve("index"))).isEqualTo(2);
    assertThat(warehouse.parserVersions())
        .containsExactly(Map.entry(IngestedReport.sha256Of(h31), built));

    StringWriter text = new StringWriter();
    new IngestRun(IngestProgress.NONE, "upgraded")
        .run(
            new IngestRequest(
                data, List.of(h31), null, "direct", null, new java.io.PrintWriter(text)));
    assertThat(text.toString().lines())
        .startsWith(
            "removing staging directory of an interrupted ingest: " + killed.staging(),
            "repairing search index: it matches warehouse run 2 but the warehouse is at run 1"
                + " (an earlier ingest was interrupted)")
        .anyMatch(l -> l.startsWith("reparsed " + h31 + " (made by another hyoka version; "));
    assertThat(warehouse.parserVersions())
        .containsExactly(Map.entry(IngestedReport.sha256Of(h31), "upgraded"));
    assertThat(IngestRunTest.sql(data, "SELECT count(*) FROM kpis")).isEqualTo(73);
    assertThat(IngestRunTest.sql(data, "SELECT count(*) FROM projects")).isEqualTo(62);
    assertThat(Agreement.assertAgree(data)).containsOnlyKeys(id(h31));
  }

  record Forked(int exit, String out, String staging) {}

  private Forked fork(Path data, String property, Path... inputs) throws Exception {
    return fork(data, List.of(property), inputs);
  }

  private Forked fork(Path data, List<String> properties, Path... inputs) throws Exception {
    String property = String.join(" ", properties);
    ProcessBuilder pb = command(data, properties, inputs);
    Path out = Files.createTempFile(dir, "fork", ".out");
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("forked ingest did not end: " + Files.readString(out));
    }
    System.out.printf(
        "forked ingest %s: %d ms%n", property, (System.nanoTime() - start) / 1_000_000);
    List<Path> staging = StagingDir.entries(data.resolve("staging"));
    return new Forked(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        staging.isEmpty() ? null : staging.get(0).getFileName().toString());
  }

  private static ProcessBuilder command(Path data, List<String> properties, Path... inputs) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Dfile.encoding")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Xmx1g");
    // A child that halts leaves DuckDB's library copy in its temp dir: the test's (under target).
    cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    // A short-lived JVM on a shared machine: C1 only and the serial GC cost the least CPU.
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.addAll(properties);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(IngestMain.class.getName());
    cmd.add("--data");
    cmd.add(data.toString());
    for (Path p : inputs) {
      cmd.add(p.toString());
    }
    return new ProcessBuilder(cmd);
  }

  private static void waitFor(Path file, String text, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("forked ingest ended early: " + Files.readString(file));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("forked ingest never printed " + text);
  }
}
